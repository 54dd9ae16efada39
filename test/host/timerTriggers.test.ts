import * as path from 'node:path';
import { startFunctionHost, type RunningFunctionHost } from '../../local/host/functionHost';
import { createTimerExtension, resolveSchedule } from '../../local/host/timerTriggers';

let host: RunningFunctionHost;

beforeAll(async () => {
  host = await startFunctionHost({
    appEntry: path.join(__dirname, 'fixtures', 'timerApp', 'index.ts'),
    port: 0,
    hostJsonPath: path.join(__dirname, '..', '..', 'host.json'),
    extensions: [createTimerExtension({ settings: { TICK_SCHEDULE: '* * * * * *' } })],
    logger: () => undefined,
  });
});
afterAll(async () => {
  await host?.stop();
});

async function ticks(): Promise<{ ticks: number; lastTimer: { isPastDue: boolean } | null }> {
  return (await (await fetch(`${host.url}/api/ticks`)).json()) as {
    ticks: number;
    lastTimer: { isPastDue: boolean } | null;
  };
}

it('fires timer functions on their NCRONTAB schedule with the Timer the programming model builds', async () => {
  const deadline = Date.now() + 30_000;
  let seen = await ticks();
  while (seen.ticks < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen = await ticks();
  }
  expect(seen.ticks).toBeGreaterThanOrEqual(2);
  expect(seen.lastTimer).toMatchObject({ isPastDue: false });
});

it('runs a timer function on demand through the admin endpoint', async () => {
  const before = (await ticks()).ticks;
  const run = await fetch(`${host.url}/admin/functions/everySecond`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
  expect((await ticks()).ticks).toBeGreaterThan(before);
  expect((await fetch(`${host.url}/admin/functions/ticks`, { method: 'POST' })).status).toBe(404);
});

it('resolves %SETTING% schedules and refuses missing ones', () => {
  expect(resolveSchedule('%S%', { S: '0 30 3 * * *' })).toBe('0 30 3 * * *');
  expect(resolveSchedule('0 */5 * * * *', {})).toBe('0 */5 * * * *');
  expect(() => resolveSchedule('%MISSING%', {})).toThrow(/MISSING/);
});
