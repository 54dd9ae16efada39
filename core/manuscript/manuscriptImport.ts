import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterRecord, SegmentRecord } from '../book/records';
import { DomainError } from '../errors';
import { MAX_TRANSACTION_WRITES } from '../ports/documents';
import { isTerminal, type JobRef } from '../jobs/job';
import type { JobService } from '../jobs/jobService';
import type { BlobStore } from '../ports/blobs';
import type { Clock } from '../ports/system';
import type { ProjectService } from '../projects/projectService';
import type { ChapterService } from './chapterService';
import { transactionGroups } from './chapterEdits';
import type { ChapterOrderClaims, JobHeldOrder } from './chapterOrderClaim';
import type { ChapterDetection } from './chapters';
import type { ChapterReport, ChapterType, ChapterWarning, ParsedManuscript } from './manuscript';
import { manuscriptBlobPrefix, type ManuscriptService } from './manuscriptService';
import { textStats } from './stats';

/** A parsed upload and its chapters. The parse blocks, which only chapter detection reads, stay behind. */
export interface ManuscriptAnalysis {
  parsed: Omit<ParsedManuscript, 'blocks'>;
  detection: ChapterDetection;
}

/**
 * Parses the bytes and finds the chapters, calling `parsed` in between (progress). It is the CPU-heavy part of an
 * import, seconds to minutes on a big book, so the composition root runs it off the event loop
 * (adapters/manuscript/workerAnalysis.ts); throws DomainErrors for bad files. When `signal` aborts (the job was
 * cancelled) the analysis stops where it is and the promise rejects.
 */
export type ManuscriptAnalyzer = (
  bytes: Buffer,
  hints: { fileName?: string; contentType?: string; language?: string },
  parsed: () => Promise<void>,
  signal?: AbortSignal,
) => Promise<ManuscriptAnalysis>;

export interface ManuscriptImportDeps {
  manuscripts: ManuscriptService;
  chapterEdits: ChapterService;
  chapters: TypedCollection<ChapterRecord>;
  /**
   * Held by the import from its first chapter write until the swap is done (or the import is abandoned), so that a
   * reorder, split or merge is either stored before it or refused.
   */
  orderClaims: ChapterOrderClaims;
  /** The plan of replaced chapters goes with them. */
  segments: TypedCollection<SegmentRecord>;
  projects: ProjectService;
  jobs: JobService;
  blobs: BlobStore;
  clock: Clock;
  analyze: ManuscriptAnalyzer;
  maxUploadBytes: number;
  /** How often a running analysis looks whether its job was cancelled (default CANCEL_CHECK_INTERVAL_MS). */
  cancelCheckIntervalMs?: number;
}

/** What every import step is told: which job imports which upload. Small, so it can travel in orchestration history. */
export interface ImportJobInput extends JobRef {
  manuscriptId: string;
}

/** Chapters saved per step: small enough for frequent progress and cancel checks, large enough to stay cheap. */
export const IMPORT_BATCH_SIZE = 20;
/**
 * What one transaction of imported chapters may carry: Cosmos DB refuses a batch over 2 MB, and the claim and the
 * operations' envelopes ride along.
 */
const MAX_TRANSACTION_BYTES = 1_500_000;
/** While the analysis runs (up to minutes), the job is read this often to see whether it was cancelled. */
export const CANCEL_CHECK_INTERVAL_MS = 1_000;

export type ParseOutcome =
  | { ok: true; chapterCount: number; batches: number }
  | { ok: false; error: { code: string; message: string } }
  | { ok: false; cancelled: true };

interface StagedChapter {
  title: string;
  type: ChapterType;
  headingText: string;
  text: string;
  /** Absent in batches staged before detection reported them. */
  spoken?: boolean;
  confidence?: number;
  warnings?: ChapterWarning[];
}

/** Ids of an import's chapters: deterministic (a retried step rewrites the same documents) and unique per tenant. */
export function importedChapterId(manuscriptId: string, index: number): string {
  return `${manuscriptId}-c${index}`;
}
const isFromImport = (manuscriptId: string) => (chapter: ChapterRecord) => chapter.id.startsWith(`${manuscriptId}-c`);

/**
 * The steps of a manuscript import, each idempotent (the orchestration may run any of them more than once):
 * parse into a staging blob, save chapters in batches, then swap them in for the old ones — or, on failure or
 * cancel, remove what was staged so the chapters of the previous import stay exactly as they were.
 */
export class ManuscriptImport {
  constructor(private readonly deps: ManuscriptImportDeps) {}

  async parse(ref: ImportJobInput): Promise<ParseOutcome> {
    if (await this.cancelRequested(ref)) return { ok: false, cancelled: true };
    const { tenantId, projectId, jobId, manuscriptId } = ref;
    await this.deps.jobs.markRunning(tenantId, projectId, jobId, 'parsing');
    const manuscript = await this.deps.manuscripts.find(tenantId, projectId, manuscriptId);
    if (!manuscript) return { ok: false, error: { code: 'not_found', message: 'The uploaded manuscript is gone' } };
    const bytes = await this.deps.blobs.readBuffer(manuscript.originalBlob, this.deps.maxUploadBytes);
    if (!bytes) return { ok: false, error: { code: 'not_found', message: 'The uploaded file is gone' } };

    const project = await this.deps.projects.find(tenantId, projectId);
    let parsed: ManuscriptAnalysis['parsed'];
    let detection: ChapterDetection;
    const cancelWatch = this.watchForCancel(ref);
    try {
      ({ parsed, detection } = await this.deps.analyze(
        bytes,
        { fileName: manuscript.fileName, contentType: manuscript.contentType, language: project?.metadata.language },
        async () => {
          await this.deps.jobs.reportProgress(tenantId, projectId, jobId, { phase: 'detecting' });
        },
        cancelWatch.signal,
      ));
    } catch (error) {
      if (cancelWatch.signal.aborted) return { ok: false, cancelled: true };
      if (error instanceof DomainError) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    } finally {
      cancelWatch.stop();
    }
    if (cancelWatch.signal.aborted) return { ok: false, cancelled: true };
    const staged: StagedChapter[] = detection.chapters.map((chapter) => ({
      title: chapter.title,
      type: chapter.type,
      headingText: chapter.headingText,
      text: parsed.text.slice(chapter.startOffset, chapter.endOffset),
      spoken: chapter.spoken,
      confidence: chapter.confidence,
      warnings: chapter.warnings,
    }));
    const chapterReport: ChapterReport = {
      confidence: detection.confidence,
      source: detection.source,
      sections: staged.length,
      notSpoken: staged.filter((chapter) => chapter.spoken === false).length,
      warnings: staged.reduce((sum, chapter) => sum + (chapter.warnings?.length ?? 0), 0),
    };
    const batches = Math.ceil(staged.length / IMPORT_BATCH_SIZE);
    for (let batch = 0; batch < batches; batch++) {
      const slice = staged.slice(batch * IMPORT_BATCH_SIZE, (batch + 1) * IMPORT_BATCH_SIZE);
      await this.deps.blobs.put(this.stagingBlob(ref, batch), Buffer.from(JSON.stringify(slice)), 'application/json');
    }
    await this.deps.manuscripts.modify(tenantId, projectId, manuscriptId, (current) => ({
      ...current,
      format: parsed.format,
      detectedEncoding: parsed.detectedEncoding ?? null,
      warnings: parsed.notes.map((note) => note.message),
      notes: parsed.notes,
      tocEntries: parsed.tocEntries ?? [],
      chapterReport,
    }));
    await this.deps.jobs.reportProgress(tenantId, projectId, jobId, {
      phase: 'saving',
      chaptersDone: 0,
      chaptersTotal: staged.length,
    });
    return { ok: true, chapterCount: staged.length, batches };
  }

  /** Saves one staged batch of chapters; answers `cancelled` instead when the user cancelled the job. */
  async saveBatch(ref: ImportJobInput & { batch: number; chapterCount: number }): Promise<{ cancelled: boolean }> {
    if (await this.cancelRequested(ref)) return { cancelled: true };
    const staged = await this.readStaged(ref, ref.batch);
    const now = this.deps.clock.now().toISOString();
    const chapters: ChapterRecord[] = staged.map((chapter, position) => {
      const index = ref.batch * IMPORT_BATCH_SIZE + position;
      return {
        id: importedChapterId(ref.manuscriptId, index),
        type: 'chapter',
        tenantId: ref.tenantId,
        projectId: ref.projectId,
        order: index,
        title: chapter.title,
        chapterType: chapter.type,
        headingText: chapter.headingText,
        text: chapter.text,
        stats: textStats(chapter.text),
        // Sections a listener does not need are kept, deleted (restorable), so production leaves them out.
        deleted: chapter.spoken === false,
        textVersion: 1,
        planStatus: 'none',
        detection: { confidence: chapter.confidence ?? 1, warnings: chapter.warnings ?? [] },
        master: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    // Under the book's order: a split or merge that read the chapters now would take these for the book's own.
    const order = await this.holdOrder(ref);
    for (const group of transactionGroups(chapters, MAX_TRANSACTION_WRITES - 1, MAX_TRANSACTION_BYTES)) {
      await order.write(group.map((doc) => ({ op: 'upsert', doc })));
    }
    await this.deps.jobs.reportProgress(ref.tenantId, ref.projectId, ref.jobId, {
      phase: 'saving',
      chaptersDone: Math.min(ref.batch * IMPORT_BATCH_SIZE + staged.length, ref.chapterCount),
      chaptersTotal: ref.chapterCount,
    });
    return { cancelled: false };
  }

  /** Swaps the new chapters in: the previous ones and earlier uploads go, the facts and the job are brought current. */
  async complete(ref: ImportJobInput): Promise<{ cancelled: true } | { cancelled: false; chapterCount: number }> {
    // A cancelled job no longer holds the project: another import may be staging, so swap nothing.
    if (await this.cancelRequested(ref)) return { cancelled: true };
    const { tenantId, projectId, jobId, manuscriptId } = ref;
    // Still under the order its first batch took: no reorder, split or merge can add a chapter after this listing.
    const order = await this.holdOrder(ref);
    const chapters = await this.deps.chapterEdits.listAll(tenantId, projectId, true);
    const replaced = chapters.filter((chapter) => !isFromImport(manuscriptId)(chapter));
    for (const group of transactionGroups(replaced, MAX_TRANSACTION_WRITES - 1, MAX_TRANSACTION_BYTES)) {
      // Segments first: a crash in between leaves a chapter without a plan, never a plan without a chapter.
      for (const old of group) await this.deleteSegmentsOf(tenantId, projectId, old.id);
      await order.write(group.map((old) => ({ op: 'delete', id: old.id })));
    }
    const chapterCount = chapters.filter((chapter) => isFromImport(manuscriptId)(chapter) && !chapter.deleted).length;
    await this.deps.manuscripts.modify(tenantId, projectId, manuscriptId, (current) => ({
      ...current,
      // An upload killed before naming its import (which a later request started) left the record without it.
      jobId: current.jobId || jobId,
      status: 'ready',
      error: null,
    }));
    for (const earlier of await this.deps.manuscripts.all(tenantId, projectId)) {
      if (earlier.id !== manuscriptId) await this.deps.manuscripts.remove(tenantId, projectId, earlier.id);
    }
    await this.deps.blobs.deletePrefix(this.stagingPrefix(ref));
    // The replaced chapters' plans are gone: a character who spoke only in them no longer needs a voice.
    await this.deps.chapterEdits.recountAfterChapterChange(tenantId, projectId);
    await this.deps.projects.updateFacts(tenantId, projectId, {
      manuscriptStatus: 'ready',
      segmentCount: 0,
      segmentsWithSpeaker: 0,
      segmentsFlagged: 0,
      segmentsRendered: 0,
      chaptersMastered: 0,
    });
    await order.release();
    const manuscript = await this.deps.manuscripts.find(tenantId, projectId, manuscriptId);
    await this.deps.jobs.finish(tenantId, projectId, jobId, {
      status: 'succeeded',
      // The format too: the studio says the manuscript is imported from this result before it reads the manuscript
      // again, and without it put "Format: not recognised yet" beside "Imported".
      result: {
        manuscriptId,
        chapterCount,
        format: manuscript?.format ?? null,
        chapterReport: manuscript?.chapterReport ?? null,
      },
    });
    return { cancelled: false, chapterCount };
  }

  /**
   * Undoes a failed or cancelled import; the chapters of an earlier import (if any) remain as they were. The job and
   * the manuscript are settled even when a cleanup step fails, which is then rethrown so the step is retried.
   */
  async abandon(ref: ImportJobInput & { error: { code: string; message: string } | null }): Promise<void> {
    const { tenantId, projectId, jobId, manuscriptId } = ref;
    const error = ref.error ?? { code: 'cancelled', message: 'The import was cancelled' };
    let cleanupFailure: unknown;
    try {
      const order = await this.holdOrder(ref);
      const chapters = await this.deps.chapterEdits.listAll(tenantId, projectId, true);
      const staged = chapters.filter(isFromImport(manuscriptId));
      for (const group of transactionGroups(staged, MAX_TRANSACTION_WRITES - 1, MAX_TRANSACTION_BYTES)) {
        await order.write(group.map((chapter) => ({ op: 'delete', id: chapter.id })));
      }
      await order.release();
      await this.deps.blobs.deletePrefix(this.stagingPrefix(ref));
    } catch (failure) {
      cleanupFailure = failure;
    }
    // Counted from the store whether or not the cleanup finished: what is stored is what the count says.
    await this.deps.chapterEdits.recountChapters(tenantId, projectId);
    if (await this.deps.manuscripts.find(tenantId, projectId, manuscriptId)) {
      await this.deps.manuscripts.modify(tenantId, projectId, manuscriptId, (current) => ({
        ...current,
        jobId: current.jobId || jobId,
        status: 'failed',
        error,
      }));
    }
    await this.deps.projects.updateFacts(tenantId, projectId, (facts) => ({
      manuscriptStatus: facts.chapterCount > 0 ? 'ready' : 'failed',
    }));
    const job = await this.deps.jobs.find(tenantId, projectId, jobId);
    if (job && !isTerminal(job.status)) {
      await this.deps.jobs.finish(
        tenantId,
        projectId,
        jobId,
        ref.error ? { status: 'failed', error: ref.error } : { status: 'cancelled' },
      );
    }
    if (cleanupFailure) throw cleanupFailure;
  }

  /** The book's order as this import holds it (taken by its first step that writes chapters, resumed by the others). */
  private holdOrder(ref: ImportJobInput): Promise<JobHeldOrder> {
    return this.deps.orderClaims.forJob(ref.tenantId, ref.projectId, 'import', ref.jobId);
  }

  private async deleteSegmentsOf(tenantId: string, projectId: string, chapterId: string): Promise<void> {
    for (;;) {
      // Always the first page: what it lists is deleted before the next query.
      const page = await this.deps.segments.list(tenantId, projectId, {
        filter: { field: 'chapterId', op: 'eq', value: chapterId },
        page: { pageSize: 100 },
      });
      if (page.items.length === 0) return;
      for (const segment of page.items) await this.deps.segments.delete(tenantId, projectId, segment.id);
    }
  }

  /**
   * Aborts its signal as soon as the job is found cancelled, reading the job every few moments: the analysis runs
   * for minutes on a big book, and a cancel must stop it rather than let it finish for nothing. The cancel may have
   * been asked on another instance, so the job document is what is watched.
   */
  private watchForCancel(ref: ImportJobInput): { signal: AbortSignal; stop: () => void } {
    const controller = new AbortController();
    const interval = this.deps.cancelCheckIntervalMs ?? CANCEL_CHECK_INTERVAL_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const check = async () => {
      // A failed read is not a cancel: the next check reads again.
      const cancelled = await this.cancelRequested(ref).catch(() => false);
      if (stopped) return;
      if (cancelled) controller.abort();
      else timer = setTimeout(() => void check(), interval);
    };
    timer = setTimeout(() => void check(), interval);
    return {
      signal: controller.signal,
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  private cancelRequested(ref: ImportJobInput): Promise<boolean> {
    return this.deps.jobs.isStopRequested(ref);
  }

  private stagingPrefix(ref: ImportJobInput): string {
    return `${manuscriptBlobPrefix(ref.tenantId, ref.projectId, ref.manuscriptId)}staged/`;
  }

  private stagingBlob(ref: ImportJobInput, batch: number): string {
    return `${this.stagingPrefix(ref)}batch-${String(batch).padStart(5, '0')}.json`;
  }

  private async readStaged(ref: ImportJobInput, batch: number): Promise<StagedChapter[]> {
    // A batch holds at most the whole book's text, JSON-escaped: allow headroom over the upload limit.
    const bytes = await this.deps.blobs.readBuffer(this.stagingBlob(ref, batch), this.deps.maxUploadBytes * 4);
    if (!bytes) throw new Error(`Staged chapters of ${ref.manuscriptId} (batch ${batch}) are missing`);
    return JSON.parse(bytes.toString('utf8')) as StagedChapter[];
  }
}
