/**
 * Durable storage for the Cosmos emulator, which itself keeps everything in memory: an append-only journal of every
 * document write, forced to disk (fdatasync) before the emulator answers the request that made it, and a snapshot
 * that compaction writes in the background so the journal stays short.
 *
 * Files in the data directory:
 * - `snapshot.jsonl`: a header line `{"format":…,"generation":G}`, then one `{"c":container,"d":document}` per line;
 * - `journal-<G>.jsonl`: the writes made since snapshot generation G, one record per line, in order.
 *
 * Recovery reads the snapshot (generation S, or 0 without one) and replays every journal from S on. Records hold the
 * whole document (or a delete), so replaying a record the snapshot already reflects changes nothing: compaction can
 * cut the state and switch journals without stopping writes.
 */
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

export type StoredDocument = { id: string; [field: string]: unknown };
export type PartitionValue = unknown;

/** One document stored (whole, system fields included) or removed. */
export type DocumentChange =
  { c: string; op: 'put'; d: StoredDocument } | { c: string; op: 'del'; id: string; p: PartitionValue };

/** A change, or the changes of one transactional batch: one line, so a kill keeps all of them or none. */
export type JournalRecord = DocumentChange | { op: 'batch'; changes: DocumentChange[] };

/** Every document of one container at the moment of a compaction cut. */
export interface ContainerContents {
  container: string;
  documents: StoredDocument[];
}

const SNAPSHOT_FILE = 'snapshot.jsonl';
const SNAPSHOT_FORMAT = 'khipu-cosmos-snapshot';
const JOURNAL_PATTERN = /^journal-(\d+)\.jsonl$/;
/** Compact once the journal passes this size and the size of the last snapshot. */
const MIN_COMPACTION_BYTES = 32 * 1024 * 1024;
/** Snapshot lines are written in chunks of about this size, so compaction never holds the event loop for long. */
const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;

const journalFile = (generation: number) => `journal-${String(generation).padStart(8, '0')}.jsonl`;

export class JournalCorruptError extends Error {
  constructor(file: string, line: number) {
    super(`${file} line ${line} is not a journal record: the Cosmos emulator's data is damaged`);
    this.name = 'JournalCorruptError';
  }
}

interface Waiter {
  sequence: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class CosmosJournal {
  private pending: string[] = [];
  private appended = 0;
  private durable = 0;
  private flushing: Promise<void> | undefined;
  private compacting: Promise<void> | undefined;
  private waiters: Waiter[] = [];
  private failure: Error | undefined;

  private constructor(
    private readonly dir: string,
    private generation: number,
    private handle: FileHandle,
    private journalBytes: number,
    private snapshotBytes: number,
  ) {}

  /**
   * Opens the journal in `dir`, first handing every stored record to `apply` in order (the snapshot's documents as
   * puts). A torn last line (a write cut short by a crash, never acknowledged) is dropped and cut off the file.
   */
  static async open(dir: string, apply: (record: JournalRecord) => void): Promise<CosmosJournal> {
    fs.mkdirSync(dir, { recursive: true });
    const snapshotPath = path.join(dir, SNAPSHOT_FILE);
    let generation = 0;
    let snapshotBytes = 0;
    if (fs.existsSync(snapshotPath)) {
      const lines = completeLines(snapshotPath, false);
      const header = JSON.parse(lines.shift() ?? '{}') as { format?: string; generation?: number };
      if (header.format !== SNAPSHOT_FORMAT || !Number.isInteger(header.generation)) {
        throw new JournalCorruptError(snapshotPath, 1);
      }
      generation = header.generation!;
      snapshotBytes = fs.statSync(snapshotPath).size;
      lines.forEach((line, index) => {
        const entry = parseLine(line, snapshotPath, index + 2) as { c: string; d: StoredDocument };
        apply({ c: entry.c, op: 'put', d: entry.d });
      });
    }
    const journals = fs
      .readdirSync(dir)
      .map((name) => ({ name, generation: Number(JOURNAL_PATTERN.exec(name)?.[1] ?? NaN) }))
      .filter((file) => Number.isInteger(file.generation))
      .sort((a, b) => a.generation - b.generation);
    for (const file of journals) {
      const filePath = path.join(dir, file.name);
      // Older than the snapshot: compaction finished but was stopped before it removed them.
      if (file.generation < generation) {
        fs.rmSync(filePath, { force: true });
        continue;
      }
      completeLines(filePath, true).forEach((line, index) =>
        apply(parseLine(line, filePath, index + 1) as JournalRecord),
      );
      generation = file.generation;
    }
    const current = path.join(dir, journalFile(generation));
    const handle = await fs.promises.open(current, 'a');
    await syncDirectory(dir);
    return new CosmosJournal(dir, generation, handle, (await handle.stat()).size, snapshotBytes);
  }

  /** Queues a record; returns its sequence number for `whenDurable`. */
  append(record: JournalRecord): number {
    if (this.failure) throw this.failure;
    this.pending.push(`${JSON.stringify(record)}\n`);
    this.appended += 1;
    this.flush();
    return this.appended;
  }

  /** Sequence number of the latest record appended. */
  get lastAppended(): number {
    return this.appended;
  }

  isDurable(sequence: number): boolean {
    return this.durable >= sequence;
  }

  /** Resolves once every record up to `sequence` is on disk. */
  whenDurable(sequence = this.appended): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durable >= sequence) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ sequence, resolve, reject }));
  }

  /** True when the journal has grown enough that replaying it would take longer than reading a fresh snapshot. */
  needsCompaction(): boolean {
    return !this.compacting && this.journalBytes > Math.max(MIN_COMPACTION_BYTES, this.snapshotBytes);
  }

  /**
   * Writes a snapshot of `cut()` (taken synchronously, at the moment later writes start going to a new journal) and
   * then removes the journals it covers. Writes go on while it runs.
   */
  compact(cut: () => ContainerContents[]): Promise<void> {
    this.compacting ??= this.writeSnapshot(cut).finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.compacting?.catch(() => undefined);
    await this.whenDurable().catch(() => undefined);
    await this.handle.close();
  }

  /**
   * Starts writing the pending records unless a flush is under way. A record appended after that flush's last batch
   * but before it wound up (a waiter it had just released appends at once) would otherwise wait for the next append.
   */
  private flush(): void {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0 && !this.failure) this.flush();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.failure) {
      const batch = this.pending.join('');
      const upTo = this.appended;
      this.pending = [];
      const handle = this.handle;
      try {
        await handle.write(batch);
        await handle.datasync();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
        return;
      }
      if (handle === this.handle) this.journalBytes += Buffer.byteLength(batch);
      this.durable = upTo;
      const waiting = this.waiters;
      this.waiters = waiting.filter((waiter) => waiter.sequence > upTo);
      for (const waiter of waiting) if (waiter.sequence <= upTo) waiter.resolve();
    }
  }

  private async writeSnapshot(cut: () => ContainerContents[]): Promise<void> {
    const nextGeneration = this.generation + 1;
    const nextHandle = await fs.promises.open(path.join(this.dir, journalFile(nextGeneration)), 'a');
    await syncDirectory(this.dir);
    // One synchronous step: from here on writes go to the new journal, and the cut holds every earlier write.
    const previousHandle = this.handle;
    const appendedAtCut = this.appended;
    this.handle = nextHandle;
    this.generation = nextGeneration;
    this.journalBytes = 0;
    const contents = cut();

    const temporary = path.join(this.dir, `${SNAPSHOT_FILE}.tmp`);
    const out = await fs.promises.open(temporary, 'w');
    let written = 0;
    try {
      let chunk = `${JSON.stringify({ format: SNAPSHOT_FORMAT, generation: nextGeneration })}\n`;
      for (const { container, documents } of contents) {
        for (const document of documents) {
          chunk += `${JSON.stringify({ c: container, d: document })}\n`;
          if (chunk.length >= SNAPSHOT_CHUNK_BYTES) {
            await out.write(chunk);
            written += chunk.length;
            chunk = '';
          }
        }
      }
      await out.write(chunk);
      written += chunk.length;
      await out.datasync();
    } finally {
      await out.close();
    }
    await fs.promises.rename(temporary, path.join(this.dir, SNAPSHOT_FILE));
    await syncDirectory(this.dir);
    this.snapshotBytes = written;

    // Writes queued before the cut may still be landing in the previous journal; it goes once they have.
    await this.whenDurable(appendedAtCut).catch(() => undefined);
    await previousHandle.close();
    for (const name of fs.readdirSync(this.dir)) {
      const generation = Number(JOURNAL_PATTERN.exec(name)?.[1] ?? NaN);
      if (Number.isInteger(generation) && generation < nextGeneration) {
        await fs.promises.rm(path.join(this.dir, name), { force: true });
      }
    }
  }
}

/** The file's complete lines; an incomplete last line is dropped (and, when `repair`, cut off the file). */
function completeLines(filePath: string, repair: boolean): string[] {
  const content = fs.readFileSync(filePath);
  const lastNewline = content.lastIndexOf(0x0a);
  if (lastNewline < content.length - 1 && repair) fs.truncateSync(filePath, lastNewline + 1);
  if (lastNewline < 0) return [];
  return content
    .subarray(0, lastNewline)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

function parseLine(line: string, filePath: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new JournalCorruptError(filePath, lineNumber);
  }
}

/** A rename or a new file is durable only once its directory entry is. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
