/**
 * The offline engine's worker gathers the engine's chunks (about 100 ms of audio each) and writes a segment's file in
 * one go: one write for a sentence, a few for half a minute of speech, where it made a system call per chunk before.
 * The bytes are those it wrote chunk by chunk (a fixed digest of the multi-write case, taken from that writer).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { translateSsml } from '../../adapters/tts/espeak/ssmlToEspeak';
import { ESPEAK_WORKER_SOURCE } from '../../adapters/tts/espeak/workerSource';

/** Counts the worker's `fs.writeSync` calls and adds the count to each reply (the worker shares one `fs` module). */
const COUNTING_PREFIX = String.raw`
const countedFs = require('node:fs');
const countedPort = require('node:worker_threads').parentPort;
let writeCalls = 0;
const realWriteSync = countedFs.writeSync;
countedFs.writeSync = (...args) => { writeCalls++; return realWriteSync(...args); };
const realPost = countedPort.postMessage.bind(countedPort);
countedPort.postMessage = (reply) => {
  if (reply && reply.id !== undefined) { reply.writeCalls = writeCalls; writeCalls = 0; }
  return realPost(reply);
};
`;

interface Reply {
  id?: number;
  ready?: boolean;
  samples?: number;
  sampleRate?: number;
  error?: string;
  writeCalls?: number;
}

const SHORT = 'It is a truth universally acknowledged.';
const LONG = Array.from(
  { length: 6 },
  (_, i) => `Sentence ${i + 1} of a long paragraph runs on, as novels do, past the end of the line before it stops.`,
).join(' ');
/** sha256 of LONG's file as the worker wrote it chunk by chunk (one write per chunk, the header last). */
const LONG_SHA256 = '3444a3b46b751d2a8edeb8792f70fe018f3b43058e766bd86805bbfe8400dea4';

const ssml = (text: string) =>
  '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">' +
  `<voice name="en-US-EspeakFemale1">${text}</voice></speak>`;

describe('offline engine worker: file writes', () => {
  let worker: Worker;
  let dir: string;
  const replies: Reply[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'khipu-espeak-writes-'));
    worker = new Worker(COUNTING_PREFIX + ESPEAK_WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath: require.resolve('@echogarden/espeak-ng-emscripten') },
    });
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: Reply) => (reply.ready ? resolve() : replies.push(reply)));
      worker.once('error', reject);
    });
  });
  afterAll(async () => {
    await worker.terminate();
    await rm(dir, { recursive: true, force: true });
  });

  let nextId = 1;
  async function render(text: string): Promise<{ reply: Reply; bytes: Buffer }> {
    const id = nextId++;
    const wavPath = path.join(dir, `${id}.wav`);
    worker.postMessage({ id, runs: translateSsml(ssml(text), {}), wavPath });
    while (!replies.some((r) => r.id === id)) await new Promise((resolve) => setTimeout(resolve, 10));
    const reply = replies.find((r) => r.id === id)!;
    if (reply.error) throw new Error(reply.error);
    return { reply, bytes: await readFile(wavPath) };
  }

  function expectWholeWav(bytes: Buffer, reply: Reply): void {
    expect(bytes.length).toBe(44 + reply.samples! * 2);
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    expect(bytes.readUInt32LE(24)).toBe(reply.sampleRate);
    expect(bytes.toString('ascii', 36, 40)).toBe('data');
    expect(bytes.readUInt32LE(40)).toBe(reply.samples! * 2);
  }

  it('writes a sentence in one call', async () => {
    const { reply, bytes } = await render(SHORT);
    expectWholeWav(bytes, reply);
    expect(reply.samples! / reply.sampleRate!).toBeGreaterThan(1);
    expect(reply.writeCalls).toBe(1);
  });

  it('writes half a minute a megabyte at a time, then the header, with the same bytes', async () => {
    const { reply, bytes } = await render(LONG);
    expectWholeWav(bytes, reply);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(reply.writeCalls).toBe(Math.ceil(bytes.length / (1024 * 1024)) + 1);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(LONG_SHA256);
    // The buffer is the worker's for every request: a short one after the long one is whole and its own.
    const again = await render(SHORT);
    expectWholeWav(again.bytes, again.reply);
    expect(again.reply.writeCalls).toBe(1);
  });
});
