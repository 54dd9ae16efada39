/**
 * A small pool of espeak-ng worker threads; each owns one (non re-entrant) WASM instance for its whole life and runs one
 * job at a time (see workerSource.ts for how every job starts from the engine's pristine state).
 */
import { Worker } from 'node:worker_threads';
import { ESPEAK_WORKER_SOURCE } from './workerSource';
import type { EspeakRun } from './ssmlToEspeak';

export interface RawSynthesis {
  samples: number;
  sampleRate: number;
}

interface Job {
  id: number;
  runs: EspeakRun[];
  wavPath: string;
  resolve: (result: RawSynthesis) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy?: Job;
}

interface WorkerReply {
  id?: number;
  samples?: number;
  sampleRate?: number;
  error?: string;
  ready?: boolean;
  fatal?: string;
}

export class EspeakWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size = 1,
    private readonly jobTimeoutMs = 5 * 60_000,
  ) {}

  run(runs: EspeakRun[], wavPath: string): Promise<RawSynthesis> {
    if (this.closed) return Promise.reject(new Error('espeak pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, runs, wavPath, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('espeak pool closed'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.busy = job;
    slot.worker.ref();
    job.timer = setTimeout(
      () => this.fail(slot, new Error(`espeak synthesis timed out after ${this.jobTimeoutMs} ms`)),
      this.jobTimeoutMs,
    );
    slot.ready.then(
      () => slot.worker.postMessage({ id: job.id, runs: job.runs, wavPath: job.wavPath }),
      (error: Error) => this.fail(slot, error),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(ESPEAK_WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath: require.resolve('@echogarden/espeak-ng-emscripten') },
    });
    let markReady!: () => void;
    let markFailed!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    ready.catch(() => undefined);
    const slot: Slot = { worker, ready };
    this.slots.push(slot);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if (reply.ready) return markReady();
      if (reply.fatal) return markFailed(new Error(`espeak failed to start: ${reply.fatal}`));
      const job = slot.busy;
      if (!job || reply.id !== job.id) return;
      this.finish(slot);
      if (reply.error !== undefined) job.reject(new Error(`espeak synthesis failed: ${reply.error}`));
      else job.resolve({ samples: reply.samples ?? 0, sampleRate: reply.sampleRate ?? 22050 });
    });
    worker.on('error', (error) => {
      markFailed(error);
      this.fail(slot, error);
    });
    worker.on('exit', (code) => {
      markFailed(new Error(`espeak worker exited with code ${code}`));
      this.fail(slot, new Error(`espeak worker exited with code ${code}`));
    });
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.busy?.timer) clearTimeout(slot.busy.timer);
    slot.busy = undefined;
    slot.worker.unref();
    this.dispatch();
  }

  /** A failed or hung worker is discarded; the next job gets a fresh one. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.busy;
    if (job?.timer) clearTimeout(job.timer);
    slot.busy = undefined;
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.closed) this.dispatch();
  }
}
