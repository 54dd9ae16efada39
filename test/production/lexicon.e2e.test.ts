/**
 * The project lexicon in production, on the real local platform: a new entry re-synthesizes exactly the one segment
 * whose text contains its grapheme, the engine receives the substitution (the offline engine speaks the alias; Azure,
 * through the fake Speech service, receives `<phoneme>`), and the chapter's SSML preview shows the same markup the
 * engine was sent. An entry that changes nothing for the engine (IPA on the offline engine) costs no synthesis.
 */
import { startFakeSpeechService, type FakeSpeechService } from '../support/fakeSpeechService';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { type Line } from './seedBook';
import { azureSpeechEnv, CREATOR, json, plannedBook, produce } from './support';

const GRAPHEME = 'Zanzibar';
const ALIAS = 'the far island of cloves, spices and long white beaches';
const IPA = 'ˈzænzɪbɑː';
const SEGMENT_WITH_GRAPHEME = 1;

/** One short chapter; only the second segment contains the grapheme. */
const CHAPTERS: { title: string; lines: Line[] }[] = [
  {
    title: 'Chapter 1',
    lines: [
      ['heading', 'chapter_head', 'narrator', 'Chapter 1'],
      ['narration', 'paragraph', 'narrator', `The ship sailed for ${GRAPHEME} at dawn.`],
      ['dialogue', 'paragraph', 'char-elizabeth', '"We shall see the harbour soon,"'],
      ['narration', 'sentence', 'narrator', ' said Elizabeth.'],
    ],
  },
];
const SEGMENTS = CHAPTERS[0].lines.length;

const OFFLINE_CAST = { narrator: 'en-US-EspeakMale1', 'char-elizabeth': 'en-US-EspeakFemale1' };
/** Voices the fake Speech service lists (test/speech/fake/fakeVoices.ts). */
const AZURE_CAST = { narrator: 'en-US-GuyNeural', 'char-elizabeth': 'en-US-JennyNeural' };

interface Book {
  projectId: string;
  chapterId: string;
  segmentIds: string[];
}

async function book(platform: TestPlatform, title: string, cast: Record<string, string>): Promise<Book> {
  const seeded = await plannedBook(platform, { title, voices: cast, chapters: CHAPTERS });
  return { projectId: seeded.projectId, chapterId: seeded.chapterIds[0], segmentIds: seeded.segmentIds };
}

async function addEntry(
  platform: TestPlatform,
  projectId: string,
  entry: { grapheme: string; kind: 'alias' | 'ipa'; value: string },
): Promise<{ segmentsAffected: number; segmentsInvalidated: number }> {
  return json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`, {
      method: 'POST',
      json: { ...entry, locale: 'en-US' },
    }),
    201,
  );
}

async function previewSsml(platform: TestPlatform, target: Book, engine: 'azure' | 'offline'): Promise<string> {
  const preview = await json<{ requests: { ssml: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${target.projectId}/chapters/${target.chapterId}/ssml?engine=${engine}`),
    200,
  );
  return preview.requests.map((request) => request.ssml).join('\n');
}

async function takesOf(platform: TestPlatform, projectId: string, segmentId: string) {
  return json<{ currentTakeId: string | null; takes: { takeId: string; durationMs: number }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segmentId}`),
    200,
  );
}

async function produced(platform: TestPlatform, projectId: string) {
  const job = await produce(platform, projectId, ['apple']);
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  return job.result as { synthesisCalls: number; cacheHits: number; segments: number };
}

describe('lexicon in production with the offline engine', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    // Its own project, and nothing tenant-wide: the worker's shared platform serves (the audio cache is per project).
    platform = await sharedTestPlatform();
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  test('an alias entry re-renders exactly its segment, spoken as the alias', async () => {
    const target = await book(platform, 'Lexicon Offline', OFFLINE_CAST);
    const first = await produced(platform, target.projectId);
    // Every segment, plus the spoken credits packaging adds.
    expect(first.synthesisCalls).toBeGreaterThanOrEqual(SEGMENTS);
    const segmentId = target.segmentIds[SEGMENT_WITH_GRAPHEME];
    const before = await takesOf(platform, target.projectId, segmentId);
    const plainTake = before.takes.find((take) => take.takeId === before.currentTakeId)!;

    const change = await addEntry(platform, target.projectId, { grapheme: GRAPHEME, kind: 'alias', value: ALIAS });
    expect(change).toMatchObject({ segmentsAffected: 1, segmentsInvalidated: 1 });
    // What production will send: the offline engine reads the alias as text, Azure gets <sub alias>.
    const offlinePreview = await previewSsml(platform, target, 'offline');
    expect(offlinePreview).toContain(`The ship sailed for ${ALIAS} at dawn.`);
    expect(await previewSsml(platform, target, 'azure')).toContain(`<sub alias="${ALIAS}">${GRAPHEME}</sub>`);

    const second = await produced(platform, target.projectId);
    expect(second.synthesisCalls).toBe(1);
    const after = await takesOf(platform, target.projectId, segmentId);
    const aliasTake = after.takes.find((take) => take.takeId === after.currentTakeId)!;
    expect(aliasTake.takeId).not.toBe(plainTake.takeId);
    // The engine spoke the long alias, not the three-syllable grapheme.
    expect(aliasTake.durationMs).toBeGreaterThan(plainTake.durationMs + 1500);

    // IPA changes nothing the offline engine can say: the audio of the current inputs is reused, no synthesis.
    const ipa = await addEntry(platform, target.projectId, { grapheme: 'harbour', kind: 'ipa', value: 'ˈhɑːbə' });
    expect(ipa.segmentsAffected).toBe(1);
    const third = await produced(platform, target.projectId);
    expect(third.synthesisCalls).toBe(0);
  }, 600_000);
});

describe('lexicon in production with Azure Speech (fake service)', () => {
  let platform: TestPlatform;
  let fake: FakeSpeechService;

  beforeAll(async () => {
    fake = await startFakeSpeechService({ latencyMs: 10 });
    platform = await startTestPlatform({ env: azureSpeechEnv(fake) });
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await fake?.close();
  });

  test('an IPA entry re-renders exactly its segment, and the engine receives the preview’s <phoneme>', async () => {
    const target = await book(platform, 'Lexicon Azure', AZURE_CAST);
    const first = await produced(platform, target.projectId);
    // Every segment, plus the spoken credits packaging adds.
    expect(first.synthesisCalls).toBeGreaterThanOrEqual(SEGMENTS);
    expect(fake.ssml.some((ssml) => ssml.includes('<phoneme'))).toBe(false);

    const change = await addEntry(platform, target.projectId, { grapheme: GRAPHEME, kind: 'ipa', value: IPA });
    expect(change).toMatchObject({ segmentsAffected: 1, segmentsInvalidated: 1 });
    const phoneme = `<phoneme alphabet="ipa" ph="${IPA}">${GRAPHEME}</phoneme>`;
    const spoken = `The ship sailed for ${phoneme} at dawn.`;
    expect(await previewSsml(platform, target, 'azure')).toContain(spoken);

    const sentBefore = fake.ssml.length;
    const second = await produced(platform, target.projectId);
    expect(second.synthesisCalls).toBe(1);
    const sent = fake.ssml.slice(sentBefore);
    expect(sent).toHaveLength(1);
    // The engine got the same markup for the segment as the preview shows.
    expect(sent[0]).toContain(`<voice name="${AZURE_CAST.narrator}">${spoken}</voice>`);

    // Unchanged lexicon: nothing to render.
    const third = await produced(platform, target.projectId);
    expect(third.synthesisCalls).toBe(0);
  }, 600_000);
});
