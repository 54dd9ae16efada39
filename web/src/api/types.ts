/**
 * API shapes as the web sees them, inferred from core's zod schemas (type-only imports, so no zod is bundled).
 */
import type { z } from 'zod';
import type { BookMetadata, ProjectStatus, ProjectView } from '@core/api/projects';
import type { AuthConfigView, MeView } from '@core/api/users';

export type Project = ProjectView;
export type { BookMetadata, ProjectStatus };
export type CoverVariant = 'thumbnail' | 'retail' | 'original';

/** Same order as core's `projectStatuses`; `satisfies` keeps the two lists honest. */
export const PROJECT_STATUSES = [
  'draft',
  'in_progress',
  'review',
  'completed',
  'published',
  'archived',
] as const satisfies readonly ProjectStatus[];
type MissingStatus = Exclude<ProjectStatus, (typeof PROJECT_STATUSES)[number]>;
/** Fails to compile if core adds a status the web does not know about. @public (a compile-time check, read by no one) */
export const NO_MISSING_STATUS: MissingStatus extends never ? true : never = true;

export interface ProjectPage {
  items: Project[];
  continuationToken: string | null;
}

export type MeResponse = z.infer<typeof MeView>;
export type AuthConfig = z.infer<typeof AuthConfigView>;

export interface FieldIssue {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: FieldIssue[]; current?: Project } & Record<string, unknown>;
    requestId?: string;
  };
}

export type { ManuscriptView as Manuscript } from '@core/api/manuscript';
export type { FileNoteView as FileNote } from '@core/api/common';
export type { ChapterSummary, ChapterView as Chapter, SpokenPreview } from '@core/api/chapters';
export type { CharacterView as Character } from '@core/api/characters';
export type { VoiceView as Voice } from '@core/api/voices';
export type { CastingSummaryView as CastingSummary } from '@core/api/casting';
export type { SegmentView as Segment } from '@core/api/segments';
export type { LexiconEntryView as LexiconEntry } from '@core/api/lexicon';
export type { PausePolicyView as PausePolicy } from '@core/api/planning';
export type { JobView as Job } from '@core/api/jobs';
export type {
  ReviewThreadView as ReviewThread,
  ReviewSummaryView as ReviewSummary,
  ChapterReviewView as ChapterReview,
  ChapterApprovalView as ChapterApproval,
} from '@core/api/reviews';
export type { ProjectFactsView as ProjectFacts } from '@core/api/studio';

import type { z as zod } from 'zod';
import type { CastingPoolView } from '@core/api/casting';
import type { ProductionEstimate as ProductionEstimateSchema } from '@core/api/production';
import type { LexiconEntryChange as LexiconEntryChangeSchema } from '@core/api/lexicon';
export type CastingPool = zod.infer<typeof CastingPoolView>;
export type ProductionEstimate = zod.infer<typeof ProductionEstimateSchema>;
export type LexiconEntryChange = zod.infer<typeof LexiconEntryChangeSchema>;

/** Who speaks a segment: the narrator, nobody known yet, or a character id. */
export const NARRATOR = 'narrator';
export const UNKNOWN_SPEAKER = 'unknown';
