/**
 * A plan survives its host being killed: the Functions host runs in its own process and is SIGKILLed twice while it
 * plans the corpus novel's first 24 chapters, once between chapters and once in the middle of a chapter's segment write. A new host
 * finishes the job; every chapter then has exactly one generation of segments spelling its text at contiguous
 * positions, the chapter caught mid-write committed the very generation it had started (its segments written before
 * the kill untouched), and the job's counts equal what is stored.
 */
import type { Services } from '../../adapters/compositionRoot';
import type { SegmentRecord } from '../../core/book/records';
import { committedGeneration } from '../../core/planning/planGenerations';
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
  type JobView,
} from './support';

let platform: TestPlatform;
let svc: Services;

jest.setTimeout(30 * 60_000);

/**
 * Enough chapters that the plan is still going after the first kill and the host's restart, so a chapter can be
 * caught mid-write; the rest of the novel only lengthened the run.
 */
const CHAPTERS = 24;

beforeAll(async () => {
  platform = await startTestPlatform({ separateHostProcess: true, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  svc = await servicesFor(platform);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

async function job(projectId: string, jobId: string): Promise<JobView> {
  return (await (await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}`)).json()) as JobView;
}

/** Segments of `generation` stored for the chapter so far. */
async function generationSegments(projectId: string, chapterId: string, generation: number): Promise<SegmentRecord[]> {
  const page = await svc.book.segments.list(TENANT, projectId, {
    filter: {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'segment' },
        { field: 'chapterId', op: 'eq', value: chapterId },
        { field: 'planGeneration', op: 'eq', value: generation },
      ],
    },
    page: { pageSize: 1000 },
  });
  return page.items;
}

test('a host killed between chapters and in the middle of a segment write: one plan per chapter, counts as stored', async () => {
  const projectId = await createProject(platform, 'Killed while planning');
  await importManuscript(platform, projectId, corpusOpening(CHAPTERS), 'opening.txt');
  const chapterIds = (await storedPlan(svc, projectId)).chapters.map((chapter) => chapter.id);
  expect(chapterIds.length).toBeGreaterThan(20);
  const jobId = await startJob(platform, projectId, '/plan');

  // Between chapters (or wherever the job happens to be once a few chapters are done).
  for (let deadline = Date.now() + 600_000; (await job(projectId, jobId)).progress.chaptersDone < 3;) {
    if (Date.now() > deadline) throw new Error('planning never got going');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await platform.crashHost();

  // In the middle of a segment write: the chapter being planned has claimed a generation and stored part of it.
  let caught: { chapterId: string; generation: number; written: SegmentRecord[] } | undefined;
  for (let deadline = Date.now() + 600_000; !caught;) {
    if (Date.now() > deadline) throw new Error('never caught a chapter mid-write');
    const { chaptersDone } = (await job(projectId, jobId)).progress;
    if (chaptersDone >= chapterIds.length - 1) throw new Error('planning finished before a write was caught');
    const chapter = await svc.book.chapters.get(TENANT, projectId, chapterIds[chaptersDone]);
    const claim = chapter?.planning;
    if (!chapter || !claim || committedGeneration(chapter) === claim.generation) continue;
    const written = await generationSegments(projectId, chapter.id, claim.generation);
    if (written.length > 0) caught = { chapterId: chapter.id, generation: claim.generation, written };
  }
  await platform.crashHost();

  const done = await finishedJob(platform, projectId, jobId);
  expect(done.error ?? null).toBeNull();
  expect(done.status).toBe('succeeded');

  const stored = await storedPlan(svc, projectId);
  expect(planFailures(stored)).toEqual([]);
  expect(stored.strays).toEqual([]);
  expect(done.result).toMatchObject({
    chapters: chapterIds.length,
    segments: stored.segments,
    flagged: stored.flagged,
  });
  expect(done.progress).toMatchObject({ segmentsDone: stored.segments, segmentsTotal: stored.segments });

  // The interrupted chapter finished the generation it had started; what it had written was kept as written.
  const chapter = (await svc.book.chapters.get(TENANT, projectId, caught.chapterId))!;
  expect(committedGeneration(chapter)).toBe(caught.generation);
  const committed = new Map(stored.plans.get(caught.chapterId)!.map((s) => [s.id, s.etag]));
  for (const segment of caught.written) expect(committed.get(segment.id)).toBe(segment.etag);

  const report = await consistencyCheck(platform, projectId);
  expect(report.found).toMatchObject({ consistent: true, leftoverSegments: 0, orphanedSegments: 0 });
});
