/** The book as production reads it: every chapter in reading order, the cast, a chapter's committed plan. */
import type { ChapterRecord, CharacterRecord } from '../book/records';
import type { SegmentRecord } from '../book/records';
import { readCommittedPlan } from '../planning/planGenerations';
import { readAllItems, type Filter, type ProjectCollection } from '../ports/documents';
import type { PlanSummaryDeps } from './planSummaries';

/** The book's collections production reads (the chapters and segments as the plan summary reads them). */
export interface ProductionBook {
  chapters: PlanSummaryDeps['chapters'];
  segments: PlanSummaryDeps['segments'];
  characters: ProjectCollection<CharacterRecord>;
}

const PAGE_SIZE = 200;

/** Every chapter, deleted ones included, in reading order. */
export async function chaptersOf(
  book: Pick<ProductionBook, 'chapters'>,
  tenantId: string,
  projectId: string,
): Promise<ChapterRecord[]> {
  const filter: Filter = { field: 'type', op: 'eq', value: 'chapter' };
  // `order` is a keyword of Cosmos SQL, so reading order is applied here rather than in the query.
  const chapters = await readAllItems((page) => book.chapters.list(tenantId, projectId, { filter, page }), PAGE_SIZE);
  return chapters.sort((a, b) => a.order - b.order);
}

export function charactersOf(
  book: Pick<ProductionBook, 'characters'>,
  tenantId: string,
  projectId: string,
): Promise<CharacterRecord[]> {
  const filter: Filter = { field: 'type', op: 'eq', value: 'character' };
  return readAllItems((page) => book.characters.list(tenantId, projectId, { filter, page }), PAGE_SIZE);
}

/** The chapter's plan (its committed generation) in reading order; nothing for a chapter that no longer exists. */
export async function segmentsOfChapter(
  book: Pick<ProductionBook, 'chapters' | 'segments'>,
  tenantId: string,
  projectId: string,
  chapterId: string,
): Promise<SegmentRecord[]> {
  const chapter = await book.chapters.get(tenantId, projectId, chapterId);
  if (!chapter || chapter.type !== 'chapter') return [];
  return (await readCommittedPlan(book.chapters, book.segments, chapter)).segments;
}
