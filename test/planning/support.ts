import { CosmosClient } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../../core/book/records';
import { characterDocumentId } from '../../core/book/records';
import { detectCharactersHeuristic } from '../../core/characters';
import { textStats } from '../../core/manuscript/stats';
import { waitForJob } from '../api/isolation/fixtures';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';

/** A short book with named speakers, attributions, an unattributable line and a name for the lexicon. */
export const DIALOGUE_BOOK = [
  'Chapter 1',
  '',
  '"Good morning," said Elizabeth. "Is it not a fine day?"',
  '',
  '"It is," replied Mr. Darcy.',
  '',
  'Elizabeth smiled at Mr. Darcy, and Jane came in from the garden.',
  '',
  '"Have you seen the roses?" said Jane.',
  '',
  '"Not yet," said Elizabeth.',
  '',
  '"The pianoforte is out of tune," said Mr. Darcy.',
  '',
  'Chapter 2',
  '',
  'The rain fell all afternoon, and nobody went out. The Darcy carriage stood waiting by the gate.',
  '',
  '"We shall stay in," said Jane.',
  '',
  '"Then I shall read," said Elizabeth.',
  '',
  'Nobody spoke for a long while after that.',
  '',
  '"Hmm."',
  '',
].join('\n');

export interface SegmentJson {
  id: string;
  chapterId: string;
  index: number;
  kind: string;
  text: string;
  unspokenChars?: number;
  speakerId: string;
  speakerConfidence: number;
  speakerSource: string;
  flagged: boolean;
  revisionNote: string | null;
  currentTakeId: string | null;
  chapterTextVersion: number;
  etag: string;
}

export async function createProject(platform: TestPlatform, user: string, title: string): Promise<string> {
  const res = await platform.api(user, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(title) } });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function runJob(platform: TestPlatform, user: string, projectId: string, path: string, json?: unknown) {
  const res = await platform.api(user, `/v1/projects/${projectId}${path}`, { method: 'POST', json: json ?? {} });
  if (res.status !== 202) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  return waitForJob(platform, user, projectId, job.id);
}

export async function planProject(platform: TestPlatform, user: string, projectId: string, chapterIds?: string[]) {
  const done = await runJob(platform, user, projectId, '/plan', chapterIds ? { chapterIds } : {});
  if (done.status !== 'succeeded') throw new Error(`plan: ${JSON.stringify(done)}`);
  return done;
}

export async function allSegments(
  platform: TestPlatform,
  user: string,
  projectId: string,
  query = '',
  pageSize = 100,
): Promise<SegmentJson[]> {
  const items: SegmentJson[] = [];
  let token: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('pageSize', String(pageSize));
    if (token) params.set('continuationToken', token);
    const res = await platform.api(user, `/v1/projects/${projectId}/segments?${params}`);
    if (res.status !== 200) throw new Error(`segments: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: SegmentJson[]; continuationToken: string | null };
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return items;
}

/**
 * Direct access to the book's documents, for what other areas produce: chapters (import), characters (detection, run
 * here with the real heuristic engine) and rendered audio takes (production). Keeps these tests about planning.
 */
export class BookStore {
  private readonly client: CosmosClient;
  private readonly segments: CosmosProjectCollection<SegmentRecord>;
  private readonly chapters: CosmosProjectCollection<ChapterRecord>;
  private readonly characters: CosmosProjectCollection<CharacterRecord>;

  constructor(platform: TestPlatform) {
    this.client = new CosmosClient({
      endpoint: platform.env.COSMOS_ENDPOINT,
      key: platform.env.COSMOS_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const database = this.client.database(platform.env.COSMOS_DATABASE ?? 'khipu');
    this.segments = new CosmosProjectCollection<SegmentRecord>(database.container('segments'));
    this.chapters = new CosmosProjectCollection<ChapterRecord>(database.container('chapters'));
    this.characters = new CosmosProjectCollection<CharacterRecord>(database.container('characters'));
  }

  /** Stores one chapter per "Chapter N" heading, and the characters the heuristic engine finds in them. */
  async seedBook(tenantId: string, projectId: string, book: string): Promise<{ chapterIds: string[] }> {
    const now = new Date().toISOString();
    const starts = [...book.matchAll(/^Chapter \d+$/gm)].map((match) => match.index);
    const chapters = starts.map((start, order) => {
      const text = book.slice(start, starts[order + 1] ?? book.length);
      const record: ChapterRecord = {
        id: `ch_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
        type: 'chapter',
        tenantId,
        projectId,
        order,
        title: `Chapter ${order + 1}`,
        chapterType: 'chapter',
        headingText: `Chapter ${order + 1}`,
        text,
        stats: textStats(text),
        deleted: false,
        textVersion: 1,
        planStatus: 'none',
        master: null,
        createdAt: now,
        updatedAt: now,
      };
      return record;
    });
    for (const chapter of chapters) await this.chapters.create(chapter);
    const detected = detectCharactersHeuristic(chapters.map((c) => ({ id: c.id, text: c.text, language: 'en' })));
    for (const { id, ...character } of detected) {
      await this.characters.create({
        ...character,
        id: characterDocumentId(projectId, id),
        type: 'character',
        tenantId,
        projectId,
        characterId: id,
        voice: null,
        override: null,
        source: 'heuristic',
        createdAt: now,
        updatedAt: now,
      });
    }
    return { chapterIds: chapters.map((c) => c.id) };
  }

  async chapter(tenantId: string, projectId: string, chapterId: string): Promise<ChapterRecord> {
    return (await this.chapters.get(tenantId, projectId, chapterId))!;
  }

  async characterIds(tenantId: string, projectId: string): Promise<{ id: string; name: string }[]> {
    const page = await this.characters.list(tenantId, projectId, {
      filter: { field: 'type', op: 'eq', value: 'character' },
      page: { pageSize: 100 },
    });
    return page.items.map((c) => ({ id: c.characterId, name: c.name }));
  }

  async renderAll(tenantId: string, projectId: string, ids: string[]): Promise<void> {
    for (const id of ids) {
      const segment = (await this.segments.get(tenantId, projectId, id))!;
      const take = {
        takeId: `take-${id}`,
        blobName: `tenants/${tenantId}/projects/${projectId}/audio/${id}.wav`,
        contentHash: `hash-${id}`,
        durationMs: 1000,
        createdAt: new Date().toISOString(),
      };
      await this.segments.replace({ ...segment, takes: [take], currentTakeId: take.takeId }, segment.etag!);
    }
  }

  close(): void {
    this.client.dispose();
  }
}
