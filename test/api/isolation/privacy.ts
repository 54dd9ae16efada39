import type { PrivacyJobView } from '../../../core/api/privacy';
import { json, waitForPrivacyJob } from '../../privacy/support';
import { pollBackoff } from '../../support/polling';
import type { TestPlatform } from '../../support/testPlatform';
import type { IsolationTable } from './types';

/**
 * Privacy (docs/privacy.md): another user's personal data, erasures and organization exports are the tenant
 * admin's alone. Creators and validators get 403 whatever the id; another tenant's user or job answers its admin
 * 404, like an id that never existed. The job operations are exercised on a finished organization export, one per
 * tenant, made again only when it can no longer be downloaded.
 */
const exports = new Map<string, Promise<{ id: string; etag: string }>>();

/** Erasures delete the exports that may hold the person; the matrix's own erasures must be over first. */
async function noErasureRunning(platform: TestPlatform, admin: string): Promise<void> {
  const pause = pollBackoff(250);
  for (let deadline = Date.now() + 600_000; ;) {
    const jobs = await json<{ items: PrivacyJobView[] }>(
      await platform.api(admin, '/v1/privacy/jobs?kind=erasure&pageSize=100'),
      200,
    );
    if (jobs.items.every((job) => job.status === 'succeeded' || job.status === 'failed')) return;
    if (Date.now() > deadline) throw new Error('erasures of the matrix did not finish');
    await pause();
  }
}

async function finishedExport(platform: TestPlatform, admin: string) {
  await noErasureRunning(platform, admin);
  const job = await json<{ id: string }>(await platform.api(admin, '/v1/tenant/exports', { method: 'POST' }), 202);
  const done = await waitForPrivacyJob(platform, admin, job.id, 600_000);
  if (done.status !== 'succeeded') throw new Error(`export fixture failed: ${JSON.stringify(done)}`);
  return { id: done.id, etag: done.etag };
}

async function downloadableExport(platform: TestPlatform, admin: string) {
  const cached = exports.get(admin);
  if (cached) {
    const job = await cached;
    const link = await platform.api(admin, `/v1/privacy/jobs/${job.id}/download`);
    await link.arrayBuffer();
    if (link.status === 200) return job;
  }
  const made = finishedExport(platform, admin);
  exports.set(admin, made);
  return made;
}

export const isolation: IsolationTable = {
  exportUserPersonalData: { allowed: ['admin'] },
  startUserErasure: { allowed: ['admin'] },
  getPrivacyJob: { allowed: ['admin'], create: ({ platform, admin }) => downloadableExport(platform, admin) },
  downloadTenantExport: { allowed: ['admin'], create: ({ platform, admin }) => downloadableExport(platform, admin) },
};
