/**
 * A line's speaker or words edited while a retake of another line is produced, after the chapter's synthesis and
 * before its mastering: the production pinned the chapter's lines when it listed them and synthesis recorded which
 * audio it made for each (core/production/chapterLinesPin.ts), so mastering masters exactly that and the job
 * succeeds. Were mastering to read the lines as they are then, it would look for the edited line's audio under an
 * address nothing rendered and fail with "Audio <hash>.wav was not found". The master records the plan revision its
 * lines had, so the chapter and the edited line show as changed, and the next production renders that line alone. A
 * proxy between the host and Cosmos holds mastering's first read of the chapter until the edit is stored.
 */
import { startCosmosWire, type CosmosWire, type CosmosWireRequest } from '../support/cosmosWire';
import { waitForJob } from '../api/isolation/fixtures';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { SEED_CHAPTERS } from './seedBook';
import { blobContainer, CREATOR, json, plannedBook, produce } from './support';

let proxy: CosmosWire;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({ env: { COSMOS_ENDPOINT: proxy.endpoint } });
  proxy.forwardTo(platform.urls.cosmos);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await proxy?.stop();
});

interface TimelineLine {
  segmentId: string;
  text: string;
  speakerId: string;
  rendered: boolean;
}

const segmentWrite = (request: CosmosWireRequest) =>
  request.method === 'PUT' && request.resource === '/dbs/*/colls/segments/docs/*';
const chapterRead = (request: CosmosWireRequest) =>
  request.method === 'GET' && request.resource === '/dbs/*/colls/chapters/docs/*';

/** Only the first matching request once `armed()` says so is held. */
function firstOnce(matches: (request: CosmosWireRequest) => boolean, armed: () => boolean) {
  let taken = false;
  return (request: CosmosWireRequest) => {
    if (taken || !armed() || !matches(request)) return false;
    taken = true;
    return true;
  };
}

async function retakeWithLineEditBeforeMastering(edit: { speakerId: string } | { text: string }): Promise<void> {
  const { projectId, chapterIds, segmentIds } = await plannedBook(platform, { chapters: [SEED_CHAPTERS[1]!] });
  expect((await produce(platform, projectId, ['apple'])).error).toBeNull();
  const [chapterId] = chapterIds as [string];
  const retaken = segmentIds[1]!;
  const edited = segmentIds[2]!;

  let takeWritten = false;
  const afterTakeWrite = proxy.arrival(segmentWrite).then(() => void (takeWritten = true));
  const held = proxy.hold(firstOnce(chapterRead, () => takeWritten));
  const masteringRead = afterTakeWrite.then(() => proxy.arrival(chapterRead));
  const started = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${retaken}/regenerate`, {
      method: 'POST',
      json: {},
    }),
    202,
  );
  await masteringRead;
  const line = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${edited}`);
  const etag = line.headers.get('etag')!;
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${edited}`, {
      method: 'PATCH',
      headers: { 'if-match': etag },
      json: edit,
    }),
    200,
  );
  held.release();

  const job = (await waitForJob(platform, CREATOR, projectId, started.job.id, 300_000)) as {
    status: string;
    error: unknown;
  };
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  const chapter = await json<{ masteredByJobId: string | null; planRevision: number; masterPlanRevision: number }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterId}`),
    200,
  );
  expect(chapter.masteredByJobId).toBe(started.job.id);
  // The master was made from the lines as they were before the edit: the chapter has changed since.
  expect(chapter.masterPlanRevision).toBeLessThan(chapter.planRevision);
  const timeline = await json<{ segments: TimelineLine[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterId}/timeline`),
    200,
  );
  const spoken = timeline.segments.filter((s) => s.text.trim() !== '');
  const notRendered = spoken.filter((s) => !s.rendered);
  expect(notRendered).toHaveLength(1);
  if ('text' in edit) expect(notRendered[0]!.text).toBe(edit.text);
  else expect(notRendered[0]!.speakerId).toBe(edit.speakerId);
  // Nothing the production pinned is left under its job.
  expect(await pinsOf(projectId)).toEqual([]);

  // The next production renders the edited line, and only it.
  const next = await produce(platform, projectId, ['apple']);
  expect(next.error).toBeNull();
  expect(next.result.synthesisCalls - next.result.credits.synthesisCalls).toBe(1);
}

async function pinsOf(projectId: string): Promise<string[]> {
  const pins: string[] = [];
  for await (const blob of blobContainer(platform).listBlobsFlat({ prefix: 'tenants/' }))
    if (blob.name.includes(`/projects/${projectId}/jobs/`)) pins.push(blob.name);
  return pins;
}

test("a line's speaker changed between a retake's synthesis and its chapter's mastering is left for the next production", async () => {
  await retakeWithLineEditBeforeMastering({ speakerId: 'char-darcy' });
});

test("a line's words edited between a retake's synthesis and its chapter's mastering are left for the next production", async () => {
  await retakeWithLineEditBeforeMastering({ text: '"We shall stay at home."' });
});
