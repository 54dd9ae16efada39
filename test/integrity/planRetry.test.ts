/**
 * Planning is idempotent and atomic per chapter: a step retried by hand after failing halfway through its segment
 * write, the same step replayed 20 times at once, 20 planners of different jobs racing on one chapter, and 20 plans of
 * one project started in parallel all leave exactly one generation of segments per chapter, spelling its text at
 * contiguous positions, with the job's counts equal to what is stored. Runs the job's steps in this process against
 * the platform's real Cosmos emulator, as the orchestration would.
 */
import { buildRecordCollections } from '../../adapters/cosmos/recordCollections';
import type { PlanWriteFaults } from '../../core/planning/chapterPlanWriter';
import { committedSegments } from '../../core/planning/planGenerations';
import { PlanService } from '../../core/planning/planService';
import { planBookChapter, planBookFinish, planBookStart } from '../../core/jobs/planBookJob';
import { allSegments } from '../planning/support';
import type { TestPlatform } from '../support/testPlatform';
import {
  consistencyCheck,
  corpusOpening,
  createProject,
  CREATOR,
  finishedJob,
  importManuscript,
  planFailures,
  runningPlanJob,
  servicesFor,
  startJob,
  storedPlan,
  TENANT,
  type TestServices,
} from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;
let svc: TestServices;
let projectId: string;
let chapterIds: string[];

jest.setTimeout(20 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
  projectId = await createProject(platform, 'Retried planning');
  await importManuscript(platform, projectId, corpusOpening(5), 'opening.txt');
  chapterIds = (await storedPlan(svc, projectId)).chapters.map((chapter) => chapter.id);
  const first = await finishedJob(platform, projectId, await startJob(platform, projectId, '/plan'));
  expect(first.status).toBe('succeeded');
}, 600_000);
afterAll(async () => {
  await platform?.stop();
});

/** A planner whose segment write throws halfway through, once per chapter, as a crash in the middle would. */
function plannerFailingHalfway(): { planner: PlanService; failures: string[] } {
  const failures: string[] = [];
  const faults: PlanWriteFaults = {
    afterPartialWrite({ chapterId }) {
      if (failures.includes(chapterId)) return;
      failures.push(chapterId);
      throw new Error('injected: stopped halfway');
    },
  };
  const planner = new PlanService({
    chapters: svc.book.chapters,
    segments: svc.book.segments,
    characters: svc.book.characters,
    settings: buildRecordCollections(svc.database).pausePolicies,
    projects: svc.projects,
    clock: svc.clock,
    ids: svc.ids,
    faults,
  });
  return { planner, failures };
}

async function expectOneCommittedPlan(): Promise<void> {
  const plan = await storedPlan(svc, projectId);
  expect(planFailures(plan)).toEqual([]);
  expect(plan.strays).toEqual([]);
  const listed = await allSegments(platform, CREATOR, projectId);
  expect(listed.length).toBe(plan.segments);
  expect(new Set(listed.map((s) => `${s.chapterId}#${s.index}`)).size).toBe(listed.length);
}

const etagsOf = async (chapterId: string) => {
  const chapter = (await svc.book.chapters.get(TENANT, projectId, chapterId))!;
  return new Map((await committedSegments(svc.book.segments, chapter)).map((s) => [s.id, s.etag]));
};

test('a step that failed halfway through its write, retried by hand, completes the same generation', async () => {
  await expectOneCommittedPlan();
  const job = await runningPlanJob(svc, projectId);
  const ref = { tenantId: TENANT, projectId, jobId: job.id, userId: 'u-andes-creator' };
  const start = await planBookStart(svc, ref);
  if (start.status !== 'running') throw new Error('the job was not running');
  expect(start.chapterIds).toEqual(chapterIds);
  const chapterId = chapterIds[1];
  const before = await storedPlan(svc, projectId);

  const { planner, failures } = plannerFailingHalfway();
  await expect(
    planner.planChapter(TENANT, projectId, chapterId, svc.analysis.attribution, 'en-GB', job.id),
  ).rejects.toThrow('injected');
  expect(failures).toEqual([chapterId]);
  // Readers still see the committed plan, whole; half of the new generation waits beside it.
  const halfway = await storedPlan(svc, projectId);
  expect(planFailures(halfway)).toEqual([]);
  expect(halfway.segments).toBe(before.segments);
  const written = before.plans.get(chapterId)!.length;
  expect(halfway.strays.length).toBe(Math.ceil(written / 2));
  const halfEtags = new Map(halfway.strays.map((s) => [s.id, s.etag]));

  // The retry: same job, same chapter.
  const retried = await planBookChapter(svc, {
    ...ref,
    chapterId,
    position: 1,
    total: chapterIds.length,
    segmentsBefore: 0,
  });
  expect(retried).toMatchObject({ status: 'planned', segments: written });
  await expectOneCommittedPlan();
  const committed = await etagsOf(chapterId);
  // The same generation was finished: the segments written before the failure were kept, not written again.
  for (const [id, etag] of halfEtags) expect(committed.get(id)).toBe(etag);

  // Replayed once more (a duplicate delivery): nothing is written.
  const replayed = await planBookChapter(svc, {
    ...ref,
    chapterId,
    position: 1,
    total: chapterIds.length,
    segmentsBefore: 0,
  });
  expect(replayed).toEqual(retried);
  expect(await etagsOf(chapterId)).toEqual(committed);

  // The rest of the job, then its end: the job reports what is stored.
  let segmentsBefore = 0;
  for (const [position, id] of chapterIds.entries()) {
    const outcome = await planBookChapter(svc, {
      ...ref,
      chapterId: id,
      position,
      total: chapterIds.length,
      segmentsBefore,
    });
    if (outcome.status !== 'planned') throw new Error('cancelled');
    segmentsBefore += outcome.segments;
  }
  // A retried step sets progress to totals: running the last one again changes nothing.
  await planBookChapter(svc, {
    ...ref,
    chapterId: chapterIds[chapterIds.length - 1],
    position: chapterIds.length - 1,
    total: chapterIds.length,
    segmentsBefore:
      segmentsBefore - (await storedPlan(svc, projectId)).plans.get(chapterIds[chapterIds.length - 1])!.length,
  });
  await planBookFinish(svc, { ...ref, outcome: 'succeeded', chapterIds: start.chapterIds, tokens: 0 });
  const stored = await storedPlan(svc, projectId);
  const finished = (await svc.jobs.find(TENANT, projectId, job.id))!;
  expect(finished.status).toBe('succeeded');
  expect(finished.result).toMatchObject({
    chapters: chapterIds.length,
    segments: stored.segments,
    flagged: stored.flagged,
  });
  expect(finished.progress).toMatchObject({ segmentsDone: stored.segments, segmentsTotal: stored.segments });
  expect(segmentsBefore).toBe(stored.segments);
  expect((await consistencyCheck(platform, projectId)).found.consistent).toBe(true);
});

test('20 parallel replays of one chapter step commit one generation and all report it', async () => {
  const job = await runningPlanJob(svc, projectId);
  const input = {
    tenantId: TENANT,
    projectId,
    jobId: job.id,
    userId: 'u-andes-creator',
    chapterId: chapterIds[2],
    position: 2,
    total: chapterIds.length,
    segmentsBefore: 0,
  };
  const outcomes = await Promise.all(Array.from({ length: 20 }, () => planBookChapter(svc, input)));
  await expectOneCommittedPlan();
  const stored = (await storedPlan(svc, projectId)).plans.get(chapterIds[2])!;
  for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 'planned', segments: stored.length });
  const chapter = (await svc.book.chapters.get(TENANT, projectId, chapterIds[2]))!;
  expect(chapter.planJobId).toBe(job.id);
  expect(chapter.planning ?? null).toBeNull();
});

test('20 planners of different jobs racing on one chapter leave the newest plan whole and nothing else', async () => {
  const chapterId = chapterIds[3];
  const jobs = Array.from({ length: 20 }, (_, i) => `race-${i}`);
  const summaries = await Promise.all(
    jobs.map((jobId) =>
      svc.planning.planChapter(TENANT, projectId, chapterId, svc.analysis.attribution, 'en-GB', jobId),
    ),
  );
  await expectOneCommittedPlan();
  const chapter = (await svc.book.chapters.get(TENANT, projectId, chapterId))!;
  const plan = (await storedPlan(svc, projectId)).plans.get(chapterId)!;
  expect(jobs).toContain(chapter.planJobId);
  for (const summary of summaries) expect(summary.segments).toBe(plan.length);
  expect((await consistencyCheck(platform, projectId)).found.consistent).toBe(true);
});

test('20 plans of one project started in parallel: every chapter planned once, each job reports what is stored', async () => {
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      platform.api(CREATOR, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} }),
    ),
  );
  const started: string[] = [];
  for (const res of responses) {
    const body = (await res.json()) as { job?: { id: string } };
    if (res.status === 202) started.push(body.job!.id);
    else expect(res.status).toBe(409);
  }
  expect(started.length).toBeGreaterThanOrEqual(1);
  const jobs = await Promise.all(started.map((id) => finishedJob(platform, projectId, id)));
  await expectOneCommittedPlan();
  const stored = await storedPlan(svc, projectId);
  for (const job of jobs) {
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ chapters: chapterIds.length, segments: stored.segments });
    expect(job.progress).toMatchObject({ segmentsDone: stored.segments, segmentsTotal: stored.segments });
  }
  const report = await consistencyCheck(platform, projectId);
  expect(report.found).toMatchObject({ consistent: true, leftoverSegments: 0, chapterProblems: [] });
});
