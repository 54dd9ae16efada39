/**
 * Reading a book's documents: whole (planning, its checks and its counters work on every page, never on a sample) or
 * as outlines that leave the text behind (listings, the estimate and the plan job's bookkeeping).
 */
import type { ChapterRecord, CharacterRecord } from '../book/records';
import type { Filter } from '../ports/documents';
import type { TypedCollection } from '../ports/typedCollection';

/**
 * Documents per page when reading everything a query matches: few round trips for a long chapter (a store may still
 * answer with smaller pages; the continuation token carries on).
 */
export const LIST_PAGE = 1000;

const LIVE_CHAPTERS: Filter = { field: 'deleted', op: 'eq', value: false };

/** The book's live chapters in reading order (sorted here: `order` is a reserved word in Cosmos SQL). */
export async function bookChapters(
  chapters: TypedCollection<ChapterRecord>,
  tenantId: string,
  projectId: string,
): Promise<ChapterRecord[]> {
  const live = await chapters.readAllItems(tenantId, projectId, { filter: LIVE_CHAPTERS }, LIST_PAGE);
  return live.sort((a, b) => a.order - b.order);
}

/** What readers of a chapter's plan need, without its text. */
export const OUTLINE_FIELDS = [
  'id',
  'tenantId',
  'projectId',
  'order',
  'title',
  'deleted',
  'planStatus',
  'planGeneration',
  'planTotals',
] as const satisfies readonly (keyof ChapterRecord)[];

export type ChapterOutline = Pick<ChapterRecord, (typeof OUTLINE_FIELDS)[number]>;

/** The book's live chapters in reading order, as outlines. */
export async function bookChapterOutlines(
  chapters: TypedCollection<ChapterRecord>,
  tenantId: string,
  projectId: string,
): Promise<ChapterOutline[]> {
  const live = await chapters.readAllFields(tenantId, projectId, OUTLINE_FIELDS, { filter: LIVE_CHAPTERS }, LIST_PAGE);
  return live.sort((a, b) => a.order - b.order);
}

export function bookCharacters(
  characters: TypedCollection<CharacterRecord>,
  tenantId: string,
  projectId: string,
): Promise<CharacterRecord[]> {
  return characters.readAllItems(tenantId, projectId, {}, LIST_PAGE);
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
