import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CloudEventRecord, DeadLetterRecord } from './types';

/**
 * What survives a restart of the emulator: deliveries not yet completed (so an accepted event is delivered even if
 * the platform stops first) and dead letters (one JSON-lines file per subscription).
 */

export interface PendingDelivery {
  deliveryId: string;
  subscription: string;
  event: CloudEventRecord;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch milliseconds. */
  nextAttemptAt: number;
  /** For function subscriptions without a name: the one function this copy is for. */
  targetFunction?: string;
  lastError?: string;
}

interface StateFile {
  version: 1;
  pending: PendingDelivery[];
}

const STATE_FILE = 'delivery-state.json';
const DEAD_LETTER_DIR = 'deadletters';

export class DeliveryStore {
  private queuedSave: Promise<void> | undefined;
  private lastWrite: Promise<void> = Promise.resolve();
  private deadLetterWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly snapshot: () => PendingDelivery[],
  ) {}

  async load(): Promise<PendingDelivery[]> {
    await fs.mkdir(this.dataDir, { recursive: true });
    let text: string;
    try {
      text = await fs.readFile(path.join(this.dataDir, STATE_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const state = JSON.parse(text) as StateFile;
    if (state.version !== 1 || !Array.isArray(state.pending)) throw new Error(`unrecognised ${STATE_FILE}`);
    return state.pending;
  }

  /**
   * Writes the current snapshot. Calls made while a write is waiting share it; a call made while one is running
   * gets the next one, so every caller's resolution implies its own changes are on disk.
   */
  save(): Promise<void> {
    if (this.queuedSave) return this.queuedSave;
    const next = this.lastWrite.then(() => {
      this.queuedSave = undefined;
      return this.writeNow();
    });
    this.queuedSave = next;
    this.lastWrite = next.catch(() => undefined);
    return next;
  }

  private async writeNow(): Promise<void> {
    const file = path.join(this.dataDir, STATE_FILE);
    const temporary = `${file}.${process.pid}.tmp`;
    const state: StateFile = { version: 1, pending: this.snapshot() };
    await fs.writeFile(temporary, JSON.stringify(state), 'utf8');
    await fs.rename(temporary, file);
  }

  deadLetterFile(subscription: string): string {
    // Subscription names are validated to letters, digits and hyphens, so they are safe as file names.
    return path.join(this.dataDir, DEAD_LETTER_DIR, `${subscription.toLowerCase()}.jsonl`);
  }

  appendDeadLetter(record: DeadLetterRecord): Promise<void> {
    const write = this.deadLetterWrites.then(async () => {
      const file = this.deadLetterFile(record.subscription);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.appendFile(file, `${JSON.stringify(record)}\n`, 'utf8');
    });
    this.deadLetterWrites = write.catch(() => undefined);
    return write;
  }

  async readDeadLetters(subscription: string): Promise<DeadLetterRecord[]> {
    await this.deadLetterWrites;
    try {
      const text = await fs.readFile(this.deadLetterFile(subscription), 'utf8');
      return text
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as DeadLetterRecord);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async flush(): Promise<void> {
    await Promise.all([this.lastWrite, this.deadLetterWrites]);
  }
}
