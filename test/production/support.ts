/**
 * Helpers for the production tests: a planned, cast book through the public API, blob access to the platform's
 * Azurite, and a webhook receiver for the events.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { importSmallManuscript, waitForJob } from '../api/isolation/fixtures';
import type { FakeSpeechService } from '../support/fakeSpeechService';
import { tenantOfMember } from '../support/freshTenant';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { seedPlannedBook } from './seedBook';

export const CREATOR = 'creator@andes.test';
export const ADMIN = 'admin@andes.test';

export async function json<T = any>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Project with metadata and a retail cover, and a small planned, cast book (seeded in the shared record shapes). */
export async function plannedBook(
  platform: TestPlatform,
  options: {
    user?: string;
    title?: string;
    voices?: Parameters<typeof seedPlannedBook>[3];
    chapters?: Parameters<typeof seedPlannedBook>[4];
  } = {},
): Promise<{ projectId: string; chapterIds: string[]; segmentIds: string[] }> {
  const user = options.user ?? CREATOR;
  const project = await json<{ id: string }>(
    await platform.api(user, '/v1/projects', {
      method: 'POST',
      json: {
        metadata: {
          ...minimalMetadata(options.title ?? 'Production Test'),
          language: 'en-US',
          description: 'A short test book.',
        },
      },
    }),
    201,
  );
  const cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  await json(
    await platform.api(user, `/v1/projects/${project.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
  const seeded = await seedPlannedBook(platform, tenantOf(user), project.id, options.voices, options.chapters);
  return { projectId: project.id, ...seeded };
}

/** Starts a production (no waiting) and returns the job id. */
export async function startProduction(
  platform: TestPlatform,
  projectId: string,
  platforms: string[] = ['apple'],
  user = CREATOR,
): Promise<string> {
  const started = await json<{ job: { id: string } }>(
    await platform.api(user, `/v1/projects/${projectId}/productions`, {
      method: 'POST',
      json: { platforms, allowUnknownSpeakers: true },
    }),
    202,
  );
  return started.job.id;
}

/** App settings that point the platform's TTS at a fake Azure Speech service (the SDK speaks websocket to it). */
export function azureSpeechEnv(fake: FakeSpeechService): Record<string, string> {
  return {
    TTS_ENGINE: 'azure',
    SPEECH_ENDPOINT: fake.websocketUrl.replace(/^ws:/, 'http:'),
    SPEECH_KEY: fake.key,
  };
}

/** The tenant of a seeded user or of a member of a fresh tenant (test/support/freshTenant.ts). */
export function tenantOf(user: string): string {
  return tenantOfMember(user) ?? (user.endsWith('@pampa.test') ? 't-pampa' : 't-andes');
}

/** The whole path through the public API: import, character detection, auto-cast and planning jobs. */
export async function plannedBookViaApi(platform: TestPlatform, user: string, projectId: string): Promise<void> {
  await importSmallManuscript(platform, user, projectId);
  await runJob(platform, user, projectId, `/v1/projects/${projectId}/characters/detect`, undefined);
  await json(await platform.api(user, `/v1/projects/${projectId}/casting/auto`, { method: 'POST' }), 200);
  await runJob(platform, user, projectId, `/v1/projects/${projectId}/plan`, {});
}

async function runJob(platform: TestPlatform, user: string, projectId: string, path: string, body: unknown) {
  const started = await json<{ job: { id: string } }>(
    await platform.api(user, path, { method: 'POST', ...(body === undefined ? {} : { json: body }) }),
    202,
  );
  const done = await waitForJob(platform, user, projectId, started.job.id);
  if (done.status !== 'succeeded') throw new Error(`${path} failed: ${JSON.stringify(done)}`);
}

export async function produce(
  platform: TestPlatform,
  projectId: string,
  platforms: string[],
  user = CREATOR,
): Promise<{ id: string; status: string; result: any; error: any; progress: any }> {
  const started = await json<{ job: { id: string } }>(
    await platform.api(user, `/v1/projects/${projectId}/productions`, {
      method: 'POST',
      json: { platforms, allowUnknownSpeakers: true },
    }),
    202,
  );
  return (await waitForJob(platform, user, projectId, started.job.id, 300_000)) as any;
}

export function blobContainer(platform: TestPlatform) {
  return BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING).getContainerClient('khipu');
}

/** Name → sha256 of every blob under a prefix. */
export async function blobHashes(platform: TestPlatform, prefix: string): Promise<Map<string, string>> {
  const container = blobContainer(platform);
  const hashes = new Map<string, string>();
  for await (const blob of container.listBlobsFlat({ prefix })) {
    const bytes = await container.getBlobClient(blob.name).downloadToBuffer();
    hashes.set(blob.name, createHash('sha256').update(bytes).digest('hex'));
  }
  return hashes;
}

export interface EventReceiver {
  url: string;
  events: { type: string; id: string; subject: string; data: any }[];
  close(): Promise<void>;
}

/** A loopback webhook endpoint that records every CloudEvent delivered to it. */
export async function startEventReceiver(): Promise<EventReceiver> {
  const events: EventReceiver['events'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      try {
        const parsed = JSON.parse(body || 'null');
        for (const event of Array.isArray(parsed) ? parsed : [parsed]) if (event?.type) events.push(event);
      } catch {
        // not an event
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
