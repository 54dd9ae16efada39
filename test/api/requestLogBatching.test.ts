/**
 * The request log's lines reach the operating system in batches: lines logged one at a time, each in its own turn of
 * the event loop (as a busy API logs them, one per answered request), are written together by one write when the
 * flush interval comes, and none is lost or reordered. The interval is a fake timer, so the test decides when it
 * fires.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { batchedLines, createLogger } from '../../adapters/logging/logger';

const LINES = 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => jest.useRealTimers());

test('lines logged in separate turns are written together by one write, all of them, in order', async () => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-log-'));
  const file = path.join(dir, 'log.jsonl');
  const fd = fs.openSync(file, 'w');
  const writes = jest.spyOn(fs, 'write');
  const writesToLog = () => writes.mock.calls.filter(([target]) => target === fd).length;
  try {
    const logger = createLogger('info', batchedLines(fd));
    for (let i = 0; i < LINES; i++) {
      logger.info('request', { requestId: `r-${i}`, status: 200 });
      await nextTurn();
    }
    expect(writesToLog()).toBe(0);

    jest.advanceTimersByTime(100);
    let lines: string[] = [];
    for (let turn = 0; turn < 10_000 && lines.length < LINES; turn++) {
      await nextTurn();
      lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    }
    expect(lines.map((line) => (JSON.parse(line) as { requestId: string }).requestId)).toEqual(
      Array.from({ length: LINES }, (_, i) => `r-${i}`),
    );
    expect(writesToLog()).toBe(1);
  } finally {
    writes.mockRestore();
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
