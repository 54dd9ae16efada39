/**
 * Activities of the `detectCharacters` job. They read the whole book from Cosmos themselves and hand back a small
 * summary, so orchestration history never carries chapter text. At-least-once safe: storing a detection is an
 * idempotent upsert, and a job already finished (or cancelled) is never finished again.
 */
import * as df from 'durable-functions';
import { services, type Services } from '../../adapters/compositionRoot';
import type { ChapterRecord } from '../../core/book/records';
import { applyDetection, type DetectionSummary } from '../../core/characters/applyDetection';
import { HeuristicCharacterDetection } from '../../core/characters/heuristicEngines';
import { isTerminal, type JobInput } from '../../core/jobs/job';
import { recordTokenCost } from './analysisJobs';
import type { AnalysisEngines, CharacterDetectionEngine, TokenUsage } from '../../core/ports/analysis';

/** The `characters` job's activities, named `<orchestration><Step>` like every orchestration's. */
export const detectCharactersActivities = { run: 'detectCharactersRun', fail: 'detectCharactersFail' } as const;

export type DetectCharactersOutcome =
  { status: 'succeeded'; summary: DetectionSummary; usage: TokenUsage; chapters: number } | { status: 'cancelled' };

const CHAPTER_PAGE_SIZE = 50;

/**
 * The engine seam: the composition root's analysis engines when it has them (Azure OpenAI or the heuristic, by
 * LLM_ENGINE), otherwise the offline heuristic directly.
 */
export function characterDetectionEngine(svc: Services): CharacterDetectionEngine {
  const analysis = (svc as Services & { analysis?: AnalysisEngines }).analysis;
  return analysis?.characters ?? new HeuristicCharacterDetection();
}

async function loadChapters(svc: Services, tenantId: string, projectId: string): Promise<ChapterRecord[]> {
  const chapters: ChapterRecord[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await svc.book.chapters.list(tenantId, projectId, {
      filter: {
        op: 'and',
        filters: [
          { field: 'type', op: 'eq', value: 'chapter' },
          { field: 'deleted', op: 'eq', value: false },
        ],
      },
      page: { pageSize: CHAPTER_PAGE_SIZE, continuationToken },
    });
    chapters.push(...page.items);
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
  return chapters.sort((a, b) => a.order - b.order);
}

df.app.activity(detectCharactersActivities.run, {
  handler: async (input: JobInput): Promise<DetectCharactersOutcome> => {
    const svc = services();
    const { tenantId, projectId, jobId } = input;
    if (await svc.jobs.isStopRequested(input)) return { status: 'cancelled' };
    await svc.jobs.markRunning(tenantId, projectId, jobId, 'detecting');
    const project = await svc.projects.find(tenantId, projectId);
    if (!project) throw new Error('The project no longer exists');
    const chapters = await loadChapters(svc, tenantId, projectId);
    await svc.jobs.reportProgress(tenantId, projectId, jobId, { chaptersTotal: chapters.length, chaptersDone: 0 });
    const engine = characterDetectionEngine(svc);
    const language = project.metadata.language;
    const { characters, usage } = await engine.detect({
      chapters: chapters.map((chapter) => ({ id: chapter.id, text: chapter.text, language })),
      language,
    });
    await recordTokenCost(svc, input, usage, input.jobId);
    // The cancel may have arrived while the engine ran: keep the stored cast as it was.
    if (await svc.jobs.isStopRequested(input)) return { status: 'cancelled' };
    await svc.jobs.reportProgress(tenantId, projectId, jobId, { phase: 'storing', chaptersDone: chapters.length });
    const source = engine.engine === 'heuristic' ? 'heuristic' : 'llm';
    const summary = await applyDetection(svc.characterStore, tenantId, projectId, characters, source);
    const job = await svc.jobs.find(tenantId, projectId, jobId);
    if (job && !isTerminal(job.status)) {
      await svc.jobs.finish(tenantId, projectId, jobId, {
        status: 'succeeded',
        result: { ...summary, chapters: chapters.length, engine: engine.engine, usage },
      });
    }
    return { status: 'succeeded', summary, usage, chapters: chapters.length };
  },
});

df.app.activity(detectCharactersActivities.fail, {
  handler: async (input: JobInput & { message: string }): Promise<void> => {
    const svc = services();
    const job = await svc.jobs.find(input.tenantId, input.projectId, input.jobId);
    if (!job || isTerminal(job.status)) return;
    await svc.jobs.finish(input.tenantId, input.projectId, input.jobId, {
      status: 'failed',
      error: { code: 'detection_failed', message: input.message.slice(0, 500) },
    });
  },
});
