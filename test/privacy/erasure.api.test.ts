/**
 * Export and erasure of one person, against the real local platform. The person leaves traces the way people do:
 * an invitation replayed by Idempotency-Key, consent, a project they own and one they are a member of, an uploaded
 * manuscript and its import job, review comments (and a colleague's reply naming them), the webhook notification
 * of their comment, a dead-lettered notification in blob storage, cost entries, audit records, and an organization
 * export made before the erasure. Someone with the same name in another tenant must be left alone.
 *
 * The export contains exactly their data and no other tenant's; after the erasure no document in any container and
 * no blob in the store holds their email, name or id (the other tenant's namesake excepted), and the job reports
 * what it changed per container.
 */
import { randomBytes } from 'node:crypto';
import type { PrivacyJobView } from '../../core/api/privacy';
import { priceUsage, toCostRecord } from '../../core/costs/costEntry';
import type { PrivacyJobRecord } from '../../core/privacy/privacyJob';
import { importSmallManuscript } from '../api/isolation/fixtures';
import { startTestPlatform, minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { startReceiver, type WebhookReceiver } from '../webhooks/receiver';
import {
  acceptTerms,
  ADMIN,
  blobContainer,
  everyBlob,
  everyDocument,
  inviteUser,
  json,
  PAMPA_ADMIN,
  tracesOf,
  waitForPrivacyJob,
  withDatabase,
} from './support';

jest.setTimeout(15 * 60_000);

const NAME = 'Ximena Quispe-Tello';
const EMAIL = 'ximena.quispe@andes.test';
const PAMPA_EMAIL = 'ximena.quispe@pampa.test';
let platform: TestPlatform;
let receiver: WebhookReceiver;
let victimId: string;
let ownProjectId: string;
let sharedProjectId: string;
let earlierExportId: string;
let exportBeforeHerId: string;

interface PersonalData {
  format: string;
  subject: { userId: string; tenantId: string; pseudonym: string };
  profile: { email: string; displayName: string; role: string; consent: { termsVersion: string } | null };
  organization: { id: string; name: string };
  projects: { projectId: string; relations: string[] }[];
  comments: { projectId: string; threadId: string; body: string; signedAs: string }[];
  reviewDecisions: unknown[];
  costs: { projectId: string; amountUsd: number; quantity: number }[];
  jobs: { projectId: string; jobId: string; kind: string }[];
  audit: { operation: string; method: string; objects: Record<string, string> }[];
  otherRecords: { container: string; type: string; id: string; fields: string[] }[];
}

/** Cost entries as the pipeline records them (priced usage), written straight into the costs container. */
async function seedCosts(tenantId: string, projectId: string, userId: string, count: number): Promise<void> {
  await withDatabase(platform, async (db) => {
    for (let i = 0; i < count; i++) {
      const entry = priceUsage(
        { tenantId, projectId, userId, rate: 'tts:neural', quantity: 1000 + i, at: new Date() },
        'standard',
      );
      const id = `cost_${randomBytes(8).toString('hex')}`;
      await db.container('costs').items.create(toCostRecord(entry, id, new Date().toISOString()));
    }
  });
}

beforeAll(async () => {
  receiver = await startReceiver(204);
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000', WEBHOOK_ALLOW_LOOPBACK: 'true' } });

  // An organization export finished before she joined: it cannot hold her, so the erasure keeps it.
  const beforeHer = await json<{ id: string }>(
    await platform.api(ADMIN, '/v1/tenant/exports', { method: 'POST' }),
    202,
  );
  expect((await waitForPrivacyJob(platform, ADMIN, beforeHer.id)).status).toBe('succeeded');
  exportBeforeHerId = beforeHer.id;

  // Invited with an Idempotency-Key: the replayable response holds their email and name.
  const invited = await platform.api(ADMIN, '/v1/users', {
    method: 'POST',
    headers: { 'idempotency-key': `invite-${randomBytes(6).toString('hex')}` },
    json: { email: EMAIL, displayName: NAME, role: 'creator' },
  });
  victimId = (await json<{ id: string }>(invited, 201)).id;
  await acceptTerms(platform, EMAIL);
  // A namesake in another tenant.
  await inviteUser(platform, PAMPA_ADMIN, { email: PAMPA_EMAIL, displayName: NAME, role: 'creator' });

  await json(
    await platform.api(ADMIN, '/v1/webhooks', {
      method: 'POST',
      json: { url: receiver.url, eventTypes: ['khipu.review.commented'], description: 'Review feed' },
    }),
    201,
  );

  ownProjectId = (
    await json<{ id: string }>(
      await platform.api(EMAIL, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Her book') } }),
      201,
    )
  ).id;
  const { chapterIds } = await importSmallManuscript(platform, EMAIL, ownProjectId);
  const thread = await json<{ id: string }>(
    await platform.api(EMAIL, `/v1/projects/${ownProjectId}/review/threads`, {
      method: 'POST',
      json: { chapterId: chapterIds[0], body: 'The opening line needs a slower read.' },
    }),
    201,
  );
  await json(
    await platform.api(ADMIN, `/v1/projects/${ownProjectId}/review/threads/${thread.id}/comments`, {
      method: 'POST',
      json: { body: `${NAME}, agreed: slower. Write to ${EMAIL} if the narrator disagrees.` },
    }),
    201,
  );
  await json(
    await platform.api(EMAIL, `/v1/projects/${ownProjectId}/review/threads/${thread.id}/resolve`, { method: 'POST' }),
    200,
  );

  sharedProjectId = (
    await json<{ id: string }>(
      await platform.api(ADMIN, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Shared') } }),
      201,
    )
  ).id;
  await json(
    await platform.api(ADMIN, `/v1/projects/${sharedProjectId}/members`, {
      method: 'PUT',
      json: { memberIds: [victimId] },
    }),
    200,
  );

  await seedCosts('t-andes', ownProjectId, victimId, 3);
  await seedCosts('t-andes', sharedProjectId, 'u-andes-admin', 2);

  // A notification that could not be delivered, kept as a dead letter.
  await blobContainer(platform)
    .getBlockBlobClient(`tenants/t-andes/webhooks/deadletter/wh_matrix/dl_${randomBytes(4).toString('hex')}.json`)
    .uploadData(
      Buffer.from(
        JSON.stringify({
          payload: JSON.stringify({
            type: 'khipu.review.commented',
            data: { author: { userId: victimId, name: NAME } },
          }),
          url: receiver.url,
        }),
      ),
      { blobHTTPHeaders: { blobContentType: 'application/json' } },
    );

  // The review comment's notification reaches the receiver (and the deliveries log).
  await receiver.waitFor(1, 60_000);

  const earlier = await json<{ id: string }>(await platform.api(ADMIN, '/v1/tenant/exports', { method: 'POST' }), 202);
  const exported = await waitForPrivacyJob(platform, ADMIN, earlier.id);
  expect(exported.status).toBe('succeeded');
  earlierExportId = earlier.id;
}, 600_000);

afterAll(async () => {
  await platform?.stop();
  await receiver?.close();
});

test("the export holds exactly the person's data, and no other tenant's", async () => {
  const byAdmin = await platform.api(ADMIN, `/v1/users/${victimId}/personal-data`);
  expect(byAdmin.status).toBe(200);
  expect(byAdmin.headers.get('content-disposition')).toMatch(/^attachment; filename="khipu-personal-data-/);
  const text = await byAdmin.text();
  const data = JSON.parse(text) as PersonalData;

  expect(data.format).toBe('khipu.personal-data/1');
  expect(data.subject).toMatchObject({ userId: victimId, tenantId: 't-andes' });
  expect(data.profile).toMatchObject({ email: EMAIL, displayName: NAME, role: 'creator' });
  expect(data.profile.consent?.termsVersion).toBeTruthy();
  expect(data.organization.id).toBe('t-andes');

  const relations = Object.fromEntries(data.projects.map((p) => [p.projectId, [...p.relations].sort()]));
  // She created and owns her project (and, starting its import, last updated it); she is a member of the other.
  expect(relations).toEqual({ [ownProjectId]: ['created', 'lastUpdated', 'owner'], [sharedProjectId]: ['member'] });
  expect(data.comments.filter((c) => 'body' in c).map((c) => c.body)).toEqual([
    'The opening line needs a slower read.',
  ]);
  expect(data.costs).toHaveLength(3);
  expect(data.costs.every((cost) => cost.projectId === ownProjectId)).toBe(true);
  expect(data.jobs.map((job) => job.kind)).toEqual(['import']);
  const operations = data.audit.map((entry) => entry.operation);
  expect(operations).toEqual(expect.arrayContaining(['acceptTerms', 'createProject', 'createReviewThread']));
  // The admin's actions are the admin's: adding her to a project is not in her audit trail.
  expect(operations).not.toContain('setProjectMembers');
  expect(data.otherRecords).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ container: 'chapters', type: 'manuscript', fields: ['uploadedBy'] }),
    ]),
  );
  // Nothing of the other tenant, not even the namesake.
  expect(text).not.toMatch(/pampa/i);
  // Nobody else's records: her costs only, her comments only.
  expect(text).not.toContain('u-andes-admin"');

  // She gets the same data herself; other users may not ask for it.
  const self = JSON.parse(await (await platform.api(EMAIL, '/v1/me/personal-data')).text()) as PersonalData;
  expect({ ...self, exportedAt: null }).toEqual({ ...data, exportedAt: null });
  expect((await platform.api('creator@andes.test', `/v1/users/${victimId}/personal-data`)).status).toBe(403);
  expect((await platform.api(PAMPA_ADMIN, `/v1/users/${victimId}/personal-data`)).status).toBe(404);
});

test('erasure: one job for 20 parallel requests, every trace removed everywhere, counts per container', async () => {
  const before = await everyDocument(platform);
  const pampaBefore = before.filter(({ doc }) => doc.tenantId === 't-pampa' || doc.id === 't-pampa').length;
  expect(tracesOf([EMAIL], before, []).length).toBeGreaterThan(0);

  expect((await platform.api(EMAIL, `/v1/users/${victimId}`, { method: 'DELETE' })).status).toBe(403);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => platform.api(ADMIN, `/v1/users/${victimId}`, { method: 'DELETE' })),
  );
  const jobs = await Promise.all(answers.map((res) => json<PrivacyJobView>(res, 202)));
  expect(new Set(jobs.map((job) => job.id)).size).toBe(1);
  expect(jobs[0]).toMatchObject({ kind: 'erasure', attempt: 1 });
  expect(jobs[0].subjectRef).toMatch(/^anon_[0-9a-f]{32}$/);

  const done = await waitForPrivacyJob(platform, ADMIN, jobs[0].id);
  expect(done.error).toBeNull();
  expect(done.status).toBe('succeeded');
  const { found, remaining } = done.erasure!;
  expect(found.users).toEqual({ rewritten: 0, deleted: 1 });
  expect(found.projects).toEqual({ rewritten: 2, deleted: 0 });
  expect(found.costs).toEqual({ rewritten: 3, deleted: 0 });
  expect(found.jobs.rewritten).toBeGreaterThanOrEqual(1);
  expect(found.chapters.rewritten).toBeGreaterThanOrEqual(1);
  expect(found.reviews.rewritten).toBeGreaterThanOrEqual(1);
  expect(found.deliveries.rewritten).toBeGreaterThanOrEqual(1);
  expect(found.idempotency.deleted).toBeGreaterThanOrEqual(1);
  expect(found.blobs).toEqual({ rewritten: 1, deleted: 1 });
  expect(Object.values(remaining).every((count) => count === 0)).toBe(true);

  // Scan every container and every blob: her email, name and id are nowhere, except the namesake's own record.
  const documents = await everyDocument(platform);
  const blobs = await everyBlob(platform);
  const traces = tracesOf([EMAIL, NAME, victimId], documents, blobs);
  expect(traces).toEqual([expect.stringMatching(/^users\/.+: ximena quispe-tello$/)]);
  const namesake = documents.find(({ container, doc }) => container === 'users' && doc.email === PAMPA_EMAIL);
  expect(namesake?.doc).toMatchObject({ tenantId: 't-pampa', displayName: NAME });
  const pampaAfter = documents.filter(({ doc }) => doc.tenantId === 't-pampa' || doc.id === 't-pampa').length;
  expect(pampaAfter).toBe(pampaBefore);

  // Her project carries on, owned by the admin who asked; her membership of the shared one ended.
  const own = await json<{ ownerId: string }>(await platform.api(ADMIN, `/v1/projects/${ownProjectId}`), 200);
  expect(own.ownerId).toBe('u-andes-admin');
  const shared = await json<{ memberIds: string[] }>(await platform.api(ADMIN, `/v1/projects/${sharedProjectId}`), 200);
  expect(shared.memberIds).toEqual([]);
  // Comments keep their words, signed by nobody; the colleague's reply no longer names her.
  const threads = await json<{ items: { comments: { author: { userId: string; name: string }; body: string }[] }[] }>(
    await platform.api(ADMIN, `/v1/projects/${ownProjectId}/review/threads`),
    200,
  );
  const comments = threads.items.flatMap((thread) => thread.comments);
  expect(comments[0]).toMatchObject({
    author: { userId: jobs[0].subjectRef, name: 'Deleted user' },
    body: 'The opening line needs a slower read.',
  });
  expect(comments[1].body).toBe('Deleted user, agreed: slower. Write to [deleted user] if the narrator disagrees.');
  // Costs keep their amounts, attributed to the pseudonym.
  const costs = await json<{ groups: { key: string; amountUsd: number }[] }>(
    await platform.api(ADMIN, `/v1/costs?groupBy=user`),
    200,
  );
  expect(costs.groups.map((group) => group.key)).toContain(jobs[0].subjectRef);

  // She is gone: her account answers nothing, the user is unknown, and the export made while she was a member cannot
  // be fetched (the one finished before she joined can).
  expect((await platform.api(EMAIL, '/v1/projects')).status).toBe(403);
  expect((await platform.api(ADMIN, `/v1/users/${victimId}`)).status).toBe(404);
  expect((await platform.api(ADMIN, `/v1/users/${victimId}`, { method: 'DELETE' })).status).toBe(404);
  expect((await platform.api(ADMIN, `/v1/privacy/jobs/${earlierExportId}/download`)).status).toBe(422);
  expect((await platform.api(ADMIN, `/v1/privacy/jobs/${exportBeforeHerId}/download`)).status).toBe(200);
  // The job is the tenant's: the other tenant's admin cannot see it, nor can a creator.
  expect((await platform.api(PAMPA_ADMIN, `/v1/privacy/jobs/${done.id}`)).status).toBe(404);
  expect((await platform.api('creator@andes.test', `/v1/privacy/jobs/${done.id}`)).status).toBe(403);
});

test('an admin cannot erase themselves', async () => {
  const res = await platform.api(ADMIN, '/v1/users/u-andes-admin', { method: 'DELETE' });
  expect(res.status).toBe(400);
  expect((await platform.api(ADMIN, '/v1/projects')).status).toBe(200);
});

test('an erasure that failed after closing the account is finished by asking for it again', async () => {
  const email = 'inti.huaman@andes.test';
  const userId = await inviteUser(platform, ADMIN, { email, displayName: 'Inti Huamán', role: 'validator' });
  const first = await json<PrivacyJobView>(await platform.api(ADMIN, `/v1/users/${userId}`, { method: 'DELETE' }), 202);
  expect((await waitForPrivacyJob(platform, ADMIN, first.id)).status).toBe('succeeded');

  // As if the job had stopped for good after the account was closed, with a trace still left behind.
  await withDatabase(platform, async (db) => {
    const item = db.container('privacy').item(first.id, 't-andes');
    const { resource } = await item.read<PrivacyJobRecord>();
    await item.replace({
      ...resource!,
      status: 'failed',
      phase: 'failed',
      error: { code: 'internal', message: 'The erasure stopped unexpectedly; ask for it again to finish it' },
      subject: { userId, email, names: ['Inti Huamán'], joinedAt: '2026-01-01T00:00:00.000Z' },
    });
  });
  await seedCosts('t-andes', sharedProjectId, userId, 1);

  const again = await json<PrivacyJobView>(await platform.api(ADMIN, `/v1/users/${userId}`, { method: 'DELETE' }), 202);
  expect(again).toMatchObject({ id: first.id, attempt: 2 });
  const done = await waitForPrivacyJob(platform, ADMIN, first.id);
  expect(done.status).toBe('succeeded');
  expect(done.erasure!.found.costs).toEqual({ rewritten: 1, deleted: 0 });
  expect(tracesOf([email, 'Inti Huamán', userId], await everyDocument(platform), [])).toEqual([]);
  // Nothing left to finish: the id names nobody now.
  expect((await platform.api(ADMIN, `/v1/users/${userId}`, { method: 'DELETE' })).status).toBe(404);
});
