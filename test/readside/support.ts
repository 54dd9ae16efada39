/**
 * Books written straight into a Cosmos emulator started in this process, through the app's own Cosmos adapter, for
 * tests of the read side that need many chapters and exact control over plan generations. `counted` wraps a
 * collection to count what the store sends back (documents and queries), so a test can show what a request reads.
 */
import { CosmosClient } from '@azure/cosmos';
import { buildRecordCollections } from '../../adapters/cosmos/recordCollections';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../../core/book/records';
import type { ListQuery, Page, ProjectCollection } from '../../core/ports/documents';
import { typedCollection, type TypedCollection } from '../../core/ports/typedCollection';
import type { SegmentKind } from '../../core/planning/segmentation';
import { totalsOf } from '../../core/planning/chapterTotals';
import { plannedSegmentId } from '../../core/planning/planGenerations';
import { COSMOS_EMULATOR_KEY } from '../../local/emulators/cosmos';
import { startJournaledCosmosServer, type JournaledCosmosServer } from '../../local/emulators/journaledCosmosServer';

export const TENANT = 't-read';
export const LANGUAGE = 'en-GB';

export interface Store {
  server: JournaledCosmosServer;
  client: CosmosClient;
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  characters: TypedCollection<CharacterRecord>;
  stop(): Promise<void>;
}

export async function startStore(): Promise<Store> {
  const server = await startJournaledCosmosServer({ port: 0, database: 'khipu' });
  const client = new CosmosClient({
    endpoint: server.endpoint,
    key: COSMOS_EMULATOR_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const { chapters, segments, characters } = buildRecordCollections(client.database('khipu'));
  return {
    server,
    client,
    chapters,
    segments,
    characters,
    async stop() {
      client.dispose();
      await server.stop();
    },
  };
}

export interface Reads {
  queries: number;
  documents: number;
}

/** The collection, counting the queries it sends and the documents they bring back. */
export function counted<T extends SegmentRecord | ChapterRecord>(
  collection: TypedCollection<T>,
  reads: Reads,
): TypedCollection<T> {
  const tally = async <R>(page: Promise<Page<R>>) => {
    const result = await page;
    reads.queries++;
    reads.documents += result.items.length;
    return result;
  };
  const counting: ProjectCollection<T> = {
    get: async (tenantId, projectId, id) => {
      reads.documents++;
      return collection.get(tenantId, projectId, id);
    },
    create: (doc) => collection.create(doc),
    upsert: (doc) => collection.upsert(doc),
    replace: (doc, etag) => collection.replace(doc, etag),
    delete: (tenantId, projectId, id) => collection.delete(tenantId, projectId, id),
    transact: (tenantId, projectId, writes) => collection.transact(tenantId, projectId, writes),
    list: (tenantId, projectId, query: ListQuery) => tally(collection.list(tenantId, projectId, query)),
    listFields: (tenantId, projectId, fields, query, subfields) =>
      tally(collection.listFields(tenantId, projectId, fields, query, subfields)),
    count: (tenantId, projectId, filter) => {
      reads.queries++;
      return collection.count(tenantId, projectId, filter);
    },
    listTenantWide: (tenantId, query: ListQuery) => tally(collection.listTenantWide(tenantId, query)),
  };
  return typedCollection<T>(counting, collection.type);
}

export interface LineSpec {
  kind: SegmentKind;
  speakerId: string;
  flagged?: boolean;
  text?: string;
}

export interface ChapterSpec {
  lines: LineSpec[];
  /** Planned before generations and totals were kept: no generation on the chapter or its segments. */
  legacy?: boolean;
  deleted?: boolean;
  /** Segments of a newer generation being written (not committed): readers must not see them. */
  inProgress?: LineSpec[];
}

const NOW = '2024-01-01T00:00:00.000Z';

function segmentOf(
  projectId: string,
  chapterId: string,
  generation: number | undefined,
  line: LineSpec,
  index: number,
): SegmentRecord {
  return {
    id: generation === undefined ? `${chapterId}_legacy_${index}` : plannedSegmentId(chapterId, generation, index),
    type: 'segment',
    tenantId: TENANT,
    projectId,
    chapterId,
    index,
    kind: line.kind,
    text: line.text ?? `${line.kind === 'dialogue' ? '"Line' : 'Line'} ${index} of ${chapterId}. `,
    boundaryBefore: 'paragraph',
    speakerId: line.speakerId,
    speakerConfidence: 0.9,
    speakerSource: 'heuristic',
    flagged: line.flagged ?? false,
    revisionNote: null,
    chapterTextVersion: 1,
    ...(generation === undefined ? {} : { planGeneration: generation }),
    takes: [],
    currentTakeId: null,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

/** Stores the chapters (committed as generation 2, as after one re-plan) and their segments. */
export async function seedBook(store: Store, projectId: string, specs: ChapterSpec[]): Promise<ChapterRecord[]> {
  const chapters: ChapterRecord[] = [];
  for (const [order, spec] of specs.entries()) {
    const id = `${projectId}-c${order}`;
    const generation = spec.legacy ? undefined : 2;
    const segments = spec.lines.map((line, index) => segmentOf(projectId, id, generation, line, index));
    const text = segments.map((s) => s.text).join('');
    const chapter: ChapterRecord = {
      id,
      type: 'chapter',
      tenantId: TENANT,
      projectId,
      order,
      title: `Chapter ${order + 1}`,
      chapterType: 'chapter',
      headingText: '',
      text,
      stats: { words: 0, characters: text.length, estimatedMinutes: 0 },
      deleted: spec.deleted ?? false,
      textVersion: 1,
      planStatus: 'planned',
      ...(generation === undefined
        ? {}
        : { planGeneration: generation, planTotals: totalsOf(segments, generation, LANGUAGE) }),
      master: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
    chapters.push(await store.chapters.create(chapter));
    await Promise.all(segments.map((segment) => store.segments.create(segment)));
    const inProgress = (spec.inProgress ?? []).map((line, index) => segmentOf(projectId, id, 3, line, index));
    await Promise.all(inProgress.map((segment) => store.segments.create(segment)));
  }
  return chapters;
}

/** What a listing must return: committed segments of live chapters in reading order, filtered. */
export async function expectedListing(
  store: Store,
  projectId: string,
  chapters: ChapterRecord[],
  keep: (segment: SegmentRecord) => boolean,
): Promise<string[]> {
  const ids: string[] = [];
  for (const chapter of [...chapters].sort((a, b) => a.order - b.order)) {
    if (chapter.deleted) continue;
    const page = await store.segments.list(TENANT, projectId, {
      filter: { field: 'chapterId', op: 'eq', value: chapter.id },
      page: { pageSize: 10_000 },
    });
    const generation = chapter.planGeneration;
    ids.push(
      ...page.items
        .filter((s) => s.type === 'segment' && s.planGeneration === generation && keep(s))
        .sort((a, b) => a.index - b.index)
        .map((s) => s.id),
    );
  }
  return ids;
}
