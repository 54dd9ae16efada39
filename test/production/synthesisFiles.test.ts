/**
 * Storing a segment's audio costs the storage service one write: a file of segment size goes in one Put Blob, not a
 * staged block and a commit (each a metadata save in Azurite). Counted on the wire against a real Azurite.
 */
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { createSynthesisFiles, SINGLE_REQUEST_MAX_BYTES } from '../../adapters/production/synthesisFiles';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type RunningAzurite } from '../../local/emulators/azurite';

interface SentRequest {
  method: string;
  comp: string | null;
}

let azurite: RunningAzurite;
let dir: string;
let sent: SentRequest[] = [];
let files: ReturnType<typeof createSynthesisFiles>;
let container: ReturnType<BlobServiceClient['getContainerClient']>;
let counter: http.Server;

/** Forwards every request to Azurite's blob port and notes its method and `comp` (block, blocklist…). */
function countingProxy(blobPort: number): Promise<http.Server> {
  const server = http.createServer((incoming, answer) => {
    sent.push({
      method: incoming.method ?? '',
      comp: new URL(incoming.url ?? '/', 'http://x').searchParams.get('comp'),
    });
    const upstream = http.request(
      { host: '127.0.0.1', port: blobPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      },
    );
    upstream.on('error', () => answer.destroy());
    incoming.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-synthesis-files-'));
  azurite = await startAzurite({ location: path.join(dir, 'azurite') });
  counter = await countingProxy(azurite.blobPort);
  const proxied =
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${(counter.address() as AddressInfo).port}/${AZURITE_ACCOUNT};`;
  const service = BlobServiceClient.fromConnectionString(proxied);
  container = service.getContainerClient('synthesis');
  await container.create();
  const blobs = new AzureBlobStore(service, container, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY));
  files = createSynthesisFiles(blobs);
});

afterAll(async () => {
  counter?.close();
  await azurite?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  sent = [];
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
    expect(sent).toEqual([{ method: 'PUT', comp: null }]);
    expect((await storedBytes('tenants/t1/audio/a.wav')).equals(fs.readFileSync(file))).toBe(true);
  });

  it('answers false for a blob already there, in one request, and keeps the first content', async () => {
    const first = scratchFile('first.wav', 1000);
    const second = scratchFile('second-longer.wav', 2000);
    await files.storeIfAbsent('tenants/t1/audio/b.wav', first, 'audio/wav');
    sent = [];
    await expect(files.storeIfAbsent('tenants/t1/audio/b.wav', second, 'audio/wav')).resolves.toBe(false);
    expect(sent).toHaveLength(1);
    expect((await storedBytes('tenants/t1/audio/b.wav')).length).toBe(1000);
  });

  it('lets exactly one of 20 parallel identical stores create the blob', async () => {
    const file = scratchFile('parallel.wav', 64 * 1024);
    const created = await Promise.all(
      Array.from({ length: 20 }, () => files.storeIfAbsent('tenants/t1/audio/c.wav', file, 'audio/wav')),
    );
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(sent).toHaveLength(20);
  });

  it('still streams a file larger than one request carries, in blocks and a commit', async () => {
    const file = scratchFile('long.wav', SINGLE_REQUEST_MAX_BYTES + 1);
    await expect(files.storeIfAbsent('tenants/t1/audio/d.wav', file, 'audio/wav')).resolves.toBe(true);
    expect(sent.filter((r) => r.comp === 'block').length).toBeGreaterThan(1);
    expect(sent.filter((r) => r.comp === 'blocklist')).toHaveLength(1);
    expect((await storedBytes('tenants/t1/audio/d.wav')).length).toBe(SINGLE_REQUEST_MAX_BYTES + 1);
  });
});
