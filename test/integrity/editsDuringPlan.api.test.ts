import type { SegmentRecord } from '../../core/book/records';
import type { TenantPrincipal } from '../../core/auth/principal';
import { ChapterPlanWriter } from '../../core/planning/chapterPlanWriter';
import { committedSegments, plannedSegmentId } from '../../core/planning/planGenerations';
import { SegmentService } from '../../core/planning/segmentService';
import type { TypedCollection } from '../../core/ports/typedCollection';
import { ProjectJobLocks, type ProjectJobLock } from '../../core/jobs/projectJobLock';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import type { JobRecord } from '../../core/jobs/job';
import type { OrchestrationClient } from '../../core/ports/orchestrations';
import type { TestPlatform } from '../support/testPlatform';
import {
  consistencyCheck,
  corpusOpening,
  createProject,
  CREATOR,
  finishedJob,
  importManuscript,
  json,
  planFailures,
  servicesFor,
  startJob,
  storedPlan,
  TENANT,
  type TestServices,
} from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * Segment edits made while the same chapter is planned again are never lost: while a plan job runs they are refused
 * (409 job_in_progress); an edit that got past that check just before the plan started is either in the new plan or
 * answered 409 — never acknowledged and then dropped. On the real local platform (docs/planning.md, "Segment edits
 * and re-planning").
 */
let platform: TestPlatform;
let svc: TestServices;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
});
afterAll(async () => {
  await platform?.stop();
});

interface SegmentJson {
  id: string;
  chapterId: string;
  index: number;
  text: string;
  speakerId: string;
  speakerSource: string;
  etag: string;
}

/** No plan job holds the project where the service is called directly, so the runtime is never asked. */
const noPlanRunning = new Proxy({} as OrchestrationClient, {
  get() {
    throw new Error('no plan job holds this project: the runtime is not asked');
  },
});

const CREATOR_PRINCIPAL: TenantPrincipal = {
  kind: 'tenant-user',
  userId: 'u-andes-creator',
  tenantId: TENANT,
  role: 'creator',
};

async function chapterSegments(projectId: string, chapterId: string): Promise<SegmentJson[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${chapterId}&pageSize=1000`);
  return (await json<{ items: SegmentJson[] }>(res, 200)).items;
}

async function plannedBook(chapters: number): Promise<{ projectId: string; chapterIds: string[] }> {
  const projectId = await createProject(platform, 'Edits during planning');
  await importManuscript(platform, projectId, corpusOpening(chapters), 'opening.txt');
  const plan = await finishedJob(platform, projectId, await startJob(platform, projectId, '/plan'));
  expect(plan.status).toBe('succeeded');
  const chapterIds = (await storedPlan(svc, projectId)).chapters.map((chapter) => chapter.id);
  return { projectId, chapterIds };
}

/** Segments whose text appears once in the chapter, so the new plan's segment for each is unambiguous. */
function uniquelyWorded(segments: SegmentJson[]): SegmentJson[] {
  const counts = new Map<string, number>();
  for (const segment of segments) counts.set(segment.text, (counts.get(segment.text) ?? 0) + 1);
  return segments.filter((segment) => counts.get(segment.text) === 1 && segment.text.trim().length > 0);
}

function setSpeaker(projectId: string, segment: SegmentJson, speakerId: string): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segment.id}`, {
    method: 'PATCH',
    headers: { 'if-match': segment.etag },
    json: { speakerId },
  });
}

/** A planner's next generation of the chapter, copied from the segments it read (as a re-plan cuts the same text). */
async function readForNewGeneration(projectId: string, chapterId: string, jobId: string) {
  const writer = new ChapterPlanWriter({ chapters: svc.book.chapters, segments: svc.book.segments, clock: svc.clock });
  const claimed = await writer.claim(TENANT, projectId, chapterId, jobId);
  if (claimed.kind !== 'claimed') throw new Error(`claim: ${claimed.kind}`);
  const read = await committedSegments(svc.book.segments, claimed.chapter);
  const records: SegmentRecord[] = read.map((segment) => ({
    ...segment,
    id: plannedSegmentId(chapterId, claimed.claim.generation, segment.index),
    planGeneration: claimed.claim.generation,
    etag: undefined,
  }));
  return { writer, claim: claimed.claim, records };
}

/** The segment service of the platform, over `segments` (a collection that plays a race out). */
function editingService(segments: TypedCollection<SegmentRecord>): SegmentService {
  const jobsContainer = svc.database.container('jobs');
  return new SegmentService({
    chapters: svc.book.chapters,
    segments,
    characters: svc.book.characters,
    projects: svc.projects,
    clock: svc.clock,
    ids: svc.ids,
    planJobs: {
      locks: new ProjectJobLocks({
        locks: new CosmosProjectCollection<ProjectJobLock>(jobsContainer),
        clock: svc.clock,
      }),
      jobs: new CosmosProjectCollection<JobRecord>(jobsContainer),
      settlement: svc.jobs,
    },
  });
}

describe('segment edits while the chapter is planned again', () => {
  it('a plan generation built before an edit was stored is not committed; the plan is cut again with the edit', async () => {
    const { projectId, chapterIds } = await plannedBook(1);
    const chapterId = chapterIds[chapterIds.length - 1];
    const [editFor] = uniquelyWorded(await chapterSegments(projectId, chapterId));
    const speaker = editFor.speakerId === 'narrator' ? 'unknown' : 'narrator';

    // The planner has claimed its generation and read the segments; then the edit is stored and acknowledged.
    const planner = await readForNewGeneration(projectId, chapterId, 'job_replan_under_edit');
    expect((await setSpeaker(projectId, editFor, speaker)).status).toBe(200);
    await planner.writer.write(planner.claim, planner.records);
    const outcome = await planner.writer.commit(TENANT, projectId, chapterId, planner.claim, null);
    expect(outcome.kind).toBe('edited');

    // The acknowledged edit is the plan; the refused generation is gone.
    const after = (await chapterSegments(projectId, chapterId)).find((segment) => segment.text === editFor.text)!;
    expect(after).toMatchObject({ id: editFor.id, speakerId: speaker, speakerSource: 'user' });
    const plan = await storedPlan(svc, projectId);
    expect(plan.strays.filter((segment) => segment.chapterId === chapterId)).toEqual([]);

    // Planning it for real now starts from the edited plan, and keeps the user's choice.
    const summary = await svc.planning.planChapter(
      TENANT,
      projectId,
      chapterId,
      svc.analysis.attribution,
      'en-GB',
      'job_replan_after_edit',
    );
    expect(summary.segments).toBeGreaterThan(1);
    const replanned = (await chapterSegments(projectId, chapterId)).find((segment) => segment.text === editFor.text)!;
    expect(replanned).toMatchObject({ speakerId: speaker, speakerSource: 'user' });
    expect(replanned.id).not.toBe(editFor.id);
  });

  it('an edit whose generation was replaced while it was stored answers 409 instead of being acknowledged', async () => {
    const { projectId, chapterIds } = await plannedBook(1);
    const chapterId = chapterIds[chapterIds.length - 1];
    const [editFor] = uniquelyWorded(await chapterSegments(projectId, chapterId));
    // A re-plan reads the segments just before the edit's segment write and commits right after it, before the edit
    // is counted on the chapter.
    let replanned = false;
    const segments: TypedCollection<SegmentRecord> = Object.assign(
      Object.create(svc.book.segments) as TypedCollection<SegmentRecord>,
      {
        replace: async (doc: SegmentRecord, etag: string) => {
          if (replanned) return svc.book.segments.replace(doc, etag);
          replanned = true;
          const planner = await readForNewGeneration(projectId, chapterId, 'job_replan_during_edit');
          const saved = await svc.book.segments.replace(doc, etag);
          await planner.writer.write(planner.claim, planner.records);
          expect((await planner.writer.commit(TENANT, projectId, chapterId, planner.claim, null)).kind).toBe(
            'committed',
          );
          return saved;
        },
      },
    );
    const editing = editingService(segments);
    const speaker = editFor.speakerId === 'narrator' ? 'unknown' : 'narrator';
    await expect(
      editing.update(CREATOR_PRINCIPAL, projectId, editFor.id, editFor.etag, { speakerId: speaker }, noPlanRunning),
    ).rejects.toMatchObject({ code: 'plan_replaced' });
    expect(replanned).toBe(true);
    // Not kept, as the answer said: the committed plan is the re-plan's, without the edit.
    const now = (await chapterSegments(projectId, chapterId)).find((segment) => segment.text === editFor.text)!;
    expect(now.speakerId).toBe(editFor.speakerId);
    expect(now.id).not.toBe(editFor.id);
  });

  it('an edit whose segment a re-plan removed between its read and its write answers 409 plan_replaced', async () => {
    const { projectId, chapterIds } = await plannedBook(1);
    const chapterId = chapterIds[0];
    const [editFor] = uniquelyWorded(await chapterSegments(projectId, chapterId));
    // The edit has read the segment; a whole re-plan commits (removing the generation it replaced) before its write.
    const segments: TypedCollection<SegmentRecord> = Object.assign(
      Object.create(svc.book.segments) as TypedCollection<SegmentRecord>,
      {
        replace: async (doc: SegmentRecord, etag: string) => {
          const planner = await readForNewGeneration(projectId, chapterId, 'job_replan_before_write');
          await planner.writer.write(planner.claim, planner.records);
          expect((await planner.writer.commit(TENANT, projectId, chapterId, planner.claim, null)).kind).toBe(
            'committed',
          );
          return svc.book.segments.replace(doc, etag);
        },
      },
    );
    const speaker = editFor.speakerId === 'narrator' ? 'unknown' : 'narrator';
    await expect(
      editingService(segments).update(
        CREATOR_PRINCIPAL,
        projectId,
        editFor.id,
        editFor.etag,
        { speakerId: speaker },
        noPlanRunning,
      ),
    ).rejects.toMatchObject({ code: 'plan_replaced', details: { chapterId } });
    const now = (await chapterSegments(projectId, chapterId)).find((segment) => segment.text === editFor.text)!;
    expect(now.speakerId).toBe(editFor.speakerId);
  });

  it('edits of a segment that a re-plan replaced answer 409 plan_replaced, 20 at once, whichever way they edit', async () => {
    const { projectId, chapterIds } = await plannedBook(1);
    const chapterId = chapterIds[0];
    const [editFor] = uniquelyWorded(await chapterSegments(projectId, chapterId));
    const speaker = editFor.speakerId === 'narrator' ? 'unknown' : 'narrator';
    // The user's page still shows the plan a re-plan (finished meanwhile) replaced and removed.
    await svc.planning.planChapter(TENANT, projectId, chapterId, svc.analysis.attribution, 'en-GB', 'job_replan_first');
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await setSpeaker(projectId, editFor, speaker);
        return `${res.status} ${(await json<{ error: { code: string } }>(res, res.status)).error.code}`;
      }),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => '409 plan_replaced'));
    const segmentPath = `/v1/projects/${projectId}/segments/${editFor.id}`;
    const rewrites = [
      platform.api(CREATOR, segmentPath, {
        method: 'PATCH',
        headers: { 'if-match': editFor.etag },
        json: { text: 'Other words.' },
      }),
      platform.api(CREATOR, `${segmentPath}/split`, {
        method: 'POST',
        headers: { 'if-match': editFor.etag },
        json: { offset: 1 },
      }),
      platform.api(CREATOR, segmentPath, { method: 'DELETE', headers: { 'if-match': editFor.etag } }),
    ];
    for (const res of await Promise.all(rewrites)) {
      expect(res.status).toBe(409);
      expect((await json<{ error: { code: string } }>(res, 409)).error.code).toBe('plan_replaced');
    }
    // Reading it is still 404 (it is not part of the book), and so is an id no plan of the chapter ever committed.
    expect((await platform.api(CREATOR, segmentPath)).status).toBe(404);
    const neverCommitted = { ...editFor, id: `${chapterId}_g99_0` };
    expect((await setSpeaker(projectId, neverCommitted, speaker)).status).toBe(404);
    const final = (await chapterSegments(projectId, chapterId)).find((segment) => segment.text === editFor.text)!;
    expect(final.speakerId).toBe(editFor.speakerId);
  });

  it('20 identical edits racing a re-plan are kept (200), lost to each other (412) or refused (409 plan_replaced)', async () => {
    const { projectId, chapterIds } = await plannedBook(1);
    const chapterId = chapterIds[0];
    const [editFor] = uniquelyWorded(await chapterSegments(projectId, chapterId));
    const speaker = editFor.speakerId === 'narrator' ? 'unknown' : 'narrator';
    const edits = Array.from({ length: 20 }, async () => {
      const res = await setSpeaker(projectId, editFor, speaker);
      const body = (await res.json()) as { error?: { code: string } };
      return res.status === 409 ? `409 ${body.error?.code}` : String(res.status);
    });
    const replan = svc.planning.planChapter(
      TENANT,
      projectId,
      chapterId,
      svc.analysis.attribution,
      'en-GB',
      'job_replan_racing',
    );
    const [answers] = await Promise.all([Promise.all(edits), replan]);
    expect(answers.filter((answer) => !['200', '412', '409 plan_replaced'].includes(answer))).toEqual([]);
    expect(answers.filter((answer) => answer === '200').length).toBeLessThanOrEqual(1);
    const final = (await chapterSegments(projectId, chapterId)).find((segment) => segment.text === editFor.text)!;
    if (answers.includes('200')) expect(final.speakerId).toBe(speaker);
  });

  it('under a re-plan job, parallel edits are refused with job_in_progress or kept; none is acknowledged and lost', async () => {
    const { projectId, chapterIds } = await plannedBook(6);
    const book: SegmentJson[] = [];
    for (const chapterId of chapterIds) book.push(...(await chapterSegments(projectId, chapterId)));
    const candidates = uniquelyWorded(book);
    expect(candidates.length).toBeGreaterThan(100);
    const acknowledged = new Map<string, string>();
    const statuses: Record<string, number> = {};
    const editRound = async (round: SegmentJson[]) => {
      const answers = await Promise.all(
        round.map(async (segment) => {
          const speaker = segment.speakerId === 'narrator' ? 'unknown' : 'narrator';
          const res = await setSpeaker(projectId, segment, speaker);
          const body = (await res.json()) as { error?: { code: string } };
          return { segment, speaker, status: res.status, code: body.error?.code };
        }),
      );
      for (const answer of answers) {
        const key = answer.status === 409 ? `409 ${answer.code}` : String(answer.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        if (answer.status === 200) acknowledged.set(answer.segment.text, answer.speaker);
      }
    };
    // The first 20 parallel edits race the job's start; more rounds of 20 follow while it runs.
    const [jobId] = await Promise.all([startJob(platform, projectId, '/plan'), editRound(candidates.slice(0, 20))]);
    for (let next = 20; next + 20 <= candidates.length; next += 20) {
      const job = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}`);
      if (['succeeded', 'failed', 'cancelled'].includes((await json<{ status: string }>(job, 200)).status)) break;
      await editRound(candidates.slice(next, next + 20));
    }
    // Each edit was kept (200) or refused (409); none vanished any other way.
    expect(Object.keys(statuses).filter((key) => key !== '200' && !key.startsWith('409 '))).toEqual([]);
    expect((await finishedJob(platform, projectId, jobId)).status).toBe('succeeded');
    expect(statuses['409 job_in_progress']).toBeGreaterThan(0);

    // Every acknowledged edit is in the plan the job left.
    const final = new Map<string, SegmentJson>();
    for (const chapterId of chapterIds) {
      for (const segment of await chapterSegments(projectId, chapterId)) final.set(segment.text, segment);
    }
    const lost = [...acknowledged].filter(([text, speaker]) => final.get(text)?.speakerId !== speaker);
    expect(lost).toEqual([]);
    expect(planFailures(await storedPlan(svc, projectId))).toEqual([]);
    expect((await consistencyCheck(platform, projectId)).found).toMatchObject({ consistent: true, staleTotals: [] });
  });
});
