/**
 * Source of the worker thread that owns one espeak-ng WASM instance for its whole life. It is a string (run with
 * `eval: true`) so the same code works under tsc output, tsx and jest without a separate build step for a .js worker.
 *
 * Determinism with one engine: espeak-ng keeps state between calls (its PRNG, seeded from time() at start-up, the
 * loaded voice and dictionary, synthesis buffers), so the worker starts every request from the engine's pristine
 * state: right after construction (with the clock fixed) it copies the whole heap, and restores that copy before each
 * request. Everything a request leaves behind lives in the heap, except what the bindings keep on the JavaScript side.
 * The one such thing that points into the heap is the bindings' string cache (a buffer they malloc and grow on their
 * own); after a restore it would point at memory the allocator considers free, and espeak's next allocations would
 * overwrite the text being spoken (that is what cut sentences short when an earlier version restored snapshots).
 * So strings never go through that cache: the worker allocates its own text buffer before the copy is taken, writes
 * each voice name and document into it, and passes the bindings a pointer. The file system holds no open files
 * between calls (espeak opens, reads and closes its data files inside each call). The result is byte-identical to a
 * fresh engine for every request, whatever ran before, at the cost of a heap copy (a few ms) instead of a new
 * instance (~200 ms).
 *
 * Output: a RIFF/WAVE file (16-bit mono PCM at the engine's rate, 22,050 Hz). The engine hands over its audio in
 * chunks of about 100 ms; they are gathered in one buffer of the worker's and written when it is full and when the
 * request ends, so a segment of up to 23 s (header included) is one write instead of one per chunk (a system call per
 * 4 KB). A longer one is written a megabyte at a time, and its header is completed at the end.
 */
export const ESPEAK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const TEXT_BYTES = 256 * 1024;
const VOICE_BYTES = 256;
const OUTPUT_BYTES = 1024 * 1024;
const HEADER_BYTES = 44;
const encoder = new TextEncoder();

function writeAll(fd, bytes, length, position) {
  let done = 0;
  while (done < length) done += fs.writeSync(fd, bytes, done, length - done, position === undefined ? null : position + done);
}

/** The file a request writes: its bytes gathered in one buffer, reused by every request of the worker. */
class Output {
  constructor() {
    this.buffer = Buffer.allocUnsafe(OUTPUT_BYTES);
  }
  begin(fd, header) {
    this.fd = fd;
    header.copy(this.buffer, 0);
    this.used = HEADER_BYTES;
    this.flushed = false;
  }
  push(bytes) {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.used === OUTPUT_BYTES) this.flush();
      const copied = bytes.copy(this.buffer, this.used, offset);
      this.used += copied;
      offset += copied;
    }
  }
  flush() {
    // Until the first flush the header is in the buffer; a file written in one go gets its final header there.
    writeAll(this.fd, this.buffer, this.used);
    this.used = 0;
    this.flushed = true;
  }
  end(header) {
    if (this.flushed) {
      writeAll(this.fd, this.buffer, this.used);
      writeAll(this.fd, header, HEADER_BYTES, 0);
    } else {
      header.copy(this.buffer, 0);
      writeAll(this.fd, this.buffer, this.used);
    }
  }
}

function wavHeader(sampleRate, dataBytes) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

async function start() {
  const factory = (await import(pathToFileURL(workerData.modulePath).href)).default;
  const data = fs.readFileSync(path.join(path.dirname(workerData.modulePath), 'espeak-ng.data'));
  const dataPackage = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const realNow = Date.now;
  Date.now = () => 1700000000000;
  let module, engine;
  try {
    module = await factory({ getPreloadedPackage: () => dataPackage });
    engine = new module.eSpeakNGWorker();
  } finally {
    Date.now = realNow;
  }
  const voiceText = module._malloc(VOICE_BYTES);
  const documentText = module._malloc(TEXT_BYTES);
  if (!voiceText || !documentText) throw new Error('cannot allocate the text buffers');
  const output = new Output();
  const pristine = module.HEAPU8.slice();
  const restore = () => {
    const heap = module.HEAPU8;
    heap.set(pristine);
    if (heap.length > pristine.length) heap.fill(0, pristine.length);
  };
  const write = (pointer, capacity, text) => {
    const bytes = encoder.encode(text);
    if (bytes.length + 1 > capacity) throw new Error('text too long for one espeak request');
    module.HEAPU8.set(bytes, pointer);
    module.HEAPU8[pointer + bytes.length] = 0;
    return { ptr: pointer };
  };

  parentPort.on('message', (message) => {
    let fd;
    try {
      restore();
      const sampleRate = engine.get_samplerate();
      fd = fs.openSync(message.wavPath, 'w', 0o600);
      output.begin(fd, wavHeader(sampleRate, 0));
      let samples = 0;
      for (const run of message.runs) {
        const status = engine.set_voice(write(voiceText, VOICE_BYTES, run.voice));
        if (status !== 0) throw new Error('espeak-ng has no voice ' + run.voice + ' (status ' + status + ')');
        engine.set_rate(175);
        engine.set_pitch(50);
        engine.set_range(50);
        engine.set_volume(100);
        engine.synthesize(write(documentText, TEXT_BYTES, run.ssml), (chunk) => {
          if (chunk && chunk.length > 0) {
            output.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            samples += chunk.length;
          }
          return false;
        });
      }
      output.end(wavHeader(sampleRate, samples * 2));
      fs.closeSync(fd);
      fd = undefined;
      parentPort.postMessage({ id: message.id, samples, sampleRate });
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
