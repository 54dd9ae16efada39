/**
 * The local Cosmos emulator never closes a connection for being idle. The SDK's keep-alive agent keeps idle
 * connections without a time limit and sends the next request on one; when the emulator had closed it a moment before
 * (Node closes an idle server connection after 5 seconds) and the client had not yet seen the close (its event loop
 * busy, as under load), the request failed with ECONNRESET. The SDK retries reads and queries after that, never a
 * write, so the API request that made the write failed.
 */
import type { CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

/** Node's default keep-alive timeout for a server, which the emulator had. */
const NODE_KEEP_ALIVE_MS = 5_000;
const WRITES = 8;

let cosmos: RunningCosmos;
let client: CosmosClient;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = emulatorClient(cosmos);
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

/** Keeps this process's event loop busy, so a close by the other end is not seen until it ends. */
function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Nothing: the point is not to return to the event loop.
  }
}

test(`${WRITES} writes on connections left idle past ${NODE_KEEP_ALIVE_MS / 1000} s, seen by a busy client, all succeed`, async () => {
  const projects = client.database('khipu').container('projects');
  const write = (round: number) =>
    Promise.allSettled(
      Array.from({ length: WRITES }, (_, i) =>
        projects.items.upsert({ id: `idle-${i}`, tenantId: 't-idle', projectId: `idle-${i}`, round }),
      ),
    );
  // Opens a connection per write in flight; they stay in the agent, idle, after the answers.
  expect((await write(0)).every((r) => r.status === 'fulfilled')).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, NODE_KEEP_ALIVE_MS - 1_500));
  // The emulator would close them in this span; the client reads nothing meanwhile.
  busyFor(3_000);
  const outcomes = await write(1);
  const failures = outcomes.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []));
  expect(failures).toEqual([]);
}, 60_000);
