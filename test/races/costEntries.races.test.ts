/**
 * Cost entries recorded by many workers at once, against the platform's emulators (a retried activity records its
 * entries again, maybe while the first run is still writing them): the same entries 24 times at once are stored and
 * billed once; 24 different entries, each recorded twice at once, are all stored, none twice; a batch with a bad line
 * is refused whole, naming the line's field. The tenant's usage and cost report read through the API count exactly
 * what was stored.
 */
import type { Database } from '@azure/cosmos';
import type { Services } from '../../adapters/compositionRoot';
import { priceUsage, type CostEntry } from '../../core/costs/costEntry';
import { ValidationError } from '../../core/errors';
import { body } from '../support/responses';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { appServicesFor } from './support';

const andes = freshTenant('andes');
const PARALLEL = 24;

let platform: TestPlatform;
let app: Services;
let database: Database;
let projectId: string;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
  ({ services: app, database } = await appServicesFor(platform));
  projectId = (
    await body<{ id: string }>(
      await platform.api(andes.creator, '/v1/projects', {
        method: 'POST',
        json: { metadata: minimalMetadata('Billed') },
      }),
      201,
    )
  ).id;
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

function speech(characters: number, dedupeKey: string): CostEntry {
  return priceUsage(
    {
      tenantId: andes.id,
      projectId,
      userId: andes.userIds.creator,
      jobId: 'job-billed',
      rate: 'tts:neural',
      quantity: characters,
      at: new Date(),
      dedupeKey,
    },
    'standard',
  );
}

async function storedEntries(): Promise<number> {
  const { resources } = await database
    .container('costs')
    .items.query<number>({
      query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t',
      parameters: [{ name: '@t', value: andes.id }],
    })
    .fetchAll();
  return resources[0]!;
}

async function billed(): Promise<{ characters: number; usd: number }> {
  const usage = await body<{ monthlyCharacters: { used: number } }>(
    await platform.api(andes.admin, '/v1/tenant/usage'),
    200,
  );
  const report = await body<{ totalUsd: number }>(await platform.api(andes.admin, '/v1/costs?groupBy=day'), 200);
  return { characters: usage.monthlyCharacters.used, usd: report.totalUsd };
}

const usdOf = (entries: CostEntry[]) => entries.reduce((sum, entry) => sum + entry.amountUsd, 0);

test(`the same entries recorded ${PARALLEL} times at once are stored and billed once`, async () => {
  const before = await billed();
  const entries = [speech(1200, 'job-billed:batch-1:tts'), speech(800, 'job-billed:batch-2:tts')];
  const results = await Promise.all(Array.from({ length: PARALLEL }, () => app.costs.record(entries)));
  expect(results.reduce((sum, result) => sum + result.recorded, 0)).toBe(entries.length);
  expect(results.reduce((sum, result) => sum + result.duplicates, 0)).toBe(entries.length * (PARALLEL - 1));
  expect(await storedEntries()).toBe(entries.length);
  const after = await billed();
  expect(after.characters - before.characters).toBe(2000);
  expect(after.usd - before.usd).toBeCloseTo(usdOf(entries), 6);
});

test(`${PARALLEL} different entries, each recorded twice at once: every one stored once`, async () => {
  const before = await billed();
  const storedBefore = await storedEntries();
  const entries = Array.from({ length: PARALLEL }, (_, i) => speech(100 + i, `job-billed:segment-${i}:tts`));
  const results = await Promise.all([...entries, ...entries].map((entry) => app.costs.record([entry])));
  expect(results.reduce((sum, result) => sum + result.recorded, 0)).toBe(PARALLEL);
  expect(await storedEntries()).toBe(storedBefore + PARALLEL);
  const after = await billed();
  expect(after.characters - before.characters).toBe(entries.reduce((sum, entry) => sum + entry.quantity, 0));
  expect(after.usd - before.usd).toBeCloseTo(usdOf(entries), 6);
});

test('a batch with a bad line is refused whole, naming its field, and stores nothing', async () => {
  const storedBefore = await storedEntries();
  const bad = { ...speech(50, 'job-billed:bad:tts'), quantity: -1 };
  const batch = [speech(60, 'job-billed:good:tts'), bad];
  const refusals = await Promise.allSettled(Array.from({ length: PARALLEL }, () => app.costs.record(batch)));
  for (const refusal of refusals) {
    expect(refusal.status).toBe('rejected');
    const error = (refusal as PromiseRejectedResult).reason as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(JSON.stringify(error.details)).toContain('entries.1.quantity');
  }
  expect(await storedEntries()).toBe(storedBefore);
});
