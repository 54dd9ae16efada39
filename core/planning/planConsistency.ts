/**
 * The operator's consistency check of a project's plan (docs/planning.md, "Consistency check"): every chapter's
 * committed segments hold the plan invariant (planInvariant.ts), no segment is left from another generation or from a
 * chapter that no longer exists, each chapter's plan totals count its committed plan, and the project's counters
 * equal what is stored. With `repair`, a failing chapter is planned again (a new generation replaces the broken one
 * whole), leftovers are removed, stale totals and the counters recounted; the report then says what the store looks
 * like afterwards.
 */
import type { TypedCollection } from '../ports/typedCollection';
import { authorizeOperatorAction } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../book/records';
import { ConflictError, NotFoundError } from '../errors';
import type { JobRecord } from '../jobs/job';
import type { AttributionEngine } from '../ports/analysis';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProductionFacts } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import { recountCastFacts } from '../casting/speakingCast';
import { bookCharacters, forEachLimited, LIST_PAGE } from './bookDocuments';
import { recountChapterTotals, sameTotals, totalsOf } from './chapterTotals';
import {
  committedGeneration,
  countSegmentFacts,
  currentTotals,
  isCommitted,
  readCommittedPlan,
} from './planGenerations';
import { planProblems, type PlanProblemKind } from './planInvariant';
import type { PlanService } from './planService';

export interface PlanConsistencyDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  characters: TypedCollection<CharacterRecord>;
  jobs: TypedCollection<JobRecord>;
  projects: ProjectService;
  planning: PlanService;
  clock: Clock;
  ids: IdGenerator;
}

export type CountedFact = 'chapterCount' | 'characterCount' | 'charactersWithVoice' | SegmentFact;
type SegmentFact = 'segmentCount' | 'segmentsWithSpeaker' | 'segmentsFlagged' | 'segmentsRendered';
const COUNTED_FACTS: CountedFact[] = [
  'chapterCount',
  'characterCount',
  'charactersWithVoice',
  'segmentCount',
  'segmentsWithSpeaker',
  'segmentsFlagged',
  'segmentsRendered',
];

export interface ChapterFinding {
  chapterId: string;
  title: string;
  kind: PlanProblemKind;
  message: string;
}

export interface ConsistencyState {
  chaptersChecked: number;
  segmentsChecked: number;
  /** Chapters whose committed plan breaks the invariant, one entry per problem. */
  chapterProblems: ChapterFinding[];
  /** Segments of an uncommitted generation that no running job is writing. */
  leftoverSegments: number;
  /** Segments of a generation a running plan job may still commit (not a problem while it runs). */
  inProgressSegments: number;
  /** Segments whose chapter no longer exists. */
  orphanedSegments: number;
  /** Chapters whose plan totals differ from a count of their committed plan (a writer stopped mid-edit). */
  staleTotals: { chapterId: string; title: string }[];
  facts: { fact: CountedFact; stored: number; counted: number }[];
  consistent: boolean;
}

export interface ConsistencyReport {
  projectId: string;
  checkedAt: string;
  found: ConsistencyState;
  /** Present when a repair was asked for: what it did and how the store looks afterwards. */
  repair: {
    chaptersReplanned: string[];
    chaptersNotRepaired: { chapterId: string; reason: string }[];
    segmentsRemoved: number;
    /** Chapters whose plan totals were counted again. */
    totalsRecounted: string[];
    factsRecounted: boolean;
    after: ConsistencyState;
  } | null;
}

const DELETE_CONCURRENCY = 8;

export class PlanConsistencyService {
  constructor(private readonly deps: PlanConsistencyDeps) {}

  async check(
    principal: Principal | undefined,
    tenantId: string,
    projectId: string,
    options: { repair: boolean; attribution: AttributionEngine },
  ): Promise<ConsistencyReport> {
    authorizeOperatorAction(principal, 'projects.checkConsistency');
    const project = await this.deps.projects.find(tenantId, projectId);
    if (!project) throw new NotFoundError('Project');
    const found = await this.inspect(tenantId, projectId);
    const report: ConsistencyReport = {
      projectId,
      checkedAt: this.deps.clock.now().toISOString(),
      found: found.state,
      repair: null,
    };
    if (!options.repair) return report;
    if (await this.jobRunning(tenantId, projectId))
      throw new ConflictError('A job is running for this project; repair it once the job has finished');

    const broken = [...new Set(found.state.chapterProblems.map((problem) => problem.chapterId))];
    const chaptersReplanned: string[] = [];
    const chaptersNotRepaired: { chapterId: string; reason: string }[] = [];
    // Leftovers first: planning a chapter again must not meet the remains of an abandoned generation.
    await forEachLimited(found.removable, DELETE_CONCURRENCY, (segment) =>
      this.deps.segments.delete(tenantId, projectId, segment.id),
    );
    const repairJob = this.deps.ids.newId('repair');
    for (const chapterId of broken) {
      const chapter = found.chapters.get(chapterId)!;
      if (chapter.deleted) {
        chaptersNotRepaired.push({ chapterId, reason: 'the chapter is deleted; restore it and plan it again' });
        continue;
      }
      await this.deps.planning.planChapter(
        tenantId,
        projectId,
        chapterId,
        options.attribution,
        project.metadata.language,
        repairJob,
      );
      chaptersReplanned.push(chapterId);
    }
    // A chapter planned again has fresh totals; the others are counted again.
    const totalsRecounted = found.state.staleTotals
      .map((stale) => stale.chapterId)
      .filter((chapterId) => !chaptersReplanned.includes(chapterId));
    for (const chapterId of totalsRecounted) await recountChapterTotals(this.deps, tenantId, projectId, chapterId);
    await this.recountAll(tenantId, projectId);
    report.repair = {
      chaptersReplanned,
      chaptersNotRepaired,
      segmentsRemoved: found.removable.length,
      totalsRecounted,
      factsRecounted: true,
      after: (await this.inspect(tenantId, projectId)).state,
    };
    return report;
  }

  /** Recounts every counter the check compares, each from the documents it counts. */
  private async recountAll(tenantId: string, projectId: string): Promise<void> {
    await this.deps.planning.recountFacts(tenantId, projectId);
    await recountCastFacts(this.deps, tenantId, projectId);
    await this.deps.projects.recountFacts(tenantId, projectId, 'chapters', async () => ({
      chapterCount: (await this.allChapters(tenantId, projectId)).filter((chapter) => !chapter.deleted).length,
    }));
  }

  private async inspect(tenantId: string, projectId: string) {
    const before = await this.allChapters(tenantId, projectId);
    const [segments, characters, running, project] = await Promise.all([
      this.deps.segments.readAllItems(tenantId, projectId, {}, LIST_PAGE),
      bookCharacters(this.deps.characters, tenantId, projectId),
      this.jobRunning(tenantId, projectId),
      this.deps.projects.find(tenantId, projectId),
    ]);
    const chapterList = await this.allChapters(tenantId, projectId);
    const chapters = new Map(chapterList.map((chapter) => [chapter.id, chapter]));
    const byChapter = new Map<string, SegmentRecord[]>();
    for (const segment of segments)
      byChapter.set(segment.chapterId, [...(byChapter.get(segment.chapterId) ?? []), segment]);
    // A chapter committed while the segments were listed may have lost its old plan mid-listing: read it again.
    const generationBefore = new Map(before.map((chapter) => [chapter.id, committedGeneration(chapter)]));
    for (const chapter of chapterList) {
      if (generationBefore.get(chapter.id) === committedGeneration(chapter)) continue;
      const plan = await readCommittedPlan(this.deps.chapters, this.deps.segments, chapter);
      chapters.set(chapter.id, plan.chapter);
      byChapter.set(chapter.id, plan.segments);
    }

    const chapterProblems: ChapterFinding[] = [];
    const removable: SegmentRecord[] = [];
    let inProgressSegments = 0;
    let orphanedSegments = 0;
    let leftoverSegments = 0;
    for (const [chapterId, stored] of byChapter) {
      const chapter = chapters.get(chapterId);
      if (!chapter) {
        orphanedSegments += stored.length;
        removable.push(...stored);
        continue;
      }
      const others = stored.filter((segment) => !isCommitted(segment, chapter));
      // While a job runs, an uncommitted generation may be one it is about to commit.
      if (running) inProgressSegments += others.length;
      else {
        leftoverSegments += others.length;
        removable.push(...others);
      }
      for (const problem of planProblems(
        chapter,
        stored.filter((segment) => isCommitted(segment, chapter)),
      ))
        chapterProblems.push({ chapterId, title: chapter.title, ...problem });
    }

    const staleTotals: ConsistencyState['staleTotals'] = [];
    for (const chapter of chapters.values()) {
      const totals = currentTotals(chapter);
      const plan = (byChapter.get(chapter.id) ?? []).filter((segment) => isCommitted(segment, chapter));
      if (totals && !sameTotals(totals, totalsOf(plan, totals.generation, totals.language)))
        staleTotals.push({ chapterId: chapter.id, title: chapter.title });
    }

    const live = chapterList.filter((chapter) => !chapter.deleted);
    const counted: Record<CountedFact, number> = {
      chapterCount: live.length,
      ...characterFacts(characters),
      ...(await countSegmentFacts(this.deps.segments, tenantId, projectId, live)),
    };
    const facts = COUNTED_FACTS.map((fact) => ({
      fact,
      stored: (project?.facts as Partial<ProductionFacts> | undefined)?.[fact] ?? 0,
      counted: counted[fact],
    }));
    const state: ConsistencyState = {
      chaptersChecked: chapterList.length,
      segmentsChecked: segments.length,
      chapterProblems,
      leftoverSegments,
      inProgressSegments,
      orphanedSegments,
      staleTotals,
      facts,
      consistent:
        chapterProblems.length === 0 &&
        leftoverSegments === 0 &&
        orphanedSegments === 0 &&
        staleTotals.length === 0 &&
        facts.every((fact) => fact.stored === fact.counted),
    };
    return { state, chapters, removable };
  }

  private allChapters(tenantId: string, projectId: string): Promise<ChapterRecord[]> {
    return this.deps.chapters.readAllItems(tenantId, projectId, {}, LIST_PAGE);
  }

  private async jobRunning(tenantId: string, projectId: string): Promise<boolean> {
    const page = await this.deps.jobs.list(tenantId, projectId, {
      filter: { field: 'status', op: 'in', values: ['queued', 'running'] },
      page: { pageSize: 1 },
    });
    return page.items.length > 0;
  }
}

function characterFacts(
  characters: CharacterRecord[],
): Pick<ProductionFacts, 'characterCount' | 'charactersWithVoice'> {
  return {
    characterCount: characters.length,
    charactersWithVoice: characters.filter((character) => character.voice !== null).length,
  };
}
