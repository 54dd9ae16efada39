/** Reading a book's documents whole: planning, its checks and its counters work on every page, never on a sample. */
import type { ChapterRecord, CharacterRecord } from '../book/records';
import type { Filter, ProjectCollection, ProjectScopedDocument } from '../ports/documents';

const LIST_PAGE = 100;

/** Reads every page of a query. */
export async function listAll<T extends ProjectScopedDocument>(
  collection: ProjectCollection<T>,
  tenantId: string,
  projectId: string,
  filter: Filter,
  orderBy?: { field: string; direction: 'ASC' | 'DESC' },
): Promise<T[]> {
  const items: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await collection.list(tenantId, projectId, {
      filter,
      orderBy,
      page: { pageSize: LIST_PAGE, continuationToken },
    });
    items.push(...page.items);
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
  return items;
}

/** The book's live chapters in reading order (sorted here: `order` is a reserved word in Cosmos SQL). */
export async function bookChapters(
  chapters: ProjectCollection<ChapterRecord>,
  tenantId: string,
  projectId: string,
): Promise<ChapterRecord[]> {
  const live = await listAll(chapters, tenantId, projectId, {
    op: 'and',
    filters: [
      { field: 'type', op: 'eq', value: 'chapter' },
      { field: 'deleted', op: 'eq', value: false },
    ],
  });
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
