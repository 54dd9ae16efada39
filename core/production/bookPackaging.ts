/**
 * Packaging (one activity per platform): picks the chapters the package holds, then either takes over an earlier
 * package built from the same inputs as it was (nothing fetched, encoded or built again) or has the package built and
 * its files stored (the `PackageFiles` port), and records it. The spoken credits are prepared once per job before the
 * platforms' packages are built side by side. The package id derives from the job and platform, so a retried activity
 * rewrites the same package instead of adding one.
 */
import type { ChapterRecord } from '../book/records';
import { NotFoundError } from '../errors';
import type { JobInput } from '../jobs/job';
import { JOB_EVENT_SOURCE } from '../jobs/jobEvents';
import type { PackageBookMetadata, PackagePlatform } from '../packaging';
import type { BlobStore } from '../ports/blobs';
import type { ProjectCollection } from '../ports/documents';
import { createDomainEvent, EventTypes, jobSubject, type EventPublisher } from '../ports/events';
import type { Clock } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import type { TenantService } from '../tenants/tenantService';
import { packageDocumentId, packageExpiresAt, packageInputKey, type PackageRecord } from './packageRecord';
import { chaptersOf, type ProductionBook } from './productionBook';

/** Blob names of the stored credits records a production's packages read (small enough for orchestration history). */
export interface PreparedCredits {
  opening: string;
  closing: string;
}

export interface PreparedCreditsSummary {
  credits: PreparedCredits;
  /** Requests sent to the speech engine for the credits by this activity (0 when they were stored already). */
  synthesisCalls: number;
  billableCharacters: number;
}

/** The job a package belongs to, and its platform. */
export type PackageJob = JobInput & { platform: PackagePlatform };

export interface PackageInput extends PackageJob {
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

/** The fields of a package record that describe its contents (the rest is who, when and which version). */
export type PackageContents = Pick<
  PackageRecord,
  | 'deliverable'
  | 'readiness'
  | 'chapterIds'
  | 'encodings'
  | 'fileFacts'
  | 'previews'
  | 'totalDurationSec'
  | 'stats'
  | 'inputKey'
> & { reusedFrom?: string; chapterPlanRevisions?: Record<string, number> };

/** The audio side of packaging: rendering the credits, building a package and storing its files. */
export interface PackageFiles {
  /** Renders, masters and stores the book's spoken credits unless they are stored already. */
  prepareCredits(job: JobInput, book: PackageBookMetadata): Promise<PreparedCreditsSummary>;
  /**
   * Builds the platform's package from the chapters' stored files and stores the deliverable, encodings, previews.
   * Says which retail cover it holds: the project's when it was read, or a newer one (`CoverSource`).
   */
  build(
    input: PackageJob & { credits: PreparedCredits },
    project: ProjectRecord,
    chapters: ChapterRecord[],
    last: PackageRecord | undefined,
    cover: CoverSource,
  ): Promise<Omit<PackageContents, 'inputKey'> & { coverBlobName: string | null }>;
}

/**
 * The retail cover a build reads. An upload that replaces the cover deletes the replaced files once the project points
 * to the new ones, so the cover the build began with may be gone by the time it is fetched; the build then asks for
 * the cover the project points to now and uses that one whole.
 */
export interface CoverSource {
  /** The retail cover's blob name when the build began; null when the project had none. */
  blobName: string | null;
  /** The retail cover's blob name the project points to now. */
  current(): Promise<string | null>;
}

export interface BookPackagingDeps {
  projects: Pick<ProjectService, 'find'>;
  tenants: Pick<TenantService, 'assertActive'>;
  book: Pick<ProductionBook, 'chapters'>;
  packages: ProjectCollection<PackageRecord>;
  blobs: Pick<BlobStore, 'exists'>;
  events: EventPublisher;
  clock: Clock;
  files: PackageFiles;
}

export class BookPackaging {
  constructor(private readonly deps: BookPackagingDeps) {}

  /**
   * The production's spoken credits, rendered and stored unless they are stored already: run once per job before its
   * packages are built side by side, so the credits are paid for once, not once per platform.
   */
  async prepareCredits(job: JobInput): Promise<PreparedCreditsSummary> {
    const project = await this.deps.projects.find(job.tenantId, job.projectId);
    if (!project) throw new NotFoundError('Project');
    return this.deps.files.prepareCredits(job, bookMetadata(project));
  }

  async package(input: PackageInput): Promise<PackageSummary> {
    const { deps } = this;
    const { tenantId, projectId } = input;
    const project = await deps.projects.find(tenantId, projectId);
    if (!project) throw new NotFoundError('Project');
    const live = (await chaptersOf(deps.book, tenantId, projectId)).filter((c) => !c.deleted);
    const chapters = await this.chaptersToPackage(input, live);
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
    const last = await this.latestPackage(input, 'createdAt');
    if (last && (await this.isReusableWhole(last, inputKey))) {
      const reused = reusedContents(last, packageDocumentId(input.jobId, input.platform), inputKey);
      return summaryOf(await this.storePackage(input, { ...reused, chapterPlanRevisions: revisionsOf(chapters) }));
    }
    const coverAtStart = project.cover?.blobs.retail ?? null;
    const { coverBlobName, ...built } = await deps.files.build(input, project, chapters, last, {
      blobName: coverAtStart,
      current: async () => (await deps.projects.find(tenantId, projectId))?.cover?.blobs.retail ?? null,
    });
    // The key names the cover the package holds, so a later build reuses it only for that cover.
    const builtKey =
      coverBlobName === coverAtStart
        ? inputKey
        : packageInputKeyOf(input.platform, book, chapters, input.credits, coverBlobName);
    return summaryOf(
      await this.storePackage(input, { ...built, inputKey: builtKey, chapterPlanRevisions: revisionsOf(chapters) }),
    );
  }

  /** What the package holds: the chapters asked for, or (a regeneration) what was produced before. */
  private async chaptersToPackage(input: PackageInput, live: ChapterRecord[]): Promise<ChapterRecord[]> {
    if (input.chapterIds) return live.filter((c) => input.chapterIds!.includes(c.id));
    const last = await this.latestPackage(input, 'createdAt');
    if (last?.chapterIds) {
      const chosen = live.filter((c) => last.chapterIds!.includes(c.id));
      if (chosen.length > 0) return chosen;
    }
    return live.filter((c) => c.master !== null);
  }

  /** An earlier package built from the same inputs, whose deliverable and previews are all still stored. */
  private async isReusableWhole(last: PackageRecord, inputKey: string): Promise<boolean> {
    if (last.inputKey !== inputKey) return false;
    const names = [last.deliverable.blobName, ...(last.previews ?? []).map((p) => p.blobName)];
    return (await Promise.all(names.map((name) => this.deps.blobs.exists(name)))).every(Boolean);
  }

  /** Stores the job's package record (a retried activity rewrites its own, keeping its version and dates), announced. */
  private async storePackage(input: PackageJob, contents: PackageContents): Promise<PackageRecord> {
    const { deps } = this;
    const { tenantId, projectId } = input;
    const packageId = packageDocumentId(input.jobId, input.platform);
    const existing = await deps.packages.get(tenantId, projectId, packageId);
    const version = existing?.version ?? ((await this.latestPackage(input, 'version'))?.version ?? 0) + 1;
    const tenant = await deps.tenants.assertActive(tenantId);
    const now = deps.clock.now();
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
    await deps.packages.upsert(record);
    await deps.events.publish([
      createDomainEvent({
        type: EventTypes.packageReady,
        source: JOB_EVENT_SOURCE,
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

  /** The platform's latest package, by version or by creation. */
  private async latestPackage(input: PackageJob, by: 'version' | 'createdAt'): Promise<PackageRecord | undefined> {
    const page = await this.deps.packages.list(input.tenantId, input.projectId, {
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
}

/** What the retailers' metadata rules and the package's tags read from the project. */
export function bookMetadata(project: ProjectRecord): PackageBookMetadata {
  const m = project.metadata;
  return {
    title: m.title,
    subtitle: m.subtitle,
    authors: m.authors,
    narrators: m.narrators,
    aiNarrated: true,
    digitalVoiceDisclosure: m.digitalVoiceDisclosure,
    publisher: m.publisher,
    year: m.publicationDate ? String(m.publicationDate).slice(0, 4) : null,
    language: m.language,
    genre: m.categories[0] ?? null,
    description: m.description,
    isbn: m.isbn,
    copyright: m.rights,
  };
}

/** The plan revision each chapter's master was made from, where the master recorded it. */
function revisionsOf(chapters: ChapterRecord[]): Record<string, number> {
  return Object.fromEntries(
    chapters.flatMap((c) => (c.master?.planRevision === undefined ? [] : [[c.id, c.master.planRevision]])),
  );
}

/** The input key of a package: when and by which job a chapter was mastered does not change its bytes. */
function packageInputKeyOf(
  platform: PackagePlatform,
  book: PackageBookMetadata,
  chapters: ChapterRecord[],
  credits: PreparedCredits,
  coverBlobName: string | null,
): string {
  return packageInputKey({
    platform,
    book,
    chapters: chapters.map((c) => ({
      id: c.id,
      title: c.title,
      chapterType: c.chapterType,
      // What the master was made from is named by its file; its sound record is for comparing with now.
      master: { ...c.master!, masteredAt: undefined, jobId: undefined, planRevision: undefined, sound: undefined },
    })),
    credits,
    coverBlobName,
  });
}

/**
 * The earlier package's contents as this job's package. A retried activity finds the package it stored itself: it is
 * recorded again as it was; otherwise nothing that decides its bytes changed, and the earlier package is this job's.
 */
function reusedContents(last: PackageRecord, ownPackageId: string, inputKey: string): PackageContents {
  const contents = pick(last, [
    'deliverable',
    'readiness',
    'chapterIds',
    'encodings',
    'fileFacts',
    'previews',
    'totalDurationSec',
  ]);
  if (last.id === ownPackageId) return { ...contents, stats: last.stats, inputKey, reusedFrom: last.reusedFrom };
  return {
    ...contents,
    stats: { encoded: 0, reused: last.stats.encoded + last.stats.reused },
    inputKey,
    reusedFrom: last.reusedFrom ?? last.id,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
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
