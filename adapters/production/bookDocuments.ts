/** Reads a project's book documents for production, paging through the per-project containers. */
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../../core/book/records';
import { readCommittedPlan } from '../../core/planning/planGenerations';
import { readAllItems, type Filter } from '../../core/ports/documents';
import type { AppServices } from '../appServices';

const PAGE_SIZE = 200;

export async function chaptersOf(svc: AppServices, tenantId: string, projectId: string): Promise<ChapterRecord[]> {
  const filter: Filter = { field: 'type', op: 'eq', value: 'chapter' };
  // `order` is a keyword of Cosmos SQL, so reading order is applied here rather than in the query.
  const chapters = await readAllItems(
    (page) => svc.book.chapters.list(tenantId, projectId, { filter, page }),
    PAGE_SIZE,
  );
  return chapters.sort((a, b) => a.order - b.order);
}

export function charactersOf(svc: AppServices, tenantId: string, projectId: string): Promise<CharacterRecord[]> {
  const filter: Filter = { field: 'type', op: 'eq', value: 'character' };
  return readAllItems((page) => svc.book.characters.list(tenantId, projectId, { filter, page }), PAGE_SIZE);
}

/** The chapter's plan (its committed generation) in reading order; nothing for a chapter that no longer exists. */
export async function segmentsOfChapter(
  svc: AppServices,
  tenantId: string,
  projectId: string,
  chapterId: string,
): Promise<SegmentRecord[]> {
  const chapter = await svc.book.chapters.get(tenantId, projectId, chapterId);
  if (!chapter || chapter.type !== 'chapter') return [];
  return (await readCommittedPlan(svc.book.chapters, svc.book.segments, chapter)).segments;
}
