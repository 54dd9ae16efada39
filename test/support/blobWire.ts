/**
 * Azurite's blob service behind a proxy that notes every request on the wire, so a test counts what the storage
 * service was really sent (requests, their kind, body bytes) instead of trusting the client's view of it.
 */
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type RunningAzurite } from '../../local/emulators/azurite';

export interface WireRequest {
  method: string;
  /** The `comp` query parameter (`block`, `blocklist`, …), null for a plain blob request. */
  comp: string | null;
  bodyBytes: number;
  /** The service's answer, once it came. */
  status?: number;
}

export interface BlobWire {
  /** Requests sent since the last `clear()`, in the order they arrived. */
  readonly requests: WireRequest[];
  clear(): void;
  /** A container reached through the proxy, created on first use. */
  container(
    name: string,
  ): Promise<{ client: ReturnType<BlobServiceClient['getContainerClient']>; blobs: AzureBlobStore }>;
  /** A scratch directory removed by `stop()`. */
  readonly dir: string;
  stop(): Promise<void>;
}

function proxyTo(blobPort: number, requests: () => WireRequest[]): Promise<http.Server> {
  const server = http.createServer((incoming, answer) => {
    const request: WireRequest = {
      method: incoming.method ?? '',
      comp: new URL(incoming.url ?? '/', 'http://x').searchParams.get('comp'),
      bodyBytes: 0,
    };
    requests().push(request);
    incoming.on('data', (chunk: Buffer) => (request.bodyBytes += chunk.length));
    const upstream = http.request(
      { host: '127.0.0.1', port: blobPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        request.status = response.statusCode;
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      },
    );
    upstream.on('error', () => answer.destroy());
    incoming.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function startBlobWire(label: string): Promise<BlobWire> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `khipu-${label}-`));
  let requests: WireRequest[] = [];
  const azurite: RunningAzurite = await startAzurite({ location: path.join(dir, 'azurite') });
  const proxy = await proxyTo(azurite.blobPort, () => requests);
  const service = BlobServiceClient.fromConnectionString(
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
      `BlobEndpoint=http://127.0.0.1:${(proxy.address() as AddressInfo).port}/${AZURITE_ACCOUNT};`,
  );
  return {
    get requests() {
      return requests;
    },
    clear: () => {
      requests = [];
    },
    dir,
    container: async (name) => {
      const client = service.getContainerClient(name);
      await client.createIfNotExists();
      const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
      return { client, blobs: new AzureBlobStore(service, client, credential) };
    },
    stop: async () => {
      proxy.close();
      await azurite.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
