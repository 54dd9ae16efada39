/** Helpers for the characters/casting API tests: projects, corpus upload, jobs, and seeding segments into Cosmos. */
import { CosmosClient } from '@azure/cosmos';
import { readFileSync } from 'node:fs';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import { waitForJob } from '../api/isolation/fixtures';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';

export async function createProject(
  platform: TestPlatform,
  user: string,
  title: string,
  language = 'en-GB',
): Promise<string> {
  const res = await platform.api(user, '/v1/projects', {
    method: 'POST',
    json: { metadata: { ...minimalMetadata(title), language } },
  });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function uploadManuscript(
  platform: TestPlatform,
  user: string,
  projectId: string,
  body: string | Uint8Array,
  fileName = 'book.txt',
): Promise<void> {
  const res = await platform.api(user, `/v1/projects/${projectId}/manuscript?fileName=${fileName}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body,
  });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  const done = await waitForJob(platform, user, projectId, job.id, 300_000);
  if (done.status !== 'succeeded') throw new Error(`import failed: ${JSON.stringify(done)}`);
}

/** The corpus book's 61 chapters (Gutenberg header and footer left out), split at the "Chapter N" headings. */
export function prideAndPrejudiceChapters(): string[] {
  const book = readFileSync(PRIDE_AND_PREJUDICE, 'utf8');
  const body = book.split(/^\*{3} ?END OF TH|^End of the Project Gutenberg/m)[0];
  return body.split(/^Chapter \d+\s*$/m).slice(1);
}

/** Starts detection and waits for it; returns the finished job. */
export async function detectCharacters(
  platform: TestPlatform,
  user: string,
  projectId: string,
): Promise<{ status: string; result?: Record<string, unknown> }> {
  const res = await platform.api(user, `/v1/projects/${projectId}/characters/detect`, { method: 'POST' });
  if (res.status !== 202) throw new Error(`detect: ${res.status} ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string; kind: string } };
  return waitForJob(platform, user, projectId, job.id, 300_000);
}

export interface CharacterJson {
  id: string;
  name: string;
  aliases: string[];
  gender: string;
  importance: string;
  dialogueLineCount: number;
  source: string;
  etag: string;
  voice: { voiceName: string; style: string | null; ratePercent: number; pitchPercent: number } | null;
}

export async function listCharacters(
  platform: TestPlatform,
  user: string,
  projectId: string,
): Promise<CharacterJson[]> {
  const res = await platform.api(user, `/v1/projects/${projectId}/characters`);
  if (res.status !== 200) throw new Error(`list: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: CharacterJson[] }).items;
}

/** Planning is another feature; these tests need segments with speakers, so they write them as planning would. */
export class SegmentSeeder {
  private readonly client: CosmosClient;
  readonly segments: CosmosProjectCollection<SegmentRecord>;
  readonly chapters: CosmosProjectCollection<ChapterRecord>;
  private seeded = 0;

  constructor(platform: TestPlatform) {
    this.client = new CosmosClient({
      endpoint: platform.env.COSMOS_ENDPOINT,
      key: platform.env.COSMOS_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const database = this.client.database(platform.env.COSMOS_DATABASE ?? 'khipu');
    this.segments = new CosmosProjectCollection<SegmentRecord>(database.container('segments'));
    this.chapters = new CosmosProjectCollection<ChapterRecord>(database.container('chapters'));
  }

  /** Chapters as the import job stores them, so detection is tested on its own. */
  async seedChapters(tenantId: string, projectId: string, texts: string[]): Promise<void> {
    const now = new Date().toISOString();
    for (const [order, text] of texts.entries()) {
      await this.chapters.create({
        id: `${projectId}.ch-${order}`,
        type: 'chapter',
        tenantId,
        projectId,
        order,
        title: `Chapter ${order + 1}`,
        chapterType: 'chapter',
        headingText: `Chapter ${order + 1}`,
        text,
        stats: { words: text.split(/\s+/).length, characters: text.length, estimatedMinutes: text.length / 990 },
        deleted: false,
        textVersion: 1,
        planStatus: 'none',
        master: null,
        createdAt: now,
        updatedAt: now,
      });
    }
  }

  /** One planned chapter whose segments are spoken by `speakers`, in order. */
  async seed(tenantId: string, projectId: string, speakers: string[]): Promise<string[]> {
    const now = new Date().toISOString();
    const ids: string[] = [];
    const chapterId = `${projectId}.seeded-${this.seeded}`;
    const lines = speakers.map((speakerId, index) => `"Line ${index} spoken by ${speakerId}."`);
    await this.chapters.create({
      id: chapterId,
      type: 'chapter',
      tenantId,
      projectId,
      order: 1000 + this.seeded,
      title: 'Seeded chapter',
      chapterType: 'chapter',
      headingText: '',
      text: lines.join(''),
      stats: { words: lines.length * 5, characters: lines.join('').length, estimatedMinutes: 1 },
      deleted: false,
      textVersion: 1,
      planStatus: 'planned',
      master: null,
      createdAt: now,
      updatedAt: now,
    });
    for (const [index, speakerId] of speakers.entries()) {
      const id = `${projectId}.seg-${this.seeded++}`;
      await this.segments.create({
        id,
        type: 'segment',
        tenantId,
        projectId,
        chapterId,
        index,
        kind: 'dialogue',
        text: lines[index],
        boundaryBefore: 'paragraph',
        speakerId,
        speakerConfidence: 0.9,
        speakerSource: 'heuristic',
        flagged: false,
        revisionNote: null,
        chapterTextVersion: 1,
        takes: [],
        currentTakeId: null,
        createdAt: now,
        updatedAt: now,
      });
      ids.push(id);
    }
    return ids;
  }

  async speakers(
    tenantId: string,
    projectId: string,
    ids: string[],
  ): Promise<{ speakerId: string; flagged: boolean }[]> {
    const found = await Promise.all(ids.map((id) => this.segments.get(tenantId, projectId, id)));
    return found.map((segment) => ({ speakerId: segment!.speakerId, flagged: segment!.flagged }));
  }

  close(): void {
    this.client.dispose();
  }
}
