import { toChapterSummary } from '../../core/api/chapters';
import type { ChapterPlanTotals, ChapterRecord } from '../../core/book/records';

/** A chapter's review counts come only from totals of its committed plan generation. */
const totals = (generation: number): ChapterPlanTotals => ({
  generation,
  segments: 12,
  characters: 400,
  billableCharacters: 400,
  unknownSpeaker: 3,
  unknownDialogue: 2,
  flagged: 4,
  speakers: {},
  dialogueSpeakers: {},
  nothingToSpeak: 0,
  tooLong: 0,
  language: 'en',
});

const chapter = (patch: Partial<ChapterRecord>): ChapterRecord => ({
  id: 'ch_1',
  type: 'chapter',
  tenantId: 't',
  projectId: 'p',
  order: 0,
  title: 'One',
  chapterType: 'chapter',
  headingText: 'One',
  text: 'Text.',
  stats: { words: 1, characters: 5, estimatedMinutes: 0 },
  deleted: false,
  textVersion: 1,
  planStatus: 'planned',
  master: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...patch,
});

describe('chapter summary review counts', () => {
  it('reads the totals of the committed generation', () => {
    expect(toChapterSummary(chapter({ planGeneration: 3, planTotals: totals(3) })).review).toEqual({
      segments: 12,
      flagged: 4,
      unknownSpeaker: 3,
      unknownDialogue: 2,
    });
  });

  it('reads totals of another generation, absent totals and unplanned chapters as null', () => {
    expect(toChapterSummary(chapter({ planGeneration: 4, planTotals: totals(3) })).review).toBeNull();
    expect(toChapterSummary(chapter({ planGeneration: 3 })).review).toBeNull();
    expect(toChapterSummary(chapter({ planGeneration: 3, planTotals: null })).review).toBeNull();
    expect(
      toChapterSummary(chapter({ planStatus: 'none', planGeneration: 3, planTotals: totals(3) })).review,
    ).toBeNull();
  });
});
