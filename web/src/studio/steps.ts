import type { Package } from '../api/production';
import type { ChapterReview, ChapterSummary, Character, Job, Project, ProjectFacts, ReviewSummary } from '../api/types';
import { castCounts } from './casting/speakingCast';
import { chaptersChangedSinceAudio, chaptersToProduce, deliveryState } from './deliveryState';

/**
 * The studio's navigation: one route per workflow step under `/projects/:projectId/<path>`. Part of the studio that
 * comes later (production, listening, delivery) adds its steps here; each step words its own state from the
 * numbers in `StudioStatus`.
 */
export type StepId =
  | 'book'
  | 'manuscript'
  | 'chapters'
  | 'characters'
  | 'casting'
  | 'plan'
  | 'pronunciation'
  | 'review'
  | 'estimate'
  | 'production'
  | 'listen'
  | 'delivery';

export type StepState = 'done' | 'running' | 'attention' | 'todo';

export interface StudioStatus {
  project: Project;
  facts: ProjectFacts | undefined;
  /** The job running for the project, if any. */
  activeJob: Job | undefined;
  review: ReviewSummary | undefined;
  /** Flagged lines, up to a page; `more` when there are more than counted. */
  flagged: { count: number; more: boolean } | undefined;
  /** An estimate of this book was shown in this browser (the server keeps no record of estimates). */
  estimated?: boolean;
  /** The project's packages, newest first, once read (only a produced book has any to read). */
  packages?: Package[];
  /** The live chapters, once read: when each last changed and whether its plan is older than its text. */
  chapters?: ChapterSummary[];
  /** The characters, once read: who speaks, so only they are counted as needing a voice. */
  characters?: Character[];
}

export interface StepView {
  id: StepId;
  /** Route segment under the project ('' for the book itself). */
  path: string;
  state: StepState;
  /** Translation key (namespace `studio`, under `steps.details`) and its values, or null. */
  detail: { key: DetailKey; values: Record<string, number> } | null;
  /** The running job when it belongs to this step. */
  job?: Job;
  /** Open review threads or flagged lines to look at. */
  attention?: { key: AttentionKey; count: number };
}

export type DetailKey =
  | 'chapters'
  | 'speaking'
  | 'voiced'
  | 'attributed'
  | 'approved'
  | 'produced'
  | 'audible'
  | 'manuscriptFailed'
  | 'manuscriptProcessing';
/** `flaggedAtLeast`: a page of flagged lines was counted and there are more ("100+ flagged lines"). */
export type AttentionKey =
  | 'flagged'
  | 'flaggedAtLeast'
  | 'openThreads'
  | 'changesRequested'
  | 'unvoiced'
  | 'planStale'
  | 'planOutdated'
  | 'audioStale'
  | 'packagesStale'
  | 'packagesNotReady';

const JOB_STEP: Partial<Record<Job['kind'], StepId>> = {
  import: 'manuscript',
  characters: 'characters',
  plan: 'plan',
  produce: 'production',
  regenerate: 'production',
};

export function stepOfJob(job: Job): StepId | undefined {
  return JOB_STEP[job.kind];
}

export const STEP_PATHS: Record<StepId, string> = {
  book: '',
  manuscript: 'manuscript',
  chapters: 'chapters',
  characters: 'characters',
  casting: 'casting',
  plan: 'plan',
  pronunciation: 'pronunciation',
  review: 'review',
  estimate: 'estimate',
  production: 'production',
  listen: 'listen',
  delivery: 'delivery',
};

function countDecisions(chapters: ChapterReview[]) {
  return {
    approved: chapters.filter((chapter) => chapter.decision === 'approved').length,
    changesRequested: chapters.filter((chapter) => chapter.decision === 'changes_requested').length,
  };
}

export function studioSteps(status: StudioStatus): StepView[] {
  const { project, activeJob, review, flagged, estimated, packages, chapters: chapterList } = status;
  // Until the live counts are read, the counts the project was read with. Its workflow alone would not do: it says
  // production is "in progress" while any job of the book runs (an import, a plan), which showed the estimate step
  // done for a moment before the counts came.
  const facts: ProjectFacts | undefined = status.facts ?? project.facts;
  const workflow = Object.fromEntries(project.workflow.steps.map((step) => [step.step, step.state]));
  const runningFor = (id: StepId) => (activeJob && stepOfJob(activeJob) === id ? activeJob : undefined);
  const step = (id: StepId, state: StepState, extra: Partial<StepView> = {}): StepView => {
    const job = runningFor(id);
    return { id, path: STEP_PATHS[id], state: job ? 'running' : state, detail: null, job, ...extra };
  };
  const chapters = facts?.chapterCount ?? 0;
  const characters = facts?.characterCount ?? 0;
  // A character who never says a line needs no voice (production never asks for it): both steps count the speaking.
  const cast = castCounts(facts, status.characters, chapterList);
  const segments = facts?.segmentCount ?? 0;
  // A new book has only its narrator: casting waits for the characters (its page says so) rather than asking for a
  // voice ahead of the steps before it. A book planned without them needs its narrator's voice all the same.
  const castingAwaitsCharacters = characters === 0 && segments === 0;
  const decisions = review ? countDecisions(review.chapters) : { approved: 0, changesRequested: 0 };
  const mastered = facts?.chaptersMastered ?? 0;
  // A chapter with nothing to say is never mastered: production leaves it out, so it is not waiting to be produced.
  const toProduce = chaptersToProduce(facts);
  // The live counts, when the page has them, are fresher than the workflow the project was read with.
  const produced = facts ? toProduce > 0 && mastered >= toProduce : workflow.production === 'complete';
  const audioStale = chaptersChangedSinceAudio(chapterList ?? []).length;
  const delivery = facts || packages ? deliveryState(facts, packages, chapterList) : undefined;
  // A chapter whose text changed after it was planned is read from a plan of the old text.
  const planStale = (chapterList ?? []).filter((chapter) => !chapter.deleted && chapter.planStatus === 'stale').length;
  // A plan made by an earlier planner (a play's labels read aloud) is what the producer would hear until planned again.
  const planOutdated = (chapterList ?? []).filter((chapter) => !chapter.deleted && chapter.planOutdated).length;
  // A production starts from an estimate (the same checks and costs), so one that ran or runs means one was made.
  const productionRan =
    (facts ? facts.segmentsRendered > 0 || mastered > 0 : (workflow.production ?? 'not_started') !== 'not_started') ||
    (activeJob !== undefined && stepOfJob(activeJob) === 'production');

  return [
    step('book', workflow.metadata === 'complete' ? 'done' : 'todo'),
    step(
      'manuscript',
      facts?.manuscriptStatus === 'failed' ? 'attention' : chapters > 0 ? 'done' : 'todo',
      facts?.manuscriptStatus === 'failed'
        ? { detail: { key: 'manuscriptFailed', values: {} } }
        : facts?.manuscriptStatus === 'processing'
          ? { detail: { key: 'manuscriptProcessing', values: {} } }
          : chapters > 0
            ? { detail: { key: 'chapters', values: { count: chapters } } }
            : {},
    ),
    step(
      'chapters',
      chapters > 0 ? 'done' : 'todo',
      chapters > 0 ? { detail: { key: 'chapters', values: { count: chapters } } } : {},
    ),
    step(
      'characters',
      characters > 0 ? 'done' : 'todo',
      characters > 0 ? { detail: { key: 'speaking', values: { count: cast.speaking } } } : {},
    ),
    castingAwaitsCharacters
      ? step('casting', 'todo')
      : step(
          'casting',
          cast.speaking > 0 && cast.voiced >= cast.speaking ? 'done' : cast.speaking > 0 ? 'attention' : 'todo',
          {
            detail: cast.speaking > 0 ? { key: 'voiced', values: { done: cast.voiced, total: cast.speaking } } : null,
            attention:
              cast.speaking > cast.voiced ? { key: 'unvoiced', count: cast.speaking - cast.voiced } : undefined,
          },
        ),
    step(
      'plan',
      segments > 0
        ? (flagged && flagged.count > 0) || planStale > 0 || planOutdated > 0
          ? 'attention'
          : 'done'
        : 'todo',
      {
        detail:
          segments > 0
            ? { key: 'attributed', values: { done: facts?.segmentsWithSpeaker ?? 0, total: segments } }
            : null,
        attention:
          segments > 0 && planStale > 0
            ? { key: 'planStale', count: planStale }
            : segments > 0 && planOutdated > 0
              ? { key: 'planOutdated', count: planOutdated }
              : flagged && flagged.count > 0
                ? { key: flagged.more ? 'flaggedAtLeast' : 'flagged', count: flagged.count }
                : undefined,
      },
    ),
    step('pronunciation', segments > 0 ? 'done' : 'todo'),
    step(
      'review',
      review && review.totals.chapters > 0
        ? decisions.approved === review.totals.chapters
          ? 'done'
          : review.totals.openThreads > 0 || decisions.changesRequested > 0
            ? 'attention'
            : 'todo'
        : 'todo',
      {
        detail:
          review && review.totals.chapters > 0
            ? { key: 'approved', values: { done: decisions.approved, total: review.totals.chapters } }
            : null,
        attention:
          review && review.totals.openThreads > 0
            ? { key: 'openThreads', count: review.totals.openThreads }
            : decisions.changesRequested > 0
              ? { key: 'changesRequested', count: decisions.changesRequested }
              : undefined,
      },
    ),
    step('estimate', estimated || productionRan ? 'done' : 'todo'),
    // A production of some chapters leaves them to be heard: the steps say how many, not only "to do".
    step('production', produced ? (audioStale > 0 ? 'attention' : 'done') : 'todo', {
      detail:
        mastered > 0 ? { key: 'produced', values: { done: Math.min(mastered, toProduce), total: toProduce } } : null,
      attention: audioStale > 0 ? { key: 'audioStale', count: audioStale } : undefined,
    }),
    step('listen', produced ? 'done' : 'todo', {
      detail: mastered > 0 ? { key: 'audible', values: { count: mastered } } : null,
    }),
    delivery
      ? step('delivery', delivery.state, { attention: delivery.attention })
      : step('delivery', workflow.packaging === 'complete' ? 'done' : 'todo'),
  ];
}

/** Where the book stands, for the badge beside its title: derived from the work done, never a manual flag. */
export type Stage =
  | 'archived'
  | 'needsManuscript'
  | 'importing'
  | 'needsCharacters'
  | 'casting'
  | 'needsPlan'
  | 'planning'
  | 'inReview'
  | 'readyToProduce'
  | 'producing'
  | 'partlyProduced'
  | 'packagesNotReady'
  | 'produced';

export function projectStage(project: Project, facts?: ProjectFacts, activeJob?: Job): Stage {
  if (project.status === 'archived') return 'archived';
  const state = Object.fromEntries(project.workflow.steps.map((step) => [step.step, step.state]));
  // The live counts, when the page has them, are fresher than the project's own workflow (read when it opened).
  const done = facts
    ? {
        manuscript: facts.manuscriptStatus === 'ready' && facts.chapterCount > 0,
        characters: facts.characterCount > 0,
        // Only characters production would ask a voice of (counted with the facts; a project not recounted since, all).
        casting:
          facts.characterCount > 0 &&
          (facts.speakingCharactersWithVoice ?? facts.charactersWithVoice) >=
            (facts.speakingCharacters ?? facts.characterCount),
        planning: facts.segmentCount > 0 && facts.segmentsWithSpeaker >= facts.segmentCount,
        packaging: facts.packagesReady > 0,
        partly: facts.chaptersMastered > 0 && facts.chaptersMastered < chaptersToProduce(facts),
        produced: chaptersToProduce(facts) > 0 && facts.chaptersMastered >= chaptersToProduce(facts),
      }
    : {
        manuscript: state.manuscript === 'complete',
        characters: state.characters === 'complete',
        casting: state.casting === 'complete',
        planning: state.planning === 'complete',
        packaging: state.packaging === 'complete',
        partly: false,
        produced: false,
      };
  if (activeJob?.kind === 'produce' || activeJob?.kind === 'regenerate') return 'producing';
  // Without the live counts the workflow's "in progress" is all there is; with them, some chapters produced and no
  // production running is a book produced in part, not one being produced.
  if (!facts && state.production === 'in_progress') return 'producing';
  if (done.partly) return 'partlyProduced';
  if (done.packaging) return 'produced';
  // Every chapter produced but no package passes its retailer's rules (a missing cover, a short sample): the book is
  // not ready to produce again, its packages need fixing on the delivery page.
  if (done.produced) return 'packagesNotReady';
  if (!done.manuscript) return facts?.manuscriptStatus === 'processing' ? 'importing' : 'needsManuscript';
  if (!done.characters) return 'needsCharacters';
  if (!done.casting) return 'casting';
  // A book waiting for its plan is not said to be planning: "Planning" beside a plan page that says the chapters are
  // not planned read as a plan running that never ended.
  if (!done.planning) return activeJob?.kind === 'plan' ? 'planning' : 'needsPlan';
  if (project.status === 'review') return 'inReview';
  return 'readyToProduce';
}
