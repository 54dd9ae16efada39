/**
 * Which produced chapters would sound different, read from the real Cosmos adapter and emulator: the store answers
 * only live chapters with a master, and of each master only its sound record and when it was made, never the timings
 * of its lines (which grow with the chapter), so the answer costs the same for a short or a long chapter.
 */
import { effectivePausePolicy } from '../../core/planning/pausePolicy';
import type { ChapterMasterRecord, ChapterRecord } from '../../core/book/records';
import type { ProjectRecord } from '../../core/projects/project';
import { renderingDigest } from '../../core/production/masterSound';
import { chaptersSoundingDifferent } from '../../core/production/soundChanges';
import type { TypedCollection } from '../../core/ports/typedCollection';
import { counted, LANGUAGE, seedBook, startStore, TENANT, type Reads, type Store } from './support';

const PROJECT = 'p-sound';
const LINES = 400;

let store: Store;
beforeAll(async () => {
  store = await startStore();
});
afterAll(async () => {
  await store.stop();
});

function master(rendering: string): ChapterMasterRecord {
  return {
    blobName: 'master.wav',
    sha256: 'x',
    durationSec: LINES,
    segmentStartsSec: Array.from({ length: LINES }, (_, i) => i),
    segmentEndsSec: Array.from({ length: LINES }, (_, i) => i + 0.5),
    integratedLufs: -20,
    truePeakDb: -3,
    rmsDb: -20,
    peakDb: -3,
    noiseFloorDb: -70,
    masteredAt: '2024-01-02T00:00:00.000Z',
    jobId: 'job-1',
    sound: { voices: {}, lexicon: {}, lexiconReadAt: '2024-01-02T00:00:00.000Z', rendering },
  };
}

/** Keeps every item the chapters collection answers a listing with. */
function answered(chapters: TypedCollection<ChapterRecord>, items: unknown[]): TypedCollection<ChapterRecord> {
  const listFields = chapters.listFields.bind(chapters);
  return Object.assign(Object.create(chapters) as TypedCollection<ChapterRecord>, {
    listFields: (async (...args: Parameters<typeof listFields>) => {
      const page = await listFields(...args);
      items.push(...page.items);
      return page;
    }) as typeof listFields,
  });
}

test('only live chapters with a master are read, and of the master only its sound record', async () => {
  const lines = Array.from({ length: LINES }, () => ({ kind: 'narration' as const, speakerId: 'narrator' }));
  const seeded = await seedBook(store, PROJECT, [
    { lines },
    { lines },
    { lines },
    { lines, deleted: true },
    { lines: lines.slice(0, 3) },
  ]);
  const engine = 'offline' as const;
  const now = renderingDigest(effectivePausePolicy(undefined), engine);
  // Chapter 0 sounds as it did; 1 was rendered with other settings; 2 has no master; 3 is deleted; 4 sounds the same.
  const masters: (ChapterMasterRecord | null)[] = [master(now), master('before'), null, master('before'), master(now)];
  for (const [i, chapter] of seeded.entries())
    await store.chapters.replace({ ...chapter, master: masters[i] }, chapter.etag!);

  const reads: Reads = { queries: 0, documents: 0 };
  const items: unknown[] = [];
  const chapters = answered(counted(store.chapters, reads), items);
  const project = { metadata: { language: LANGUAGE } } as ProjectRecord;
  const different = await chaptersSoundingDifferent(
    {
      book: { chapters, segments: store.segments },
      speechPlan: {
        projects: { find: () => Promise.resolve(project) },
        book: { characters: store.characters },
        voices: () => Promise.resolve([]),
        pausePolicy: () => Promise.resolve(effectivePausePolicy(undefined)),
        lexicon: () => Promise.resolve([]),
        speechEngine: engine,
      },
    },
    TENANT,
    PROJECT,
  );

  expect(different).toEqual([seeded[1].id]);
  // The store leaves out the chapter without a master and the deleted one.
  expect(reads.documents).toBe(3);
  expect(items).toHaveLength(3);
  for (const item of items) {
    expect(item).not.toHaveProperty('text');
    expect(Object.keys((item as { master: object }).master).sort()).toEqual(['masteredAt', 'sound']);
  }
});
