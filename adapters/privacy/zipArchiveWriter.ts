/**
 * Zips straight into blob storage with yazl (core/privacy/ports.ts, ArchiveWriter): entries are added one at a
 * time, each opened only when the previous one has been written, and the zip's bytes flow into a streamed blob
 * upload. Memory stays flat whatever the tenant's size. A final `manifest.json` lists every entry with its size
 * and SHA-256, so a download can be checked.
 */
import { PassThrough, Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { BlobStore } from '../../core/ports/blobs';
import type { ArchiveEntry, ArchiveSource, ArchiveSummary, ArchiveWriter } from '../../core/privacy/ports';
import { hashingStream } from '../../core/common/hashingStream';

const FIXED_MODE = 0o100644;
const MAX_PATH_CHARS = 1024;

export class ZipArchiveWriter implements ArchiveWriter {
  constructor(private readonly blobs: BlobStore) {}

  async write(blobName: string, entries: AsyncIterable<ArchiveEntry>): Promise<ArchiveSummary> {
    const zip = new ZipFile();
    let bytes = 0;
    const counted = new PassThrough();
    counted.on('data', (chunk: Buffer) => (bytes += chunk.length));
    zip.outputStream.pipe(counted);
    const upload = this.blobs.put(blobName, counted, 'application/zip');
    // yazl reports a source it cannot read on the ZipFile itself, not on its output stream.
    const zipFailed = new Promise<never>((_resolve, reject) => zip.once('error', reject));
    const listed: ArchiveSummary['entries'] = [];
    const produce = (async () => {
      const seen = new Set<string>();
      for await (const entry of entries) {
        assertSafePath(entry.path, seen);
        listed.push(await this.add(zip, entry));
      }
      const manifest = Buffer.from(`${JSON.stringify({ entries: listed }, null, 2)}\n`);
      zip.addBuffer(manifest, 'manifest.json', { mtime: new Date(), mode: FIXED_MODE, compress: true });
      zip.end();
    })();
    try {
      await Promise.race([Promise.all([produce, upload]), zipFailed]);
    } catch (error) {
      counted.destroy(error as Error);
      // yazl's typings say NodeJS.ReadableStream; the stream is a Node Readable (a PassThrough).
      (zip.outputStream as Readable).destroy(error as Error);
      await upload.catch(() => undefined);
      await this.blobs.delete(blobName).catch(() => undefined);
      throw error;
    }
    return { bytes, entries: listed };
  }

  /** Adds one entry and resolves once yazl has read all of it. */
  private async add(zip: ZipFile, entry: ArchiveEntry): Promise<ArchiveSummary['entries'][number]> {
    const { stream: measured, result } = hashingStream();
    const source = this.open(entry.source);
    const copied = pipeline(source, measured);
    zip.addReadStream(measured, entry.path, { mtime: new Date(), mode: FIXED_MODE, compress: entry.compress });
    await Promise.all([copied, finished(measured)]);
    return { path: entry.path, ...result() };
  }

  /** A stream that reads nothing until the zip reaches its entry. */
  private open(source: ArchiveSource): Readable {
    const blobs = this.blobs;
    switch (source.kind) {
      case 'json':
        return Readable.from(
          (async function* () {
            yield Buffer.from(`${JSON.stringify(await source.value(), null, 2)}\n`);
          })(),
          { objectMode: false },
        );
      case 'jsonLines':
        return Readable.from(
          (async function* () {
            for await (const line of source.lines()) yield Buffer.from(`${JSON.stringify(line)}\n`);
          })(),
          { objectMode: false },
        );
      case 'blob':
        return Readable.from(
          (async function* () {
            const opened = await blobs.openRead(source.blobName);
            if (!opened) throw new Error(`Blob ${source.blobName} vanished while it was exported`);
            for await (const chunk of opened.stream) yield chunk as Buffer;
          })(),
          { objectMode: false },
        );
    }
  }
}

function assertSafePath(path: string, seen: Set<string>): void {
  const segments = path.split('/');
  const unsafe =
    path.length > MAX_PATH_CHARS ||
    segments.some(
      // eslint-disable-next-line no-control-regex -- control characters are what this refuses
      (segment) => segment === '' || segment === '.' || segment === '..' || /[\\\u0000-\u001f\u007f]/.test(segment),
    );
  if (unsafe) throw new Error(`unsafe archive path ${JSON.stringify(path)}`);
  if (seen.has(path)) throw new Error(`duplicate archive path ${JSON.stringify(path)}`);
  seen.add(path);
}
