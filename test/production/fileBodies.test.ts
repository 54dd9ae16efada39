/**
 * A file on disk is stored in one request, streamed from the file: a chapter's master or an M4B goes to the storage
 * service as one Put Blob instead of a Put Block per MiB and a commit (each a write and a metadata save in Azurite),
 * each byte sent once. Create-only stays create-only: of 20 identical stores at once exactly one creates the blob,
 * none fails, and the stored bytes are the file's. Counted on the wire against a real Azurite.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { uploadFileIfAbsent } from '../../adapters/production/blobFiles';
import { startBlobWire, type BlobWire } from '../support/blobWire';

let wire: BlobWire;
let blobs: AzureBlobStore;
let container: Awaited<ReturnType<BlobWire['container']>>['client'];

beforeAll(async () => {
  wire = await startBlobWire('file-bodies');
  ({ client: container, blobs } = await wire.container('masters'));
}, 60_000);

afterAll(async () => {
  await wire?.stop();
});

beforeEach(() => wire.clear());

/** A file of `bytes` varied bytes (a master is tens of MiB; the old streamed upload sent 1 MiB blocks). */
function masterFile(name: string, bytes: number): { file: string; content: Buffer } {
  const content = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4096) content[i] = (i / 4096 + name.length) % 251;
  const file = path.join(wire.dir, name);
  fs.writeFileSync(file, content);
  return { file, content };
}

const stored = (name: string) => container.getBlobClient(name).downloadToBuffer();

describe('a file stored from disk', () => {
  it('goes create-only in one Put Blob carrying each byte once', async () => {
    const { file, content } = masterFile('master.flac', 12 * 1024 * 1024 + 3);
    await expect(uploadFileIfAbsent(blobs, 'tenants/t1/masters/a.flac', file, 'audio/flac')).resolves.toBe(true);
    expect(wire.requests.map(({ method, comp, bodyBytes, status }) => ({ method, comp, bodyBytes, status }))).toEqual([
      { method: 'PUT', comp: null, bodyBytes: content.length, status: 201 },
    ]);
    expect((await stored('tenants/t1/masters/a.flac')).equals(content)).toBe(true);
  }, 60_000);

  it('of 20 identical stores at once exactly one creates the blob, none fails, and it holds the file', async () => {
    const { file, content } = masterFile('parallel.flac', 3 * 1024 * 1024 + 11);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => uploadFileIfAbsent(blobs, 'tenants/t1/masters/b.flac', file, 'audio/flac')),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value)).toHaveLength(1);
    expect(wire.requests.filter((r) => r.status === 201)).toHaveLength(1);
    expect(wire.requests.every((r) => r.method === 'PUT' && r.comp === null)).toBe(true);
    expect((await stored('tenants/t1/masters/b.flac')).equals(content)).toBe(true);
  }, 60_000);

  it('overwrites in one request when the write is not create-only', async () => {
    const first = masterFile('first.m4b', 2 * 1024 * 1024);
    const second = masterFile('second-longer.m4b', 5 * 1024 * 1024 + 1);
    await blobs.put('tenants/t1/packages/book.m4b', { filePath: first.file }, 'audio/mp4');
    wire.clear();
    await blobs.put('tenants/t1/packages/book.m4b', { filePath: second.file }, 'audio/mp4');
    expect(wire.requests.map(({ method, comp }) => ({ method, comp }))).toEqual([{ method: 'PUT', comp: null }]);
    expect((await stored('tenants/t1/packages/book.m4b')).equals(second.content)).toBe(true);
  }, 60_000);
});
