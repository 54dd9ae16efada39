/**
 * Retention on the privacy side, run by the daily timer (through Core Tools' admin endpoint, as the schedule would):
 * an organization an admin deleted is closed at once, can be reopened by the operator during the retention period,
 * and once the period is over every document and blob it had is gone, while other tenants keep everything; audit
 * records and export zips past their periods are deleted.
 */
import sharp from 'sharp';
import type { PrivacyJobView } from '../../core/api/privacy';
import type { AuditRecord } from '../../core/privacy/audit';
import type { PrivacyJobRecord } from '../../core/privacy/privacyJob';
import type { TenantRecord } from '../../core/tenants/tenant';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import {
  ADMIN,
  blobContainer,
  everyBlob,
  everyDocument,
  json,
  OPERATOR,
  waitForPrivacyJob,
  withDatabase,
} from './support';

jest.setTimeout(10 * 60_000);

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

async function runRetention(): Promise<void> {
  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  const run = await fetch(`${hostUrl}/admin/functions/purgeArchivedProjects`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
}

/** Moves a stored document's field into the past, as the passing of time would (the API never backdates). */
async function backdate<T extends object>(container: string, id: string, partitionKey: string, change: (doc: T) => T) {
  await withDatabase(platform, async (db) => {
    const item = db.container(container).item(id, partitionKey);
    const { resource } = await item.read<T>();
    await item.replace(change(resource!));
  });
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let deadline = Date.now() + 120_000; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test('a deleted organization is closed at once, reopenable during retention, and purged whole after it', async () => {
  // Someone signs up an organization and uses it.
  const founder = `founder-${Date.now()}@closing.test`;
  const signup = await json<{ tenant: { id: string; name: string } }>(
    await platform.api(founder, '/v1/tenants/signup', { method: 'POST', json: { tenantName: 'Closing Books' } }),
    201,
  );
  const tenantId = signup.tenant.id;
  const tokenResponse = await fetch(`${platform.urls.identity}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: founder }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const as = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${platform.urls.api}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.headers as Record<string, string>),
      },
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
    });
  const terms = await json<{ termsVersion: string }>(await as('/v1/me/consent'), 200);
  await json(await as('/v1/me/consent', { method: 'PUT', json: { termsVersion: terms.termsVersion } }), 200);
  const project = await json<{ id: string }>(
    await as('/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Last book') } }),
    201,
  );
  const cover = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#553311' } })
    .jpeg()
    .toBuffer();
  await json(
    await as(`/v1/projects/${project.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: cover,
    }),
    200,
  );
  const ownDocuments = async () =>
    (await everyDocument(platform)).filter(({ doc }) => doc.tenantId === tenantId || doc.id === tenantId);
  const ownBlobs = async () =>
    (await everyBlob(platform)).filter((blob) => blob.name.startsWith(`tenants/${tenantId}/`));
  expect((await ownDocuments()).length).toBeGreaterThan(3);
  expect((await ownBlobs()).length).toBeGreaterThan(0);
  const othersBefore = (await everyDocument(platform)).filter(
    ({ doc }) => doc.tenantId !== tenantId && doc.id !== tenantId,
  ).length;

  // Deleting needs the organization's exact name.
  const wrongName = await as('/v1/tenant/deletion', { method: 'POST', json: { tenantName: 'Closing books' } });
  expect(wrongName.status).toBe(400);
  expect((await as('/v1/projects')).status).toBe(200);
  const scheduled = await json<{ tenantId: string; purgeAfter: string }>(
    await as('/v1/tenant/deletion', { method: 'POST', json: { tenantName: 'Closing Books' } }),
    202,
  );
  expect(scheduled.tenantId).toBe(tenantId);
  const days = (Date.parse(scheduled.purgeAfter) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);

  // Closed for everyone at once.
  const closed = await as('/v1/projects');
  expect(closed.status).toBe(403);
  expect(((await closed.json()) as { error: { code: string } }).error.code).toBe('tenant_suspended');

  // The operator can reopen it during the retention period; then it is deleted again.
  expect((await platform.api(OPERATOR, `/v1/operator/tenants/${tenantId}/deletion`, { method: 'DELETE' })).status).toBe(
    204,
  );
  expect((await as('/v1/projects')).status).toBe(200);
  // Asked 20 times at once, the deletion is scheduled once: requests that arrive once it is closed are refused.
  const again = await Promise.all(
    Array.from({ length: 20 }, () =>
      as('/v1/tenant/deletion', { method: 'POST', json: { tenantName: 'Closing Books' } }),
    ),
  );
  const accepted = await Promise.all(
    again.filter((res) => res.status === 202).map((res) => json<{ requestedAt: string; purgeAfter: string }>(res, 202)),
  );
  const refused = again.filter((res) => res.status !== 202);
  expect(accepted.length).toBeGreaterThanOrEqual(1);
  expect(new Set(accepted.map((answer) => `${answer.requestedAt} ${answer.purgeAfter}`)).size).toBe(1);
  for (const res of refused) {
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('tenant_suspended');
  }

  // Within the period the retention run keeps everything.
  await runRetention();
  expect((await ownDocuments()).length).toBeGreaterThan(3);

  // Once the period is over, the run deletes every document and blob of the organization, its own record last.
  await backdate<TenantRecord>('tenants', tenantId, tenantId, (doc) => ({
    ...doc,
    deletion: { ...doc.deletion!, purgeAfter: new Date(Date.now() - 1000).toISOString() },
  }));
  await runRetention();
  await until(async () => (await ownDocuments()).length === 0, 'the tenant to be purged');
  expect(await ownBlobs()).toEqual([]);
  const othersAfter = (await everyDocument(platform)).filter(
    ({ doc }) => doc.tenantId !== tenantId && doc.id !== tenantId,
  ).length;
  expect(othersAfter).toBeGreaterThanOrEqual(othersBefore);
  expect((await platform.api(OPERATOR, `/v1/operator/tenants/${tenantId}`)).status).toBe(404);
});

test('audit records and export zips past their retention periods are deleted; recent ones stay', async () => {
  const project = await json<{ id: string }>(
    await platform.api(ADMIN, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Audited') } }),
    201,
  );
  await json(
    await platform.api(ADMIN, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Audited too') } }),
    201,
  );
  const audit = await withDatabase(platform, async (db) => {
    const { resources } = await db
      .container('audit')
      .items.query<{ id: string; operation: string; objects: Record<string, string> }>({
        query: 'SELECT * FROM c WHERE c.tenantId = @tenant AND c.operation = @operation',
        parameters: [
          { name: '@tenant', value: 't-andes' },
          { name: '@operation', value: 'createProject' },
        ],
      })
      .fetchAll();
    return resources;
  });
  expect(audit.length).toBeGreaterThanOrEqual(2);
  const [old, ...recent] = audit;
  await backdate<AuditRecord>('audit', old.id, 't-andes', (doc) => ({
    ...doc,
    at: new Date(Date.now() - 366 * 86_400_000).toISOString(),
  }));

  const exported = await json<PrivacyJobView>(await platform.api(ADMIN, '/v1/tenant/exports', { method: 'POST' }), 202);
  await waitForPrivacyJob(platform, ADMIN, exported.id);
  const zipName = `tenants/t-andes/exports/${exported.id}.zip`;
  expect(await blobContainer(platform).getBlobClient(zipName).exists()).toBe(true);
  await backdate<PrivacyJobRecord>('privacy', exported.id, 't-andes', (doc) => ({
    ...doc,
    archive: { ...doc.archive!, expiresAt: new Date(Date.now() - 1000).toISOString() },
  }));

  await runRetention();
  await until(
    async () => !(await blobContainer(platform).getBlobClient(zipName).exists()),
    'the expired export to be deleted',
  );
  const remaining = await withDatabase(platform, async (db) => {
    const ids = [old, ...recent].map((record) => record.id);
    const found: string[] = [];
    for (const id of ids) {
      const { resource } = await db.container('audit').item(id, 't-andes').read();
      if (resource) found.push(id);
    }
    return found;
  });
  expect(remaining).toEqual(recent.map((record) => record.id));
  const job = await json<PrivacyJobView>(await platform.api(ADMIN, `/v1/privacy/jobs/${exported.id}`), 200);
  expect(job.export).toMatchObject({ available: false });
  expect((await platform.api(ADMIN, `/v1/privacy/jobs/${exported.id}/download`)).status).toBe(422);
  expect((await platform.api(ADMIN, `/v1/projects/${project.id}`)).status).toBe(200);
});
