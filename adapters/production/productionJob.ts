/**
 * The job-level steps of production: assessment before spending (plan complete, estimate, quota), start, cancel
 * checkpoints, and the outcome (job document, project facts, events). Used by the endpoint (to refuse at once) and
 * by the orchestration's activities (to re-check when the job actually starts).
 */
import { estimateProductionBytes } from '../../core/production/outputSize';
import { SSML_LIMITS } from '../../core/ssml/planRequests';
import type { CostEstimate } from '../../core/costs/estimate';
import { NARRATOR_ID } from '../../core/characters/character';
import {
  blockingProblems,
  findPackageProblems,
  findPlanProblems,
  findVoiceProblems,
  PlanIncompleteError,
  type PreflightOptions,
  type PreflightProblem,
  type SkippedItem,
} from '../../core/production/preflight';
import type { PackagePlatform } from '../../core/packaging';
import { summarizeBookPlan } from '../../core/production/planSummaries';
import { chaptersOf, charactersOf } from './bookDocuments';
import type { JobInput } from '../../core/jobs/job';
import { setJobProgress } from './jobProgress';
import type { ProductionContext } from './productionContext';

/** Markup the SSML of one segment adds around its text (voice, prosody), for the estimate. */
const SSML_OVERHEAD_PER_SEGMENT = 40;
/** Observed offline engine + mastering throughput, for the time estimate: seconds of work per character. */
const SECONDS_PER_CHARACTER = 0.004;

export interface ProductionAssessment {
  /**
   * Everything production would meet: blocking problems (a job is refused while any remains; only reported when not
   * refusing) and warnings (what a job leaves out, which retailer rules its packages would fail).
   */
  problems: PreflightProblem[];
  /** The chapters production renders. */
  chapters: { chapterId: string; title: string; segmentCount: number }[];
  /** Chapters left out whole: nothing in them can be spoken. */
  skipped: SkippedItem[];
  segmentsTotal: number;
  billableCharacters: number;
  estimate: CostEstimate;
  estimatedSeconds: number;
  /** Length of the audio the plan will become, at an audiobook's usual speaking rate (990 characters a minute). */
  estimatedAudioSeconds: number;
}

export async function assessProduction(
  ctx: ProductionContext,
  tenantId: string,
  projectId: string,
  chapterIds: string[] | null | undefined,
  options: PreflightOptions & { refuse?: boolean; platforms?: readonly PackagePlatform[] } = {},
): Promise<ProductionAssessment> {
  const { svc } = ctx;
  const [project, catalog] = await Promise.all([svc.projects.find(tenantId, projectId), ctx.voices()]);
  // Read from each chapter's plan totals, not from every segment (core/production/planSummaries.ts).
  const plan = await summarizeBookPlan(svc.book, tenantId, projectId, chapterIds, project?.metadata.language);
  const { summaries, segmentProblems, skipped, chapters: counts } = plan;
  const characters = plan.billableCharacters + plan.segmentCount * SSML_OVERHEAD_PER_SEGMENT;
  const cast = await charactersOf(svc, tenantId, projectId);
  const speakers = new Set([NARRATOR_ID, ...summaries.flatMap((summary) => summary.speakerIds)]);
  const problems = [
    ...findPlanProblems(summaries, cast, options),
    ...findVoiceProblems(
      cast.filter((character) => speakers.has(character.characterId)),
      new Set(catalog.map((voice) => voice.name)),
    ),
    ...segmentProblems,
    ...(project ? findPackageProblems(project, options.platforms ?? []) : []),
  ];
  const blocking = blockingProblems(problems);
  if (blocking.length > 0 && options.refuse !== false) throw new PlanIncompleteError(blocking);
  const tenant = await svc.tenants.assertActive(tenantId);
  const voiceClass = svc.speech.engine === 'offline' ? 'offline' : 'neural';
  return {
    problems,
    chapters: counts,
    skipped,
    segmentsTotal: counts.reduce((sum, c) => sum + c.segmentCount, 0),
    billableCharacters: characters,
    estimate: svc.costs.estimate({ billableCharacters: characters, voiceClass }, tenant.plan),
    estimatedSeconds: Math.ceil(characters * SECONDS_PER_CHARACTER),
    estimatedAudioSeconds: Math.ceil((characters / SSML_LIMITS.charsPerMinute) * 60),
  };
}

/**
 * Refuses (quota_exceeded) before anything is spent: the month's characters and the storage the deliverables would
 * take on top of what the tenant stores now. Concurrent productions are not counted here: the job claims one of the
 * tenant's production slots atomically when it starts (core/jobs/productionSlots.ts), and holds it until it ends.
 */
export async function checkProductionQuota(
  ctx: ProductionContext,
  job: { tenantId: string; projectId: string; platforms: PackagePlatform[] },
  assessment: ProductionAssessment,
): Promise<void> {
  const { svc } = ctx;
  const [tenant, storedBytes] = await Promise.all([
    svc.tenants.assertActive(job.tenantId),
    svc.projects.storedBytes(job.tenantId),
  ]);
  await svc.costs.checkQuota(tenant, {
    characters: assessment.billableCharacters,
    storageBytes: storedBytes + estimateProductionBytes(assessment.estimatedAudioSeconds, job.platforms),
  });
}

export interface ProductionJobInput extends JobInput {
  platforms: PackagePlatform[];
  chapterIds?: string[] | null;
  allowUnknownSpeakers?: boolean;
}

export interface PreflightResult {
  cancelled: boolean;
  chapterIds: string[];
  /** Chapters left out because nothing in them can be spoken. */
  skipped: SkippedItem[];
}

export async function preflightProduction(ctx: ProductionContext, input: ProductionJobInput): Promise<PreflightResult> {
  const { svc } = ctx;
  if (await svc.jobs.isStopRequested(input)) return { cancelled: true, chapterIds: [], skipped: [] };
  await svc.jobs.markRunning(input.tenantId, input.projectId, input.jobId, 'preflight', { platforms: input.platforms });
  const assessment = await assessProduction(ctx, input.tenantId, input.projectId, input.chapterIds, {
    allowUnknownSpeakers: input.allowUnknownSpeakers,
    platforms: input.platforms,
  });
  await checkProductionQuota(ctx, input, assessment);
  await svc.projects.updateFacts(input.tenantId, input.projectId, { activeJobId: input.jobId });
  await setJobProgress(ctx, input, {
    phase: 'synthesizing',
    chaptersTotal: assessment.chapters.length,
    chaptersDone: 0,
    segmentsTotal: assessment.segmentsTotal,
    segmentsDone: 0,
    message: `Estimated ${assessment.estimate.totalUsd.toFixed(2)} USD`,
  });
  return { cancelled: false, chapterIds: assessment.chapters.map((c) => c.chapterId), skipped: assessment.skipped };
}

export async function checkpoint(
  ctx: ProductionContext,
  input: JobInput & { phase?: string; chaptersDone?: number },
): Promise<{ cancelled: boolean }> {
  if (await ctx.svc.jobs.isStopRequested(input)) return { cancelled: true };
  const patch: Record<string, unknown> = {};
  if (input.phase) patch.phase = input.phase;
  if (input.chaptersDone !== undefined) patch.chaptersDone = input.chaptersDone;
  if (Object.keys(patch).length > 0) await setJobProgress(ctx, input, patch);
  return { cancelled: false };
}

export async function finishProduction(
  ctx: ProductionContext,
  input: JobInput & { result: Record<string, unknown> },
): Promise<void> {
  const { svc } = ctx;
  if (!(await svc.jobs.find(input.tenantId, input.projectId, input.jobId))) return settleFacts(ctx, input);
  // The project shows what the job did before the job says it has ended: whoever sees it end and reads the project
  // again then finds the new counts, not the old ones. Should that fail, the job still ends, and settles after.
  // (A job cancelled meanwhile stays cancelled: JobService lets the cancel win.)
  const settled = await settleFacts(ctx, input).then(
    () => true,
    () => false,
  );
  await svc.jobs.finish(input.tenantId, input.projectId, input.jobId, { status: 'succeeded', result: input.result });
  if (!settled) await settleFacts(ctx, input);
}

export async function failProduction(
  ctx: ProductionContext,
  input: JobInput & { code: string; message: string },
): Promise<void> {
  const { svc } = ctx;
  if (!(await svc.jobs.find(input.tenantId, input.projectId, input.jobId))) return settleFacts(ctx, input);
  const error = { code: input.code, message: input.message.slice(0, 2000) };
  const settled = await settleFacts(ctx, input).then(
    () => true,
    () => false,
  );
  await svc.jobs.finish(input.tenantId, input.projectId, input.jobId, { status: 'failed', error });
  if (!settled) await settleFacts(ctx, input);
}

/** After a cancel: the project no longer shows the job as active, and its counts reflect the audio kept. */
export async function settleStoppedProduction(ctx: ProductionContext, input: JobInput): Promise<void> {
  await settleFacts(ctx, input);
}

/** Recounts what production changed, so the workflow view reflects the stored audio and packages. */
async function settleFacts(ctx: ProductionContext, job: JobInput): Promise<void> {
  const { svc } = ctx;
  const chapters = (await chaptersOf(svc, job.tenantId, job.projectId)).filter((c) => !c.deleted);
  await svc.planning.recountFacts(job.tenantId, job.projectId);
  const packages = await ctx.packages.list(job.tenantId, job.projectId, {
    filter: { field: 'type', op: 'eq', value: 'package' },
    page: { pageSize: 100 },
  });
  await svc.projects.updateFacts(job.tenantId, job.projectId, (facts) => ({
    chaptersMastered: chapters.filter((c) => c.master !== null).length,
    packagesReady: new Set(packages.items.filter((p) => p.readiness.passed).map((p) => p.platform)).size,
    activeJobId: facts.activeJobId === job.jobId ? null : facts.activeJobId,
  }));
}
