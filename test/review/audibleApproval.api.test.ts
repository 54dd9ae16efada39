import { detectCharacters, type CharacterJson } from '../characters/support';
import { allSegments, createProject, DIALOGUE_BOOK, planProject, type SegmentJson } from '../planning/support';
import type { TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * An approval holds for what the chapter sounds like when it is given: a speaker edit, a new voice for someone who
 * speaks in it (or for the narrator), or a lexicon entry for a word it uses makes it stale; a flag, or a change that
 * touches only another chapter, does not. Through the API on the real local platform.
 */
const CREATOR = 'creator@andes.test';
const VALIDATOR = 'validator@andes.test';

let platform: TestPlatform;
let projectId = '';
let chapterIds: string[] = [];
let characters: CharacterJson[] = [];

beforeAll(async () => {
  platform = await sharedTestPlatform();
  projectId = await createProject(platform, CREATOR, 'Heard as approved');
  const members = await platform.api(CREATOR, `/v1/projects/${projectId}/members`, {
    method: 'PUT',
    json: { validatorIds: ['u-andes-validator'] },
  });
  expect(members.status).toBe(200);
  const upload = await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=dialogue.txt`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: DIALOGUE_BOOK,
  });
  expect(upload.status).toBe(202);
  const { job } = (await upload.json()) as { job: { id: string } };
  for (;;) {
    const res = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${job.id}`);
    const status = ((await res.json()) as { status: string }).status;
    if (status === 'succeeded') break;
    if (status === 'failed' || status === 'cancelled') throw new Error(`import ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const chapters = (await (await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`)).json()) as {
    items: { id: string }[];
  };
  chapterIds = chapters.items.map((chapter) => chapter.id);
  expect((await detectCharacters(platform, CREATOR, projectId)).status).toBe('succeeded');
  await planProject(platform, CREATOR, projectId);
  expect((await platform.api(CREATOR, `/v1/projects/${projectId}/casting/auto`, { method: 'POST' })).status).toBe(200);
  characters = (
    (await (await platform.api(CREATOR, `/v1/projects/${projectId}/characters`)).json()) as {
      items: CharacterJson[];
    }
  ).items;
}, 300_000);

afterAll(async () => {
  await platform?.stop();
});

interface ChapterState {
  chapterId: string;
  decision: string;
  approvalStale: boolean;
  approval: { etag: string } | null;
}

async function review(): Promise<Map<string, ChapterState>> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/review`);
  expect(res.status).toBe(200);
  const summary = (await res.json()) as { chapters: ChapterState[] };
  return new Map(summary.chapters.map((chapter) => [chapter.chapterId, chapter]));
}

/** Both chapters' standing, in chapter order: 'approved' or 'stale'. */
async function standing(): Promise<string[]> {
  const states = await review();
  return chapterIds.map((id) => {
    const state = states.get(id)!;
    return state.approvalStale ? 'stale' : state.decision;
  });
}

async function approve(chapterId: string): Promise<void> {
  const current = (await review()).get(chapterId)!.approval;
  const res = await platform.api(VALIDATOR, `/v1/projects/${projectId}/chapters/${chapterId}/approval`, {
    method: 'PUT',
    json: { decision: 'approved' },
    headers: current ? { 'if-match': current.etag } : {},
  });
  expect(res.status).toBe(200);
}

async function addLexiconEntry(grapheme: string, value: string): Promise<void> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`, {
    method: 'POST',
    json: { grapheme, locale: 'en-GB', kind: 'alias', value, wholeWord: true, caseSensitive: false, notes: '' },
  });
  expect(res.status).toBe(201);
}

async function setVoice(characterId: string, voiceName: string): Promise<void> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters/${characterId}/voice`, {
    method: 'PUT',
    json: { voiceName },
  });
  expect(res.status).toBe(200);
}

async function patchSegment(segment: SegmentJson, patch: Record<string, unknown>): Promise<void> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segment.id}`, {
    method: 'PATCH',
    headers: { 'if-match': segment.etag },
    json: patch,
  });
  expect(res.status).toBe(200);
}

const segmentOf = async (chapterId: string, startsWith: string) =>
  (await allSegments(platform, CREATOR, projectId)).find(
    (segment) => segment.chapterId === chapterId && segment.text.startsWith(startsWith),
  )!;

describe('an approval goes stale when what the chapter sounds like changes', () => {
  test('flags do not change what is heard; a lexicon entry for a word of one chapter stales that chapter only', async () => {
    expect(chapterIds).toHaveLength(2);
    await approve(chapterIds[0]);
    await approve(chapterIds[1]);
    expect(await standing()).toEqual(['approved', 'approved']);

    await patchSegment(await segmentOf(chapterIds[0], '"It is,"'), { flagged: true });
    expect(await standing()).toEqual(['approved', 'approved']);

    // "carriage" is spoken in chapter 2 only.
    await addLexiconEntry('carriage', 'CARE-idge');
    expect(await standing()).toEqual(['approved', 'stale']);
    await approve(chapterIds[1]);
    expect(await standing()).toEqual(['approved', 'approved']);
  });

  test('a new voice for a character who speaks only in chapter 1 stales chapter 1; the narrator’s stales both', async () => {
    const darcy = characters.find((character) => character.name === 'Mr. Darcy')!;
    const darcyLines = (await allSegments(platform, CREATOR, projectId)).filter(
      (segment) => segment.speakerId === darcy.id && segment.kind === 'dialogue',
    );
    expect(new Set(darcyLines.map((segment) => segment.chapterId))).toEqual(new Set([chapterIds[0]]));
    const otherVoice = darcy.voice?.voiceName === 'en-GB-EspeakMale2' ? 'en-GB-EspeakMale3' : 'en-GB-EspeakMale2';
    await setVoice(darcy.id, otherVoice);
    expect(await standing()).toEqual(['stale', 'approved']);
    await approve(chapterIds[0]);

    const narrator = characters.find((character) => character.id === 'narrator')!;
    await setVoice(
      narrator.id,
      narrator.voice?.voiceName === 'en-GB-EspeakMale2' ? 'en-GB-EspeakMale3' : 'en-GB-EspeakMale2',
    );
    expect(await standing()).toEqual(['stale', 'stale']);
    await approve(chapterIds[0]);
    await approve(chapterIds[1]);
  });

  test('a speaker edit stales its chapter; a lexicon entry for a word of chapter 1 stales chapter 1', async () => {
    expect(await standing()).toEqual(['approved', 'approved']);
    const line = await segmentOf(chapterIds[1], '"We shall stay in,"');
    await patchSegment(line, { speakerId: line.speakerId === 'narrator' ? 'unknown' : 'narrator' });
    expect(await standing()).toEqual(['approved', 'stale']);
    await approve(chapterIds[1]);

    await addLexiconEntry('pianoforte', 'pee-AN-oh-for-tay');
    expect(await standing()).toEqual(['stale', 'approved']);
  });
});
