/**
 * A file stored under its content's own address (a package's encodings and previews, named by the sha256 of their
 * bytes) is looked for before it is sent: a blob already under the name costs one HEAD and no bytes, where a
 * create-only write alone sends the whole file before the service refuses the commit. Identical stores at once all
 * succeed and leave one blob with the file's bytes. Counted on the wire against a real Azurite.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { uploadFileIfAbsent, uploadFileUnlessStored } from '../../adapters/production/blobFiles';
import { startBlobWire, type BlobWire } from '../support/blobWire';

let wire: BlobWire;
let dir: string;
let blobs: AzureBlobStore;
let container: Awaited<ReturnType<BlobWire['container']>>['client'];

beforeAll(async () => {
  wire = await startBlobWire('content-addressed');
  dir = wire.dir;
  ({ client: container, blobs } = await wire.container('packages'));
}, 60_000);

afterAll(async () => {
  await wire?.stop();
});

/** Writes that made the blob (a Put Blob or a block list's commit) and were answered 201. */
const creatingWrites = () => wire.requests.filter((r) => r.method === 'PUT' && r.comp !== 'block' && r.status === 201);

/** A file of `bytes` varied bytes (several upload blocks when large) and its content-addressed blob name. */
function encodingFile(name: string, bytes: number): { file: string; blobName: string; content: Buffer } {
  const content = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 1) content[i] = (i * 31 + name.length) % 251;
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const hash = createHash('sha256').update(content).digest('hex');
  return { file, blobName: `tenants/t1/projects/p1/packages/encodings/${hash}-${name}`, content };
}

const bodyBytesSent = () => wire.requests.reduce((sum, request) => sum + request.bodyBytes, 0);

describe('storing a file under its content’s address', () => {
  it('20 identical stores at once all succeed and leave one blob with the file’s bytes', async () => {
    wire.clear();
    const { file, blobName, content } = encodingFile('Retail_Sample.mp3', 3 * 1024 * 1024 + 17);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => uploadFileUnlessStored(blobs, blobName, file, 'application/octet-stream')),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value).length).toBeGreaterThanOrEqual(1);
    // Create-only: however many of them sent the bytes, one write made the blob and none overwrote it.
    expect(creatingWrites()).toHaveLength(1);
    const listed: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: 'tenants/t1/projects/p1/packages/encodings/' }))
      listed.push(blob.name);
    expect(listed).toEqual([blobName]);
    expect((await container.getBlobClient(blobName).downloadToBuffer()).equals(content)).toBe(true);
  }, 120_000);

  it('sends one HEAD and no bytes for a file stored already, where a create-only write sends all of them', async () => {
    const { file, blobName, content } = encodingFile('book.m4b', 2 * 1024 * 1024 + 5);
    await expect(uploadFileUnlessStored(blobs, blobName, file, 'audio/mp4')).resolves.toBe(true);

    wire.clear();
    await expect(uploadFileIfAbsent(blobs, blobName, file, 'audio/mp4')).resolves.toBe(false);
    expect(bodyBytesSent()).toBeGreaterThanOrEqual(content.length);

    wire.clear();
    await expect(uploadFileUnlessStored(blobs, blobName, file, 'audio/mp4')).resolves.toBe(false);
    expect(wire.requests.map(({ method, bodyBytes }) => ({ method, bodyBytes }))).toEqual([
      { method: 'HEAD', bodyBytes: 0 },
    ]);
    expect((await container.getBlobClient(blobName).downloadToBuffer()).equals(content)).toBe(true);
  }, 60_000);
});
