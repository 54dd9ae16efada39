/**
 * The operator's consistency check: it finds every way a plan can break (a duplicated position, a missing segment,
 * a leftover generation, a segment whose chapter is gone, counters that drifted), repairs them, and afterwards the
 * project reads as consistent. Only the operator may run it. Plans written before generations existed still read.
 */
import type { SegmentRecord } from '../../core/book/records';
import { committedSegments } from '../../core/planning/planGenerations';
import { allSegments } from '../planning/support';
import type { TestPlatform } from '../support/testPlatform';
import {
  ADMIN,
  consistencyCheck,
  corpusOpening,
  createProject,
  CREATOR,
  finishedJob,
  importManuscript,
  OPERATOR,
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

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function plannedProject(title: string): Promise<string> {
  const projectId = await createProject(platform, title);
  await importManuscript(platform, projectId, corpusOpening(4), 'opening.txt');
  const job = await finishedJob(platform, projectId, await startJob(platform, projectId, '/plan'));
  expect(job.status).toBe('succeeded');
  return projectId;
}

async function planOf(projectId: string, chapterId: string): Promise<SegmentRecord[]> {
  const chapter = (await svc.book.chapters.get(TENANT, projectId, chapterId))!;
  return committedSegments(svc.book.segments, chapter);
}

test('finds duplicates, gaps, leftovers, orphans and drifted counters, and repairs them all', async () => {
  const projectId = await plannedProject('Broken plans');
  const clean = await consistencyCheck(platform, projectId);
  expect(clean.found).toMatchObject({
    consistent: true,
    chapterProblems: [],
    leftoverSegments: 0,
    orphanedSegments: 0,
  });
  expect(clean.repair).toBeNull();
  const before = await storedPlan(svc, projectId);
  const [, first, second, third] = before.chapters.map((chapter) => chapter.id);

  // What a retried write used to leave: a second segment at a position of the committed plan.
  const duplicated = (await planOf(projectId, first))[2];
  await svc.book.segments.create({ ...duplicated, id: `${duplicated.id}-again`, etag: undefined });
  // A lost segment in another chapter.
  const lost = (await planOf(projectId, second))[1];
  await svc.book.segments.delete(TENANT, projectId, lost.id);
  // Half of a generation nobody will commit, a segment of a chapter that no longer exists.
  const stray = (await planOf(projectId, third))[0];
  await svc.book.segments.create({ ...stray, id: `${third}_g77_0`, planGeneration: 77, etag: undefined });
  await svc.book.segments.create({ ...stray, id: 'orphan-segment', chapterId: 'chp_gone', etag: undefined });
  // Counters that drifted.
  await svc.projects.updateFacts(TENANT, projectId, { segmentCount: 5, characterCount: 40 });

  const found = (await consistencyCheck(platform, projectId)).found;
  expect(found.consistent).toBe(false);
  expect(found.chapterProblems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ chapterId: first, kind: 'duplicate_positions' }),
      expect.objectContaining({ chapterId: second, kind: 'missing_positions' }),
    ]),
  );
  expect(found.chapterProblems.every((p) => [first, second].includes(p.chapterId))).toBe(true);
  expect(found).toMatchObject({ leftoverSegments: 1, orphanedSegments: 1, inProgressSegments: 0 });
  const fact = (name: string) => found.facts.find((f) => f.fact === name)!;
  expect(fact('segmentCount')).toEqual({ fact: 'segmentCount', stored: 5, counted: before.segments });
  expect(fact('characterCount')).toMatchObject({ stored: 40 });

  // The listing shows only committed plans: never the leftover generation or the orphan.
  const listed = await allSegments(platform, CREATOR, projectId);
  expect(listed.some((s) => s.id === `${third}_g77_0` || s.id === 'orphan-segment')).toBe(false);

  const repaired = await consistencyCheck(platform, projectId, true);
  expect(repaired.repair).toMatchObject({ segmentsRemoved: 2, factsRecounted: true, chaptersNotRepaired: [] });
  expect([...repaired.repair!.chaptersReplanned].sort()).toEqual([first, second].sort());
  expect(repaired.repair!.after).toMatchObject({ consistent: true, chapterProblems: [], leftoverSegments: 0 });
  const after = await storedPlan(svc, projectId);
  expect(planFailures(after)).toEqual([]);
  expect(after.strays).toEqual([]);
  expect(after.segments).toBe(before.segments);
  expect((await svc.projects.find(TENANT, projectId))!.facts.segmentCount).toBe(before.segments);
  expect((await consistencyCheck(platform, projectId)).found.consistent).toBe(true);
});

test('a count of the lines flagged for review that drifted is found and recounted', async () => {
  const projectId = await plannedProject('Drifted flags');
  const counted = (await consistencyCheck(platform, projectId)).found.facts.find((f) => f.fact === 'segmentsFlagged');
  expect(counted).toBeDefined();
  const drifted = counted!.counted + 3;
  await svc.projects.updateFacts(TENANT, projectId, { segmentsFlagged: drifted });

  const found = (await consistencyCheck(platform, projectId)).found;
  expect(found.consistent).toBe(false);
  expect(found.facts).toContainEqual({ fact: 'segmentsFlagged', stored: drifted, counted: counted!.counted });

  const repaired = await consistencyCheck(platform, projectId, true);
  expect(repaired.repair!.after.consistent).toBe(true);
  expect((await svc.projects.find(TENANT, projectId))!.facts.segmentsFlagged).toBe(counted!.counted);
});

test('while a job runs, uncommitted generations are in progress and repair is refused', async () => {
  const projectId = await plannedProject('Busy project');
  const chapterId = (await storedPlan(svc, projectId)).chapters[1].id;
  const pending = (await planOf(projectId, chapterId))[0];
  await svc.book.segments.create({ ...pending, id: `${chapterId}_g9_0`, planGeneration: 9, etag: undefined });
  const job = await runningPlanJob(svc, projectId);

  const found = (await consistencyCheck(platform, projectId)).found;
  expect(found).toMatchObject({ inProgressSegments: 1, leftoverSegments: 0, consistent: true });
  const refused = await platform.api(
    OPERATOR,
    `/v1/operator/tenants/${TENANT}/projects/${projectId}/consistency-check`,
    { method: 'POST', json: { repair: true } },
  );
  expect(refused.status).toBe(409);
  await refused.arrayBuffer();

  await svc.jobs.finish(TENANT, projectId, job.id, { status: 'cancelled' });
  const repaired = await consistencyCheck(platform, projectId, true);
  expect(repaired.found.leftoverSegments).toBe(1);
  expect(repaired.repair!.after.consistent).toBe(true);
});

test('only the operator may check; unknown projects and bad bodies are refused clearly', async () => {
  const projectId = await createProject(platform, 'Not for tenants');
  const path = `/v1/operator/tenants/${TENANT}/projects/${projectId}/consistency-check`;
  for (const user of [CREATOR, ADMIN]) {
    const res = await platform.api(user, path, { method: 'POST', json: {} });
    expect(res.status).toBe(403);
    await res.arrayBuffer();
  }
  const missing = await platform.api(
    OPERATOR,
    `/v1/operator/tenants/${TENANT}/projects/prj_missing/consistency-check`,
    {
      method: 'POST',
      json: {},
    },
  );
  expect(missing.status).toBe(404);
  await missing.arrayBuffer();
  const otherTenant = await platform.api(
    OPERATOR,
    `/v1/operator/tenants/t-pampa/projects/${projectId}/consistency-check`,
    {
      method: 'POST',
      json: {},
    },
  );
  expect(otherTenant.status).toBe(404);
  await otherTenant.arrayBuffer();
  const bad = await platform.api(OPERATOR, path, { method: 'POST', json: { repair: 'yes', extra: 1 } });
  expect(bad.status).toBe(400);
  const body = (await bad.json()) as { error: { details: { fields: { field: string }[] } } };
  expect(body.error.details.fields.map((f) => f.field).sort()).toEqual(['extra', 'repair']);
  // An empty project is consistent.
  expect((await consistencyCheck(platform, projectId)).found.consistent).toBe(true);
});

test('a plan stored before generations existed still reads, edits and re-plans', async () => {
  const projectId = await plannedProject('Older plan');
  const chapter = (await storedPlan(svc, projectId)).chapters[1];
  const plan = await planOf(projectId, chapter.id);
  // Rewrite the chapter's plan the way it was stored before: no generation on the segments or the chapter.
  for (const segment of plan) {
    await svc.book.segments.delete(TENANT, projectId, segment.id);
    const { planGeneration: _generation, etag: _etag, ...unversioned } = segment;
    await svc.book.segments.create({ ...unversioned, id: `old-${segment.index}-${chapter.id}` });
  }
  const current = (await svc.book.chapters.get(TENANT, projectId, chapter.id))!;
  const { planGeneration: _g, planJobId: _j, planning: _p, ...older } = current;
  await svc.book.chapters.replace(older, current.etag!);

  const listed = (await allSegments(platform, CREATOR, projectId)).filter((s) => s.chapterId === chapter.id);
  expect(listed.map((s) => s.text).join('')).toBe(chapter.text);
  expect(listed.every((s) => s.id.startsWith('old-'))).toBe(true);
  expect((await consistencyCheck(platform, projectId)).found.consistent).toBe(true);

  const edited = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${listed[1].id}`, {
    method: 'PATCH',
    headers: { 'if-match': listed[1].etag },
    json: { speakerId: 'narrator' },
  });
  expect(edited.status).toBe(200);
  await edited.arrayBuffer();

  const job = await finishedJob(
    platform,
    projectId,
    await startJob(platform, projectId, '/plan', { chapterIds: [chapter.id] }),
  );
  expect(job.status).toBe('succeeded');
  const after = await storedPlan(svc, projectId);
  expect(planFailures(after)).toEqual([]);
  expect(after.strays).toEqual([]);
  expect(after.plans.get(chapter.id)!.some((s) => s.id.startsWith('old-'))).toBe(false);
  expect(job.result).toMatchObject({ chapters: 1, segments: after.plans.get(chapter.id)!.length });
});
