import { z } from 'zod';
import { PACKAGE_PLATFORMS, type PackagePlatform } from '../packaging/types';
import type { PackageRecord } from '../production/packageRecord';
import type { ReadinessRule } from '../audio/readiness';
import { readinessValueCodes } from '../audio/readinessValues';
import { Id, IsoDateTime, type SameShape } from './common';
import { JobView } from './jobs';

export const PackagePlatformSchema = z.enum(PACKAGE_PLATFORMS as unknown as [PackagePlatform, ...PackagePlatform[]]);

const Platforms = z
  .array(PackagePlatformSchema)
  .min(1)
  .max(PACKAGE_PLATFORMS.length)
  .refine((list) => new Set(list).size === list.length, 'platforms must not repeat');

export const StartProductionRequest = z
  .strictObject({
    platforms: Platforms,
    /** Produce only these chapters (all live chapters when absent). */
    chapterIds: z.array(Id).min(1).max(2000).optional(),
    /** Let lines without a known speaker be read by the narrator instead of refusing. */
    allowUnknownSpeakers: z.boolean().default(false),
    /** Produce only chapters a reviewer approved for their current text (within `chapterIds` when given too). */
    approvedOnly: z.boolean().default(false),
  })
  .meta({ id: 'StartProductionRequest' });

export const CostEstimateView = z
  .object({
    plan: z.string(),
    currency: z.literal('USD'),
    lines: z.array(
      z.object({
        kind: z.string(),
        rate: z.string(),
        quantity: z.number(),
        unitPriceUsd: z.number(),
        amountUsd: z.number(),
      }),
    ),
    totalUsd: z.number(),
  })
  .meta({ id: 'CostEstimate' });

export const ProductionEstimate = z
  .object({
    platforms: z.array(PackagePlatformSchema),
    /**
     * Everything production would meet, each with where it is: `blocking` problems refuse the job until fixed;
     * `warning`s say what a job leaves out (lines or chapters with nothing to speak) or which retailer rule a package
     * would fail (no cover, no ISBN).
     */
    problems: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['blocking', 'warning']),
        message: z.string(),
        chapterId: z.string().optional(),
        segmentId: z.string().optional(),
        characterId: z.string().optional(),
        platform: PackagePlatformSchema.optional(),
      }),
    ),
    /** The chapters production renders. */
    chapters: z.array(z.object({ chapterId: Id, title: z.string(), segmentCount: z.number().int() })),
    /** Chapters left out whole because nothing in them can be spoken. */
    skipped: z.array(
      z.object({
        chapterId: z.string(),
        segmentId: z.string().optional(),
        reason: z.literal('nothing_to_speak'),
        text: z.string().optional(),
      }),
    ),
    segmentsTotal: z.number().int(),
    billableCharacters: z.number().int(),
    /** Work time on this engine (for the ETA before the job has a rate of its own). */
    estimatedSeconds: z.number().int(),
    /** Length of the finished audio. */
    estimatedAudioSeconds: z.number().int(),
    estimate: CostEstimateView,
    /**
     * Where the monthly character quota stands for this production: recorded this month (`used`), held by productions
     * running now beyond what they recorded (`reserved`), what this production would reserve: its lines and its spoken
     * credits (`requested`) and what is left once the reservations are
     * spent (`remaining`). A start is refused while used + reserved + requested passes the limit.
     */
    quota: z
      .object({
        monthlyCharacters: z.object({
          limit: z.number(),
          used: z.number(),
          reserved: z.number(),
          requested: z.number(),
          remaining: z.number(),
          resetsAt: z.string(),
        }),
      })
      .optional(),
  })
  .meta({ id: 'ProductionEstimate' });

export const EstimateQuery = z.strictObject({
  /** Comma-separated; defaults to the two packages most books need. */
  platforms: z
    .string()
    .max(100)
    .default('apple,acx')
    .transform((value) => value.split(',').map((p) => p.trim()))
    .pipe(Platforms),
  /** Comma-separated; only these chapters, as a production of a selection would make them (default: the book). */
  chapterIds: z
    .string()
    .max(8000)
    .transform((value) => value.split(',').map((id) => id.trim()))
    .pipe(z.array(Id).min(1).max(2000))
    .optional(),
});

export const StartedJob = z
  .object({ job: JobView, estimate: ProductionEstimate.optional() })
  .meta({ id: 'StartedProductionJob' });

export const RegenerateSegmentRequest = z
  .strictObject({
    /** Packages to rebuild (none: only re-master); default: the platforms packaged before. */
    platforms: z.array(PackagePlatformSchema).max(PACKAGE_PLATFORMS.length).optional(),
  })
  .meta({ id: 'RegenerateSegmentRequest' });

/** A readiness value as a code with params, for a client to say in its reader's language (docs/studio-production.md). */
export const ReadinessValueView = z
  .object({
    code: z.enum(readinessValueCodes),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'ReadinessValue' });

/** `measured`/`expected` in English; the structured values are absent on packages built before they existed. */
export const ReadinessRuleView = z
  .object({
    id: z.string(),
    description: z.string(),
    passed: z.boolean(),
    measured: z.string(),
    expected: z.string(),
    measuredValues: z.array(ReadinessValueView).optional(),
    failingFile: z.object({ name: z.string(), otherFailingFiles: z.number().int() }).optional(),
    expectedValue: ReadinessValueView.optional(),
  })
  .meta({ id: 'ReadinessRule' });
void (true satisfies SameShape<z.infer<typeof ReadinessRuleView>, ReadinessRule>);

export const PackageView = z
  .object({
    id: Id,
    projectId: Id,
    platform: PackagePlatformSchema,
    version: z.number().int(),
    jobId: Id,
    fileName: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    contentType: z.string(),
    totalDurationSec: z.number(),
    readiness: z.object({ platform: z.string(), passed: z.boolean(), rules: z.array(ReadinessRuleView) }),
    stats: z.object({ encoded: z.number().int(), reused: z.number().int() }),
    chapterPlanRevisions: z
      .record(z.string(), z.number().int())
      .describe(
        "By chapter id, the chapter's planRevision its audio in this package was made from; a chapter whose planRevision differs now has changed since the package was built. Empty for packages built before it was recorded",
      ),
    expired: z.boolean(),
    expiresAt: IsoDateTime,
    createdAt: IsoDateTime,
    createdBy: z.string(),
  })
  .meta({ id: 'Package' });
export type PackageView = z.infer<typeof PackageView>;

export const PackageList = z.object({ items: z.array(PackageView) }).meta({ id: 'PackageList' });

export const PackageDownload = z
  .object({ url: z.string().url(), fileName: z.string(), expiresAt: IsoDateTime })
  .meta({ id: 'PackageDownload' });

export function toPackageView(record: PackageRecord, now: Date): PackageView {
  return {
    id: record.id,
    projectId: record.projectId,
    platform: record.platform,
    version: record.version,
    jobId: record.jobId,
    fileName: record.deliverable.name,
    bytes: record.deliverable.bytes,
    sha256: record.deliverable.sha256,
    contentType: record.deliverable.contentType,
    totalDurationSec: record.totalDurationSec,
    readiness: record.readiness,
    stats: record.stats,
    chapterPlanRevisions: record.chapterPlanRevisions ?? {},
    expired: Date.parse(record.expiresAt) <= now.getTime(),
    expiresAt: record.expiresAt,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
}
