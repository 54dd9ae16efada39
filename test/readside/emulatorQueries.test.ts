/**
 * The local Cosmos emulator's queries scan a container in linear time (local/emulators/linearQueryScan.ts) and
 * answer exactly what the library answered before: every clause the app uses (filters, ORDER BY with continuation,
 * aggregates, projections) and the JOIN/IN forms whose reducers are shaped differently.
 */
import { CosmosClient } from '@azure/cosmos';
import query from '@zeit/cosmosdb-query';
import { asAppendingRows, scanLinearly } from '../../local/emulators/linearQueryScan';
import { startJournaledCosmosServer, type JournaledCosmosServer } from '../../local/emulators/journaledCosmosServer';
import { COSMOS_EMULATOR_KEY } from '../../local/emulators/cosmos';

interface Doc {
  id: string;
  _rid: string;
  tenantId: string;
  projectId: string;
  type: string;
  chapterId?: string;
  index?: number;
  speakerId?: string;
  flagged?: boolean;
  tags?: { name: string }[];
}

function documents(): Doc[] {
  return Array.from({ length: 240 }, (_, i) => ({
    id: `d${i}`,
    _rid: `rid${String(i).padStart(5, '0')}`,
    tenantId: i % 5 === 0 ? 't2' : 't1',
    projectId: `p${i % 3}`,
    type: i % 7 === 0 ? 'chapter' : 'segment',
    ...(i % 11 === 0 ? {} : { chapterId: `c${i % 9}`, index: (i * 37) % 50 }),
    speakerId: i % 4 === 0 ? 'unknown' : `s${i % 6}`,
    flagged: i % 3 === 0,
    tags: i % 2 === 0 ? [{ name: 'a' }, { name: `b${i % 4}` }] : [],
  }));
}

const QUERIES: { sql: string; parameters?: { name: string; value: unknown }[] }[] = [
  { sql: 'SELECT * FROM c' },
  {
    sql: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = @type AND c.speakerId = @s ORDER BY c.index ASC',
    parameters: [
      { name: '@t', value: 't1' },
      { name: '@type', value: 'segment' },
      { name: '@s', value: 'unknown' },
    ],
  },
  { sql: 'SELECT VALUE COUNT(1) FROM c WHERE c.flagged = true' },
  { sql: 'SELECT c.id, c.index FROM c WHERE IS_DEFINED(c.chapterId) = false' },
  { sql: 'SELECT c.id, t.name FROM c JOIN t IN c.tags WHERE t.name != "a"' },
  {
    sql: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.chapterId) ORDER BY c.index DESC',
    parameters: [{ name: '@ids', value: ['c1', 'c4'] }],
  },
];

describe('linear scans in the local Cosmos emulator', () => {
  test('a compiled query’s reducers receive an empty accumulator for every document (no copying)', () => {
    const seen: number[] = [];
    const rows = asAppendingRows([1, 2, 3, 4]).reduce<number[]>((accumulator, n) => {
      seen.push(accumulator.length);
      return n % 2 === 0 ? [...accumulator, n * 10] : accumulator;
    }, []);
    expect(seen).toEqual([0, 0, 0, 0]);
    expect([...rows]).toEqual([20, 40]);
    // Any other use of reduce is the ordinary one.
    expect(asAppendingRows([1, 2, 3]).reduce((sum, n) => sum + n, 0)).toBe(6);
    expect(asAppendingRows([1, 2, 3]).reduce((sum, n) => sum + n)).toBe(6);
  });

  test.each(QUERIES)('answers as the library did: $sql', ({ sql, parameters }) => {
    const plain = query(sql).exec(documents(), { parameters: parameters as never });
    const linear = scanLinearly(query(sql)).exec(documents(), { parameters: parameters as never });
    expect(JSON.parse(JSON.stringify(linear))).toEqual(JSON.parse(JSON.stringify(plain)));
  });

  test('pages continue where they stopped, as before', () => {
    const sql = 'SELECT * FROM c WHERE c.type = "segment" ORDER BY c.index ASC';
    const walk = (
      run: (continuation?: { token: string }) => { result: unknown[]; continuation: { token: string } | null },
    ) => {
      const pages: unknown[][] = [];
      let continuation: { token: string } | undefined;
      do {
        const page = run(continuation);
        pages.push(page.result);
        continuation = page.continuation ?? undefined;
      } while (continuation);
      return pages;
    };
    const compiled = query(sql);
    const linear = scanLinearly(query(sql));
    const plainPages = walk((continuation) => compiled.exec(documents(), { maxItemCount: 17, continuation }) as never);
    const linearPages = walk((continuation) => linear.exec(documents(), { maxItemCount: 17, continuation }) as never);
    expect(linearPages.length).toBeGreaterThan(3);
    expect(linearPages).toEqual(plainPages);
  });

  describe('through the emulator and the SDK', () => {
    let server: JournaledCosmosServer;
    let client: CosmosClient;

    beforeAll(async () => {
      server = await startJournaledCosmosServer({ port: 0, database: 'khipu' });
      client = new CosmosClient({
        endpoint: server.endpoint,
        key: COSMOS_EMULATOR_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
    });
    afterAll(async () => {
      client.dispose();
      await server.stop();
    });

    test('filters, orders, pages and counts a partition', async () => {
      const segments = client.database('khipu').container('segments');
      const docs = documents().filter((d) => d.type === 'segment');
      for (const { _rid: _unused, ...doc } of docs) await segments.items.create(doc);
      const partitionKey = ['t1', 'p1'];
      const expected = docs
        .filter(
          (d) => d.tenantId === 't1' && d.projectId === 'p1' && d.speakerId === 'unknown' && d.index !== undefined,
        )
        .map((d) => d.index);
      const spec = {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.projectId = @p AND c.speakerId = @s ORDER BY c.index ASC',
        parameters: [
          { name: '@t', value: 't1' },
          { name: '@p', value: 'p1' },
          { name: '@s', value: 'unknown' },
        ],
      };
      const iterator = segments.items.query<Doc>(spec, { partitionKey, maxItemCount: 3 });
      const indexes: (number | undefined)[] = [];
      while (iterator.hasMoreResults()) indexes.push(...(await iterator.fetchNext()).resources.map((d) => d.index));
      expect(indexes).toEqual([...expected].sort((a, b) => a! - b!));
      const { resources } = await segments.items
        .query<number>(
          {
            query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND c.projectId = @p',
            parameters: [
              { name: '@t', value: 't1' },
              { name: '@p', value: 'p1' },
            ],
          },
          { partitionKey },
        )
        .fetchAll();
      expect(resources.reduce((sum, n) => sum + n, 0)).toBe(
        docs.filter((d) => d.tenantId === 't1' && d.projectId === 'p1').length,
      );
    });
  });
});
