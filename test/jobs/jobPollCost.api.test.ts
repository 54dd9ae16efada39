/**
 * What one poll of a job costs the store. The studio (and any client) follows a running job by reading it again and
 * again, so every request on that path is paid once per poll: the Functions host talks to the Cosmos emulator through
 * a proxy that counts every request by kind, and a read added to the path fails here, whatever the machine's speed.
 */
import { startCosmosWire, type CosmosWire } from '../support/cosmosWire';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

const CREATOR = 'creator@andes.test';
const MANUSCRIPT =
  'Chapter 1\n\nIt was a bright cold day in April.\n\nChapter 2\n\nThe clocks were striking thirteen.\n';
let proxy: CosmosWire;
let platform: TestPlatform;
let jobPath: string;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({ env: { COSMOS_ENDPOINT: proxy.endpoint } });
  proxy.forwardTo(platform.urls.cosmos);
  const created = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    json: { metadata: { title: 'Polled', authors: ['A. Writer'], language: 'en-GB' } },
  });
  expect(created.status).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const imported = await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=polled.txt`, {
    method: 'PUT',
    body: MANUSCRIPT,
    headers: { 'content-type': 'text/plain' },
  });
  expect(imported.status).toBe(202);
  jobPath = `/v1/projects/${projectId}/jobs/${((await imported.json()) as { job: { id: string } }).job.id}`;
  for (;;) {
    const res = await platform.api(CREATOR, jobPath);
    if (['succeeded', 'failed', 'cancelled'].includes(((await res.json()) as { status: string }).status)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 180_000);
afterAll(async () => {
  await platform?.stop();
  await proxy?.stop();
});

async function readJob(): Promise<void> {
  const res = await platform.api(CREATOR, jobPath);
  expect(res.status).toBe(200);
}

/**
 * The requests one poll makes. The platform's timers (the metrics flush, the webhook retry sweep) also reach Cosmos
 * now and then and may fall inside a poll's window: of a few polls, the one with the fewest requests is the poll's
 * own. A request added to the poll's path shows in every one of them, so it still fails.
 */
async function requestsOfOnePoll(): Promise<string[]> {
  let fewest: string[] | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const seen = (await proxy.during(readJob)).map((r) => `${r.kind} ${r.method} ${r.resource}`).sort();
    if (!fewest || seen.length < fewest.length) fewest = seen;
  }
  return fewest!;
}

test('GET a job makes four point reads: the tenant, the member, the project and the job; nothing else', async () => {
  await readJob();
  expect(await requestsOfOnePoll()).toEqual([
    'other GET /dbs/*/colls/jobs/docs/*',
    'other GET /dbs/*/colls/projects/docs/*',
    'other GET /dbs/*/colls/tenants/docs/*',
    'other GET /dbs/*/colls/users/docs/*',
  ]);
});
