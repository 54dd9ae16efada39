/**
 * How long the narration rests at each kind of boundary. Defaults follow common audiobook practice (a breath between
 * sentences, a longer rest between paragraphs, a clear gap at scene breaks and around chapter headings); a project can
 * override any of them. The production pipeline turns these into silences between segment audio.
 */
import type { ProjectScopedDocument } from '../ports/documents';
import type { SegmentBoundary } from './segmentation';

export const pauseBoundaries = [
  'sentence',
  'paragraph',
  'dialogue_turn',
  'scene_break',
  'chapter_head',
  'chapter_tail',
] as const;
export type PauseBoundary = (typeof pauseBoundaries)[number];

export type PausePolicy = Record<PauseBoundary, number>;
export type PauseOverrides = Partial<PausePolicy>;

export const PAUSE_BOUNDS_MS = { min: 0, max: 5000 } as const;

export const DEFAULT_PAUSE_POLICY: Readonly<PausePolicy> = Object.freeze({
  sentence: 350,
  paragraph: 800,
  dialogue_turn: 450,
  scene_break: 2000,
  /** After the spoken chapter heading, before the first line of text. */
  chapter_head: 1500,
  /** After the chapter's last line (room tone at the file's head and tail is the mastering step's job). */
  chapter_tail: 2000,
});

/** The stored overrides of a project, one document in the `lexicon` container. */
export interface PausePolicyRecord extends ProjectScopedDocument {
  type: 'pausePolicy';
  overrides: PauseOverrides;
  updatedAt: string;
  updatedBy: string;
}

export function pausePolicyDocumentId(projectId: string): string {
  return `${projectId}.pausePolicy`;
}

export function effectivePausePolicy(overrides: PauseOverrides | undefined): PausePolicy {
  const policy: PausePolicy = { ...DEFAULT_PAUSE_POLICY };
  for (const boundary of pauseBoundaries) {
    const value = overrides?.[boundary];
    if (typeof value === 'number' && Number.isFinite(value)) policy[boundary] = clampPause(value);
  }
  return policy;
}

function clampPause(ms: number): number {
  return Math.min(PAUSE_BOUNDS_MS.max, Math.max(PAUSE_BOUNDS_MS.min, Math.round(ms)));
}

/** What separates a segment from the next one decides the rest after it; a heading is always followed by its pause. */
export function pauseAfterMs(
  segment: { kind: string; boundaryBefore?: SegmentBoundary },
  next: { boundaryBefore: SegmentBoundary } | undefined,
  policy: PausePolicy,
): number {
  if (!next) return policy.chapter_tail;
  if (segment.kind === 'heading') {
    // Two heading lines in a row ("PART ONE" / "Chapter 1") rest like paragraphs; the last one before the text rests longest.
    return next.boundaryBefore === 'chapter_head' ? policy.paragraph : policy.chapter_head;
  }
  switch (next.boundaryBefore) {
    case 'sentence':
      return policy.sentence;
    case 'dialogue_turn':
      return policy.dialogue_turn;
    case 'scene_break':
      return policy.scene_break;
    case 'chapter_head':
    case 'paragraph':
      return policy.paragraph;
  }
}
