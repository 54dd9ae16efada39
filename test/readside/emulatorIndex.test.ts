/**
 * The local Cosmos emulator serves a query's indexed equality filters from an index (local/emulators/equalityIndex.ts),
 * as Cosmos DB does: a query is evaluated over the documents they select, not the whole container, and answers exactly
 * what a scan of every document answers (rows, order, pages), through writes, replaces and deletes.
 */
import query from '@zeit/cosmosdb-query';
import type { SqlParameter } from '@azure/cosmos';
import { listSegmentPage, type SegmentFilters } from '../../core/planning/segmentListing';
import { seedBook, startStore, TENANT, type ChapterSpec, type LineSpec, type Store } from './support';

function line(c: number, i: number): LineSpec {
  const roll = (c * 31 + i * 17) % 23;
  const speakerId = roll < 3 ? 'unknown' : roll < 9 ? 'char-a' : roll < 12 ? 'char-b' : 'narrator';
  return { kind: speakerId === 'narrator' ? 'narration' : 'dialogue', speakerId, flagged: roll % 7 === 0 };
}

const book = (chapters: number, lines: number): ChapterSpec[] =>
  Array.from({ length: chapters }, (_, c) => ({ lines: Array.from({ length: lines }, (_, i) => line(c, i)) }));

let store: Store;
beforeAll(async () => {
  store = await startStore();
  await seedBook(store, 'short', book(4, 30));
  await seedBook(store, 'long', book(40, 30));
});
afterAll(async () => {
  await store.stop();
});

const segments = () => store.client.database('khipu').container('segments');

async function everySegment(): Promise<Record<string, unknown>[]> {
  return (await segments().items.readAll<Record<string, unknown>>().fetchAll()).resources;
}

/** The query run page by page through the emulator, and what the library answers scanning every document. */
async function both(sql: string, parameters: SqlParameter[], pageSize: number) {
  const pages: unknown[] = [];
  const iterator = segments().items.query({ query: sql, parameters }, { maxItemCount: pageSize });
  while (iterator.hasMoreResults()) pages.push(...(await iterator.fetchNext()).resources);
  const scanned = query(sql).exec(await everySegment(), { parameters }).result as unknown[];
  const strip = (rows: unknown[]) =>
    rows.map((row) =>
      typeof row === 'object' && row !== null
        ? Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('_')))
        : row,
    );
  return { served: strip(pages), scanned: strip(scanned) };
}

const p = (name: string, value: SqlParameter['value']): SqlParameter => ({ name, value });

const QUERIES: { sql: string; parameters: SqlParameter[] }[] = [
  {
    sql: 'SELECT * FROM c WHERE c.tenantId = @t AND c.projectId = @p AND c.chapterId = @c AND c.planGeneration = @g ORDER BY c["index"] ASC',
    parameters: [p('@t', TENANT), p('@p', 'long'), p('@c', 'long-c7'), p('@g', 2)],
  },
  {
    sql: 'SELECT * FROM c WHERE c.tenantId = @t AND (c.chapterId = @a AND c.planGeneration = @g OR c.chapterId = @b AND c.planGeneration = @g OR c.chapterId = @a AND c.planGeneration = @g) AND c.flagged = true',
    parameters: [p('@t', TENANT), p('@a', 'long-c3'), p('@b', 'short-c1'), p('@g', 2)],
  },
  {
    sql: 'SELECT c.id, c.speakerId FROM c WHERE c.projectId = @p AND c.speakerId = @s AND c["index"] > 10',
    parameters: [p('@p', 'long'), p('@s', 'char-b')],
  },
  // Two values for one path match nothing; an unindexed filter scans; a disjunction with an open alternative scans.
  { sql: 'SELECT * FROM c WHERE c.chapterId = "long-c1" AND c.chapterId = "long-c2"', parameters: [] },
  { sql: 'SELECT * FROM c WHERE c["index"] = 3', parameters: [] },
  { sql: 'SELECT * FROM c WHERE c.chapterId = @c OR c["index"] = 3', parameters: [p('@c', 'short-c0')] },
  {
    sql: 'SELECT VALUE COUNT(1) FROM c WHERE c.chapterId = @c AND c.flagged = @f',
    parameters: [p('@c', 'long-c9'), p('@f', true)],
  },
  // A number is not the string of its digits.
  { sql: 'SELECT * FROM c WHERE c.planGeneration = "2"', parameters: [] },
];

test.each(QUERIES.map((q, i) => [i, q] as const))(
  'query %i answers as a full scan does, page by page',
  async (_, q) => {
    for (const pageSize of [5, 1000]) {
      const { served, scanned } = await both(q.sql, q.parameters, pageSize);
      expect(served).toEqual(scanned);
    }
  },
);

test('a replaced or deleted document is found under its new values only', async () => {
  const container = segments();
  const { resources } = await container.items
    .query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.chapterId = "short-c2" AND c["index"] = 4' })
    .fetchAll();
  const id = resources[0].id;
  const { resource } = await container.item(id, [TENANT, 'short']).read<Record<string, unknown>>();
  await container.item(id, [TENANT, 'short']).replace({ ...resource, chapterId: 'short-c3', speakerId: 'moved' });
  const inChapter = (chapterId: string) =>
    container.items
      .query<string>({
        query: 'SELECT VALUE c.id FROM c WHERE c.chapterId = @c AND c.speakerId = "moved"',
        parameters: [p('@c', chapterId)],
      })
      .fetchAll();
  expect((await inChapter('short-c2')).resources).toEqual([]);
  expect((await inChapter('short-c3')).resources).toEqual([id]);
  await container.item(id, [TENANT, 'short']).delete();
  expect((await inChapter('short-c3')).resources).toEqual([]);
});

test('a page of the segment listing evaluates as many documents in a book ten times as long', async () => {
  const evaluated = async (projectId: string, filters: SegmentFilters) => {
    const before = store.server.documentsQueried();
    let continuationToken: string | undefined;
    for (let page = 0; page < 3; page++) {
      const answer = await listSegmentPage(store, TENANT, projectId, { ...filters, pageSize: 20, continuationToken });
      continuationToken = answer.continuationToken ?? undefined;
    }
    return store.server.documentsQueried() - before;
  };
  for (const filters of [{}, { flagged: true }, { speakerId: 'char-b' }, { chapterId: 'CHAPTER' }]) {
    const chapterOf = (projectId: string) => (filters.chapterId ? { chapterId: `${projectId}-c2` } : {});
    const short = await evaluated('short', { ...filters, ...chapterOf('short') });
    const long = await evaluated('long', { ...filters, ...chapterOf('long') });
    // Three pages together evaluate fewer documents than one scan of the segments (both books') would.
    expect(long).toBeLessThan(44 * 30);
    // What the longer book adds: its chapter outlines, still read in full (the range on reading order is not served
    // from the index locally), 36 more chapters for each of a few outline reads a page.
    expect(long - short).toBeLessThanOrEqual(36 * 4 * 3);
  }
});
