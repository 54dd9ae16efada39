/**
 * A production whose chapter listing and mastering each fail once halfway with a store error of the moment
 * (FAULT_INJECT_PRODUCTION_STEPS: a 503 after the listing has pinned the chapter's lines, and after mastering has
 * stored the master and its encodings) succeeds through the orchestration's retries, with exactly the outputs of a
 * clean production of the same book in another tenant on the same platform: the same segment audio, the same masters
 * and encodings byte for byte, the same totals; and nothing left under the job's pin prefix.
 */
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { blobHashes, plannedBook, produce, tenantOf } from '../production/support';

jest.setTimeout(15 * 60_000);

const CLEAN = 'creator@andes.test';
const FAULTED = 'creator@pampa.test';

// Activity names (orchestrations/activities/productionActivities.ts; importing it would register every activity).
const LISTING = 'productionListSegmentBatches';
const MASTERING = 'productionMasterChapter';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { FAULT_INJECT_PRODUCTION_STEPS: tenantOf(FAULTED) } });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

interface HistoryEntry {
  EventType: string;
  FunctionName?: string;
}

async function history(instanceId: string): Promise<HistoryEntry[]> {
  const base = platform.urls.api.replace(/\/api$/, '');
  const res = await fetch(`${base}/runtime/webhooks/durabletask/instances/${instanceId}?showHistory=true`);
  return ((await res.json()) as { history: HistoryEntry[] }).history;
}

/** Per chapter, in reading order: its stored master and encodings, by name below the chapter's folder, and hash. */
async function chapterAudio(user: string, projectId: string, chapterIds: string[]): Promise<Record<string, string>[]> {
  const project = `tenants/${tenantOf(user)}/projects/${projectId}/`;
  return Promise.all(
    chapterIds.map(async (chapterId) => {
      const folder = `${project}audio/chapters/${chapterId}/`;
      const stored = await blobHashes(platform, folder);
      return Object.fromEntries([...stored].map(([name, hash]) => [name.slice(folder.length), hash]));
    }),
  );
}

/** Segment audio stored for the project: content-addressed names below the project, and their hashes. */
async function segmentAudio(user: string, projectId: string): Promise<Map<string, string>> {
  const folder = `tenants/${tenantOf(user)}/projects/${projectId}/audio/segments/`;
  const stored = await blobHashes(platform, folder);
  return new Map([...stored].map(([name, hash]) => [name.slice(folder.length), hash]));
}

test('listing and mastering that fail once halfway are retried: the production ends as a clean one does', async () => {
  // The same title: the packages' spoken credits say it, and their audio is stored beside the segments'.
  const clean = await plannedBook(platform, { user: CLEAN, title: 'Twice Told' });
  const faulted = await plannedBook(platform, { user: FAULTED, title: 'Twice Told' });
  const cleanJob = await produce(platform, clean.projectId, ['apple'], CLEAN);
  const faultedJob = await produce(platform, faulted.projectId, ['apple'], FAULTED);
  expect(cleanJob).toMatchObject({ status: 'succeeded', error: null });
  expect(faultedJob).toMatchObject({ status: 'succeeded', error: null });

  // Each chapter's listing and mastering failed exactly once and ran again; the clean production's never failed.
  for (const [job, chapterIds, failuresEach] of [
    [faultedJob, faulted.chapterIds, 1],
    [cleanJob, clean.chapterIds, 0],
  ] as const) {
    for (const chapterId of chapterIds) {
      const failed = (await history(`${job.id}-${chapterId}`)).filter((e) => e.EventType === 'TaskFailed');
      const failedStep = (name: string) => failed.filter((e) => e.FunctionName === name).length;
      expect(failedStep(LISTING)).toBe(failuresEach);
      expect(failedStep(MASTERING)).toBe(failuresEach);
      expect(failed).toHaveLength(2 * failuresEach);
    }
  }

  const { segments, synthesisCalls, cacheHits, duplicateWrites, durationSec, chapters } = cleanJob.result;
  expect(faultedJob.result).toMatchObject({ segments, synthesisCalls, cacheHits, duplicateWrites, chapters });
  expect(faultedJob.result.durationSec).toBeCloseTo(durationSec, 6);
  expect(await segmentAudio(FAULTED, faulted.projectId)).toEqual(await segmentAudio(CLEAN, clean.projectId));
  const cleanMasters = await chapterAudio(CLEAN, clean.projectId, clean.chapterIds);
  expect(cleanMasters.every((files) => Object.keys(files).length >= 2)).toBe(true);
  expect(await chapterAudio(FAULTED, faulted.projectId, faulted.chapterIds)).toEqual(cleanMasters);
  const pins = await blobHashes(platform, `tenants/${tenantOf(FAULTED)}/projects/${faulted.projectId}/jobs/`);
  expect([...pins.keys()]).toEqual([]);
});
