/**
 * A deliverable stored in content-defined parts: the first build sends every part as a block and commits them; a
 * rebuild from an earlier deliverable copies it inside the store and sends only the parts it lacks, and the stored
 * blob is byte for byte what a full upload of the same bytes stores, the earlier blob untouched. A write killed
 * between its blocks and its commit, retried, stores the same blob; a missing earlier blob means a full upload.
 * Counted on the wire against a real Azurite; the zip is streamed to the store while it is written, as a package is.
 */
import { BlockBlobClient, type ContainerClient } from '@azure/storage-blob';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { writeZip } from '../../adapters/packaging/zip';
import type { ChunkedWrite } from '../../core/ports/blobs';
import { startBlobWire, type BlobWire } from '../support/blobWire';

let wire: BlobWire;
let blobs: AzureBlobStore;
let container: ContainerClient;

beforeAll(async () => {
  wire = await startBlobWire('shared-parts');
  ({ client: container, blobs } = await wire.container('packages'));
}, 60_000);

afterAll(async () => {
  await wire?.stop();
});

beforeEach(() => wire.clear());
afterEach(() => jest.restoreAllMocks());

const MB = 1024 * 1024;
const CHAPTERS = 8;
const CHAPTER_BYTES = 3 * MB;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const stored = (name: string) => container.getBlobClient(name).downloadToBuffer();

/** Chapter files of incompressible bytes (as MP3 frames are), chapter `changed` written anew. */
function chapterFiles(label: string, base: Buffer[], changed?: number): string[] {
  const dir = path.join(wire.dir, label);
  fs.mkdirSync(dir, { recursive: true });
  return base.map((bytes, index) => {
    const file = path.join(dir, `chapter-${index}.mp3`);
    // A re-rendered chapter: other bytes, a little longer.
    fs.writeFileSync(file, index === changed ? randomBytes(bytes.length + 12_345) : bytes);
    return file;
  });
}

/** Writes the zip of the chapters and stores it while it is written, as a package build does. */
async function storeZip(
  files: string[],
  name: string,
  like?: string,
): Promise<{ zip: Buffer; sha256: string; write: ChunkedWrite }> {
  const zipFile = path.join(path.dirname(files[0]), 'package.zip');
  let write: ChunkedWrite | undefined;
  const written = await writeZip(
    files.map((file) => ({ path: file, name: path.basename(file), compress: false })),
    zipFile,
    { copyTo: async (body) => (write = await blobs.putSharingParts(name, body, 'application/zip', like)) },
  );
  return { zip: fs.readFileSync(zipFile), sha256: written.sha256, write: write! };
}

const blockBytes = () => wire.requests.filter((r) => r.comp === 'block').reduce((sum, r) => sum + r.bodyBytes, 0);
const blockCount = () => wire.requests.filter((r) => r.comp === 'block').length;

describe('a deliverable stored in shared parts', () => {
  const base = Array.from({ length: CHAPTERS }, () => randomBytes(CHAPTER_BYTES));
  let first: Awaited<ReturnType<typeof storeZip>>;

  beforeAll(async () => {
    first = await storeZip(chapterFiles('first', base), 'tenants/t1/packages/job-1/book.zip');
  }, 60_000);

  it('the first build sends every part once as a block and commits them: the blob is the zip', async () => {
    expect(first.write).toMatchObject({ bytes: first.zip.length, basedOnEarlier: false });
    expect(first.write.sentBlocks).toBe(first.write.blocks);
    expect(first.write.sentBytes).toBe(first.zip.length);
    const blob = await stored('tenants/t1/packages/job-1/book.zip');
    expect(sha256(blob)).toBe(first.sha256);
    const properties = await container.getBlobClient('tenants/t1/packages/job-1/book.zip').getProperties();
    expect(properties.contentType).toBe('application/zip');
    const list = await container.getBlockBlobClient('tenants/t1/packages/job-1/book.zip').getBlockList('committed');
    expect(list.committedBlocks).toHaveLength(first.write.blocks);
  }, 60_000);

  it('a rebuild with one chapter changed sends only the parts the earlier blob lacks, and stores the same blob as a full upload', async () => {
    const before = await container.getBlobClient('tenants/t1/packages/job-1/book.zip').getProperties();
    wire.clear();
    const files = chapterFiles('second', base, 3);
    const rebuilt = await storeZip(files, 'tenants/t1/packages/job-2/book.zip', 'tenants/t1/packages/job-1/book.zip');
    expect(rebuilt.write.basedOnEarlier).toBe(true);
    // One copy inside the store, then only the new parts go over the wire: the chapter, the parts beside it and the
    // part holding the zip's directory, a small share of the book.
    expect(wire.requests.filter((r) => r.method === 'PUT' && r.comp === null)).toHaveLength(1);
    expect(blockBytes()).toBe(rebuilt.write.sentBytes);
    expect(blockCount()).toBe(rebuilt.write.sentBlocks);
    expect(rebuilt.write.sentBytes).toBeGreaterThan(CHAPTER_BYTES);
    expect(rebuilt.write.sentBytes).toBeLessThan(CHAPTER_BYTES + 8 * MB);
    expect(rebuilt.write.sentBytes).toBeLessThan(rebuilt.zip.length / 2);

    const blob = await stored('tenants/t1/packages/job-2/book.zip');
    expect(blob.equals(rebuilt.zip)).toBe(true);
    expect(sha256(blob)).toBe(rebuilt.sha256);
    expect((await container.getBlobClient('tenants/t1/packages/job-2/book.zip').getProperties()).contentType).toBe(
      'application/zip',
    );
    // A full upload of the same bytes stores the same blob.
    await blobs.putSharingParts('tenants/t1/packages/full/book.zip', Readable.from([rebuilt.zip]), 'application/zip');
    expect(sha256(await stored('tenants/t1/packages/full/book.zip'))).toBe(rebuilt.sha256);
    // The earlier job's blob is untouched.
    const after = await container.getBlobClient('tenants/t1/packages/job-1/book.zip').getProperties();
    expect(after.etag).toBe(before.etag);
    expect(sha256(await stored('tenants/t1/packages/job-1/book.zip'))).toBe(first.sha256);
  }, 60_000);

  it('killed between its blocks and its commit, then retried, stores the same blob and sends no block twice', async () => {
    const files = chapterFiles('killed', base, 5);
    const name = 'tenants/t1/packages/job-3/book.zip';
    const like = 'tenants/t1/packages/job-1/book.zip';
    jest.spyOn(BlockBlobClient.prototype, 'commitBlockList').mockRejectedValueOnce(new Error('activity killed'));
    await expect(storeZip(files, name, like)).rejects.toThrow('activity killed');
    const killedBlocks = blockBytes();
    expect(killedBlocks).toBeGreaterThan(0);
    wire.clear();
    const retried = await storeZip(files, name, like);
    expect(retried.write.sentBlocks).toBe(0);
    expect(blockCount()).toBe(0);
    const blob = await stored(name);
    expect(blob.equals(retried.zip)).toBe(true);
    expect(sha256(blob)).toBe(retried.sha256);
  }, 60_000);

  it('a file body is chunked the same way, and a missing earlier blob means a full upload', async () => {
    const files = chapterFiles('missing', base, 1);
    const { zip } = await storeZip(files, 'tenants/t1/packages/scratch/book.zip');
    const file = path.join(wire.dir, 'book.m4b');
    fs.writeFileSync(file, zip);
    wire.clear();
    const write = await blobs.putSharingParts(
      'tenants/t1/packages/job-4/book.m4b',
      { filePath: file },
      'audio/mp4',
      'tenants/t1/packages/gone/book.m4b',
    );
    expect(write).toMatchObject({ basedOnEarlier: false, bytes: zip.length, sentBytes: zip.length });
    expect(blockBytes()).toBe(zip.length);
    expect((await stored('tenants/t1/packages/job-4/book.m4b')).equals(zip)).toBe(true);
    expect((await container.getBlobClient('tenants/t1/packages/job-4/book.m4b').getProperties()).contentType).toBe(
      'audio/mp4',
    );
  }, 60_000);

  it('a part that repeats (long silence) is sent once and committed at each place', async () => {
    const body = Buffer.concat([randomBytes(MB), Buffer.alloc(9 * MB), randomBytes(MB)]);
    const write = await blobs.putSharingParts(
      'tenants/t1/packages/job-7/book.zip',
      Readable.from([body]),
      'application/zip',
    );
    expect(write.sentBlocks).toBeLessThan(write.blocks);
    expect(blockCount()).toBe(write.sentBlocks);
    expect((await stored('tenants/t1/packages/job-7/book.zip')).equals(body)).toBe(true);
  }, 60_000);

  it('a blob written with other block names before is replaced whole, not mixed', async () => {
    const name = 'tenants/t1/packages/job-5/book.zip';
    // Written the old way: a stream in 1 MiB blocks whose IDs the client made up.
    await blobs.put(name, Readable.from([randomBytes(3 * MB)]), 'application/zip');
    const { zip, write } = await storeZip(
      chapterFiles('replaced', base, 2),
      'tenants/t1/packages/job-6/book.zip',
      name,
    );
    expect(write.basedOnEarlier).toBe(true);
    expect(write.sentBytes).toBe(zip.length);
    expect((await stored('tenants/t1/packages/job-6/book.zip')).equals(zip)).toBe(true);
  }, 60_000);
});
