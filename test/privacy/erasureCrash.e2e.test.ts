/**
 * An erasure survives its host being killed: the Functions host runs in its own process and is SIGKILLed while the
 * erasure is rewriting the person's cost entries (some rewritten, some not). A new host resumes the durable job,
 * which finishes the erasure, reports the counts it surveyed before anything changed (exact, whatever was redone),
 * and leaves no trace of the person in any container or blob.
 */
import { randomBytes } from 'node:crypto';
import type { PrivacyJobView } from '../../core/api/privacy';
import { priceUsage, toCostRecord } from '../../core/costs/costEntry';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import {
  ADMIN,
  everyBlob,
  everyDocument,
  inviteUser,
  json,
  tracesOf,
  waitForPrivacyJob,
  withDatabase,
} from './support';

jest.setTimeout(20 * 60_000);

const NAME = 'Wayra Condori Mamani';
const EMAIL = 'wayra.condori@andes.test';
const COSTS = 4000;
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ separateHostProcess: true, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

async function costsOf(userId: string): Promise<number> {
  return withDatabase(platform, async (db) => {
    const { resources } = await db
      .container('costs')
      .items.query<number>({
        query: 'SELECT VALUE COUNT(1) FROM c WHERE c.userId = @userId',
        parameters: [{ name: '@userId', value: userId }],
      })
      .fetchAll();
    return resources.reduce((sum, count) => sum + count, 0);
  });
}

test('a host killed in the middle of an erasure: the job resumes, finishes, and its counts are exact', async () => {
  const userId = await inviteUser(platform, ADMIN, { email: EMAIL, displayName: NAME, role: 'creator' });
  const project = await json<{ id: string }>(
    await platform.api(EMAIL, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Long ledger') } }),
    201,
  );
  // A long history of spend attributed to her, as the pipeline records it.
  await withDatabase(platform, async (db) => {
    const costs = db.container('costs');
    for (let start = 0; start < COSTS; start += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, COSTS - start) }, (_, offset) => {
          const entry = priceUsage(
            { tenantId: 't-andes', projectId: project.id, userId, rate: 'tts:neural', quantity: 10, at: new Date() },
            'standard',
          );
          const id = `cost_${start + offset}_${randomBytes(6).toString('hex')}`;
          return costs.items.create(toCostRecord(entry, id, new Date().toISOString()));
        }),
      );
    }
  });
  expect(await costsOf(userId)).toBe(COSTS);

  const job = await json<PrivacyJobView>(await platform.api(ADMIN, `/v1/users/${userId}`, { method: 'DELETE' }), 202);

  // Wait until the erasure is halfway through her cost entries, then kill the host.
  let left = COSTS;
  for (let deadline = Date.now() + 600_000; left === COSTS || left === 0;) {
    if (Date.now() > deadline) throw new Error('never caught the erasure halfway through the costs');
    left = await costsOf(userId);
    if (left === 0) throw new Error('the erasure passed the costs before the host could be killed');
  }
  await platform.crashHost();
  expect(await costsOf(userId)).toBeGreaterThan(0);

  const done = await waitForPrivacyJob(platform, ADMIN, job.id, 900_000);
  expect(done.error).toBeNull();
  expect(done.status).toBe('succeeded');
  // The same attempt finished (the durable job resumed; nobody asked again).
  expect(done.attempt).toBe(1);
  expect(done.erasure!.found.costs).toEqual({ rewritten: COSTS, deleted: 0 });
  expect(done.erasure!.found.projects).toEqual({ rewritten: 1, deleted: 0 });
  expect(done.erasure!.found.users).toEqual({ rewritten: 0, deleted: 1 });
  expect(Object.values(done.erasure!.remaining).every((count) => count === 0)).toBe(true);

  expect(await costsOf(userId)).toBe(0);
  expect(await costsOf(done.subjectRef!)).toBe(COSTS);
  const traces = tracesOf([EMAIL, NAME, userId], await everyDocument(platform), await everyBlob(platform));
  expect(traces).toEqual([]);
});
