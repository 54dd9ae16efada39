/**
 * What keeps a segment edit and a re-plan of the same chapter from losing each other's work (docs/planning.md,
 * "Segment edits and re-planning"):
 *
 * - While a plan job of the project runs, segment edits are refused (409 `job_in_progress`): the plan is about to
 *   replace the segments being edited.
 * - An edit that passed that check just before a plan started is made safe by the chapter: once its segments are
 *   stored, the edit is counted on the chapter (`segmentEdits`, an ETag-conditional write). A plan generation is
 *   committed only if the count is the one it claimed at, so a plan that read the segments before the edit is cut
 *   again from the edited plan. An edit that finds its generation already replaced answers 409 `plan_replaced`: it is
 *   not kept, and says so.
 * - An edit that arrives after a re-plan replaced the segment it names (the user's page was loaded before the plan
 *   ran) also answers 409 `plan_replaced`, not 404: the segment existed, and the user reloads the chapter.
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterRecord, SegmentRecord } from '../book/records';
import {
  type DomainError,
  JobInProgressError,
  NotFoundError,
  PlanReplacedError,
  PreconditionFailedError,
} from '../errors';
import { isTerminal, type JobRecord } from '../jobs/job';
import type { ProjectJobLocks } from '../jobs/projectJobLock';
import type { ProjectCollection } from '../ports/documents';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { Clock } from '../ports/system';
import { adjustedTotals } from './chapterTotals';
import { committedGeneration, generationOf, plannedSegmentOrigin } from './planGenerations';

/** A lock whose job document does not exist yet belongs to a start in progress, for at most this long. */
const UNRECORDED_JOB_GRACE_MS = 2 * 60_000;
/** ETag races on the chapter: each lost race means another writer stored its change, so this only stops a runaway. */
const MAX_CONFIRM_ATTEMPTS = 100;

export interface PlanJobsView {
  locks: Pick<ProjectJobLocks, 'holder'>;
  jobs: Pick<ProjectCollection<JobRecord>, 'get'>;
  /**
   * Whether an unsettled job has in fact ended: its orchestration ended without settling it (the job is then settled
   * as interrupted). A job whose orchestration has not started yet counts as live (JobService).
   */
  settlement: {
    settleIfOrchestrationEnded(
      job: JobRecord,
      orchestrations: OrchestrationClient,
      awaitingStart: 'judge',
    ): Promise<boolean>;
  };
  clock: Clock;
}

/**
 * Refuses with 409 `job_in_progress` while a plan job holds the project. A plan whose orchestration has ended without
 * settling it is settled here and refuses nothing, instead of holding edits until the job sweep finds it.
 */
export async function assertNoPlanRunning(
  view: PlanJobsView,
  tenantId: string,
  projectId: string,
  orchestrations: OrchestrationClient,
): Promise<void> {
  const held = await view.locks.holder(tenantId, projectId);
  if (!held || held.kind !== 'plan') return;
  const job = await view.jobs.get(tenantId, projectId, held.jobId);
  const running = job
    ? !isTerminal(job.status) && !(await view.settlement.settleIfOrchestrationEnded(job, orchestrations, 'judge'))
    : view.clock.now().getTime() - Date.parse(held.claimedAt) <= UNRECORDED_JOB_GRACE_MS;
  if (running) throw new JobInProgressError({ jobId: held.jobId, kind: held.kind });
}

/**
 * Why an edit does not find `segmentId` in its chapter's plan. A segment of a generation older than the chapter's
 * committed one was replaced by a newer plan, whether its document is still stored or already removed (a planned id
 * names its chapter and generation): 409 `plan_replaced`. Anything else is 404: an id of no chapter of this project,
 * or a generation still being written, which no one was ever shown.
 */
export async function segmentNotInPlan(
  chapters: TypedCollection<ChapterRecord>,
  tenantId: string,
  projectId: string,
  segmentId: string,
  stored: Pick<SegmentRecord, 'chapterId' | 'planGeneration'> | undefined,
): Promise<DomainError> {
  const origin = stored
    ? { chapterId: stored.chapterId, generation: generationOf(stored) }
    : plannedSegmentOrigin(segmentId);
  if (!origin) return new NotFoundError('Segment');
  const chapter = await chapters.get(tenantId, projectId, origin.chapterId);
  if (chapter && origin.generation < committedGeneration(chapter)) return new PlanReplacedError(chapter.id);
  return new NotFoundError('Segment');
}

export interface StoredEdit {
  tenantId: string;
  projectId: string;
  chapterId: string;
  /** The generation the edited segments belong to. */
  generation: number;
  language?: string;
  /** The segments as they were, and as the edit stored them (for the plan totals). */
  before: SegmentRecord[];
  after: SegmentRecord[];
  /** Whether the edit changed what is heard (a speaker or words). */
  audible: boolean;
}

/**
 * Counts a stored edit on its chapter and adjusts the plan totals by it, in one ETag-conditional write. Throws 409
 * when the chapter's plan is no longer the generation the edit was made on: a re-plan replaced it, and the edit went
 * with it.
 */
export async function confirmSegmentEdit(
  chapters: TypedCollection<ChapterRecord>,
  edit: StoredEdit,
): Promise<ChapterRecord> {
  for (let attempt = 1; ; attempt++) {
    const chapter = await chapters.get(edit.tenantId, edit.projectId, edit.chapterId);
    if (!chapter || committedGeneration(chapter) !== edit.generation) throw new PlanReplacedError(edit.chapterId);
    const totals = chapter.planTotals;
    const planTotals =
      totals && totals.generation === edit.generation
        ? (edit.language ?? totals.language) === totals.language
          ? adjustedTotals(totals, edit.before, edit.after)
          : null
        : totals;
    const next: ChapterRecord = {
      ...chapter,
      planTotals,
      segmentEdits: (chapter.segmentEdits ?? 0) + 1,
      audibleEdits: (chapter.audibleEdits ?? 0) + (edit.audible ? 1 : 0),
    };
    try {
      return await chapters.replace(next, chapter.etag!);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_CONFIRM_ATTEMPTS) throw error;
    }
  }
}

/** What re-pointing a character's lines changed in one chapter, per stored plan generation. */
export interface SpeakerMove {
  tenantId: string;
  projectId: string;
  chapterId: string;
  /** The segments as they were and as stored, for each generation the move touched (committed or in progress). */
  changes: { generation: number; before: SegmentRecord[]; after: SegmentRecord[] }[];
}

/**
 * Counts a character merge or delete on a chapter whose lines it moved, as a segment edit is counted: one
 * ETag-conditional write that adds to `segmentEdits` (so a plan generation claimed before the move is refused and cut
 * again from the moved lines), to `audibleEdits` when lines of the committed plan changed speaker (so an approval of
 * the chapter goes stale), and adjusts the plan totals. Unlike a single edit, a move is never "lost with" a re-plan:
 * it moves the speaker's lines in every generation stored, so a chapter planned again meanwhile is simply counted.
 */
export async function confirmSpeakerMove(chapters: TypedCollection<ChapterRecord>, move: SpeakerMove): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const chapter = await chapters.get(move.tenantId, move.projectId, move.chapterId);
    if (!chapter) return;
    const heard = move.changes.find((change) => change.generation === committedGeneration(chapter));
    const totals = chapter.planTotals;
    const counted = totals && move.changes.find((change) => change.generation === totals.generation);
    const next: ChapterRecord = {
      ...chapter,
      planTotals: totals && counted ? adjustedTotals(totals, counted.before, counted.after) : totals,
      segmentEdits: (chapter.segmentEdits ?? 0) + 1,
      audibleEdits: (chapter.audibleEdits ?? 0) + (heard ? 1 : 0),
    };
    try {
      await chapters.replace(next, chapter.etag!);
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_CONFIRM_ATTEMPTS) throw error;
    }
  }
}
