/**
 * Memory of an organization export: peak resident memory of the platform process (where `npm start` runs the
 * Functions host) while the export job zips a tenant whose book has a 1 GB package, against its resident memory just
 * before, in the same run; with the zip's size, the job's time and its throughput. Target: flat (entries are streamed
 * from blob storage into the zip and the zip into blob storage, never buffered). Sampled from /proc every 20 ms
 * (Linux).
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { BlobServiceClient } from '@azure/storage-blob';
import { seedPackage, seedPlannedBook } from '../test/production/seedBook';
import { startTestPlatform, type TestPlatform } from '../test/support/testPlatform';
import type { BenchContext, BenchModule, BenchRow } from './types';

const MB = 1024 * 1024;
const PACKAGE_BYTES = 1024 * MB;
const ADMIN = 'admin@andes.test';
const CREATOR = 'creator@andes.test';

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** `bytes` of incompressible-looking data (audio is already compressed), generated as it is read. */
function packageBytes(bytes: number): Readable {
  let state = 0x12345678;
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return void this.push(null);
      const chunk = Buffer.allocUnsafe(Math.min(MB, bytes - sent));
      for (let i = 0; i < chunk.length; i += 4) {
        // xorshift32: cheap, deterministic, and deflate finds nothing to shrink.
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        chunk.writeUInt32LE(state >>> 0, i);
      }
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

async function apiJson<T>(platform: TestPlatform, user: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await platform.api(user, path, init);
  if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const bench: BenchModule = {
  name: 'tenantExport',
  description:
    'Organization export of a tenant holding a 1 GB package: peak resident memory of the platform process against ' +
    'its memory before the export, zip size, time and throughput (the zip is streamed, so memory should stay flat)',
  async run(context: BenchContext): Promise<BenchRow[]> {
    const platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    try {
      const project = await apiJson<{ id: string }>(platform, CREATOR, '/v1/projects', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ metadata: { title: 'Big package', authors: ['Bench'], language: 'en-GB' } }),
      });
      await seedPlannedBook(platform, 't-andes', project.id);
      const packageId = await seedPackage(platform, 't-andes', project.id);
      context.log(`uploading a ${PACKAGE_BYTES / MB} MB package blob`);
      await BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING)
        .getContainerClient('khipu')
        .getBlockBlobClient(`tenants/t-andes/projects/${project.id}/packages/${packageId}/book.m4b`)
        .uploadStream(packageBytes(PACKAGE_BYTES), 4 * MB, 4);

      const idleMb = residentMb(platform.pid);
      let peakMb = idleMb;
      const sampler = setInterval(() => (peakMb = Math.max(peakMb, residentMb(platform.pid))), 20);
      const started = Date.now();
      let job: { id: string; status: string; export: { bytes: number; entries: number } | null };
      try {
        job = await apiJson(platform, ADMIN, '/v1/tenant/exports', { method: 'POST' });
        while (job.status !== 'succeeded' && job.status !== 'failed') {
          await new Promise((resolve) => setTimeout(resolve, 200));
          job = await apiJson(platform, ADMIN, `/v1/privacy/jobs/${job.id}`);
        }
      } finally {
        clearInterval(sampler);
      }
      const seconds = (Date.now() - started) / 1000;
      if (job.status !== 'succeeded' || !job.export) throw new Error(`export ${job.status}: ${JSON.stringify(job)}`);
      context.log(`export of ${(job.export.bytes / MB).toFixed(0)} MB in ${seconds.toFixed(1)} s`);
      return [
        {
          benchmark: 'tenantExport',
          case: `1 project, ${PACKAGE_BYTES / MB} MB package`,
          metrics: {
            'zip MB': Math.round(job.export.bytes / MB),
            entries: job.export.entries,
            seconds: Number(seconds.toFixed(1)),
            'MB/s': Number((job.export.bytes / MB / seconds).toFixed(1)),
            'idle RSS MB': Math.round(idleMb),
            'peak RSS MB': Math.round(peakMb),
            'growth MB': Math.round(peakMb - idleMb),
          },
        },
      ];
    } finally {
      await platform.stop();
    }
  },
};

export default bench;
