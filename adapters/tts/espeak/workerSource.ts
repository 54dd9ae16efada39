/**
 * Source of the worker thread that owns one espeak-ng WASM instance. It is a string (run with `eval: true`) so the
 * same code works under tsc output, tsx and jest without a separate build step for a .js worker file.
 *
 * Determinism: espeak-ng keeps state between calls (its PRNG, seeded from time() at start-up, and open data files
 * whose read positions live in the JS file system, outside the WASM heap). Restoring a heap snapshot between calls
 * therefore left those positions stale and truncated later sentences. Each request gets a fresh instance instead,
 * created with the clock fixed, from a data package read once per worker: equal input gives byte-identical PCM in any
 * process, whatever ran before. A fresh instance costs ~150 ms; it is built ahead, while the worker waits for work.
 */
export const ESPEAK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

async function start() {
  const factory = (await import(pathToFileURL(workerData.modulePath).href)).default;
  const data = fs.readFileSync(path.join(path.dirname(workerData.modulePath), 'espeak-ng.data'));
  const dataPackage = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const freshEngine = async () => {
    const realNow = Date.now;
    Date.now = () => 1700000000000;
    try {
      const module = await factory({ getPreloadedPackage: () => dataPackage });
      return new module.eSpeakNGWorker();
    } finally {
      Date.now = realNow;
    }
  };
  // The next request's instance is built while this worker would otherwise wait for work.
  let nextEngine = freshEngine();
  await nextEngine;

  parentPort.on('message', async (message) => {
    let fd;
    try {
      const engine = await nextEngine;
      nextEngine = freshEngine();
      nextEngine.catch(() => undefined);
      fd = fs.openSync(message.rawPath, 'w', 0o600);
      let samples = 0;
      for (const run of message.runs) {
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
