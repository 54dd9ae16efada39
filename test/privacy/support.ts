import { CosmosClient, type Database } from '@azure/cosmos';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import type { PrivacyJobView } from '../../core/api/privacy';
import type { TestPlatform } from '../support/testPlatform';
import { pollBackoff } from '../support/polling';

export const ADMIN = 'admin@andes.test';
export const CREATOR = 'creator@andes.test';
export const PAMPA_ADMIN = 'admin@pampa.test';
export const OPERATOR = 'operator@khipu.test';

export async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The user accepts the terms in force (whatever the platform's TERMS_VERSION). */
export async function acceptTerms(platform: TestPlatform, email: string): Promise<void> {
  const state = await json<{ termsVersion: string }>(await platform.api(email, '/v1/me/consent'), 200);
  await json(
    await platform.api(email, '/v1/me/consent', { method: 'PUT', json: { termsVersion: state.termsVersion } }),
    200,
  );
}

/** An admin invites someone; they sign in and accept the terms. Returns their user id. */
export async function inviteUser(
  platform: TestPlatform,
  admin: string,
  user: { email: string; displayName: string; role: 'admin' | 'creator' | 'validator' },
): Promise<string> {
  const created = await json<{ id: string }>(
    await platform.api(admin, '/v1/users', { method: 'POST', json: user }),
    201,
  );
  await acceptTerms(platform, user.email);
  return created.id;
}

export async function waitForPrivacyJob(
  platform: TestPlatform,
  admin: string,
  jobId: string,
  timeoutMs = 300_000,
): Promise<PrivacyJobView> {
  const deadline = Date.now() + timeoutMs;
  const pause = pollBackoff(200);
  for (;;) {
    const job = await json<PrivacyJobView>(await platform.api(admin, `/v1/privacy/jobs/${jobId}`), 200);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`privacy job ${jobId} did not finish: ${JSON.stringify(job)}`);
    await pause();
  }
}

export async function withDatabase<T>(platform: TestPlatform, work: (db: Database) => Promise<T>): Promise<T> {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    return await work(client.database('khipu'));
  } finally {
    client.dispose();
  }
}

export function blobContainer(platform: TestPlatform): ContainerClient {
  return BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING).getContainerClient('khipu');
}

/** Every document of every container the app creates (all tenants), as stored. */
export async function everyDocument(
  platform: TestPlatform,
): Promise<{ container: string; doc: Record<string, unknown> }[]> {
  return withDatabase(platform, async (db) => {
    const found: { container: string; doc: Record<string, unknown> }[] = [];
    for (const { id } of Object.values(containerDefinitions)) {
      const { resources } = await db.container(id).items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
      for (const doc of resources) found.push({ container: id, doc });
    }
    return found;
  });
}

/** Every blob in the store, with its bytes. */
export async function everyBlob(platform: TestPlatform): Promise<{ name: string; bytes: Buffer }[]> {
  const container = blobContainer(platform);
  const blobs: { name: string; bytes: Buffer }[] = [];
  for await (const item of container.listBlobsFlat()) {
    blobs.push({ name: item.name, bytes: await container.getBlobClient(item.name).downloadToBuffer() });
  }
  return blobs;
}

/** Where any of `needles` appears (case-insensitive) among the documents and blobs given. */
export function tracesOf(
  needles: string[],
  documents: { container: string; doc: Record<string, unknown> }[],
  blobs: { name: string; bytes: Buffer }[],
): string[] {
  const lowered = needles.map((needle) => needle.toLowerCase());
  const found: string[] = [];
  for (const { container, doc } of documents) {
    const text = JSON.stringify(doc).toLowerCase();
    for (const needle of lowered) if (text.includes(needle)) found.push(`${container}/${String(doc.id)}: ${needle}`);
  }
  for (const blob of blobs) {
    const text = blob.bytes.toString('utf8').toLowerCase();
    for (const needle of lowered) if (text.includes(needle)) found.push(`blob ${blob.name}: ${needle}`);
  }
  return found;
}
