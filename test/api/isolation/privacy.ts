import { json, waitForPrivacyJob } from '../../privacy/support';
import type { TestPlatform } from '../../support/testPlatform';
import type { IsolationTable } from './types';

/**
 * Privacy (docs/privacy.md): another user's personal data, erasures and organization exports are the tenant
 * admin's alone. Creators and validators get 403 whatever the id; another tenant's user or job answers its admin
 * 404, like an id that never existed. Each tenant gets one erasure and one finished export as fixtures (both are
 * whole-tenant jobs: one each keeps the matrix from sweeping the tenants over and over).
 */
const erasures = new Map<string, Promise<{ id: string; etag: string }>>();
const exports = new Map<string, Promise<{ id: string; etag: string }>>();

function once(
  cache: Map<string, Promise<{ id: string; etag: string }>>,
  admin: string,
  make: () => Promise<{ id: string; etag: string }>,
) {
  if (!cache.has(admin)) cache.set(admin, make());
  return cache.get(admin)!;
}

async function erasureJob(platform: TestPlatform, admin: string) {
  const domain = admin.split('@')[1];
  const user = await json<{ id: string }>(
    await platform.api(admin, '/v1/users', {
      method: 'POST',
      json: { email: `matrix-erased-${Date.now()}@${domain}`, displayName: 'Matrix Erased', role: 'creator' },
    }),
    201,
  );
  const job = await json<{ id: string; etag: string }>(
    await platform.api(admin, `/v1/users/${user.id}`, { method: 'DELETE' }),
    202,
  );
  return { id: job.id, etag: job.etag };
}

async function finishedExport(platform: TestPlatform, admin: string) {
  const job = await json<{ id: string }>(await platform.api(admin, '/v1/tenant/exports', { method: 'POST' }), 202);
  const done = await waitForPrivacyJob(platform, admin, job.id, 600_000);
  if (done.status !== 'succeeded') throw new Error(`export fixture failed: ${JSON.stringify(done)}`);
  return { id: done.id, etag: done.etag };
}

export const isolation: IsolationTable = {
  exportUserPersonalData: { allowed: ['admin'] },
  startUserErasure: { allowed: ['admin'] },
  getPrivacyJob: {
    allowed: ['admin'],
    create: ({ platform, admin }) => once(erasures, admin, () => erasureJob(platform, admin)),
  },
  downloadTenantExport: {
    allowed: ['admin'],
    create: ({ platform, admin }) => once(exports, admin, () => finishedExport(platform, admin)),
  },
};
