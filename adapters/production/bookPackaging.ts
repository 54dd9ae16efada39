/**
 * Packaging (one activity per platform): picks the chapters the package holds, then either takes over an earlier
 * package built from the same inputs as it was (packageReuse.ts) or builds the package and stores its files
 * (packageBuild.ts), and records it (packageRecords.ts). The spoken credits are prepared once per job before the
 * platforms' packages are built side by side (retailCredits.ts). The package id derives from the job and platform,
 * so a retried activity rewrites the same package instead of adding one.
 */
import type { ChapterRecord } from '../../core/book/records';
import { NotFoundError } from '../../core/errors';
import type { JobInput } from '../../core/jobs/job';
import type { PackagePlatform } from '../../core/packaging';
import { packageDocumentId, type PackageRecord } from '../../core/production/packageRecord';
import { chaptersOf } from './bookDocuments';
import { bookMetadata, buildAndStoreFiles } from './packageBuild';
import { latestPackage, storePackage } from './packageRecords';
import { isReusableWhole, packageInputKeyOf, reusedContents } from './packageReuse';
import type { ProductionContext } from './productionContext';
import { prepareCredits, type PreparedCredits, type PreparedCreditsSummary } from './retailCredits';

export interface PackageInput extends JobInput {
  platform: PackagePlatform;
  /**
   * Chapters to include (reading order is the project's). When absent (a regeneration), what was produced: the
   * chapters of the platform's latest package, else every live chapter that has a master.
   */
  chapterIds?: string[] | null;
  /** The credits the job prepared for its packages (prepareCredits). */
  credits: PreparedCredits;
}

export interface PackageSummary {
  packageId: string;
  platform: PackagePlatform;
  version: number;
  passed: boolean;
  failedRules: string[];
  encoded: number;
  reused: number;
  /** True when an earlier package built from the same inputs became this job's package as it was. */
  reusedWhole: boolean;
}

/**
 * The production's spoken credits, rendered and stored unless they are stored already: run once per job before its
 * packages are built side by side, so the credits are paid for once, not once per platform.
 */
export async function preparePackageCredits(ctx: ProductionContext, job: JobInput): Promise<PreparedCreditsSummary> {
  const project = await ctx.svc.projects.find(job.tenantId, job.projectId);
  if (!project) throw new NotFoundError('Project');
  return prepareCredits(ctx, job, bookMetadata(project));
}

export async function packageBook(ctx: ProductionContext, input: PackageInput): Promise<PackageSummary> {
  const { svc } = ctx;
  const { tenantId, projectId } = input;
  const project = await svc.projects.find(tenantId, projectId);
  if (!project) throw new NotFoundError('Project');
  const live = (await chaptersOf(svc, tenantId, projectId)).filter((c) => !c.deleted);
  const chapters = await chaptersToPackage(ctx, input, live);
  const missing = chapters.filter((c) => !c.master);
  if (missing.length > 0) throw new Error(`Chapter "${missing[0].title}" has no master yet`);
  if (chapters.length === 0) throw new Error('No chapter has been produced yet');
  const book = bookMetadata(project);
  const inputKey = packageInputKeyOf(
    input.platform,
    book,
    chapters,
    input.credits,
    project.cover?.blobs.retail ?? null,
  );
  const last = await latestPackage(ctx, input, 'createdAt');
  if (last && (await isReusableWhole(svc.blobs, last, inputKey))) {
    const reused = reusedContents(last, packageDocumentId(input.jobId, input.platform), inputKey);
    return summaryOf(await storePackage(ctx, input, reused));
  }
  const built = await buildAndStoreFiles(ctx, input, project, chapters, last);
  return summaryOf(await storePackage(ctx, input, { ...built, inputKey }));
}

function summaryOf(record: PackageRecord): PackageSummary {
  return {
    packageId: record.id,
    platform: record.platform,
    version: record.version,
    passed: record.readiness.passed,
    failedRules: record.readiness.rules.filter((r) => !r.passed).map((r) => r.id),
    encoded: record.stats.encoded,
    reused: record.stats.reused,
    reusedWhole: record.reusedFrom !== undefined,
  };
}

/** What the package holds: the chapters asked for, or (a regeneration) what was produced before. */
async function chaptersToPackage(
  ctx: ProductionContext,
  input: PackageInput,
  live: ChapterRecord[],
): Promise<ChapterRecord[]> {
  if (input.chapterIds) return live.filter((c) => input.chapterIds!.includes(c.id));
  const last = await latestPackage(ctx, input, 'createdAt');
  if (last?.chapterIds) {
    const chosen = live.filter((c) => last.chapterIds!.includes(c.id));
    if (chosen.length > 0) return chosen;
  }
  return live.filter((c) => c.master !== null);
}
