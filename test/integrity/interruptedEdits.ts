import type { OrchestrationClient } from '../../core/ports/orchestrations';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import type { TenantPrincipal } from '../../core/auth/principal';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import type { JobRecord } from '../../core/jobs/job';
import { ProjectJobLocks, type ProjectJobLock } from '../../core/jobs/projectJobLock';
import { SegmentService } from '../../core/planning/segmentService';
import type { TypedCollection } from '../../core/ports/typedCollection';
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
  startJob,
  storedPlan,
  TENANT,
  type TestServices,
} from './support';

/**
 * Segment edits that stop halfway: the edit runs in the test's process against the real local platform's store, which
 * "dies" under it after a chosen number of segment writes (from then on every read and write fails, as for a process
 * killed there); then what must hold of the chapter is checked through the API and the consistency check.
 */
export const CREATOR_PRINCIPAL: TenantPrincipal = {
  kind: 'tenant-user',
  userId: 'u-andes-creator',
  tenantId: TENANT,
  role: 'creator',
};

export interface SegmentJson {
  id: string;
  index: number;
  text: string;
  etag: string;
}

export interface DyingStore {
  segments: TypedCollection<SegmentRecord>;
  chapters: TypedCollection<ChapterRecord>;
  writes: () => number;
}

export class InterruptedEdits {
  constructor(
    private readonly platform: TestPlatform,
    private readonly svc: TestServices,
  ) {}

  /** The book's collections, failing every call once `writesBeforeDeath` segment writes were made. */
  dyingStore(writesBeforeDeath: number): DyingStore {
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
      segments: wrap(this.svc.book.segments, true),
      chapters: wrap(this.svc.book.chapters, false),
      writes: () => writes,
    };
  }

  /** No plan job holds the projects these edits are made on, so the runtime is never asked. */
  readonly noPlanRunning: OrchestrationClient = new Proxy({} as OrchestrationClient, {
    get() {
      throw new Error('no plan job holds this project: the runtime is not asked');
    },
  });

  editingService(store: DyingStore): SegmentService {
    const jobs = this.svc.database.container('jobs');
    return new SegmentService({
      chapters: store.chapters,
      segments: store.segments,
      characters: this.svc.book.characters,
      projects: this.svc.projects,
      clock: this.svc.clock,
      ids: this.svc.ids,
      planJobs: {
        locks: new ProjectJobLocks({ locks: new CosmosProjectCollection<ProjectJobLock>(jobs), clock: this.svc.clock }),
        jobs: new CosmosProjectCollection<JobRecord>(jobs),
        settlement: this.svc.jobs,
      },
    });
  }

  async plannedChapter(title: string): Promise<{ projectId: string; chapterId: string; plan: SegmentJson[] }> {
    const projectId = await createProject(this.platform, title);
    await importManuscript(this.platform, projectId, corpusOpening(1), 'opening.txt');
    expect(
      (await finishedJob(this.platform, projectId, await startJob(this.platform, projectId, '/plan'))).status,
    ).toBe('succeeded');
    const stored = await storedPlan(this.svc, projectId);
    const chapter = stored.chapters.reduce((longest, c) =>
      stored.plans.get(c.id)!.length > stored.plans.get(longest.id)!.length ? c : longest,
    );
    return { projectId, chapterId: chapter.id, plan: await this.chapterPlan(projectId, chapter.id) };
  }

  async chapterPlan(projectId: string, chapterId: string): Promise<SegmentJson[]> {
    const res = await this.platform.api(
      CREATOR,
      `/v1/projects/${projectId}/segments?chapterId=${chapterId}&pageSize=1000`,
    );
    return (await json<{ items: SegmentJson[] }>(res, 200)).items;
  }

  async chapterText(projectId: string, chapterId: string): Promise<string> {
    const res = await this.platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterId}`);
    return (await json<{ text: string }>(res, 200)).text;
  }

  /** What must hold after any stop: every chapter whole, its totals right, and nothing the check would re-plan. */
  async expectWhole(projectId: string): Promise<{ leftoverSegments: number }> {
    expect(planFailures(await storedPlan(this.svc, projectId))).toEqual([]);
    const { found } = await consistencyCheck(this.platform, projectId);
    expect(found.chapterProblems).toEqual([]);
    expect(found.staleTotals).toEqual([]);
    const repaired = await consistencyCheck(this.platform, projectId, true);
    expect(repaired.repair).toMatchObject({ chaptersReplanned: [], chaptersNotRepaired: [] });
    expect(repaired.repair!.after).toMatchObject({ consistent: true });
    return { leftoverSegments: found.leftoverSegments };
  }
}
