/**
 * Package records: storing the job's package record (a retried activity rewrites its own, keeping its version and
 * dates) and announcing it, and finding a platform's latest package.
 */
import type { JobInput } from '../../core/jobs/job';
import type { PackagePlatform } from '../../core/packaging';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import { packageDocumentId, packageExpiresAt, type PackageRecord } from '../../core/production/packageRecord';
import { EVENT_SOURCE } from './chapterMastering';
import type { ProductionContext } from './productionContext';

/** The job a package belongs to, and its platform. */
export type PackageJob = JobInput & { platform: PackagePlatform };

/** The fields of a package record that describe its contents (the rest is who, when and which version). */
export type PackageContents = Pick<
  PackageRecord,
  'deliverable' | 'readiness' | 'chapterIds' | 'encodings' | 'previews' | 'totalDurationSec' | 'stats' | 'inputKey'
> & { reusedFrom?: string };

/** Stores the job's package record (a retried activity rewrites its own) and announces it. */
export async function storePackage(
  ctx: ProductionContext,
  input: PackageJob,
  contents: PackageContents,
): Promise<PackageRecord> {
  const { svc } = ctx;
  const { tenantId, projectId } = input;
  const packageId = packageDocumentId(input.jobId, input.platform);
  const existing = await ctx.packages.get(tenantId, projectId, packageId);
  const version = existing?.version ?? (await latestVersion(ctx, input)) + 1;
  const tenant = await svc.tenants.assertActive(tenantId);
  const now = svc.clock.now();
  const record: PackageRecord = {
    id: packageId,
    type: 'package',
    tenantId,
    projectId,
    platform: input.platform,
    version,
    jobId: input.jobId,
    ...contents,
    expiresAt: existing?.expiresAt ?? packageExpiresAt(now, tenant.plan),
    createdAt: existing?.createdAt ?? now.toISOString(),
    createdBy: input.userId,
  };
  await ctx.packages.upsert(record);
  await svc.events.publish([
    createDomainEvent({
      type: EventTypes.packageReady,
      source: EVENT_SOURCE,
      subject: jobSubject(tenantId, projectId, input.jobId),
      time: now.toISOString(),
      data: {
        tenantId,
        projectId,
        jobId: input.jobId,
        packageId,
        platform: input.platform,
        version,
        passed: record.readiness.passed,
      },
      discriminator: input.platform,
    }),
  ]);
  return record;
}

async function latestVersion(ctx: ProductionContext, input: PackageJob): Promise<number> {
  return (await latestPackage(ctx, input, 'version'))?.version ?? 0;
}

export async function latestPackage(
  ctx: ProductionContext,
  input: PackageJob,
  by: 'version' | 'createdAt',
): Promise<PackageRecord | undefined> {
  const page = await ctx.packages.list(input.tenantId, input.projectId, {
    filter: {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'package' },
        { field: 'platform', op: 'eq', value: input.platform },
      ],
    },
    orderBy: { field: by, direction: 'DESC' },
    page: { pageSize: 1 },
  });
  return page.items[0];
}
