import type { FileNote } from '../common/fileNotes';
import type { ProjectAccessFacts } from '../auth/permissions';
import { ValidationError } from '../errors';
import type { StoredDocument } from '../ports/documents';

export const projectStatuses = ['draft', 'in_progress', 'review', 'completed', 'published', 'archived'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** What a book's metadata says when no one wrote another disclosure: retailers require synthetic voices disclosed. */
export const DEFAULT_DISCLOSURE = 'This audiobook is narrated by a digital voice.';

export interface Series {
  name: string;
  number: number | null;
}

/** Book metadata as retailers need it (docs/retail-specs.md): every field packaging writes as a tag. */
export interface BookMetadata {
  title: string;
  subtitle: string | null;
  authors: string[];
  narrators: string[];
  translators: string[];
  adaptors: string[];
  /** BCP 47 tag, e.g. en-GB. */
  language: string;
  description: string | null;
  keywords: string[];
  categories: string[];
  publisher: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  publicationDate: string | null;
  rights: string | null;
  series: Series | null;
  /** Normalized (digits only, X for an ISBN-10 check digit); valid by core/projects/isbn.ts. */
  isbn: string | null;
  digitalVoiceDisclosure: string;
}

/** The steps of a project's workflow, in the order a book goes through them. */
export const workflowSteps = [
  'metadata',
  'manuscript',
  'characters',
  'casting',
  'planning',
  'production',
  'packaging',
] as const;
export type WorkflowStep = (typeof workflowSteps)[number];
export type WorkflowStepState = 'not_started' | 'in_progress' | 'complete';

export interface Workflow {
  steps: { step: WorkflowStep; state: WorkflowStepState; detail: string | null }[];
  currentStep: WorkflowStep;
}

export interface CoverRecord {
  width: number;
  height: number;
  originalFormat: 'jpeg' | 'png';
  uploadedAt: string;
  blobs: { original: string; retail: string; thumbnail: string };
  /** The notes' English sentences. */
  warnings: string[];
  /** What the conversion changed, with codes (absent on covers stored before notes had codes). */
  notes?: FileNote[];
}

/**
 * Counts that later steps keep current (chapters found, segments attributed, audio rendered ...).
 * The workflow view is derived from them, never from manual flags.
 */
export interface ProductionFacts {
  manuscriptStatus: 'none' | 'processing' | 'ready' | 'failed';
  chapterCount: number;
  characterCount: number;
  charactersWithVoice: number;
  /**
   * Of the characters, those production would ask a voice of (core/casting/speakingCast.ts), and of those the ones
   * cast: the casting step is done when all of them are. Recounted with the characters; absent on projects not
   * recounted since it was kept, which count every character instead.
   */
  speakingCharacters?: number;
  speakingCharactersWithVoice?: number;
  segmentCount: number;
  segmentsWithSpeaker: number;
  /**
   * Lines the plan marks for review (an unknown or unsure speaker, a revision note, a flag set by hand): they stop
   * no production, yet the book is not said to be ready while any is left. Recounted with the segments; absent on
   * projects not recounted since it was kept, whose flagged lines are then unknown.
   */
  segmentsFlagged?: number;
  segmentsRendered: number;
  chaptersMastered: number;
  /**
   * Live chapters whose plan has nothing production would say (core/planning/planRevision.ts): production leaves them
   * out, so they are never mastered. Absent on projects not recounted since it was kept: 0.
   */
  chaptersWithNothingToSpeak?: number;
  packagesReady: number;
  activeJobId: string | null;
}

export const emptyProductionFacts: ProductionFacts = {
  manuscriptStatus: 'none',
  chapterCount: 0,
  characterCount: 0,
  charactersWithVoice: 0,
  segmentCount: 0,
  segmentsWithSpeaker: 0,
  segmentsFlagged: 0,
  segmentsRendered: 0,
  chaptersMastered: 0,
  chaptersWithNothingToSpeak: 0,
  packagesReady: 0,
  activeJobId: null,
};

/** Facts recounted together from the documents they count (ProjectService.recountFacts). */
export type FactsGroup = 'characters' | 'segments' | 'chapters';

export interface ProjectRecord extends StoredDocument, ProjectAccessFacts {
  type: 'project';
  tenantId: string;
  status: ProjectStatus;
  /** Status to return to when an archived project is restored. */
  statusBeforeArchive: ProjectStatus | null;
  metadata: BookMetadata;
  /** Lower-cased title + authors for search, kept in the document because Cosmos cannot index expressions. */
  searchText: string;
  cover: CoverRecord | null;
  facts: ProductionFacts;
  /** How many recounts of each group of facts were stored; tells a recounter when a later recount covers its own. */
  factsRecounts?: Partial<Record<FactsGroup, number>>;
  ownerId: string;
  memberIds: string[];
  validatorIds: string[];
  archivedAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export function searchTextOf(metadata: BookMetadata): string {
  return [metadata.title, metadata.subtitle ?? '', ...metadata.authors].join(' \u2022 ').toLowerCase();
}

type StepState = WorkflowStepState;

/** The chapters a production of the whole book masters: every live one with something to say. */
function chaptersToProduce(facts: ProductionFacts): number {
  return Math.max(0, facts.chapterCount - (facts.chaptersWithNothingToSpeak ?? 0));
}

/** Who casting must give a voice: the speaking cast when counted, else (projects not recounted since) everyone. */
export function castToVoice(facts: ProductionFacts): { speaking: number; voiced: number } {
  return {
    speaking: facts.speakingCharacters ?? facts.characterCount,
    voiced: facts.speakingCharactersWithVoice ?? facts.charactersWithVoice,
  };
}

function ratioState(done: number, total: number): StepState {
  if (total === 0 || done === 0) return 'not_started';
  return done >= total ? 'complete' : 'in_progress';
}

export function deriveWorkflow(project: Pick<ProjectRecord, 'metadata' | 'facts'>): Workflow {
  const { metadata, facts } = project;
  const cast = castToVoice(facts);
  const metadataComplete = metadata.title.length > 0 && metadata.authors.length > 0 && !!metadata.language;
  const states: Record<WorkflowStep, { state: StepState; detail: string | null }> = {
    metadata: { state: metadataComplete ? 'complete' : 'in_progress', detail: null },
    manuscript: {
      state:
        facts.manuscriptStatus === 'ready' && facts.chapterCount > 0
          ? 'complete'
          : facts.manuscriptStatus === 'none'
            ? 'not_started'
            : 'in_progress',
      detail: facts.chapterCount > 0 ? `${facts.chapterCount} chapters` : facts.manuscriptStatus,
    },
    characters: {
      state: facts.characterCount > 0 ? 'complete' : 'not_started',
      detail: facts.characterCount > 0 ? `${facts.characterCount} characters` : null,
    },
    casting: {
      state: facts.characterCount > 0 ? ratioState(cast.voiced, cast.speaking) : 'not_started',
      detail: facts.characterCount > 0 ? `${cast.voiced}/${cast.speaking} voiced` : null,
    },
    planning: {
      state: ratioState(facts.segmentsWithSpeaker, facts.segmentCount),
      detail: facts.segmentCount > 0 ? `${facts.segmentsWithSpeaker}/${facts.segmentCount} segments attributed` : null,
    },
    production: {
      state: facts.activeJobId ? 'in_progress' : ratioState(facts.chaptersMastered, chaptersToProduce(facts)),
      detail: facts.chapterCount > 0 ? `${facts.chaptersMastered}/${chaptersToProduce(facts)} chapters mastered` : null,
    },
    packaging: {
      state: facts.packagesReady > 0 ? 'complete' : 'not_started',
      detail: facts.packagesReady > 0 ? `${facts.packagesReady} packages` : null,
    },
  };
  const steps = workflowSteps.map((step) => ({ step, ...states[step] }));
  const currentStep = steps.find((s) => s.state !== 'complete')?.step ?? 'packaging';
  return { steps, currentStep };
}

/**
 * An archived project is read-only until it is restored: past its retention period the daily run purges it, and
 * whatever a job or an upload wrote while the purge ran would outlive the project record.
 */
export function refuseArchived(project: Pick<ProjectRecord, 'status'>): void {
  if (project.status === 'archived') {
    throw new ValidationError('An archived project cannot be edited; restore it first', [
      { field: 'status', message: 'project is archived' },
    ]);
  }
}
