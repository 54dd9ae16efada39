/**
 * The corpus novel's opening chapters planned with FAULT_INJECT_PLAN_WRITE: the first attempt at writing every
 * chapter's segments stops halfway with an error, so every chapter is planned through a retry over half a stored
 * generation. The plan job takes chapters one at a time, so a few chapters (several listing pages of segments) meet
 * every path the whole book would; the whole book only multiplied the run time. The job
 * still succeeds; the durable history shows exactly one injected failure per chapter; every chapter has exactly one
 * generation spelling its text at contiguous positions, with no duplicate position anywhere; the job's counts, the
 * listing and the project's counters all equal what is stored. Writes what it measured to
 * test-output/plan-integrity.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Services } from '../../adapters/compositionRoot';
import { planBookActivities } from '../../orchestrations/activities/planBookActivities';
import { allSegments } from '../planning/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import {
  consistencyCheck,
  corpusOpening,
  createProject,
  CREATOR,
  finishedJob,
  importManuscript,
  planFailures,
  servicesFor,
  startJob,
  storedPlan,
  TENANT,
} from './support';

let platform: TestPlatform;
let svc: Services;

jest.setTimeout(30 * 60_000);

/** More than one chapter, so a fault and its retry are followed by the next chapter's; far more than a page of segments. */
const CHAPTERS = 6;

beforeAll(async () => {
  platform = await startTestPlatform({
    env: { RATE_LIMIT_PER_MINUTE: '1000000', FAULT_INJECT_PLAN_WRITE: 'true' },
  });
  svc = await servicesFor(platform);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

interface HistoryEntry {
  EventType: string;
  FunctionName?: string;
  Reason?: string;
}

/** The orchestration's history from the durable management API (the job id is the instance id). */
async function history(jobId: string): Promise<HistoryEntry[]> {
  const base = platform.urls.api.replace(/\/api$/, '');
  const res = await fetch(`${base}/runtime/webhooks/durabletask/instances/${jobId}?showHistory=true`);
  return ((await res.json()) as { history: HistoryEntry[] }).history;
}

test('every chapter of the novel planned through a failed half-write and a retry: one plan each, counts exact', async () => {
  const projectId = await createProject(platform, 'Pride and Prejudice, with faults');
  await importManuscript(platform, projectId, corpusOpening(CHAPTERS), 'opening.txt');
  const detected = await finishedJob(platform, projectId, await startJob(platform, projectId, '/characters/detect'));
  expect(detected.status).toBe('succeeded');
  const chapterIds = (await storedPlan(svc, projectId)).chapters.map((chapter) => chapter.id);
  expect(chapterIds.length).toBeGreaterThanOrEqual(CHAPTERS);

  const started = Date.now();
  const jobId = await startJob(platform, projectId, '/plan');
  const job = await finishedJob(platform, projectId, jobId);
  const seconds = (Date.now() - started) / 1000;
  expect(job.error ?? null).toBeNull();
  expect(job.status).toBe('succeeded');

  const injected = (await history(jobId)).filter(
    (e) =>
      e.EventType === 'TaskFailed' &&
      e.FunctionName === planBookActivities.chapter &&
      /Injected fault/.test(e.Reason ?? ''),
  );
  expect(injected).toHaveLength(chapterIds.length);

  const stored = await storedPlan(svc, projectId);
  const failures = planFailures(stored);
  expect(failures).toEqual([]);
  expect(stored.strays).toEqual([]);
  const listed = await allSegments(platform, CREATOR, projectId);
  const positions = new Set(listed.map((s) => `${s.chapterId}#${s.index}`));
  const duplicates = listed.length - positions.size;
  expect(duplicates).toBe(0);
  expect(listed.length).toBe(stored.segments);
  // Listed across several pages (the listing's default page is 100), as the whole book was.
  expect(listed.length).toBeGreaterThan(200);
  expect(job.result).toMatchObject({ chapters: chapterIds.length, segments: stored.segments, flagged: stored.flagged });
  expect(job.progress).toMatchObject({ segmentsDone: stored.segments, segmentsTotal: stored.segments });
  const facts = (await svc.projects.find(TENANT, projectId))!.facts;
  expect(facts.segmentCount).toBe(stored.segments);
  const report = await consistencyCheck(platform, projectId);
  expect(report.found).toMatchObject({ consistent: true, chapterProblems: [], leftoverSegments: 0 });

  const measured = {
    book: `the corpus novel's first ${CHAPTERS} chapters`,
    chapters: chapterIds.length,
    segments: stored.segments,
    flagged: stored.flagged,
    injectedWriteFailures: injected.length,
    duplicatePositions: duplicates,
    chaptersFailingInvariant: failures.length,
    leftoverSegments: stored.strays.length,
    planSeconds: Math.round(seconds),
  };
  mkdirSync(path.join(__dirname, '..', '..', 'test-output'), { recursive: true });
  writeFileSync(
    path.join(__dirname, '..', '..', 'test-output', 'plan-integrity.json'),
    JSON.stringify(measured, null, 2),
  );
  console.log(`plan integrity under fault injection: ${JSON.stringify(measured)}`);
});
