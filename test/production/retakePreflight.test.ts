/**
 * A regeneration's preflight checks what the retake renders: its chapter's plan (not the rest of the book's), the
 * quota for its one segment's characters (none for a take made current), and the storage the book's packages take;
 * it reads no other chapter's segments. On plans stored in a Cosmos emulator through the app's own adapter, the
 * other services as small fakes that note what they were asked.
 */
import { offlineVoices } from '../../adapters/tts/espeak';
import type { CharacterRecord } from '../../core/book/records';
import type { ProjectCollection } from '../../core/ports/documents';
import { estimateProductionBytes } from '../../core/production/outputSize';
import {
  ProductionJob,
  segmentCharacters,
  type PreflightInput,
  type ProductionJobDeps,
} from '../../core/production/productionJob';
import { counted, seedBook, startStore, TENANT, type Reads, type Store } from '../readside/support';

const PROJECT = 'p-retake';
const VOICE = offlineVoices[0].name;
const STORED_BYTES = 1_000;

let store: Store;
let chapterIds: string[];

beforeAll(async () => {
  store = await startStore();
  const chapters = await seedBook(store, PROJECT, [
    // A line with nothing to speak: a whole-book check reads this chapter's segments to name it.
    {
      lines: [
        { kind: 'narration', speakerId: 'narrator' },
        { kind: 'narration', speakerId: 'narrator', text: '* * * ' },
      ],
    },
    // The retake's chapter.
    {
      lines: [
        { kind: 'narration', speakerId: 'narrator' },
        { kind: 'dialogue', speakerId: 'c-ann', text: '"A line worth a second take," ' },
      ],
    },
    // A speaker without a voice: a whole-book check refuses the job for it.
    { lines: [{ kind: 'dialogue', speakerId: 'c-bob' }] },
  ]);
  chapterIds = chapters.map((chapter) => chapter.id);
}, 120_000);
afterAll(() => store?.stop());

const voiced = (characterId: string, voiceName: string | null) =>
  ({
    characterId,
    name: characterId,
    voice: voiceName && { characterId, voiceName, locale: 'en-GB', style: null, styleDegree: null, ratePercent: 0 },
  }) as unknown as CharacterRecord; // the preflight reads only the id, name and voice

function preflightFor() {
  const chapterReads: Reads = { queries: 0, documents: 0 };
  const segmentReads: Reads = { queries: 0, documents: 0 };
  const quotaRequests: { characters?: number; storageBytes?: number }[] = [];
  const cast = [voiced('narrator', VOICE), voiced('c-ann', VOICE), voiced('c-bob', null)];
  // Each fake gives only what the preflight calls; the casts name the ports they stand for.
  const deps = {
    jobs: {
      isStopRequested: async () => false,
      markRunning: async () => ({}),
      advanceProgress: async () => ({}),
    },
    projects: {
      find: async () => ({ metadata: { language: 'en-GB', isbn: null }, cover: null }),
      updateFacts: async () => ({}),
    },
    tenants: { assertActive: async () => ({ id: TENANT, plan: 'pro' }) },
    storage: { current: async () => ({ bytes: STORED_BYTES, measuredAt: '2024-01-01T00:00:00.000Z' }) },
    costs: {
      estimate: () => ({ totalUsd: 0 }),
      checkQuota: async (_tenant: unknown, request: { characters?: number; storageBytes?: number }) => {
        quotaRequests.push(request);
        return {};
      },
    },
    planning: { recountFacts: async () => undefined },
    book: {
      chapters: counted(store.chapters, chapterReads),
      segments: counted(store.segments, segmentReads),
      characters: {
        list: async () => ({ items: cast, continuationToken: null }),
      } as unknown as ProjectCollection<CharacterRecord>,
    },
    packages: {},
    voices: async () => offlineVoices,
    speechEngine: 'offline',
    clock: { now: () => new Date('2024-01-02T00:00:00Z') },
    logger: { warn: () => undefined },
  } as unknown as ProductionJobDeps;
  return { job: new ProductionJob(deps), segmentReads, quotaRequests };
}

const input = (more: Partial<PreflightInput>): PreflightInput => ({
  tenantId: TENANT,
  projectId: PROJECT,
  jobId: 'job-1',
  userId: 'u-1',
  platforms: ['acx'],
  chapterIds: null,
  allowUnknownSpeakers: true,
  ...more,
});

async function retakeSegment() {
  const page = await store.segments.list(TENANT, PROJECT, {
    filter: { field: 'chapterId', op: 'eq', value: chapterIds[1] },
    page: { pageSize: 100 },
  });
  return page.items.find((segment) => segment.kind === 'dialogue')!;
}

it('a whole production of this book is refused: a speaker has no voice', async () => {
  const { job } = preflightFor();
  await expect(job.preflight(input({}))).rejects.toThrow(/c-bob has no voice/);
});

it('a retake checks its chapter only and the quota for its one segment, reading no other chapter’s segments', async () => {
  const segment = await retakeSegment();
  const { job, segmentReads, quotaRequests } = preflightFor();
  const result = await job.preflight(input({ chapterId: chapterIds[1], segmentId: segment.id }));
  expect(result).toEqual({ cancelled: false, chapterIds: [chapterIds[1]], skipped: [] });
  // The segment itself, read by id for its characters; no chapter's plan was listed.
  expect(segmentReads).toEqual({ queries: 0, documents: 1 });
  const book = await preflightFor().job.assess(TENANT, PROJECT, null, { refuse: false, platforms: ['acx'] });
  expect(quotaRequests).toEqual([
    {
      characters: segmentCharacters(segment.text),
      // The packages are built again with the whole book: the storage counted is the book's, as for a production.
      storageBytes: STORED_BYTES + estimateProductionBytes(book.estimatedAudioSeconds, ['acx']),
    },
  ]);
});

it('a take made current synthesizes nothing, so no characters are asked of the quota', async () => {
  const segment = await retakeSegment();
  const { job, segmentReads, quotaRequests } = preflightFor();
  await job.preflight(input({ chapterId: chapterIds[1], segmentId: segment.id, selected: true }));
  expect(segmentReads).toEqual({ queries: 0, documents: 0 });
  expect(quotaRequests.map((request) => request.characters)).toEqual([0]);
});
