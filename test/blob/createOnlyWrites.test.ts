/**
 * A create-only write says "already there" only when the store refused it because a blob has the name. Other
 * refusals of the same write, a 409 or a 412 (a lease held on the name, an append blob there), are errors: a
 * content-addressed caller would otherwise record audio as stored that no one wrote. Against a real Azurite.
 */
import type { ContainerClient } from '@azure/storage-blob';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { startBlobWire, type BlobWire } from '../support/blobWire';

let wire: BlobWire;
let blobs: AzureBlobStore;
let container: ContainerClient;

beforeAll(async () => {
  wire = await startBlobWire('create-only');
  ({ client: container, blobs } = await wire.container('createonly'));
}, 60_000);

afterAll(async () => {
  await wire?.stop();
});

const streamOf = (text: string) => Readable.from([Buffer.from(text)]);
const stored = async (name: string) => (await container.getBlobClient(name).downloadToBuffer()).toString();

test('a new name is written; a name already written is reported as there, its bytes kept', async () => {
  const file = path.join(wire.dir, 'segment.wav');
  fs.writeFileSync(file, 'first');
  expect(await blobs.putIfAbsent('a/new.wav', { filePath: file }, 'audio/wav')).toBe(true);
  fs.writeFileSync(file, 'second');
  expect(await blobs.putIfAbsent('a/new.wav', { filePath: file }, 'audio/wav')).toBe(false);
  expect(await blobs.putIfAbsent('a/new.wav', streamOf('third'), 'audio/wav')).toBe(false);
  expect(await blobs.putIfAbsent('a/new.wav', Buffer.from('fourth'), 'audio/wav')).toBe(false);
  expect(await stored('a/new.wav')).toBe('first');
});

test('a lease held on the name fails the write (412 LeaseIdMissing) instead of passing for stored audio', async () => {
  await container.getBlockBlobClient('a/leased.wav').uploadData(Buffer.from('held'));
  const lease = container.getBlobClient('a/leased.wav').getBlobLeaseClient();
  await lease.acquireLease(-1);
  try {
    await expect(blobs.putIfAbsent('a/leased.wav', streamOf('mine'), 'audio/wav')).rejects.toMatchObject({
      statusCode: 412,
      code: 'LeaseIdMissing',
    });
  } finally {
    await lease.releaseLease();
  }
});

test('a blob of another type under the name fails the write (409 InvalidBlobType), a 409 that is not "exists"', async () => {
  await container.getAppendBlobClient('a/append.wav').create();
  await expect(blobs.putIfAbsent('a/append.wav', streamOf('mine'), 'audio/wav')).rejects.toMatchObject({
    statusCode: 409,
    code: 'InvalidBlobType',
  });
});
