/**
 * Which produced chapters would sound different if produced now, through the public API on the local platform: none
 * right after a production; a character's new voice changes the chapters they speak in, a pronunciation the chapters
 * whose text it matches, the pause policy every chapter, and nothing else. The host reaches Cosmos through a proxy
 * that counts every request, so the test also shows what one answer reads: never a chapter's lines, and as much for a
 * book of four chapters as for one of two.
 */
import { CosmosClient } from '@azure/cosmos';
import { buildRecordCollections } from '../../adapters/cosmos/recordCollections';
import type { ChapterRecord } from '../../core/book/records';
import type { TypedCollection } from '../../core/ports/typedCollection';
import { startCosmosWire, type CosmosWire } from '../support/cosmosWire';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { SEED_CHAPTERS } from './seedBook';
import { CREATOR, json, plannedBook, produce, tenantOf } from './support';

let proxy: CosmosWire;
let platform: TestPlatform;
let client: CosmosClient;
let chapters: TypedCollection<ChapterRecord>;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({ env: { COSMOS_ENDPOINT: proxy.endpoint } });
  proxy.forwardTo(platform.urls.cosmos);
  // The test's own writes go to the emulator itself, so the proxy sees only the host's requests.
  client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  chapters = buildRecordCollections(client.database('khipu')).chapters;
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await platform?.stop();
  await proxy?.stop();
});

const TENANT = tenantOf(CREATOR);

async function changed(projectId: string): Promise<string[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/sound-changes`);
  return (await json<{ chapterIds: string[] }>(res, 200)).chapterIds;
}

async function call(path: string, method: string, body: unknown, status: number) {
  await json(await platform.api(CREATOR, path, { method, json: body }), status);
}

const addEntry = (projectId: string, grapheme: string, value: string) =>
  call(`/v1/projects/${projectId}/lexicon`, 'POST', { grapheme, kind: 'alias', value, locale: 'en-US' }, 201);
const setVoice = (projectId: string, characterId: string, voiceName: string) =>
  call(`/v1/projects/${projectId}/characters/${characterId}/voice`, 'PUT', { voiceName }, 200);
const setPauses = (projectId: string, overrides: Record<string, number>) =>
  call(`/v1/projects/${projectId}/pause-policy`, 'PUT', overrides, 200);

/**
 * The Cosmos requests of one answer, as `kind METHOD resource`. The platform's timers (the metrics flush, the webhook
 * sweep) reach Cosmos now and then: of a few answers, the one with the fewest requests is the answer's own.
 */
async function requestsOfOneAnswer(projectId: string): Promise<string[]> {
  let fewest: string[] | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const seen = (await proxy.during(async () => void (await changed(projectId)))).map(
      (r) => `${r.kind} ${r.method} ${r.resource}`,
    );
    if (!fewest || seen.length < fewest.length) fewest = seen.sort();
  }
  return fewest!;
}

/** Gives every chapter of a book the master another book's chapter was given by production (its record only). */
async function copyMaster(from: ChapterRecord, projectId: string, chapterIds: string[]) {
  for (const chapterId of chapterIds) {
    const chapter = (await chapters.get(TENANT, projectId, chapterId))!;
    await chapters.replace({ ...chapter, master: from.master }, chapter.etag!);
  }
}

/** Removes the sound record from a chapter's master, as masters made before it was recorded were stored. */
async function forgetSound(projectId: string, chapterId: string) {
  const chapter = (await chapters.get(TENANT, projectId, chapterId))!;
  const { sound: _forgotten, ...master } = chapter.master!;
  await chapters.replace({ ...chapter, master }, chapter.etag!);
}

test('each kind of change names exactly the chapters that would sound different, reading no line', async () => {
  const { projectId, chapterIds } = await plannedBook(platform, {});
  const [first, second] = chapterIds;
  expect(await changed(projectId)).toEqual([]);

  expect((await produce(platform, projectId, ['apple'])).status).toBe('succeeded');
  expect(await changed(projectId)).toEqual([]);

  // A pronunciation for a word no chapter says changes nothing; "afternoon" is said only in the second chapter.
  await addEntry(projectId, 'zebra', 'horse');
  expect(await changed(projectId)).toEqual([]);
  await addEntry(projectId, 'afternoon', 'evening');
  expect(await changed(projectId)).toEqual([second]);

  // Mr. Darcy speaks only in the first chapter.
  await setVoice(projectId, 'char-darcy', 'en-US-EspeakMale1');
  expect(await changed(projectId)).toEqual([first, second]);

  // Produced again, the book sounds as it is now.
  expect((await produce(platform, projectId, ['apple'])).status).toBe('succeeded');
  expect(await changed(projectId)).toEqual([]);

  // The pauses shape every chapter; set back as they were, the masters match again.
  await setPauses(projectId, { paragraph: 1200 });
  expect(await changed(projectId)).toEqual([first, second]);
  await setPauses(projectId, {});
  expect(await changed(projectId)).toEqual([]);

  // One answer reads the same documents for a book of four chapters as for one of two, and never a line. Each book
  // gets an entry stored since its masters were made, so both answers also read the chapters' text to match it.
  await addEntry(projectId, 'unicorn', 'horse');
  expect(await changed(projectId)).toEqual([]);
  const twoChapters = await requestsOfOneAnswer(projectId);
  expect(twoChapters.filter((request) => request.includes('/colls/segments'))).toEqual([]);
  const bigger = await plannedBook(platform, {
    title: 'Four chapters',
    chapters: [...SEED_CHAPTERS, ...SEED_CHAPTERS],
  });
  await copyMaster((await chapters.get(TENANT, projectId, first))!, bigger.projectId, bigger.chapterIds);
  await addEntry(bigger.projectId, 'unicorn', 'horse');
  // Cast as the first book is, its chapters sound as the copied masters did.
  await setVoice(bigger.projectId, 'char-darcy', 'en-US-EspeakMale1');
  expect(await changed(bigger.projectId)).toEqual([]);
  expect(await requestsOfOneAnswer(bigger.projectId)).toEqual(twoChapters);
});

test('a master made before its sound was recorded is named when what may shape it was stored after it', async () => {
  const { projectId, chapterIds } = await plannedBook(platform, { title: 'Made before' });
  const [first, second] = chapterIds;
  expect((await produce(platform, projectId, ['apple'])).status).toBe('succeeded');
  for (const chapterId of chapterIds) await forgetSound(projectId, chapterId);
  expect(await changed(projectId)).toEqual([]);

  await addEntry(projectId, 'afternoon', 'evening');
  expect(await changed(projectId)).toEqual([second]);
  // The seeded chapters keep no plan totals, so who speaks in them is not known: a recast names them all.
  await setVoice(projectId, 'char-darcy', 'en-US-EspeakMale1');
  expect(await changed(projectId)).toEqual([first, second]);
});
