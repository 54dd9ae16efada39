/**
 * A write the API acknowledged survives `kill -9` of every local process at once (the platform, Azurite, the Cosmos
 * emulator): projects created just before the kill, and a manuscript upload whose import job then resumes and
 * completes after the restart, leaving no orphaned file behind.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { killEverything } from './support';

const CREATOR = 'creator@andes.test';
const ROUNDS = 3;
const PROJECTS_PER_ROUND = 20;

let dataDir: string;
let platform: TestPlatform | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-kill-'));
});
afterAll(async () => {
  await platform?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function allProjectIds(p: TestPlatform): Promise<Set<string>> {
  const ids = new Set<string>();
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ pageSize: '100', ...(token ? { continuationToken: token } : {}) });
    const res = await p.api(CREATOR, `/v1/projects?${query}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { id: string }[]; continuationToken: string | null };
    for (const item of page.items) ids.add(item.id);
    token = page.continuationToken ?? undefined;
  } while (token);
  return ids;
}

async function restart(): Promise<TestPlatform> {
  if (platform) await killEverything(platform.pid);
  platform = await startTestPlatform({ dataDir });
  return platform;
}

describe('whole-platform kill', () => {
  it(`keeps every acknowledged project: ${ROUNDS} rounds of ${PROJECTS_PER_ROUND} creates, then kill -9 of everything within 0–1 s`, async () => {
    const acknowledged: string[] = [];
    let p = await restart();
    for (let round = 0; round < ROUNDS; round++) {
      const created = await Promise.all(
        Array.from({ length: PROJECTS_PER_ROUND }, async (_, i) => {
          const res = await p.api(CREATOR, '/v1/projects', {
            method: 'POST',
            json: { metadata: minimalMetadata(`Round ${round + 1}, book ${i + 1}`) },
          });
          expect(res.status).toBe(201);
          return ((await res.json()) as { id: string }).id;
        }),
      );
      acknowledged.push(...created);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 1000)));
      p = await restart();
      const stored = await allProjectIds(p);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    }
    expect(acknowledged).toHaveLength(ROUNDS * PROJECTS_PER_ROUND);
  });

  it('keeps an acknowledged manuscript upload: after the restart its import completes and leaves no orphan', async () => {
    let p = platform ?? (await restart());
    const created = await p.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata() } });
    const projectId = ((await created.json()) as { id: string }).id;
    const book = fs.readFileSync(PRIDE_AND_PREJUDICE);
    const uploaded = await p.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=pride-and-prejudice.txt`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: book,
    });
    expect(uploaded.status).toBe(202);
    const { manuscript, job } = (await uploaded.json()) as { manuscript: { id: string }; job: { id: string } };

    p = await restart(); // the kill comes straight after the 202

    const stored = await p.api(CREATOR, `/v1/projects/${projectId}/manuscript`);
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as { id: string }).id).toBe(manuscript.id);
    const original = await p.api(CREATOR, `/v1/projects/${projectId}/manuscript/original`);
    expect(
      createHash('sha256')
        .update(Buffer.from(await original.arrayBuffer()))
        .digest('hex'),
    ).toBe(createHash('sha256').update(book).digest('hex'));

    let status = '';
    for (let polls = 0; polls < 600 && !['succeeded', 'failed', 'cancelled'].includes(status); polls++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const res = await p.api(CREATOR, `/v1/projects/${projectId}/jobs/${job.id}`);
      status = ((await res.json()) as { status: string }).status;
    }
    expect(status).toBe('succeeded');
    const chapters = await p.api(CREATOR, `/v1/projects/${projectId}/chapters`);
    expect(((await chapters.json()) as { items: unknown[] }).items.length).toBeGreaterThan(50);

    // Every file under the project is the stored manuscript's original: nothing staged, nothing from a lost write.
    const container = BlobServiceClient.fromConnectionString(p.env.STORAGE_CONNECTION_STRING!).getContainerClient(
      'khipu',
    );
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `tenants/t-andes/projects/${projectId}/` })) {
      names.push(blob.name);
    }
    expect(names).toEqual([`tenants/t-andes/projects/${projectId}/manuscripts/${manuscript.id}/original`]);
  });
});
