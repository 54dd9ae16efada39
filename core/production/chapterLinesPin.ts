/**
 * What one production of a chapter is made of, kept beside the job so a speaker or text edit landing while the
 * chapter is produced cannot change it halfway: the chapter's lines as the job listed them (with the plan revision
 * they were read at), and for each synthesis batch the audio it made or found for each of its lines. Synthesis plans
 * from the pinned lines; mastering masters exactly the pinned lines with the recorded audio and records their plan
 * revision, so an edit made meanwhile shows as a change since the master and the next production renders that line.
 * Every copy is written create-only (a rerun finds the first); all of a job's copies go when the job ends
 * (`releaseJobPins`), whatever the ending. docs/reliability.md, "Edits while a chapter is produced".
 */
import type { ChapterRecord, SegmentRecord } from '../book/records';
import { readCommittedPlan } from '../planning/planGenerations';
import { planRevision } from '../planning/planRevision';
import { projectBlobPrefix, type BlobStore } from '../ports/blobs';
import type { ProductionBook } from './productionBook';

/** A line as the production planned it; its takes are read live (and only as a fallback: see LineAudio). */
export type PinnedLine = Omit<SegmentRecord, 'takes' | 'currentTakeId' | 'etag'>;

export interface ChapterLines {
  /** The chapter's plan revision (core/planning/planRevision.ts) as of the read the lines hold at least. */
  planRevision: number;
  lines: PinnedLine[];
}

/** Where a line's audio for this production is stored, as its synthesis batch made or found it. */
export interface LineAudio {
  segmentId: string;
  blobName: string;
  hash: string;
}

/** One chapter of one production. */
export interface ChapterPinRef {
  tenantId: string;
  projectId: string;
  jobId: string;
  chapterId: string;
}

export type PinStore = Pick<BlobStore, 'putIfAbsent' | 'readBuffer'>;

/** Bumped when a pinned shape changes: a copy of another shape is not trusted (the live read is used). */
const LINES_FORMAT = 1;
/**
 * A chapter of a few thousand lines stays far below this. A chapter whose copy would pass it (a whole long book
 * without headings, in short lines) is not pinned: its activities read the lines live, as before pinning existed.
 */
const MAX_PIN_BYTES = 16 * 1024 * 1024;

/**
 * Pinned lines already read in this process, by store and blob name. Every synthesis batch of a chapter needs its
 * pinned lines, and reading and parsing the whole copy for each batch would cost the chapter's size times its batches.
 * A copy is written create-only and never changed (its name holds the job), so a copy read once is the copy; only
 * copies found are kept (one missing now may be pinned later), within a byte budget, the least recently used going
 * first.
 */
const PINNED_LINES_CACHE_BYTES = 64 * 1024 * 1024;

class PinnedLinesRead {
  private readonly entries = new Map<string, { lines: ChapterLines; bytes: number }>();
  private bytes = 0;

  remember(name: string, lines: ChapterLines, bytes: number): void {
    if (bytes > PINNED_LINES_CACHE_BYTES || this.entries.has(name)) return;
    this.entries.set(name, { lines, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= PINNED_LINES_CACHE_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  recall(name: string): ChapterLines | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    // The most recently used goes last, so the budget drops the others first.
    this.entries.delete(name);
    this.entries.set(name, entry);
    return entry.lines;
  }
}

const pinnedLinesRead = new WeakMap<PinStore, PinnedLinesRead>();

function linesReadFrom(store: PinStore): PinnedLinesRead {
  let read = pinnedLinesRead.get(store);
  if (!read) pinnedLinesRead.set(store, (read = new PinnedLinesRead()));
  return read;
}

/** Everything a job pins lives under this prefix. */
export function jobPinsPrefix(tenantId: string, projectId: string, jobId: string): string {
  return `${projectBlobPrefix(tenantId, projectId)}jobs/${jobId}/`;
}

function linesBlobName(ref: ChapterPinRef): string {
  return `${jobPinsPrefix(ref.tenantId, ref.projectId, ref.jobId)}plan-lines/${ref.chapterId}.json`;
}

/** Batches are named by their first line: the listing cuts them from the pinned lines, so the name is stable. */
function audioBlobName(ref: ChapterPinRef, firstSegmentId: string): string {
  return `${jobPinsPrefix(ref.tenantId, ref.projectId, ref.jobId)}plan-audio/${ref.chapterId}/${firstSegmentId}.json`;
}

/** The chapter's committed lines and their plan revision, read now; undefined when it is not a chapter any more. */
export async function readChapterLines(
  book: Pick<ProductionBook, 'chapters' | 'segments'>,
  ref: Omit<ChapterPinRef, 'jobId'>,
): Promise<(ChapterLines & { chapter: ChapterRecord }) | undefined> {
  const found = await book.chapters.get(ref.tenantId, ref.projectId, ref.chapterId);
  if (!found || found.type !== 'chapter') return undefined;
  const { chapter, segments, readBefore } = await readCommittedPlan(book.chapters, book.segments, found);
  // Of the copy read before the lines: an edit counted after them may be missing from these lines, never the reverse.
  return { chapter, planRevision: planRevision(readBefore), lines: segments.map(withoutTakes) };
}

function withoutTakes(segment: SegmentRecord): PinnedLine {
  const { takes: _takes, currentTakeId: _current, etag: _etag, ...line } = segment;
  return line;
}

/** Pins the lines `read` returns unless this production pinned the chapter's lines already; returns the pinned ones. */
export async function pinChapterLines(
  store: PinStore,
  ref: ChapterPinRef,
  read: () => Promise<ChapterLines | undefined>,
): Promise<ChapterLines | undefined> {
  const name = linesBlobName(ref);
  const earlier = await readPinnedLines(store, name);
  if (earlier) return earlier;
  const lines = await read();
  if (!lines) return undefined;
  const fresh = { planRevision: lines.planRevision, lines: lines.lines };
  const copy = Buffer.from(JSON.stringify({ format: LINES_FORMAT, ...fresh }));
  if (copy.length > MAX_PIN_BYTES) return fresh;
  if (await store.putIfAbsent(name, copy, 'application/json')) {
    linesReadFrom(store).remember(name, fresh, copy.length);
    return fresh;
  }
  // A rerun of the listing pinned first: that copy is the production's.
  return (await readPinnedLines(store, name)) ?? fresh;
}

/** The lines this production pinned for the chapter, if it did. */
export function pinnedChapterLines(store: PinStore, ref: ChapterPinRef): Promise<ChapterLines | undefined> {
  return readPinnedLines(store, linesBlobName(ref));
}

async function readPinnedLines(store: PinStore, name: string): Promise<ChapterLines | undefined> {
  const known = linesReadFrom(store).recall(name);
  if (known) return known;
  const bytes = await store.readBuffer(name, MAX_PIN_BYTES);
  if (!bytes) return undefined;
  const copy = JSON.parse(bytes.toString('utf8')) as ChapterLines & { format: number };
  if (copy.format !== LINES_FORMAT) return undefined;
  const lines = { planRevision: copy.planRevision, lines: copy.lines };
  linesReadFrom(store).remember(name, lines, bytes.length);
  return lines;
}

/**
 * The pinned lines as segments to plan: each with its takes as stored now when it still exists (a text edit re-cuts
 * the chapter, and its lines then live under new ids), its words, speaker and place as pinned.
 */
export function linesWithTakes(lines: PinnedLine[], live: SegmentRecord[]): SegmentRecord[] {
  const byId = new Map(live.map((segment) => [segment.id, segment]));
  return lines.map((line) => {
    const stored = byId.get(line.id);
    return { ...line, takes: stored?.takes ?? [], currentTakeId: stored?.currentTakeId ?? null };
  });
}

/** Records, create-only, where a batch's lines have their audio (a rerun made or found the same audio). */
export async function recordLineAudio(
  store: PinStore,
  ref: ChapterPinRef,
  firstSegmentId: string,
  audio: LineAudio[],
): Promise<void> {
  await store.putIfAbsent(audioBlobName(ref, firstSegmentId), Buffer.from(JSON.stringify(audio)), 'application/json');
}

/** Removes a batch's record (its job stopped while it was written: see SegmentSynthesis). */
export async function dropLineAudio(
  store: Pick<BlobStore, 'delete'>,
  ref: ChapterPinRef,
  firstSegmentId: string,
): Promise<void> {
  await store.delete(audioBlobName(ref, firstSegmentId));
}

/** Removes the chapter's pinned lines (its listing pinned them after its job stopped: see ProductionJob). */
export async function dropChapterLines(store: Pick<BlobStore, 'delete'>, ref: ChapterPinRef): Promise<void> {
  await store.delete(linesBlobName(ref));
}

/** The audio the chapter's batches recorded, by line; a batch without a record adds nothing. */
export async function recordedLineAudio(
  store: PinStore,
  ref: ChapterPinRef,
  firstSegmentIds: string[],
): Promise<Map<string, LineAudio>> {
  const records = await Promise.all(
    firstSegmentIds.map((first) => store.readBuffer(audioBlobName(ref, first), MAX_PIN_BYTES)),
  );
  const audio = new Map<string, LineAudio>();
  for (const bytes of records)
    for (const line of bytes ? (JSON.parse(bytes.toString('utf8')) as LineAudio[]) : [])
      audio.set(line.segmentId, line);
  return audio;
}

/** Removes everything the job pinned (idempotent: a rerun finds less or nothing). Returns how many blobs went. */
export function releaseJobPins(
  store: Pick<BlobStore, 'deletePrefix'>,
  ref: Omit<ChapterPinRef, 'chapterId'>,
): Promise<number> {
  return store.deletePrefix(jobPinsPrefix(ref.tenantId, ref.projectId, ref.jobId));
}
