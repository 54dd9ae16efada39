/**
 * Reading a book's documents: whole (planning, its checks and its counters work on every page, never on a sample) or
 * as outlines that leave the text behind (listings, the estimate and the plan job's bookkeeping).
 */
import type { ChapterRecord, CharacterRecord } from '../book/records';
import {
  readAllItems,
  type Filter,
  type ListQuery,
  type ProjectCollection,
  type ProjectScopedDocument,
} from '../ports/documents';

/**
 * Documents per page when reading everything a query matches: few round trips for a long chapter (a store may still
 * answer with smaller pages; the continuation token carries on).
 */
const LIST_PAGE = 1000;

type Order = ListQuery['orderBy'];

/** Reads every page of a query. */
export function listAll<T extends ProjectScopedDocument>(
  collection: ProjectCollection<T>,
  tenantId: string,
  projectId: string,
  filter: Filter,
  orderBy?: Order,
): Promise<T[]> {
  return readAllItems((page) => collection.list(tenantId, projectId, { filter, orderBy, page }), LIST_PAGE);
}

/** Reads every page of a query, only the named fields of each document. */
export function listAllFields<T extends ProjectScopedDocument, K extends keyof T & string>(
  collection: ProjectCollection<T>,
  tenantId: string,
  projectId: string,
  fields: readonly K[],
  filter: Filter,
  orderBy?: Order,
): Promise<Pick<T, K>[]> {
  return readAllItems(
    (page) => collection.listFields(tenantId, projectId, fields, { filter, orderBy, page }),
    LIST_PAGE,
  );
}

const LIVE_CHAPTERS: Filter = {
  op: 'and',
  filters: [
    { field: 'type', op: 'eq', value: 'chapter' },
    { field: 'deleted', op: 'eq', value: false },
  ],
};

/** The book's live chapters in reading order (sorted here: `order` is a reserved word in Cosmos SQL). */
export async function bookChapters(
  chapters: ProjectCollection<ChapterRecord>,
  tenantId: string,
  projectId: string,
): Promise<ChapterRecord[]> {
  const live = await listAll(chapters, tenantId, projectId, LIVE_CHAPTERS);
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
  chapters: ProjectCollection<ChapterRecord>,
  tenantId: string,
  projectId: string,
): Promise<ChapterOutline[]> {
  const live = await listAllFields(chapters, tenantId, projectId, OUTLINE_FIELDS, LIVE_CHAPTERS);
  return live.sort((a, b) => a.order - b.order);
}

export async function bookCharacters(
  characters: ProjectCollection<CharacterRecord>,
  tenantId: string,
  projectId: string,
): Promise<CharacterRecord[]> {
  return listAll(characters, tenantId, projectId, { field: 'type', op: 'eq', value: 'character' });
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
