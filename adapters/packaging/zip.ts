/**
 * Zip writing with yazl, streamed from files to a file, to a consumer (the blob store: the upload runs beside the
 * writing instead of reading a finished file again) or both (memory flat whatever the book's size), hashed as it is
 * written. Deterministic: entries in the order given, one fixed timestamp and
 * mode, so the same inputs give byte-identical packages.
 */
import { createWriteStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { hashingStream } from '../../core/common/hashingStream';

export interface ZipEntry {
  /** Local file to store. */
  path: string;
  /** Entry name: a single sanitized segment, never a caller-given path. */
  name: string;
  /** Deflate; off for already-compressed audio and images. */
  compress: boolean;
}

/**
 * DOS timestamps are local time; building the date from local fields gives the same stored value in every time zone.
 * 1 January 2000, the conventional fixed date of reproducible archives after the DOS epoch.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;

export interface WriteZipOptions {
  signal?: AbortSignal;
  /** Receives the zip's bytes as they are written (e.g. an upload); its failure fails the writing and vice versa. */
  copyTo?: (body: Readable) => Promise<unknown>;
}

/**
 * Writes the zip to `outFile`, to `options.copyTo`, or both. Given only `copyTo` (the store, which keeps the bytes),
 * nothing is written to the local disk: a whole book's zip is not written once more where nothing reads it again.
 */
export async function writeZip(
  entries: ZipEntry[],
  outFile: string | undefined,
  options: WriteZipOptions = {},
): Promise<{ bytes: number; sha256: string }> {
  if (outFile === undefined && !options.copyTo) throw new Error('a zip needs a file or a copy to be written to');
  const names = new Set<string>();
  for (const entry of entries) {
    if (!isSafeEntryName(entry.name)) throw new Error(`unsafe zip entry name ${JSON.stringify(entry.name)}`);
    if (names.has(entry.name)) throw new Error(`duplicate zip entry ${JSON.stringify(entry.name)}`);
    names.add(entry.name);
  }
  const zip = new ZipFile();
  // yazl reports a file it cannot read on the ZipFile itself, not on its output stream.
  const failed = new Promise<never>((_resolve, reject) => zip.once('error', reject));
  for (const entry of entries) {
    zip.addFile(entry.path, entry.name, {
      mtime: FIXED_MTIME,
      mode: FILE_MODE,
      compress: entry.compress,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  const { stream: counted, result } = hashingStream();
  const output = outFile === undefined ? undefined : createWriteStream(outFile);
  const copy = options.copyTo ? new PassThrough() : undefined;
  // A readable piped to two destinations flows at the pace of the slower one.
  if (output && copy) counted.pipe(copy);
  const written = pipeline(zip.outputStream, counted, (output ?? copy)!, { signal: options.signal });
  const writing = Promise.race([written, failed]).catch((error: unknown) => {
    output?.destroy();
    copy?.destroy(error as Error);
    throw error;
  });
  const copying = copy
    ? options.copyTo!(copy).catch((error: unknown) => {
        counted.destroy(error as Error);
        throw error;
      })
    : undefined;
  await Promise.all([writing, copying]);
  return result();
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
