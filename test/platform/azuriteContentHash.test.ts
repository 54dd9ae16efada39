/**
 * Azurite hashes content only where the hash is used (local/emulators/azuriteContentHash.ts): a Put Blob or Put Block
 * that brings no hash to check is not read back and hashed, whatever its size; a hash the client sends is still
 * checked, a whole download of a small blob still carries its hash, and create-only writes and durability are
 * Azurite's as before.
 */
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../local/emulators/azurite';
import { sigkill } from './support';

const PARALLEL = 20;
const LARGE = 5 * 1024 * 1024;
let dir: string;
let azurite: RunningAzurite;
let blobs: ContainerClient;

const md5 = (bytes: Buffer) => crypto.createHash('md5').update(bytes).digest();
const bytesOf = (size: number, seed: number) => Buffer.alloc(size, seed);
const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

async function connect(): Promise<void> {
  azurite = await startAzurite({ location: dir });
  blobs = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('khipu');
  await blobs.createIfNotExists();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-azurite-hash-'));
  await connect();
}, 120_000);
afterAll(async () => {
  await azurite?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a Put Blob over 4 MiB with no hash to check is stored without one and reads back whole', async () => {
  const body = bytesOf(LARGE, 1);
  const answer = await blobs.getBlockBlobClient('large').upload(body, body.length);
  expect(answer.contentMD5).toBeUndefined();
  expect((await blobs.getBlobClient('large').getProperties()).contentMD5).toBeUndefined();
  expect(md5(await blobs.getBlobClient('large').downloadToBuffer())).toEqual(md5(body));
});

test('a small Put Blob with no hash to check is stored without one; its whole download is hashed then', async () => {
  const body = bytesOf(420 * 1024, 2);
  const answer = await blobs.getBlockBlobClient('small').upload(body, body.length);
  expect(answer.contentMD5).toBeUndefined();
  expect((await blobs.getBlobClient('small').getProperties()).contentMD5).toBeUndefined();
  const download = await blobs.getBlobClient('small').download();
  expect(Buffer.from(download.contentMD5!)).toEqual(md5(body));
  expect(md5(await blobs.getBlobClient('small').downloadToBuffer())).toEqual(md5(body));
});

test('a small Put Blob that sends its hash is checked and keeps it', async () => {
  const body = bytesOf(64 * 1024, 7);
  const answer = await blobs
    .getBlockBlobClient('small-checked')
    .upload(body, body.length, { blobHTTPHeaders: { blobContentMD5: md5(body) } });
  expect(Buffer.from(answer.contentMD5!)).toEqual(md5(body));
  expect(Buffer.from((await blobs.getBlobClient('small-checked').getProperties()).contentMD5!)).toEqual(md5(body));
});

test('a hash the client sends is checked: a matching one is stored, a wrong one is refused and stores nothing', async () => {
  const body = bytesOf(LARGE, 3);
  const matching = await blobs
    .getBlockBlobClient('checked')
    .upload(body, body.length, { blobHTTPHeaders: { blobContentMD5: md5(body) } });
  expect(Buffer.from(matching.contentMD5!)).toEqual(md5(body));

  const wrong = blobs
    .getBlockBlobClient('refused')
    .upload(body, body.length, { blobHTTPHeaders: { blobContentMD5: md5(bytesOf(16, 4)) } });
  await expect(wrong).rejects.toMatchObject({ statusCode: 400 });
  expect(await blobs.getBlobClient('refused').exists()).toBe(false);
});

test('Put Block: not hashed without a hash to check, refused with a wrong one', async () => {
  const client = blobs.getBlockBlobClient('staged');
  const parts = [bytesOf(LARGE, 5), bytesOf(1024, 6)];
  const ids = parts.map((_, i) => Buffer.from(`block-${i}`).toString('base64'));
  for (const [i, part] of parts.entries()) await client.stageBlock(ids[i]!, part, part.length);
  const wrongId = Buffer.from('block-wrong').toString('base64');
  await expect(
    client.stageBlock(wrongId, parts[1]!, parts[1]!.length, { transactionalContentMD5: md5(parts[0]!) }),
  ).rejects.toMatchObject({ statusCode: 400 });
  await client.commitBlockList(ids);
  expect(md5(await client.downloadToBuffer())).toEqual(md5(Buffer.concat(parts)));
});

test(`${PARALLEL} create-only Put Blobs of the same large name at once: exactly one is stored, the rest conflict`, async () => {
  const results = await Promise.allSettled(
    Array.from({ length: PARALLEL }, (_, i) => {
      const body = bytesOf(LARGE, 10 + i);
      return blobs.getBlockBlobClient('once').upload(body, body.length, { conditions: { ifNoneMatch: '*' } });
    }),
  );
  const stored = results.filter((r) => r.status === 'fulfilled');
  expect(stored).toHaveLength(1);
  expect(results.filter((r) => r.status === 'rejected').map((r) => statusOf(r.reason))).toEqual(
    Array.from({ length: PARALLEL - 1 }, () => 409),
  );
  const kept = await blobs.getBlobClient('once').downloadToBuffer();
  expect(kept).toHaveLength(LARGE);
  expect(results.some((r, i) => r.status === 'fulfilled' && kept.equals(bytesOf(LARGE, 10 + i)))).toBe(true);
});

test('an acknowledged large Put Blob survives a kill -9 of the emulator', async () => {
  const body = bytesOf(LARGE, 40);
  await blobs.getBlockBlobClient('durable').upload(body, body.length);
  await sigkill(azurite.pid);
  await connect();
  expect(md5(await blobs.getBlobClient('durable').downloadToBuffer())).toEqual(md5(body));
}, 120_000);
