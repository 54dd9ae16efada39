/**
 * Zip writing, streamed from files to a file (memory flat whatever the book's size), hashed as it is written and,
 * when asked, copied to a second consumer at the same time (the blob store: the upload runs beside the writing
 * instead of reading the finished file again). Each stored entry's CRC-32 is taken first (zlib's native CRC, over
 * bytes the disk cache holds), so its header carries it and the entry's bytes then go to the zip untouched; a
 * deflated entry (the manifest: small text) is compressed in memory. Deterministic: entries in the order given, one
 * fixed timestamp and mode, so the same inputs give byte-identical packages.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { hashingStream } from '../../core/common/hashingStream';
import { mapLimit } from './mapLimit';
import {
  centralDirectoryHeader,
  dosDateTime,
  endOfCentralDirectory,
  localFileHeader,
  type ZipRecordEntry,
} from './zipRecords';

export interface ZipEntry {
  /** Local file to store. */
  path: string;
  /** Entry name: a single sanitized segment, never a caller-given path. */
  name: string;
  /** Deflate; off for already-compressed audio and images. Deflated entries are read whole into memory. */
  compress: boolean;
}

/**
 * DOS timestamps are local time; building the date from local fields gives the same stored value in every time zone.
 * 1 January 2000, the conventional fixed date of reproducible archives after the DOS epoch.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;
/** A deflated entry is held in memory: it is for a package's small text files, not its audio. */
const MAX_DEFLATED_ENTRY_BYTES = 64 * 1024 * 1024;
/** Files read at once for their CRC (each holds a 1 MiB read buffer). */
const CRC_CONCURRENCY = 4;

export interface WriteZipOptions {
  signal?: AbortSignal;
  /** Receives the zip's bytes as they are written (e.g. an upload); its failure fails the writing and vice versa. */
  copyTo?: (body: Readable) => Promise<unknown>;
  /** Zip64 records even where the classic fields would do (readers of very large archives; tests). */
  forceZip64?: boolean;
}

export async function writeZip(
  entries: ZipEntry[],
  outFile: string,
  options: WriteZipOptions = {},
): Promise<{ bytes: number; sha256: string }> {
  const names = new Set<string>();
  for (const entry of entries) {
    if (!isSafeEntryName(entry.name)) throw new Error(`unsafe zip entry name ${JSON.stringify(entry.name)}`);
    if (names.has(entry.name)) throw new Error(`duplicate zip entry ${JSON.stringify(entry.name)}`);
    names.add(entry.name);
  }
  const contents = await mapLimit(entries, CRC_CONCURRENCY, (entry) => entryContent(entry, options.signal));
  const { stream: counted, result } = hashingStream();
  const output = createWriteStream(outFile);
  // A readable piped to two destinations flows at the pace of the slower one.
  const copy = options.copyTo ? counted.pipe(new PassThrough()) : undefined;
  const writing = pipeline(zipBytes(contents, options), counted, output, { signal: options.signal }).catch(
    (error: unknown) => {
      output.destroy();
      copy?.destroy(error as Error);
      throw error;
    },
  );
  const copying = copy
    ? options.copyTo!(copy).catch((error: unknown) => {
        counted.destroy(error as Error);
        throw error;
      })
    : undefined;
  await Promise.all([writing, copying]);
  return result();
}

interface EntryContent {
  entry: ZipEntry;
  crc32: number;
  size: number;
  /** The deflated bytes; absent for a stored entry, whose file is streamed. */
  deflated?: Buffer;
}

async function entryContent(entry: ZipEntry, signal?: AbortSignal): Promise<EntryContent> {
  if (entry.compress) {
    const data = await readFile(entry.path, { signal });
    if (data.length > MAX_DEFLATED_ENTRY_BYTES) throw new Error(`${entry.name} is too large to deflate in memory`);
    return { entry, crc32: crc32(data), size: data.length, deflated: deflateRawSync(data) };
  }
  let crc = 0;
  let size = 0;
  for await (const chunk of createReadStream(entry.path, { signal, highWaterMark: 1 << 20 })) {
    crc = crc32(chunk as Buffer, crc);
    size += (chunk as Buffer).length;
  }
  return { entry, crc32: crc, size };
}

async function* zipBytes(contents: EntryContent[], options: WriteZipOptions): AsyncGenerator<Buffer> {
  const force = options.forceZip64 ?? false;
  const { dosDate, dosTime } = dosDateTime(FIXED_MTIME);
  const records: ZipRecordEntry[] = [];
  let offset = 0;
  for (const { entry, crc32: crc, size, deflated } of contents) {
    const record: ZipRecordEntry = {
      name: Buffer.from(entry.name, 'utf8'),
      crc32: crc,
      compressedSize: deflated?.length ?? size,
      uncompressedSize: size,
      deflated: deflated !== undefined,
      offset,
      mode: FILE_MODE,
      dosDate,
      dosTime,
    };
    records.push(record);
    const header = localFileHeader(record, force);
    yield header;
    if (deflated) yield deflated;
    else {
      let copied = 0;
      let copiedCrc = 0;
      for await (const chunk of createReadStream(entry.path, { signal: options.signal, highWaterMark: 1 << 20 })) {
        copied += (chunk as Buffer).length;
        copiedCrc = crc32(chunk as Buffer, copiedCrc);
        yield chunk as Buffer;
      }
      // The header gave the size and CRC read before: a file that changed since would make a corrupt entry.
      if (copied !== size || copiedCrc !== crc) throw new Error(`${entry.name} changed while the zip was written`);
    }
    offset += header.length + record.compressedSize;
  }
  const directory = Buffer.concat(records.map((record) => centralDirectoryHeader(record, force)));
  yield directory;
  yield endOfCentralDirectory(records.length, offset, directory.length, force);
}

export function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    !/[/\\]/.test(name) &&
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    !/[\u0000-\u001f\u007f]/.test(name) &&
    name !== '.' &&
    name !== '..'
  );
}
