import type { ChapterSummary } from '../api/types';

/** Length figures for a chapter of `words` words (five characters a word, 155 words a minute). */
export const chapterStats = (words: number): ChapterSummary['stats'] => ({
  words,
  characters: words * 5,
  estimatedMinutes: words / 155,
});

/**
 * A chapter as the chapters API answers it: unplanned, without audio, 1,200 words, unless the test says otherwise.
 * One builder, so a field the API gains is added here once rather than in every test's fixture.
 */
export function chapterSummary(id: string, overrides: Partial<ChapterSummary> = {}): ChapterSummary {
  const title = overrides.title ?? `Chapter ${id.replace(/^\D+/, '')}`;
  return {
    id,
    projectId: 'p1',
    order: Number(id.replace(/^\D+/, '')) || 0,
    title,
    chapterType: 'chapter',
    headingText: title,
    stats: chapterStats(1200),
    deleted: false,
    textVersion: 1,
    planStatus: 'none',
    review: null,
    detection: null,
    hasMaster: false,
    masteredByJobId: null,
    planRevision: 2,
    masterPlanRevision: null,
    plannerRevision: 1,
    planOutdated: false,
    lineEdits: 0,
    nothingToSpeak: null,
    speakerIds: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    etag: `"${id}"`,
    ...overrides,
  };
}
