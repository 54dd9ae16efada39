/**
 * The daily retention run on the real local platform (the timer through Core Tools' admin endpoint, as the schedule
 * would at 03:30 UTC): a project archived longer than the retention period goes whole, with every document in every
 * per-project container (cost entries excepted: they are the tenant's billing history) and every blob; other projects
 * are untouched; and a purge stopped halfway by a store fault is finished by the next run. The operator's view of an
 * organization its admin closed says when it will be deleted, until the operator reopens it.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { CosmosTenantDocuments } from '../../adapters/privacy/cosmosTenantDocuments';
import { ArchivedProjectPurge, KEPT_AFTER_PROJECT_PURGE } from '../../core/privacy/projectPurge';
import type { AnyDocument, TenantDocuments } from '../../core/privacy/ports';
import { createProject } from '../planning/support';
import { plannedBookViaApi, produce } from '../production/support';
import { withDatabase } from '../privacy/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

jest.setTimeout(10 * 60_000);

let platform: TestPlatform;
const CREATOR = 'creator@andes.test';
const ADMIN = 'admin@andes.test';
const TENANT = 't-andes';

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

const perProjectContainers = Object.values(containerDefinitions)
  .filter((definition) => definition.partitionKeyPaths[1] === '/projectId')
  .map((definition) => definition.id);

function blobs() {
  return BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING).getContainerClient('khipu');
}

async function countBlobs(projectId: string): Promise<number> {
  let count = 0;
  for await (const _ of blobs().listBlobsFlat({ prefix: `tenants/${TENANT}/projects/${projectId}/` })) count++;
  return count;
}

/** Documents naming the project, by container, in every container the app has (whatever its partitioning). */
async function documentsOf(projectId: string): Promise<Record<string, number>> {
  return withDatabase(platform, async (db) => {
    const counts: Record<string, number> = {};
    for (const { id } of Object.values(containerDefinitions)) {
      const { resources } = await db
        .container(id)
        .items.query<{ id: string }>({
          query: 'SELECT c.id FROM c WHERE c.projectId = @projectId OR (c.type = "project" AND c.id = @projectId)',
          parameters: [{ name: '@projectId', value: projectId }],
        })
        .fetchAll();
      if (resources.length > 0) counts[id] = resources.length;
    }
    return counts;
  });
}

/** Every stored document of the tenant that is not the given project's, as container/id. */
async function everythingElse(projectId: string): Promise<string[]> {
  return withDatabase(platform, async (db) => {
    const found: string[] = [];
    for (const id of [...perProjectContainers, containerDefinitions.projects.id]) {
      const { resources } = await db
        .container(id)
        .items.query<{ id: string; projectId?: string }>('SELECT c.id, c.projectId FROM c')
        .fetchAll();
      for (const doc of resources) {
        if ((doc.projectId ?? doc.id) !== projectId) found.push(`${id}/${doc.id}`);
      }
    }
    return found.sort();
  });
}

async function archive(projectId: string): Promise<void> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/archive`, { method: 'POST' });
  expect(res.status).toBe(200);
}

/** Moves the archive date past the retention period, as the passing of time would (the API never backdates). */
async function backdateArchive(projectId: string, days: number): Promise<void> {
  await withDatabase(platform, async (db) => {
    const item = db.container(containerDefinitions.projects.id).item(projectId, TENANT);
    const { resource } = await item.read<Record<string, unknown>>();
    await item.replace({ ...resource!, archivedAt: new Date(Date.now() - days * 86_400_000).toISOString() });
  });
}

async function runRetention(): Promise<void> {
  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  const run = await fetch(`${hostUrl}/admin/functions/purgeArchivedProjects`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
}

/** A project planned and produced through the public API, with a lexicon entry and a review thread. */
async function producedProject(title: string): Promise<string> {
  const projectId = await createProject(platform, CREATOR, title);
  await plannedBookViaApi(platform, CREATOR, projectId);
  const entry = await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`, {
    method: 'POST',
    json: { grapheme: 'Longbourn', kind: 'alias', value: 'Long bourn', locale: 'en-US' },
  });
  expect(entry.status).toBe(201);
  const chapters = (await (await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`)).json()) as {
    items: { id: string }[];
  };
  const thread = await platform.api(CREATOR, `/v1/projects/${projectId}/review/threads`, {
    method: 'POST',
    json: { chapterId: chapters.items[0].id, body: 'Check the pacing here' },
  });
  expect(thread.status).toBe(201);
  const production = await produce(platform, projectId, ['apple'], CREATOR);
  expect(production.status).toBe('succeeded');
  return projectId;
}

test('a project archived past the retention period is purged whole, cost entries excepted; others are untouched', async () => {
  const expired = await producedProject('Purged whole');
  const kept = await createProject(platform, CREATOR, 'Archived yesterday');
  await archive(kept);
  await archive(expired);
  await backdateArchive(expired, 31);

  const before = await documentsOf(expired);
  // What a produced book has, so an empty result below means purged, not never written.
  const produced = ['chapters', 'segments', 'characters', 'jobs', 'packages', 'lexicon', 'reviews', 'costs'];
  expect(produced.filter((container) => !before[container])).toEqual([]);
  expect(await countBlobs(expired)).toBeGreaterThan(0);
  const othersBefore = await everythingElse(expired);
  expect(othersBefore).toContain(`projects/${kept}`);

  await runRetention();

  const after = await documentsOf(expired);
  const expectedAfter = Object.fromEntries(KEPT_AFTER_PROJECT_PURGE.map((container) => [container, before[container]]));
  expect(after).toEqual(expectedAfter);
  expect(await countBlobs(expired)).toBe(0);
  expect((await platform.api(CREATOR, `/v1/projects/${expired}`)).status).toBe(404);
  expect(await everythingElse(expired)).toEqual(othersBefore);
  const stillArchived = await platform.api(CREATOR, `/v1/projects/${kept}`);
  expect(stillArchived.status).toBe(200);
  expect(((await stillArchived.json()) as { status: string }).status).toBe('archived');

  // Running again finds nothing more to do and changes nothing.
  await runRetention();
  expect(await documentsOf(expired)).toEqual(expectedAfter);
  expect(await everythingElse(expired)).toEqual(othersBefore);
});

test('every per-project container is walked by the purge, and only cost entries are kept', async () => {
  const documents = await withDatabase(platform, async (db) => new CosmosTenantDocuments(db).projectContainers);
  expect([...documents].sort()).toEqual([...perProjectContainers].sort());
  expect(KEPT_AFTER_PROJECT_PURGE).toEqual(['costs']);
});

/** The store as the purge sees it, failing every delete after the first `allowed` ones, as a dying host would. */
function failingAfter(store: TenantDocuments, allowed: number): TenantDocuments & { deletes: number } {
  const failing = {
    containers: store.containers,
    projectContainers: store.projectContainers,
    deletes: 0,
    scan: store.scan.bind(store),
    replace: store.replace.bind(store),
    async delete(container: string, doc: AnyDocument): Promise<void> {
      if (failing.deletes >= allowed) throw new Error('the host died');
      failing.deletes++;
      await store.delete(container, doc);
    },
  };
  return failing;
}

test('a purge stopped halfway keeps the project findable, and the next run finishes it', async () => {
  const projectId = await producedProject('Purge interrupted');
  await archive(projectId);
  await backdateArchive(projectId, 45);
  const before = await documentsOf(projectId);
  const total = Object.entries(before)
    .filter(([container]) => !KEPT_AFTER_PROJECT_PURGE.includes(container))
    .reduce((sum, [, count]) => sum + count, 0);
  expect(total).toBeGreaterThan(20);
  const othersBefore = await everythingElse(projectId);

  const service = BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING);
  await withDatabase(platform, async (db) => {
    const store = failingAfter(new CosmosTenantDocuments(db), Math.floor(total / 2));
    const purge = new ArchivedProjectPurge({
      documents: store,
      blobs: new AzureBlobStore(service, service.getContainerClient('khipu')),
      clock: { now: () => new Date() },
    });
    await expect(purge.purgeExpired(TENANT)).rejects.toThrow('the host died');
    expect(store.deletes).toBe(Math.floor(total / 2));
  });

  // Halfway: some documents gone, the project record still there for the next run to find.
  const halfway = await documentsOf(projectId);
  expect(halfway.projects).toBe(1);
  const left = Object.entries(halfway)
    .filter(([container]) => !KEPT_AFTER_PROJECT_PURGE.includes(container))
    .reduce((sum, [, count]) => sum + count, 0);
  expect(left).toBe(total - Math.floor(total / 2));

  await runRetention();

  expect(await documentsOf(projectId)).toEqual({ costs: before.costs });
  expect(await countBlobs(projectId)).toBe(0);
  expect(await everythingElse(projectId)).toEqual(othersBefore);
});

test('a project past the retention period can no longer be restored, so a restore never races the purge', async () => {
  const projectId = await createProject(platform, CREATOR, 'Too late to restore');
  await archive(projectId);
  await backdateArchive(projectId, 31);
  const res = await platform.api(ADMIN, `/v1/projects/${projectId}/restore`, { method: 'POST' });
  expect(res.status).toBe(409);
  const body = (await res.json()) as { error: { code: string; details: { reason: string } } };
  expect(body.error.code).toBe('conflict');
  expect(body.error.details.reason).toBe('retention_expired');
  // Within the period a restore still works.
  const recent = await createProject(platform, CREATOR, 'Restored in time');
  await archive(recent);
  await backdateArchive(recent, 29);
  expect((await platform.api(ADMIN, `/v1/projects/${recent}/restore`, { method: 'POST' })).status).toBe(200);
});

test('runs only timer functions through the admin endpoint', async () => {
  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  expect((await fetch(`${hostUrl}/admin/functions/getMe`, { method: 'POST' })).status).toBe(404);
});

test('the operator sees when a closed organization will be deleted, and reopening it clears that', async () => {
  const founder = `founder-${Date.now()}@closing-view.test`;
  const signup = await platform.api(founder, '/v1/tenants/signup', {
    method: 'POST',
    json: { tenantName: 'Closing View Books' },
  });
  expect(signup.status).toBe(201);
  const tenantId = ((await signup.json()) as { tenant: { id: string } }).tenant.id;
  // A fresh token: the signup's new tenant and role reach the token's claims only on a new sign-in.
  const issued = await fetch(`${platform.urls.identity}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: founder }),
  });
  const { access_token: token } = (await issued.json()) as { access_token: string };
  const asFounder = (path: string, method: string, body: unknown) =>
    fetch(`${platform.urls.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const terms = (await (
    await fetch(`${platform.urls.api}/v1/me/consent`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { termsVersion: string };
  expect((await asFounder('/v1/me/consent', 'PUT', { termsVersion: terms.termsVersion })).status).toBe(200);
  const scheduled = await asFounder('/v1/tenant/deletion', 'POST', { tenantName: 'Closing View Books' });
  expect(scheduled.status).toBe(202);
  const { purgeAfter } = (await scheduled.json()) as { purgeAfter: string };

  type TenantView = { id: string; deletion: { requestedAt: string; purgeAfter: string } | null };
  const OPERATOR = 'operator@khipu.test';
  const view = async () =>
    (await (await platform.api(OPERATOR, `/v1/operator/tenants/${tenantId}`)).json()) as TenantView;
  expect((await view()).deletion).toEqual({ requestedAt: expect.any(String), purgeAfter });
  const listed = (await (await platform.api(OPERATOR, '/v1/operator/tenants?pageSize=100')).json()) as {
    items: TenantView[];
  };
  expect(listed.items.find((t) => t.id === tenantId)?.deletion?.purgeAfter).toBe(purgeAfter);

  const cancelled = await platform.api(OPERATOR, `/v1/operator/tenants/${tenantId}/deletion`, { method: 'DELETE' });
  expect(cancelled.status).toBe(204);
  expect((await view()).deletion).toBeNull();
});
