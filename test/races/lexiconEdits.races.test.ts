/**
 * Renames and deletes of one lexicon entry at once, on the real local platform. An entry's grapheme and locale are
 * held by a key document; whichever way the race goes, once the entry is gone no key may still be held for it, so the
 * graphemes it had can be added again at once, and no request fails with a server error.
 */
import type { TestPlatform } from '../support/testPlatform';
import { minimalMetadata } from '../support/testPlatform';
import { body } from '../support/responses';
import { cosmosContainer, inParallel, tally } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const CREATOR = 'creator@andes.test';
const TENANT = 't-andes';
const PARALLEL = 24;
const ROUNDS = 3;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

/** Key documents of the project whose entry no longer exists, straight from the emulator. */
async function keysHeldByNothing(projectId: string): Promise<string[]> {
  const { container, close } = cosmosContainer(platform, 'lexicon');
  try {
    const { resources } = await container.items
      .query<{ id: string; type: string; entryId?: string }>(
        {
          query: 'SELECT c.id, c.type, c.entryId FROM c WHERE c.projectId = @p',
          parameters: [{ name: '@p', value: projectId }],
        },
        { partitionKey: [TENANT, projectId] },
      )
      .fetchAll();
    const entries = new Set(resources.filter((doc) => doc.type === 'lexiconEntry').map((doc) => doc.id));
    return resources.filter((doc) => doc.type === 'lexiconKey' && !entries.has(doc.entryId!)).map((doc) => doc.id);
  } finally {
    close();
  }
}

test(`${PARALLEL} renames and deletes of one entry at once leave no key held by a deleted entry`, async () => {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata('Lexicon races') },
    }),
    201,
  );
  const lexicon = `/v1/projects/${project.id}/lexicon`;
  for (let round = 0; round < ROUNDS; round++) {
    const created = await body<{ entry: { id: string } }>(
      await platform.api(CREATOR, lexicon, {
        method: 'POST',
        json: { grapheme: `Netherfield${round}`, locale: 'en-GB', kind: 'alias', value: 'Nether field' },
      }),
      201,
    );
    const renamed = (i: number) => `Meryton${round}x${i}`;
    const outcomes = await inParallel(PARALLEL, (i) =>
      i % 2 === 0
        ? platform.api(CREATOR, `${lexicon}/${created.entry.id}`, { method: 'PATCH', json: { grapheme: renamed(i) } })
        : platform.api(CREATOR, `${lexicon}/${created.entry.id}`, { method: 'DELETE' }),
    );
    const counts = tally(outcomes);
    // Renames lose to each other (412) or find the entry deleted (404); no answer is a server error.
    expect(Object.keys(counts).filter((status) => Number(status) >= 500)).toEqual([]);
    expect(counts[200]).toBeGreaterThan(0);

    const left = await body<{ items: unknown[] }>(await platform.api(CREATOR, lexicon), 200);
    expect(left.items.filter((entry) => (entry as { id: string }).id === created.entry.id)).toEqual([]);
    expect(await keysHeldByNothing(project.id)).toEqual([]);
    // Every grapheme the entry had can be added again at once.
    for (let i = 0; i < PARALLEL; i += 2) {
      const again = await platform.api(CREATOR, lexicon, {
        method: 'POST',
        json: { grapheme: renamed(i), locale: 'en-GB', kind: 'alias', value: 'Merry ton' },
      });
      expect(again.status).toBe(201);
    }
  }
});
