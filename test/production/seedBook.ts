/**
 * Writes a small planned and cast book straight into the platform's Cosmos emulator, in the shared record shapes
 * (core/book/records.ts), so production tests do not depend on the import, detection and planning jobs.
 */
import { CosmosClient } from '@azure/cosmos';
import { randomBytes } from 'node:crypto';
import {
  characterDocumentId,
  type ChapterRecord,
  type CharacterRecord,
  type SegmentRecord,
} from '../../core/book/records';
import type { SegmentBoundary, SegmentKind } from '../../core/planning/segmentation';
import type { TestPlatform } from '../support/testPlatform';

export type Line = [kind: SegmentKind, boundary: SegmentBoundary, speakerId: string, text: string];

export const LONG_NARRATION = [
  'They walked along the lane towards the village, where the hedges were white with blossom and the air was still.',
  'Neither of them spoke for a while; each was thinking of the letter that had arrived that morning from London.',
  'At the bridge they stopped to watch the water, which ran quickly after the rain of the night before.',
  'A cart passed them on its way to the market, loaded with baskets of apples and a great deal of noise.',
  'Elizabeth laughed at the driver, who tipped his hat and wished them both a very pleasant walk.',
  'By the time they reached the church the bells had begun to ring, and the square was full of people.',
  'Some were buying bread, some were talking of the weather, and some were only there to be seen.',
  'They turned back before noon, for the clouds were gathering again over the hills to the west.',
  'The house was quiet when they came in, and the fire in the parlour had burned low in the grate.',
  'Jane was waiting for them with the tea, and with news that could not, she said, wait a moment longer.',
  'It concerned a gentleman from the north, a friend of a friend, who had taken the great house by the river.',
  'He was said to be rich, and handsome, and not at all proud, which was more than could be said of most.',
  'Their mother had already decided that he would marry one of them before the summer was out.',
  'Their father, hearing this, only smiled and returned to his book, as he always did on such occasions.',
];

export const SEED_CHAPTERS: { title: string; lines: Line[] }[] = [
  {
    title: 'Chapter 1',
    lines: [
      ['heading', 'chapter_head', 'narrator', 'Chapter 1'],
      ['dialogue', 'paragraph', 'char-elizabeth', '"Good morning,"'],
      ['narration', 'sentence', 'narrator', ' said Elizabeth.'],
      ['dialogue', 'dialogue_turn', 'char-darcy', '"It is a fine day," replied Mr. Darcy.'],
      // ACX asks for a retail sample of at least a minute, so one chapter runs a little over that.
      ...LONG_NARRATION.map((text): Line => ['narration', 'paragraph', 'narrator', ` ${text}`]),
    ],
  },
  {
    title: 'Chapter 2',
    lines: [
      ['heading', 'chapter_head', 'narrator', 'Chapter 2'],
      ['narration', 'paragraph', 'narrator', 'The rain fell all afternoon, and nobody went out.'],
      ['dialogue', 'paragraph', 'char-elizabeth', '"We shall stay in."'],
    ],
  },
];

const VOICES: Record<string, string> = {
  narrator: 'en-US-EspeakMale1',
  'char-elizabeth': 'en-US-EspeakFemale1',
  'char-darcy': 'en-US-EspeakMale2',
};

function id(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('hex')}`;
}

export async function seedPlannedBook(
  platform: TestPlatform,
  tenantId: string,
  projectId: string,
  voices: Record<string, string> = VOICES,
  chapters: { title: string; lines: Line[] }[] = SEED_CHAPTERS,
): Promise<{ chapterIds: string[]; segmentIds: string[] }> {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const db = client.database('khipu');
    const now = new Date().toISOString();
    const chapterIds: string[] = [];
    const segmentIds: string[] = [];
    for (const [order, spec] of chapters.entries()) {
      const text = spec.lines.map((l) => l[3]).join('');
      const chapter: ChapterRecord = {
        id: id('chp'),
        type: 'chapter',
        tenantId,
        projectId,
        order,
        title: spec.title,
        chapterType: 'chapter',
        headingText: spec.title,
        text,
        stats: { words: text.split(/\s+/).length, characters: text.length, estimatedMinutes: 0.1 },
        deleted: false,
        textVersion: 1,
        planStatus: 'planned',
        master: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.container('chapters').items.create(chapter);
      chapterIds.push(chapter.id);
      for (const [index, [kind, boundaryBefore, speakerId, lineText]] of spec.lines.entries()) {
        const segment: SegmentRecord = {
          id: id('seg'),
          type: 'segment',
          tenantId,
          projectId,
          chapterId: chapter.id,
          index,
          kind,
          text: lineText,
          boundaryBefore,
          speakerId,
          speakerConfidence: 1,
          speakerSource: 'user',
          flagged: false,
          revisionNote: null,
          chapterTextVersion: 1,
          takes: [],
          currentTakeId: null,
          createdAt: now,
          updatedAt: now,
        };
        await db.container('segments').items.create(segment);
        segmentIds.push(segment.id);
      }
    }
    for (const [characterId, voiceName] of Object.entries(voices)) {
      const character: CharacterRecord = {
        id: characterDocumentId(projectId, characterId),
        type: 'character',
        tenantId,
        projectId,
        characterId,
        name: characterId,
        aliases: [],
        gender: 'unknown',
        ageBand: 'adult',
        description: '',
        traits: [],
        speakingStyle: '',
        dialogueLineCount: 1,
        firstAppearance: null,
        importance: characterId === 'narrator' ? 'narrator' : 'main',
        voice: {
          characterId,
          voiceName,
          locale: 'en-US',
          style: null,
          styleDegree: null,
          ratePercent: 0,
          pitchPercent: 0,
          overridden: false,
        },
        override: null,
        source: 'user',
        createdAt: now,
        updatedAt: now,
      };
      await db.container('characters').items.upsert(character);
    }
    return { chapterIds, segmentIds };
  } finally {
    client.dispose();
  }
}

/** Reads a segment as stored (for tests that change it the way the segment editor does). */
export async function updateSegmentText(
  platform: TestPlatform,
  tenantId: string,
  projectId: string,
  segmentId: string,
  text: string,
): Promise<void> {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const item = client.database('khipu').container('segments').item(segmentId, [tenantId, projectId]);
    const { resource } = await item.read<SegmentRecord>();
    if (!resource) throw new Error(`segment ${segmentId} not found`);
    await item.replace({ ...resource, text, currentTakeId: null });
  } finally {
    client.dispose();
  }
}

async function withDatabase<T>(platform: TestPlatform, work: (db: import('@azure/cosmos').Database) => Promise<T>) {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    return await work(client.database('khipu'));
  } finally {
    client.dispose();
  }
}

/** A stored package document (no audio behind it): enough for reading and download links. */
export async function seedPackage(platform: TestPlatform, tenantId: string, projectId: string): Promise<string> {
  const jobId = id('job');
  const packageId = `${jobId}-apple`;
  const now = new Date();
  await withDatabase(platform, (db) =>
    db.container('packages').items.create({
      id: packageId,
      type: 'package',
      tenantId,
      projectId,
      platform: 'apple',
      version: 1,
      jobId,
      deliverable: {
        blobName: `tenants/${tenantId}/projects/${projectId}/packages/${packageId}/book.m4b`,
        name: 'book.m4b',
        bytes: 1,
        sha256: '0'.repeat(64),
        contentType: 'audio/mp4',
      },
      readiness: { platform: 'apple', passed: true, rules: [] },
      encodings: [],
      totalDurationSec: 1,
      stats: { encoded: 1, reused: 0 },
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      createdAt: now.toISOString(),
      createdBy: 'u-andes-admin',
    }),
  );
  return packageId;
}

/** A failed production job document, as the pipeline leaves one (for retry). */
export async function seedFailedJob(platform: TestPlatform, tenantId: string, projectId: string): Promise<string> {
  const jobId = id('job');
  const now = new Date().toISOString();
  await withDatabase(platform, (db) =>
    db.container('jobs').items.create({
      id: jobId,
      type: 'job',
      tenantId,
      projectId,
      kind: 'produce',
      status: 'failed',
      orchestration: 'produceBook',
      input: { platforms: ['apple'], chapterIds: null, allowUnknownSpeakers: true },
      progress: {
        phase: 'failed',
        chaptersDone: 0,
        chaptersTotal: 0,
        segmentsDone: 0,
        segmentsTotal: 0,
        etaSeconds: 0,
        costSoFarUsd: 0,
        message: null,
      },
      result: null,
      error: { code: 'tts_failed', message: 'seeded failure' },
      cancelRequested: false,
      attempt: 1,
      createdBy: 'u-andes-admin',
      createdAt: now,
      startedAt: now,
      finishedAt: now,
      updatedAt: now,
    }),
  );
  return jobId;
}

/** A chapter whose master points at a small stored blob (for the audio endpoint). */
export async function seedMasteredChapter(
  platform: TestPlatform,
  tenantId: string,
  projectId: string,
): Promise<string> {
  const { chapterIds } = await seedPlannedBook(platform, tenantId, projectId);
  const chapterId = chapterIds[1];
  const blobName = `tenants/${tenantId}/projects/${projectId}/audio/chapters/${chapterId}/${'a'.repeat(64)}.flac`;
  const { BlobServiceClient } = await import('@azure/storage-blob');
  await BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING)
    .getContainerClient('khipu')
    .getBlockBlobClient(blobName)
    .uploadData(Buffer.from('fLaC'));
  await withDatabase(platform, async (db) => {
    const item = db.container('chapters').item(chapterId, [tenantId, projectId]);
    const { resource } = await item.read<ChapterRecord>();
    await item.replace({
      ...resource!,
      master: {
        blobName,
        sha256: 'a'.repeat(64),
        durationSec: 1,
        segmentStartsSec: [0],
        integratedLufs: -20,
        truePeakDb: -4,
        rmsDb: -20,
        peakDb: -4,
        noiseFloorDb: -70,
        masteredAt: new Date().toISOString(),
        jobId: 'job_seeded',
      },
    });
  });
  return chapterId;
}
