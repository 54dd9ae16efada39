/**
 * What a production would meet and cost, before anything is spent: the plan's problems (a blocked plan is refused
 * unless the caller only asks), the chapters it renders and those it leaves out, the billable characters, the estimate
 * and the length of the audio. Read from each chapter's plan totals, not from every segment (planSummaries.ts).
 */
import { NARRATOR_ID } from '../characters/character';
import type { VoiceDescriptor } from '../casting/casting';
import type { CostEstimate } from '../costs/estimate';
import type { CostService } from '../costs/costService';
import type { PackagePlatform } from '../packaging';
import type { SpeechEngine } from '../ports/speech';
import type { ProjectService } from '../projects/projectService';
import { billableCharacters } from '../ssml/text';
import type { TenantService } from '../tenants/tenantService';
import { summarizeBookPlan } from './planSummaries';
import {
  blockingProblems,
  findPackageProblems,
  findPlanProblems,
  findVoiceProblems,
  PlanIncompleteError,
  type PreflightOptions,
  type PreflightProblem,
  type SkippedItem,
} from './preflight';
import { charactersOf, type ProductionBook } from './productionBook';
import { audioSecondsAt, speakingRate } from './speakingRate';

/** Markup the SSML of one segment adds around its text (voice, prosody), for the estimate. */
const SSML_OVERHEAD_PER_SEGMENT = 40;
/** Observed offline engine + mastering throughput, for the time estimate: seconds of work per character. */
const SECONDS_PER_CHARACTER = 0.004;

/** What synthesizing one segment of this text bills (its text plus the markup around it), for a reservation. */
export function segmentCharacters(text: string): number {
  return billableCharacters(text) + SSML_OVERHEAD_PER_SEGMENT;
}

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
  /**
   * Length of the audio the plan will become: its spoken text (not the markup billed around it) at the speaking rate
   * of the engine's voices and the narrator's cast rate (speakingRate.ts).
   */
  estimatedAudioSeconds: number;
  /** The same length for every live chapter of the book when asked for (`countBook`), else the chapters'. */
  bookAudioSeconds: number;
}

export type AssessOptions = PreflightOptions & {
  refuse?: boolean;
  platforms?: readonly PackagePlatform[];
  /** Also count the chapters outside `chapterIds` (their size only, for the storage a whole book's packages take). */
  countBook?: boolean;
};

export interface ProductionAssessmentDeps {
  projects: Pick<ProjectService, 'find'>;
  tenants: Pick<TenantService, 'assertActive'>;
  costs: Pick<CostService, 'estimate'>;
  book: ProductionBook;
  /** The configured engine's voice catalog (the voices a plan may use). */
  voices(): Promise<VoiceDescriptor[]>;
  speechEngine: SpeechEngine;
}

export class ProductionAssessor {
  constructor(private readonly deps: ProductionAssessmentDeps) {}

  /** The plan's problems, what production would render and its estimate; refuses a blocked plan unless told not to. */
  async assess(
    tenantId: string,
    projectId: string,
    chapterIds: string[] | null | undefined,
    options: AssessOptions = {},
  ): Promise<ProductionAssessment> {
    const { deps } = this;
    const [project, catalog] = await Promise.all([deps.projects.find(tenantId, projectId), deps.voices()]);
    const [plan, cast] = await Promise.all([
      summarizeBookPlan(deps.book, tenantId, projectId, chapterIds, project?.metadata.language, {
        countBook: options.countBook,
      }),
      charactersOf(deps.book, tenantId, projectId),
    ]);
    const { summaries, segmentProblems, skipped, chapters: counts } = plan;
    // A segment silent on purpose (a play's label) is never sent: no markup of its own is billed.
    const characters =
      plan.billableCharacters + (plan.segmentCount - plan.unspokenSegments) * SSML_OVERHEAD_PER_SEGMENT;
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
    const tenant = await deps.tenants.assertActive(tenantId);
    const voiceClass = deps.speechEngine === 'offline' ? 'offline' : 'neural';
    const narrator = cast.find((character) => character.characterId === NARRATOR_ID);
    const rate = speakingRate(deps.speechEngine, narrator?.voice ?? null);
    return {
      problems,
      chapters: counts,
      skipped,
      segmentsTotal: counts.reduce((sum, c) => sum + c.segmentCount, 0),
      billableCharacters: characters,
      estimate: deps.costs.estimate({ billableCharacters: characters, voiceClass }, tenant.plan),
      estimatedSeconds: Math.ceil(characters * SECONDS_PER_CHARACTER),
      estimatedAudioSeconds: audioSecondsAt(plan.billableCharacters, rate),
      bookAudioSeconds: audioSecondsAt(plan.book.billableCharacters, rate),
    };
  }
}
