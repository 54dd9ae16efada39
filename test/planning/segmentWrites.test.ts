/**
 * A chapter's new plan reaches the store in transactions of up to a hundred segments (each within the batch's byte
 * budget), not one request per segment: per-request work, times every segment of the book, was what planning a long
 * book left behind for the host's garbage collector. A retry after a crash halfway through finds part of the
 * generation stored; the transactions that collide fall back to one create each and keep what is there.
 */
import type { SegmentRecord } from '../../core/book/records';
import type { ProjectCollection, TransactionWrite } from '../../core/ports/documents';
import { typedCollection, type TypedCollection } from '../../core/ports/typedCollection';
import { ChapterPlanWriter } from '../../core/planning/chapterPlanWriter';
import { plannedSegmentId } from '../../core/planning/planGenerations';
import { seedBook, startStore, TENANT, type Store } from '../readside/support';

const clock = { now: () => new Date('2024-02-01T00:00:00.000Z') };

interface Writes {
  creates: number;
  /** The number of writes and the JSON size of each transaction sent. */
  transactions: { writes: number; bytes: number }[];
}

/** The segments collection, noting each create and each transaction it is asked for. */
function noting(segments: TypedCollection<SegmentRecord>, writes: Writes): TypedCollection<SegmentRecord> {
  const counting: ProjectCollection<SegmentRecord> = {
    get: (tenantId, projectId, id) => segments.get(tenantId, projectId, id),
    create: (doc) => {
      writes.creates++;
      return segments.create(doc);
    },
    upsert: (doc) => segments.upsert(doc),
    replace: (doc, etag) => segments.replace(doc, etag),
    delete: (tenantId, projectId, id, etag) => segments.delete(tenantId, projectId, id, etag),
    transact: (tenantId, projectId, batch: TransactionWrite<SegmentRecord>[]) => {
      writes.transactions.push({ writes: batch.length, bytes: Buffer.byteLength(JSON.stringify(batch)) });
      return segments.transact(tenantId, projectId, batch);
    },
    list: (tenantId, projectId, query) => segments.list(tenantId, projectId, query),
    listFields: (tenantId, projectId, fields, query) => segments.listFields(tenantId, projectId, fields, query),
    count: (tenantId, projectId, filter) => segments.count(tenantId, projectId, filter),
    listTenantWide: (tenantId, query) => segments.listTenantWide(tenantId, query),
  };
  return typedCollection<SegmentRecord>(counting, segments.type);
}

function generationOf(chapterId: string, projectId: string, generation: number, lines: string[]): SegmentRecord[] {
  return lines.map((text, index) => ({
    id: plannedSegmentId(chapterId, generation, index),
    type: 'segment',
    tenantId: TENANT,
    projectId,
    chapterId,
    index,
    kind: 'narration',
    text,
    boundaryBefore: 'paragraph',
    speakerId: 'narrator',
    speakerConfidence: 1,
    speakerSource: 'heuristic',
    flagged: false,
    revisionNote: null,
    chapterTextVersion: 1,
    planGeneration: generation,
    takes: [],
    currentTakeId: null,
    createdAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
  }));
}

let store: Store;
beforeAll(async () => {
  store = await startStore();
}, 120_000);
afterAll(async () => {
  await store?.stop();
});

async function claimedChapter(projectId: string) {
  const [chapter] = await seedBook(store, projectId, [{ lines: [{ kind: 'narration', speakerId: 'narrator' }] }]);
  const claimed = await new ChapterPlanWriter({ ...store, clock }).claim(TENANT, projectId, chapter.id, 'job-1');
  if (claimed.kind !== 'claimed') throw new Error(`expected a claim, got ${claimed.kind}`);
  return { chapterId: chapter.id, claim: claimed.claim };
}

test('250 segments go to the store in four transactions (two per half), none one by one', async () => {
  const projectId = 'p-writes';
  const { chapterId, claim } = await claimedChapter(projectId);
  const records = generationOf(
    chapterId,
    projectId,
    claim.generation,
    Array.from({ length: 250 }, (_, i) => `Line ${i}. `),
  );
  const writes: Writes = { creates: 0, transactions: [] };
  const writer = new ChapterPlanWriter({ chapters: store.chapters, segments: noting(store.segments, writes), clock });

  const stored = await writer.write(claim, records);

  expect(stored).toEqual(records);
  expect(writes.creates).toBe(0);
  expect(writes.transactions.map((t) => t.writes)).toEqual([100, 25, 100, 25]);
  const generation = await store.segments.readAllItems(TENANT, projectId, {
    filter: { field: 'planGeneration', op: 'eq', value: claim.generation },
  });
  expect(generation).toHaveLength(250);
});

test('long segments are split so no transaction passes the batch byte budget', async () => {
  const projectId = 'p-long';
  const { chapterId, claim } = await claimedChapter(projectId);
  const records = generationOf(
    chapterId,
    projectId,
    claim.generation,
    Array.from({ length: 40 }, (_, i) => `${i} ${'word '.repeat(20_000)}`),
  );
  const writes: Writes = { creates: 0, transactions: [] };
  const writer = new ChapterPlanWriter({ chapters: store.chapters, segments: noting(store.segments, writes), clock });

  expect(await writer.write(claim, records)).toEqual(records);
  expect(writes.creates).toBe(0);
  expect(writes.transactions.length).toBeGreaterThan(2);
  for (const transaction of writes.transactions) expect(transaction.bytes).toBeLessThan(1_600_000);
});

test('a retry after a crash halfway keeps the stored half and writes the rest', async () => {
  const projectId = 'p-retry';
  const { chapterId, claim } = await claimedChapter(projectId);
  const records = generationOf(
    chapterId,
    projectId,
    claim.generation,
    Array.from({ length: 30 }, (_, i) => `Line ${i}. `),
  );
  const crashing = new ChapterPlanWriter({
    ...store,
    clock,
    faults: {
      afterPartialWrite() {
        throw new Error('injected: stopped halfway');
      },
    },
  });
  await expect(crashing.write(claim, records)).rejects.toThrow('injected');
  // The earlier attempt's labels win where it wrote first: the retry labels differently and must get the stored ones.
  const relabelled = records.map((record) => ({ ...record, speakerId: 'unknown' }));
  const writes: Writes = { creates: 0, transactions: [] };
  const retry = new ChapterPlanWriter({ chapters: store.chapters, segments: noting(store.segments, writes), clock });

  const stored = await retry.write(claim, relabelled);

  expect(stored.map((s) => s.speakerId)).toEqual([...Array(15).fill('narrator'), ...Array(15).fill('unknown')]);
  expect(stored.map((s) => s.text)).toEqual(records.map((r) => r.text));
  // The stored half's transaction collided and went one by one; the other half went whole.
  expect(writes.creates).toBe(15);
  expect(writes.transactions.map((t) => t.writes)).toEqual([15, 15]);
});
