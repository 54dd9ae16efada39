/**
 * Choosing the retail sample (ACX: 1–5 minutes): from the first narrative chapter long enough to fill it, starting
 * at the chapter's beginning and ending in a pause, so the sample ends on a finished sentence.
 */
import type { ChapterType } from '../manuscript/manuscript';
import type { PackageChapterInput, RetailSampleWindow } from './types';

/** Seconds of program audio: over the 1-minute floor with margin, under the 5-minute cap with room tone to spare. */
export const SAMPLE_LIMITS = { minSec: 75, maxSec: 240, wholeChapterMaxSec: 270 } as const;

const NARRATIVE_TYPES: ReadonlySet<ChapterType> = new Set<ChapterType>(['prologue', 'chapter', 'epilogue']);

export interface TimeWindow {
  startSec: number;
  endSec: number;
}

/** Index of the chapter the automatic sample comes from. */
export function pickSampleChapter(chapters: Pick<PackageChapterInput, 'chapterType' | 'durationSec'>[]): number {
  const isNarrative = (c: (typeof chapters)[number]) =>
    c.chapterType === undefined || NARRATIVE_TYPES.has(c.chapterType);
  const longEnough = chapters.findIndex((c) => isNarrative(c) && c.durationSec >= SAMPLE_LIMITS.minSec);
  if (longEnough >= 0) return longEnough;
  // No narrative chapter can fill a minute: take the longest one; readiness will report the short sample.
  let longest = 0;
  for (const [index, chapter] of chapters.entries()) {
    if (chapter.durationSec > chapters[longest].durationSec) longest = index;
  }
  return longest;
}

/**
 * The automatic window in a chapter: the whole chapter when it is short, else from the start to the latest pause
 * between the minimum and maximum sample length (or the maximum when no pause falls there).
 */
export function chooseSampleWindow(chapterDurationSec: number, pauseMidpointsSec: number[]): TimeWindow {
  if (chapterDurationSec <= SAMPLE_LIMITS.wholeChapterMaxSec) return { startSec: 0, endSec: chapterDurationSec };
  const inRange = pauseMidpointsSec.filter((t) => t >= SAMPLE_LIMITS.minSec && t <= SAMPLE_LIMITS.maxSec);
  const endSec = inRange.length > 0 ? Math.max(...inRange) : SAMPLE_LIMITS.maxSec;
  return { startSec: 0, endSec };
}

/** A caller-given window, clamped to the chapter. */
export function explicitSampleWindow(window: RetailSampleWindow, chapterDurationSec: number): TimeWindow {
  const startSec = Math.max(0, Math.min(window.startSec, chapterDurationSec));
  return { startSec, endSec: Math.min(chapterDurationSec, startSec + window.durationSec) };
}
