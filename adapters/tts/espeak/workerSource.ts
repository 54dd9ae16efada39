/**
 * Source of the worker thread that owns one espeak-ng WASM instance. It is a string (run with `eval: true`) so the
 * same code works under tsc output, tsx and jest without a separate build step for a .js worker file.
 *
 * Determinism: espeak-ng keeps state between calls (its PRNG, seeded from time() at start-up, and synthesis state),
 * so the same text gave slightly different audio on each call. The worker fixes the clock during start-up, warms the
 * engine up once, snapshots the whole WASM heap, and restores that snapshot before every run: each run starts from
 * an identical state, so equal input gives byte-identical PCM in any process.
 */
export const ESPEAK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');

async function start() {
  const realNow = Date.now;
  Date.now = () => 1700000000000;
  let engine, module, snapshot;
  try {
    const imported = await import(pathToFileURL(workerData.modulePath).href);
    module = await imported.default();
    engine = new module.eSpeakNGWorker();
    engine.set_voice('en-us');
    engine.synthesize('<speak>warm up.</speak>', () => false);
    snapshot = module.HEAPU8.slice();
  } finally {
    Date.now = realNow;
  }
  const restore = () => {
    const heap = module.HEAPU8;
    heap.set(snapshot);
    if (heap.length > snapshot.length) heap.fill(0, snapshot.length);
  };

  parentPort.on('message', (message) => {
    let fd;
    try {
      fd = fs.openSync(message.rawPath, 'w', 0o600);
      let samples = 0;
      for (const run of message.runs) {
        restore();
        const status = engine.set_voice(run.voice);
        if (status !== 0) throw new Error('espeak-ng has no voice ' + run.voice + ' (status ' + status + ')');
        engine.set_rate(175);
        engine.set_pitch(50);
        engine.set_range(50);
        engine.set_volume(100);
        engine.synthesize(run.ssml, (chunk) => {
          if (chunk && chunk.length > 0) {
            fs.writeSync(fd, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            samples += chunk.length;
          }
          return false;
        });
      }
      fs.closeSync(fd);
      fd = undefined;
      parentPort.postMessage({ id: message.id, samples, sampleRate: engine.get_samplerate() });
    } catch (error) {
      if (fd !== undefined) { try { fs.closeSync(fd); } catch {} }
      parentPort.postMessage({ id: message.id, error: String(error && error.message || error) });
      if (error instanceof WebAssembly.RuntimeError) process.exit(1);
    }
  });
  parentPort.postMessage({ ready: true });
}

start().catch((error) => {
  parentPort.postMessage({ fatal: String(error && error.message || error) });
  process.exit(1);
});
`;
