/**
 * The request log's lines reach the operating system in batches: lines logged one at a time, each in its own turn of
 * the event loop (as a busy API logs them, one per answered request), are written together by one write when the
 * flush interval comes, and none is lost or reordered. The interval is a fake timer, so the test decides when it
 * fires.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { batchedLines, createLogger } from '../../adapters/logging/logger';

const LINES = 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => jest.useRealTimers());

async function withLogFile(
  check: (fd: number, file: string, writesToLog: () => number) => Promise<void>,
): Promise<void> {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-log-'));
  const file = path.join(dir, 'log.jsonl');
  const fd = fs.openSync(file, 'w');
  const writes = jest.spyOn(fs, 'write');
  try {
    await check(fd, file, () => writes.mock.calls.filter(([target]) => target === fd).length);
  } finally {
    writes.mockRestore();
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines in the file once `count` of them are there (the write completes on libuv's thread pool). */
async function linesOf(file: string, count: number): Promise<string[]> {
  let lines: string[] = [];
  for (let turn = 0; turn < 10_000 && lines.length < count; turn++) {
    await nextTurn();
    lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  }
  return lines;
}

test('lines logged in separate turns are written together by one write, all of them, in order', async () => {
  await withLogFile(async (fd, file, writesToLog) => {
    const logger = createLogger('info', batchedLines(fd));
    for (let i = 0; i < LINES; i++) {
      logger.info('request', { requestId: `r-${i}`, status: 200 });
      await nextTurn();
    }
    expect(writesToLog()).toBe(0);

    jest.advanceTimersByTime(100);
    const lines = await linesOf(file, LINES);
    expect(lines.map((line) => (JSON.parse(line) as { requestId: string }).requestId)).toEqual(
      Array.from({ length: LINES }, (_, i) => `r-${i}`),
    );
    expect(writesToLog()).toBe(1);
  });
});

test('a warning or an error is written at once, with the lines before it', async () => {
  await withLogFile(async (fd, file, writesToLog) => {
    const logger = createLogger('info', batchedLines(fd));
    logger.info('request', { requestId: 'r-0' });
    logger.error('audit record not written', { requestId: 'r-0' });
    const lines = await linesOf(file, 2);
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'request',
      'audit record not written',
    ]);
    expect(writesToLog()).toBe(1);
    logger.warn('slow', {});
    expect((await linesOf(file, 3)).length).toBe(3);
  });
});

test('a warning logged while a batch is being written follows it as soon as that write completes', async () => {
  await withLogFile(async (fd, file) => {
    const logger = createLogger('info', batchedLines(fd));
    logger.info('request', { requestId: 'r-0' });
    logger.error('first', {});
    // Same turn: the write carrying the first two lines is still on libuv's thread pool, and the stream drops a
    // flush asked for meanwhile. The flush interval is a fake timer that never fires here.
    logger.warn('second', {});
    const lines = await linesOf(file, 3);
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['request', 'first', 'second']);
  });
});

test('a destination whose stream was destroyed stops flushing instead of throwing from its timer', async () => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-log-'));
  // The stream closes this descriptor itself when destroyed, so the test does not close it too.
  const fd = fs.openSync(path.join(dir, 'log.jsonl'), 'w');
  const opened = jest.spyOn(pino, 'destination');
  try {
    const logger = createLogger('info', batchedLines(fd));
    logger.info('request', { requestId: 'r-0' });
    const stream = opened.mock.results[0]!.value as ReturnType<typeof pino.destination>;
    const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    stream.destroy();
    // The stream reports 'close' only once its file is synced; the interval must not flush it before then either.
    expect(() => jest.advanceTimersByTime(1_000)).not.toThrow();
    await closed;
  } finally {
    opened.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
