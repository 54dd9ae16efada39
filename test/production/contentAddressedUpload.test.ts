/**
 * A file stored under its content's own address (a package's encodings and previews, named by the sha256 of their
 * bytes) is looked for before it is sent: a blob already under the name costs one HEAD and no bytes, where a
 * create-only write alone sends the whole file before the service refuses the commit. Identical stores at once all
 * succeed and leave one blob with the file's bytes. Counted on the wire against a real Azurite.
 */
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { uploadFileIfAbsent, uploadFileUnlessStored } from '../../adapters/production/blobFiles';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type RunningAzurite } from '../../local/emulators/azurite';

interface SentRequest {
  method: string;
  bodyBytes: number;
  /** A write that made the blob (a Put Blob or a block list's commit) and was answered 201. */
  created?: boolean;
}

let azurite: RunningAzurite;
let dir: string;
let proxy: http.Server;
let sent: SentRequest[] = [];
let blobs: AzureBlobStore;
let container: ReturnType<BlobServiceClient['getContainerClient']>;

/**
 * Forwards every request to Azurite's blob port and notes its method, how many body bytes it carried and whether it
 * created a blob.
 */
function countingProxy(blobPort: number): Promise<http.Server> {
  const server = http.createServer((incoming, answer) => {
    const request: SentRequest = { method: incoming.method ?? '', bodyBytes: 0 };
    sent.push(request);
    incoming.on('data', (chunk: Buffer) => (request.bodyBytes += chunk.length));
    const upstream = http.request(
      { host: '127.0.0.1', port: blobPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        const comp = new URL(incoming.url ?? '/', 'http://x').searchParams.get('comp');
        if (incoming.method === 'PUT' && comp !== 'block' && response.statusCode === 201) request.created = true;
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-content-addressed-'));
  azurite = await startAzurite({ location: path.join(dir, 'azurite') });
  proxy = await countingProxy(azurite.blobPort);
  const connection =
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${(proxy.address() as AddressInfo).port}/${AZURITE_ACCOUNT};`;
  const service = BlobServiceClient.fromConnectionString(connection);
  container = service.getContainerClient('packages');
  await container.create();
  blobs = new AzureBlobStore(service, container, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY));
}, 60_000);

afterAll(async () => {
  proxy?.close();
  await azurite?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A file of `bytes` varied bytes (several upload blocks when large) and its content-addressed blob name. */
function encodingFile(name: string, bytes: number): { file: string; blobName: string; content: Buffer } {
  const content = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 1) content[i] = (i * 31 + name.length) % 251;
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const hash = createHash('sha256').update(content).digest('hex');
  return { file, blobName: `tenants/t1/projects/p1/packages/encodings/${hash}-${name}`, content };
}

const bodyBytesSent = () => sent.reduce((sum, request) => sum + request.bodyBytes, 0);

describe('storing a file under its content’s address', () => {
  it('20 identical stores at once all succeed and leave one blob with the file’s bytes', async () => {
    sent = [];
    const { file, blobName, content } = encodingFile('Retail_Sample.mp3', 3 * 1024 * 1024 + 17);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => uploadFileUnlessStored(blobs, blobName, file, 'application/octet-stream')),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value).length).toBeGreaterThanOrEqual(1);
    // Create-only: however many of them sent the bytes, one write made the blob and none overwrote it.
    expect(sent.filter((request) => request.created)).toHaveLength(1);
    const listed: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: 'tenants/t1/projects/p1/packages/encodings/' }))
      listed.push(blob.name);
    expect(listed).toEqual([blobName]);
    expect((await container.getBlobClient(blobName).downloadToBuffer()).equals(content)).toBe(true);
  }, 120_000);

  it('sends one HEAD and no bytes for a file stored already, where a create-only write sends all of them', async () => {
    const { file, blobName, content } = encodingFile('book.m4b', 2 * 1024 * 1024 + 5);
    await expect(uploadFileUnlessStored(blobs, blobName, file, 'audio/mp4')).resolves.toBe(true);

    sent = [];
    await expect(uploadFileIfAbsent(blobs, blobName, file, 'audio/mp4')).resolves.toBe(false);
    expect(bodyBytesSent()).toBeGreaterThanOrEqual(content.length);

    sent = [];
    await expect(uploadFileUnlessStored(blobs, blobName, file, 'audio/mp4')).resolves.toBe(false);
    expect(sent).toEqual([{ method: 'HEAD', bodyBytes: 0 }]);
    expect((await container.getBlobClient(blobName).downloadToBuffer()).equals(content)).toBe(true);
  }, 60_000);
});
