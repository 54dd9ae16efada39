/**
 * The project's facts say who of the characters needs a voice: a character added who says nothing (only named, or
 * spoken to) is counted among the characters but not among those production would ask a voice of, so the studio's
 * stage badge does not hold a planned, cast book at "Casting". Through the public API on the local platform.
 */
import { SMALL_MANUSCRIPT, waitForJob } from '../api/isolation/fixtures';
import { plannedBookViaApi, json, CREATOR } from '../production/support';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface Facts {
  characterCount: number;
  charactersWithVoice: number;
  speakingCharacters?: number;
  speakingCharactersWithVoice?: number;
}

interface ListedProject {
  id: string;
  facts: Facts;
  workflow: { steps: { step: string; state: string; detail: string | null }[] };
}

interface CharacterJson {
  id: string;
  name: string;
  importance: string;
  dialogueLineCount: number;
  voice: unknown;
}

const call = (path: string, init?: RequestInit & { json?: unknown }) => platform.api(CREATOR, path, init);

/** A project titled `title`, imported, detected, cast and planned through the API. */
async function plannedProject(title: string): Promise<string> {
  const { id: projectId } = await json<{ id: string }>(
    await call('/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  await plannedBookViaApi(platform, CREATOR, projectId);
  return projectId;
}

/** The project as the projects list shows it (found by its title), with the facts stored on it. */
async function listed(projectId: string, title: string): Promise<ListedProject> {
  const listing = await json<{ items: ListedProject[] }>(
    await call(`/v1/projects?q=${encodeURIComponent(title.toLowerCase())}`),
    200,
  );
  return listing.items.find((item) => item.id === projectId)!;
}

/** The project page's facts, counted from the characters on request. */
const pageFacts = (projectId: string) => call(`/v1/projects/${projectId}/facts`).then((res) => json<Facts>(res, 200));

/** Gives a narrated line of the plan to `speakerId`; the chapter it is in. */
async function giveNarratedLineTo(projectId: string, speakerId: string): Promise<string> {
  const segments = await json<{ items: { id: string; chapterId: string; speakerId: string; etag: string }[] }>(
    await call(`/v1/projects/${projectId}/segments?pageSize=100`),
    200,
  );
  // A narrated line: the narrator speaks on, so only the new speaker joins those who need a voice.
  const line = segments.items.find((segment) => segment.speakerId === 'narrator')!;
  await json(
    await call(`/v1/projects/${projectId}/segments/${line.id}`, {
      method: 'PATCH',
      headers: { 'if-match': line.etag },
      json: { speakerId },
    }),
    200,
  );
  return line.chapterId;
}

/** The speaking cast as the projects list shows it and as the project page counts it. */
async function speakingCast(projectId: string, title: string) {
  const [list, page] = await Promise.all([listed(projectId, title), pageFacts(projectId)]);
  return { listed: list.facts.speakingCharacters, page: page.speakingCharacters };
}

const addCharacter = async (projectId: string, name: string) =>
  json<CharacterJson>(await call(`/v1/projects/${projectId}/characters`, { method: 'POST', json: { name } }), 201);

test('a silent character without a voice is not counted as needing one', async () => {
  const projectId = await plannedProject('Who Speaks');
  const cast = await pageFacts(projectId);
  expect(cast.speakingCharacters).toBeGreaterThan(0);
  expect(cast.speakingCharactersWithVoice).toBe(cast.speakingCharacters);

  await addCharacter(projectId, 'The Silent Miller');
  const after = await pageFacts(projectId);
  expect(after).toMatchObject({
    characterCount: cast.characterCount + 1,
    charactersWithVoice: cast.charactersWithVoice,
    speakingCharacters: cast.speakingCharacters,
    speakingCharactersWithVoice: cast.speakingCharacters,
  });
});

test('the projects list counts the speaking cast as the project page does, after adds, merges, deletes and edits', async () => {
  const title = 'Listed Cast';
  const projectId = await plannedProject(title);
  const characters = async () =>
    (await json<{ items: CharacterJson[] }>(await call(`/v1/projects/${projectId}/characters`), 200)).items;
  const merge = async (from: string, into: string) =>
    json(
      await call(`/v1/projects/${projectId}/characters/${from}/merge`, {
        method: 'POST',
        json: { intoCharacterId: into },
      }),
      200,
    );
  const pick = (facts: Facts) => ({
    characterCount: facts.characterCount,
    charactersWithVoice: facts.charactersWithVoice,
    speakingCharacters: facts.speakingCharacters,
    speakingCharactersWithVoice: facts.speakingCharactersWithVoice,
  });
  /** The list's facts and casting step agree with the project page's facts. */
  const expectAgreement = async (castingState: string) => {
    const [list, page] = await Promise.all([listed(projectId, title), pageFacts(projectId)]);
    expect(pick(list.facts)).toEqual(pick(page));
    expect(list.workflow.steps.find((step) => step.step === 'casting')).toEqual({
      step: 'casting',
      state: castingState,
      detail: `${page.speakingCharactersWithVoice}/${page.speakingCharacters} voiced`,
    });
    return page;
  };

  const planned = await expectAgreement('complete');
  expect(planned.speakingCharacters).toBeGreaterThan(1);

  // Silent characters: counted among the characters, not among those who need a voice.
  const miller = await addCharacter(projectId, 'The Silent Miller');
  const mute = await addCharacter(projectId, 'The Mute Baker');
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount + 2,
    speakingCharacters: planned.speakingCharacters,
  });
  await merge(mute.id, miller.id);
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount + 1,
    speakingCharacters: planned.speakingCharacters,
  });

  // A line given to the silent character makes them one who needs a voice.
  await giveNarratedLineTo(projectId, miller.id);
  expect(await expectAgreement('in_progress')).toMatchObject({
    speakingCharacters: planned.speakingCharacters! + 1,
    speakingCharactersWithVoice: planned.speakingCharactersWithVoice,
  });

  // Deleted, the character's lines are flagged `unknown`: the cast is back to the voiced one.
  expect((await call(`/v1/projects/${projectId}/characters/${miller.id}`, { method: 'DELETE' })).status).toBe(200);
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount,
    speakingCharacters: planned.speakingCharacters,
  });

  // Two speaking characters merged: one fewer needs a voice.
  const speakers = (await characters()).filter(
    (character) => character.importance !== 'narrator' && character.dialogueLineCount > 0,
  );
  expect(speakers.length).toBeGreaterThanOrEqual(2);
  await merge(speakers[1].id, speakers[0].id);
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount - 1,
    speakingCharacters: planned.speakingCharacters! - 1,
  });
});

test('a chapter deleted or restored takes the speakers of its plan out of the stored speaking cast and back', async () => {
  const title = 'Chapter Speakers';
  const projectId = await plannedProject(title);
  const before = await speakingCast(projectId, title);
  expect(before.listed).toBe(before.page);

  // A character who speaks only through the plan of one chapter.
  const reader = await addCharacter(projectId, 'The Letter Reader');
  const chapterId = await giveNarratedLineTo(projectId, reader.id);
  const withReader = { listed: before.page! + 1, page: before.page! + 1 };
  expect(await speakingCast(projectId, title)).toEqual(withReader);

  expect((await call(`/v1/projects/${projectId}/chapters/${chapterId}`, { method: 'DELETE' })).status).toBe(200);
  const deleted = await speakingCast(projectId, title);
  expect(deleted.listed).toBe(deleted.page);
  expect(deleted.page).toBeLessThan(withReader.page);

  await json(await call(`/v1/projects/${projectId}/chapters/${chapterId}/restore`, { method: 'POST' }), 200);
  expect(await speakingCast(projectId, title)).toEqual(withReader);
});

test('a manuscript imported again takes the replaced plans’ speakers out of the stored speaking cast', async () => {
  const title = 'Imported Again';
  const projectId = await plannedProject(title);
  const reader = await addCharacter(projectId, 'The Letter Reader');
  await giveNarratedLineTo(projectId, reader.id);
  const withReader = await speakingCast(projectId, title);
  expect(withReader.listed).toBe(withReader.page);

  const upload = await json<{ job: { id: string } }>(
    await call(`/v1/projects/${projectId}/manuscript?fileName=again.txt&replace=true`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: SMALL_MANUSCRIPT,
    }),
    202,
  );
  expect((await waitForJob(platform, CREATOR, projectId, upload.job.id)).status).toBe('succeeded');

  // The new chapters have no plan yet: the reader, who spoke only in the old one, needs no voice now.
  const imported = await speakingCast(projectId, title);
  expect(imported.page).toBeLessThan(withReader.page!);
  expect(imported.listed).toBe(imported.page);
});
