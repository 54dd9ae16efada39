import yauzl from 'yauzl';
import { UnreadableManuscriptError } from '../../core/manuscript/errors';
import type { ManuscriptLimits } from './limits';

/**
 * A zip archive opened with limits: entry count, declared sizes and compression ratio are checked from the central
 * directory before anything is inflated, and inflating stops as soon as bytes exceed what was declared
 * (yauzl validates entry sizes) or the archive's inflated budget runs out.
 */
export interface SafeZip {
  names: string[];
  has(name: string): boolean;
  read(name: string): Promise<Buffer>;
  /** Inflates every entry and discards the bytes: proves the whole archive is within limits before a third-party reader sees it. */
  verifyAll(): Promise<void>;
  /** Inflates every entry, as `verifyAll` does, and keeps the bytes, in the archive's order. */
  readAll(): Promise<Map<string, Buffer>>;
  close(): void;
}

function openBuffer(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => {
        if (error || !zip)
          reject(new UnreadableManuscriptError(`the zip container is corrupt (${error?.message ?? 'unknown'})`));
        else resolve(zip);
      },
    );
  });
}

function listEntries(zip: yauzl.ZipFile, limits: ManuscriptLimits): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let declaredTotal = 0;
    const fail = (reason: string) => {
      zip.close();
      reject(new UnreadableManuscriptError(reason));
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size + 1 > limits.maxZipEntries)
        return fail(`the archive has more than ${limits.maxZipEntries} entries`);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxInflatedBytes) {
        return fail(`the archive inflates to more than ${limits.maxInflatedBytes} bytes`);
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
        return fail(`the archive entry ${entry.fileName} is compressed suspiciously well (ratio ${Math.round(ratio)})`);
      }
      if (entry.isEncrypted()) return fail('the archive is encrypted');
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => fail(`the zip container is corrupt (${error.message})`));
    zip.readEntry();
  });
}

export async function openSafeZip(bytes: Buffer, limits: ManuscriptLimits): Promise<SafeZip> {
  const zip = await openBuffer(bytes);
  const entries = await listEntries(zip, limits);
  let inflatedSoFar = 0;

  const inflate = (entry: yauzl.Entry, keep: boolean): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) {
          reject(
            new UnreadableManuscriptError(
              `cannot read ${entry.fileName} in the archive (${error?.message ?? 'unknown'})`,
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          inflatedSoFar += chunk.length;
          if (inflatedSoFar > limits.maxInflatedBytes) {
            stream.destroy(new Error(`the archive inflates to more than ${limits.maxInflatedBytes} bytes`));
            return;
          }
          if (keep) chunks.push(chunk);
        });
        stream.on('error', (streamError: Error) =>
          reject(
            new UnreadableManuscriptError(`cannot read ${entry.fileName} in the archive (${streamError.message})`),
          ),
        );
        stream.on('end', () => resolve(Buffer.concat(chunks)));
      });
    });

  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    async read(name) {
      const entry = entries.get(name);
      if (!entry) throw new UnreadableManuscriptError(`the archive has no ${name}`);
      return inflate(entry, true);
    },
    async verifyAll() {
      for (const entry of entries.values()) await inflate(entry, false);
    },
    async readAll() {
      const contents = new Map<string, Buffer>();
      for (const [name, entry] of entries) contents.set(name, await inflate(entry, true));
      return contents;
    },
    close: () => zip.close(),
  };
}
