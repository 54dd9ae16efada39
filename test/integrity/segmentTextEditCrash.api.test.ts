import type { Services } from '../../adapters/compositionRoot';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import type { TenantPrincipal } from '../../core/auth/principal';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import type { JobRecord } from '../../core/jobs/job';
import { ProjectJobLocks, type ProjectJobLock } from '../../core/jobs/projectJobLock';
import { SegmentService } from '../../core/planning/segmentService';
import type { ProjectCollection } from '../../core/ports/documents';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
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
} from './support';

/**
 * A segment's new words change the chapter text too; both are written in one step (the edited plan as a new
 * generation, committed with the chapter text in one write), so an edit that stops halfway leaves the old text and
 * plan or the new ones, never a chapter whose text and segments disagree (which the consistency check would re-plan,
 * dropping the edit). The edit runs in this process against the real local platform's
 * store, which "dies" under it after a chosen number of segment writes: from then on every read and write fails, as
 * for a process that was killed there.
 */
let platform: TestPlatform;
let svc: Services;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  svc = await servicesFor(platform);
});
afterAll(async () => {
  await platform?.stop();
});

const CREATOR_PRINCIPAL: TenantPrincipal = {
  kind: 'tenant-user',
  userId: 'u-andes-creator',
  tenantId: TENANT,
  role: 'creator',
};

interface SegmentJson {
  id: string;
  index: number;
  text: string;
  etag: string;
}

/** The book's collections, failing every call once `writesBeforeDeath` segment writes were made. */
function dyingStore(writesBeforeDeath: number) {
  let writes = 0;
  let dead = false;
  const fail = () => {
    dead = true;
    throw new Error('the store is gone (the process was killed)');
  };
  const wrap = <T extends object>(collection: T, countsWrites: boolean): T =>
    new Proxy(collection, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (dead) fail();
          if (countsWrites && ['create', 'replace', 'upsert', 'delete'].includes(String(property))) {
            if (writes >= writesBeforeDeath) fail();
            writes++;
          }
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
  return {
    segments: wrap(svc.book.segments, true) as ProjectCollection<SegmentRecord>,
    chapters: wrap(svc.book.chapters, false) as ProjectCollection<ChapterRecord>,
    writes: () => writes,
  };
}

function editingService(store: ReturnType<typeof dyingStore>): SegmentService {
  const jobs = svc.database.container('jobs');
  return new SegmentService({
    chapters: store.chapters,
    segments: store.segments,
    characters: svc.book.characters,
    projects: svc.projects,
    clock: svc.clock,
    ids: svc.ids,
    planJobs: {
      locks: new ProjectJobLocks({ locks: new CosmosProjectCollection<ProjectJobLock>(jobs), clock: svc.clock }),
      jobs: new CosmosProjectCollection<JobRecord>(jobs),
    },
  });
}

async function plannedChapter(): Promise<{ projectId: string; chapterId: string; plan: SegmentJson[] }> {
  const projectId = await createProject(platform, 'Text edits that stop halfway');
  await importManuscript(platform, projectId, corpusOpening(1), 'opening.txt');
  expect((await finishedJob(platform, projectId, await startJob(platform, projectId, '/plan'))).status).toBe(
    'succeeded',
  );
  const stored = await storedPlan(svc, projectId);
  const chapter = stored.chapters.reduce((longest, c) =>
    stored.plans.get(c.id)!.length > stored.plans.get(longest.id)!.length ? c : longest,
  );
  return { projectId, chapterId: chapter.id, plan: await chapterPlan(projectId, chapter.id) };
}

async function chapterPlan(projectId: string, chapterId: string): Promise<SegmentJson[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${chapterId}&pageSize=1000`);
  return (await json<{ items: SegmentJson[] }>(res, 200)).items;
}

async function chapterText(projectId: string, chapterId: string): Promise<string> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterId}`);
  return (await json<{ text: string }>(res, 200)).text;
}

/** What must hold after any stop: every chapter whole, its totals right, and nothing the check would re-plan. */
async function expectWhole(projectId: string): Promise<{ leftoverSegments: number }> {
  expect(planFailures(await storedPlan(svc, projectId))).toEqual([]);
  const { found } = await consistencyCheck(platform, projectId);
  expect(found.chapterProblems).toEqual([]);
  expect(found.staleTotals).toEqual([]);
  const repaired = await consistencyCheck(platform, projectId, true);
  expect(repaired.repair).toMatchObject({ chaptersReplanned: [], chaptersNotRepaired: [] });
  expect(repaired.repair!.after).toMatchObject({ consistent: true });
  return { leftoverSegments: found.leftoverSegments };
}

const NEW_WORDS = 'Words the editor typed in place of the line, & <markup>.';

function editText(store: ReturnType<typeof dyingStore>, projectId: string, target: SegmentJson) {
  return editingService(store).update(CREATOR_PRINCIPAL, projectId, target.id, target.etag, { text: NEW_WORDS });
}

describe('segment text edits stopped halfway', () => {
  it('stopped before any segment is written, or halfway through, the old text and plan stay whole', async () => {
    const { projectId, chapterId, plan } = await plannedChapter();
    expect(plan.length).toBeGreaterThan(20);
    const textBefore = await chapterText(projectId, chapterId);
    for (const writes of [0, Math.floor(plan.length / 2)]) {
      await expect(editText(dyingStore(writes), projectId, plan[2])).rejects.toThrow('the store is gone');
      expect(await chapterPlan(projectId, chapterId)).toEqual(plan);
      expect(await chapterText(projectId, chapterId)).toBe(textBefore);
      await expectWhole(projectId);
    }
  });

  it('stopped after its commit, the new text and plan are whole and agree', async () => {
    const { projectId, chapterId, plan } = await plannedChapter();
    const textBefore = await chapterText(projectId, chapterId);
    const target = plan[3];
    await expect(editText(dyingStore(plan.length), projectId, target)).rejects.toThrow('the store is gone');
    const after = await chapterPlan(projectId, chapterId);
    const edited = NEW_WORDS + target.text.slice(target.text.trimEnd().length);
    expect(after.map((segment) => segment.text)).toEqual([
      ...plan.slice(0, 3).map((segment) => segment.text),
      target.text.slice(0, target.text.length - target.text.trimStart().length) + edited,
      ...plan.slice(4).map((segment) => segment.text),
    ]);
    const textAfter = await chapterText(projectId, chapterId);
    expect(textAfter).not.toBe(textBefore);
    expect(textAfter).toBe(after.map((segment) => segment.text).join(''));
    await expectWhole(projectId);
  });

  it('through the API the edit answers the segment in its new plan, the chapter text changed with it', async () => {
    const { projectId, chapterId, plan } = await plannedChapter();
    const target = plan[1];
    const res = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target.id}`, {
      method: 'PATCH',
      headers: { 'if-match': target.etag },
      json: { text: NEW_WORDS },
    });
    const edited = await json<SegmentJson>(res, 200);
    expect(edited.text.trim()).toBe(NEW_WORDS);
    const after = await chapterPlan(projectId, chapterId);
    expect(after[1]).toEqual(edited);
    expect(await chapterText(projectId, chapterId)).toBe(after.map((segment) => segment.text).join(''));
    expect((await storedPlan(svc, projectId)).strays).toEqual([]);
    await expectWhole(projectId);
  });
});
