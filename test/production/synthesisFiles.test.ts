/**
 * Storing a segment's audio costs the storage service one write: the file goes in one Put Blob streamed from disk, not
 * staged blocks and a commit (each a metadata save in Azurite), whatever its size. Counted on the wire against a real
 * Azurite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createSynthesisFiles } from '../../adapters/production/synthesisFiles';
import { startBlobWire, type BlobWire } from '../support/blobWire';

let wire: BlobWire;
let dir: string;
let files: ReturnType<typeof createSynthesisFiles>;
let container: Awaited<ReturnType<BlobWire['container']>>['client'];

beforeAll(async () => {
  wire = await startBlobWire('synthesis-files');
  dir = wire.dir;
  const synthesis = await wire.container('synthesis');
  container = synthesis.client;
  files = createSynthesisFiles(synthesis.blobs);
});

afterAll(async () => {
  await wire?.stop();
});

/** Each request's method and `comp` (block, blocklist…). */
const sent = () => wire.requests.map(({ method, comp }) => ({ method, comp }));

beforeEach(() => {
  wire.clear();
});

function scratchFile(name: string, bytes: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.alloc(bytes, name.length));
  return file;
}

async function storedBytes(blobName: string): Promise<Buffer> {
  return container.getBlobClient(blobName).downloadToBuffer();
}

describe('storing a segment file', () => {
  it('sends a segment-sized file in one Put Blob and stores it whole', async () => {
    const file = scratchFile('segment.wav', 600 * 1024);
    await expect(files.storeIfAbsent('tenants/t1/audio/a.wav', file, 'audio/wav')).resolves.toBe(true);
    expect(sent()).toEqual([{ method: 'PUT', comp: null }]);
    expect((await storedBytes('tenants/t1/audio/a.wav')).equals(fs.readFileSync(file))).toBe(true);
  });

  it('answers false for a blob already there, in one request, and keeps the first content', async () => {
    const first = scratchFile('first.wav', 1000);
    const second = scratchFile('second-longer.wav', 2000);
    await files.storeIfAbsent('tenants/t1/audio/b.wav', first, 'audio/wav');
    wire.clear();
    await expect(files.storeIfAbsent('tenants/t1/audio/b.wav', second, 'audio/wav')).resolves.toBe(false);
    expect(sent()).toHaveLength(1);
    expect((await storedBytes('tenants/t1/audio/b.wav')).length).toBe(1000);
  });

  it('lets exactly one of 20 parallel identical stores create the blob', async () => {
    const file = scratchFile('parallel.wav', 64 * 1024);
    const created = await Promise.all(
      Array.from({ length: 20 }, () => files.storeIfAbsent('tenants/t1/audio/c.wav', file, 'audio/wav')),
    );
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(sent()).toHaveLength(20);
  });

  it('sends a file of several MiB in one Put Blob too, each byte once', async () => {
    const bytes = 9 * 1024 * 1024 + 1;
    const file = scratchFile('long.wav', bytes);
    await expect(files.storeIfAbsent('tenants/t1/audio/d.wav', file, 'audio/wav')).resolves.toBe(true);
    expect(sent()).toEqual([{ method: 'PUT', comp: null }]);
    expect(wire.requests[0]!.bodyBytes).toBe(bytes);
    expect((await storedBytes('tenants/t1/audio/d.wav')).equals(fs.readFileSync(file))).toBe(true);
  });
});
