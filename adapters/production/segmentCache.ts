/**
 * A bounded local copy of segment audio this machine stored, so a chapter's mastering on the same machine reads the
 * segments from disk instead of downloading them again; and of the chapters' retail encodings it stored, which the
 * packages read. Shared by every process on the machine through one folder
 * under os.tmpdir(); nothing durable depends on it: the blob is the record, a miss only costs a download.
 *
 * Entries are named by the sha256 of the full blob name (tenant and project included), never by a path built from
 * input. A file enters under a temp name and is renamed into place, so a reader never sees a half-written entry; a
 * reader also takes an entry only when it has the blob's size (when the reader knows it) or else when the WAV
 * header's data length fits inside the file. Past the size cap the
 * least recently used entries are removed (a file being read stays readable: unlinking keeps it open on Linux).
 * An entry unused for `maxAgeMs` is neither taken nor kept, so a copy of audio whose blob was erased lives at most
 * that long after its last use on a machine that keeps working (the folder is scanned at least every few minutes
 * while the cache is used).
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Once over the cap, entries go until the cache is down to this share of it, so a scan is not due on every store. */
const LOW_WATER = 0.75;
const ENTRY_SUFFIX = '.wav';
const TEMP_SUFFIX = '.tmp';
/** How much of an entry is read to check its header: a WAV's chunks before its audio are far smaller. */
const HEAD_BYTES = 4096;
/** A mastering follows its chapter's synthesis within minutes; an hour covers a retake's regeneration as well. */
const DEFAULT_MAX_AGE_MS = 60 * 60_000;
/** The folder is scanned (expired and stale files removed, the cap enforced) at least this often while in use. */
const SCAN_INTERVAL_MS = 5 * 60_000;

export interface SegmentCache {
  /** Keeps a copy of `file`, whose bytes are exactly the stored blob `blobName`; a failure only means a later miss. */
  keep(blobName: string, file: string): Promise<void>;
  /**
   * Places the cached copy of `blobName` at `file` (a new path); false when there is no whole entry, and nothing is
   * left at `file` then. An entry is whole when its size is the stored blob's `bytes`, given when the caller knows
   * them (a chapter's encodings); otherwise it must be a whole WAV, of which only the header is read. The caller reads
   * the bytes from `file` when it needs them.
   */
  take(blobName: string, file: string, bytes?: number): Promise<boolean>;
}

export interface SegmentCacheOptions {
  maxBytes: number;
  /** How long an entry may go unused before it is removed (default an hour). */
  maxAgeMs?: number;
  /** The folder; a fixed one under os.tmpdir() unless a test isolates its own. */
  dir?: string;
}

export function defaultSegmentCacheDir(): string {
  return path.join(os.tmpdir(), 'khipu-segment-cache');
}

export function createSegmentCache(options: SegmentCacheOptions): SegmentCache {
  const dir = options.dir ?? defaultSegmentCacheDir();
  const { maxBytes } = options;
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  let lastScanMs = 0;
  // This process's view of the folder's size: the last scan's total plus what it added since. Other processes'
  // additions are seen at the next scan, so the folder can pass the cap by what they added in between.
  let estimatedBytes: number | undefined;
  let scanning: Promise<void> | undefined;

  let ownedChecked: Promise<boolean> | undefined;
  // os.tmpdir() is shared: a folder another user made (or can write to) could hand mastering audio of its choosing.
  const ownFolder = () =>
    (ownedChecked ??= mkdir(dir, { recursive: true, mode: 0o700 })
      .then(() => stat(dir))
      .then((info) => info.isDirectory() && info.uid === os.userInfo().uid && (info.mode & 0o022) === 0)
      .catch(() => false));

  const entryPath = (blobName: string) =>
    path.join(dir, createHash('sha256').update(blobName).digest('hex') + ENTRY_SUFFIX);

  async function scanAndEvict(): Promise<void> {
    lastScanMs = Date.now();
    const entries: { file: string; bytes: number; usedMs: number }[] = [];
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith(TEMP_SUFFIX)) {
        if (!isWriterAlive(name)) await unlink(file).catch(() => undefined);
        continue;
      }
      if (!name.endsWith(ENTRY_SUFFIX)) continue;
      const info = await stat(file).catch(() => undefined);
      if (info && lastScanMs - info.mtimeMs > maxAgeMs) await unlink(file).catch(() => undefined);
      else if (info) entries.push({ file, bytes: info.size, usedMs: info.mtimeMs });
    }
    let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    if (total > maxBytes) {
      entries.sort((a, b) => a.usedMs - b.usedMs);
      for (const entry of entries) {
        if (total <= maxBytes * LOW_WATER) break;
        await unlink(entry.file).catch(() => undefined);
        total -= entry.bytes;
      }
    }
    estimatedBytes = total;
  }

  function evictIfOver(): Promise<void> {
    const scanDue = Date.now() - lastScanMs > SCAN_INTERVAL_MS;
    if (!scanDue && estimatedBytes !== undefined && estimatedBytes <= maxBytes) return Promise.resolve();
    scanning ??= scanAndEvict().finally(() => (scanning = undefined));
    return scanning;
  }

  return {
    async keep(blobName, file) {
      const temp = path.join(dir, `${process.pid}-${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
      try {
        const { size } = await stat(file);
        if (size > maxBytes * LOW_WATER) return;
        if (!(await ownFolder())) return;
        // A hard link costs no copy; another filesystem needs one.
        await link(file, temp).catch(() => copyFile(file, temp));
        const now = new Date();
        await utimes(temp, now, now);
        await rename(temp, entryPath(blobName));
        estimatedBytes = estimatedBytes === undefined ? undefined : estimatedBytes + size;
        await evictIfOver();
      } catch {
        // Only a later miss: the blob is stored.
        await unlink(temp).catch(() => undefined);
      }
    },

    async take(blobName, file, bytes) {
      const entry = entryPath(blobName);
      if (!(await ownFolder())) return false;
      try {
        // A link of its own: an eviction from now on cannot take the bytes away from this render.
        await link(entry, file).catch(() => copyFile(entry, file, constants.COPYFILE_EXCL));
      } catch {
        return false;
      }
      // The link shares the entry's times: an entry unused past its age is as good as gone.
      const info = await stat(file).catch(() => undefined);
      const fresh = info !== undefined && Date.now() - info.mtimeMs <= maxAgeMs;
      const whole =
        fresh &&
        (bytes === undefined
          ? isWholeWav(await readHead(file).catch(() => Buffer.alloc(0)), info.size)
          : info.size === bytes);
      if (!whole) {
        await unlink(file);
        await unlink(entry).catch(() => undefined);
        return false;
      }
      const now = new Date();
      await utimes(entry, now, now).catch(() => undefined);
      await evictIfOver().catch(() => undefined);
      return true;
    },
  };
}

/** Whether the process named in a temp entry's name still runs; a killed writer's temp file is removed. */
function isWriterAlive(tempName: string): boolean {
  const pid = Number(tempName.split('-')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The start of a file, where a WAV's chunk headers are (a header past it makes the entry a miss). */
async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A RIFF/WAVE file of `fileBytes` whose data chunk, declared in `head`, declares its length and lies whole inside it. */
function isWholeWav(head: Buffer, fileBytes: number): boolean {
  if (head.length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') {
    return false;
  }
  let offset = 12;
  while (offset + 8 <= head.length) {
    const chunkSize = head.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (head.toString('ascii', offset, offset + 4) === 'data') {
      // Streamed writers leave 0 or 0xFFFFFFFF: such a header cannot tell a whole file from a cut one.
      return chunkSize !== 0 && chunkSize !== 0xffffffff && body + chunkSize <= fileBytes;
    }
    offset = body + chunkSize + (chunkSize % 2);
  }
  return false;
}
