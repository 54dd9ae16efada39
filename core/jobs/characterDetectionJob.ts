/**
 * The `characters` job: detect the characters of the whole book and store them. It reads the book itself and hands
 * back a small summary, so orchestration history never carries chapter text. At-least-once safe: storing a detection
 * is an idempotent upsert, and a job already ended (or cancelled) is never ended again.
 */
import type { ChapterRecord } from '../book/records';
import { applyDetection, type DetectionSummary } from '../characters/applyDetection';
import type { CharacterStore } from '../characters/characterStore';
import type { CharacterDetectionEngine, TokenUsage } from '../ports/analysis';
import { readAllItems, type Filter, type ProjectCollection } from '../ports/documents';
import type { ProjectService } from '../projects/projectService';
import { isTerminal, type JobInput } from './job';
import type { JobService } from './jobService';
import { recordTokenCost, type TokenCostDeps } from './tokenCosts';

export type CharacterDetectionOutcome =
  { status: 'succeeded'; summary: DetectionSummary; usage: TokenUsage; chapters: number } | { status: 'cancelled' };

export interface CharacterDetectionJobDeps extends TokenCostDeps {
  jobs: JobService;
  projects: Pick<ProjectService, 'find'>;
  chapters: ProjectCollection<ChapterRecord>;
  characterStore: CharacterStore;
  /** Azure OpenAI or the offline heuristic, as configured. */
  engine: CharacterDetectionEngine;
}

const CHAPTER_PAGE_SIZE = 50;

export class CharacterDetectionJob {
  constructor(private readonly deps: CharacterDetectionJobDeps) {}

  async run(input: JobInput): Promise<CharacterDetectionOutcome> {
    const { jobs, engine } = this.deps;
    const { tenantId, projectId, jobId } = input;
    if (await jobs.isStopRequested(input)) return { status: 'cancelled' };
    await jobs.markRunning(tenantId, projectId, jobId, 'detecting');
    const project = await this.deps.projects.find(tenantId, projectId);
    if (!project) throw new Error('The project no longer exists');
    const chapters = await this.readingOrder(tenantId, projectId);
    await jobs.advanceProgress(input, { chaptersTotal: chapters.length, chaptersDone: 0 });
    const language = project.metadata.language;
    const { characters, usage } = await engine.detect({
      chapters: chapters.map((chapter) => ({ id: chapter.id, text: chapter.text, language })),
      language,
    });
    await recordTokenCost(this.deps, input, usage, jobId);
    // The cancel may have arrived while the engine ran: keep the stored cast as it was.
    if (await jobs.isStopRequested(input)) return { status: 'cancelled' };
    await jobs.advanceProgress(input, { phase: 'storing', chaptersDone: chapters.length });
    const source = engine.engine === 'heuristic' ? 'heuristic' : 'llm';
    const summary = await applyDetection(this.deps.characterStore, tenantId, projectId, characters, source);
    const job = await jobs.find(tenantId, projectId, jobId);
    if (job && !isTerminal(job.status)) {
      await jobs.finish(tenantId, projectId, jobId, {
        status: 'succeeded',
        result: { ...summary, chapters: chapters.length, engine: engine.engine, usage },
      });
    }
    return { status: 'succeeded', summary, usage, chapters: chapters.length };
  }

  /** The detection failed for good (its retries are spent): the job says so, unless it has already ended. */
  async fail(input: JobInput & { message: string }): Promise<void> {
    const job = await this.deps.jobs.find(input.tenantId, input.projectId, input.jobId);
    if (!job || isTerminal(job.status)) return;
    await this.deps.jobs.finish(input.tenantId, input.projectId, input.jobId, {
      status: 'failed',
      error: { code: 'detection_failed', message: input.message.slice(0, 500) },
    });
  }

  private async readingOrder(tenantId: string, projectId: string): Promise<ChapterRecord[]> {
    const filter: Filter = {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'chapter' },
        { field: 'deleted', op: 'eq', value: false },
      ],
    };
    const chapters = await readAllItems(
      (page) => this.deps.chapters.list(tenantId, projectId, { filter, page }),
      CHAPTER_PAGE_SIZE,
    );
    return chapters.sort((a, b) => a.order - b.order);
  }
}
