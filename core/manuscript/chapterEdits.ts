/**
 * Pure rules for editing a book's chapters: where a chapter may be split, how reordering keeps deleted chapters in
 * place, how a text change invalidates a plan, and how a chapter reads as paragraphs. The service applies them.
 */
import type { ChapterRecord } from '../book/records';
import { ValidationError } from '../errors';
import { classifyHeadingLine } from './headings';
import { textStats } from './stats';

/** Reading order: `order`, then creation, then id, so duplicates left by a lost race still sort stably. */
export function byReadingOrder(a: ChapterRecord, b: ChapterRecord): number {
  return a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** A text change: new version, fresh stats, and a plan cut from the old text becomes stale. */
export function withNewText(chapter: ChapterRecord, text: string): ChapterRecord {
  return {
    ...chapter,
    text,
    stats: textStats(text),
    textVersion: chapter.textVersion + 1,
    planStatus: chapter.planStatus === 'planned' ? 'stale' : chapter.planStatus,
    // The import's doubts were about the text as imported; offsets into it mean nothing after an edit.
    detection: null,
  };
}

/** Refuses offsets at the edges or between the two halves of a surrogate pair (the only way to break a character). */
export function assertSplitOffset(text: string, offset: number): void {
  if (!Number.isInteger(offset) || offset <= 0 || offset >= text.length) {
    throw new ValidationError(`The split offset must be inside the text (1 … ${text.length - 1})`, [
      { field: 'offset', message: `must be between 1 and ${text.length - 1}` },
    ]);
  }
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) {
    throw new ValidationError('The split offset falls inside a character (a surrogate pair)', [
      { field: 'offset', message: 'must not split a surrogate pair' },
    ]);
  }
  if (text.slice(0, offset).trim().length === 0 || text.slice(offset).trim().length === 0) {
    throw new ValidationError('Both parts of a split must contain text', [
      { field: 'offset', message: 'would leave an empty chapter' },
    ]);
  }
}

/** The heading line a split-off text starts with (after blank lines), if it reads as a chapter heading. */
export function headingAtStart(text: string): { headingText: string; title: string } | undefined {
  const leading = /^\s*/.exec(text)![0].length;
  const lineEnd = text.indexOf('\n', leading);
  const line = text.slice(leading, lineEnd === -1 ? text.length : lineEnd);
  if (!classifyHeadingLine(line)) return undefined;
  return { headingText: text.slice(0, leading + line.length), title: line.trim().replace(/\s+/g, ' ') };
}

/**
 * Applies a new order of the live (non-deleted) chapters. Deleted chapters keep their slots, so a restore puts them
 * back where they were. Returns every chapter with its new 0-based `order`.
 */
export function reorderChapters(all: ChapterRecord[], liveIdsInNewOrder: string[]): ChapterRecord[] {
  const sorted = [...all].sort(byReadingOrder);
  const live = sorted.filter((chapter) => !chapter.deleted);
  const liveIds = new Set(live.map((chapter) => chapter.id));
  const requested = new Set(liveIdsInNewOrder);
  if (
    requested.size !== liveIdsInNewOrder.length ||
    requested.size !== liveIds.size ||
    liveIdsInNewOrder.some((id) => !liveIds.has(id))
  ) {
    throw new ValidationError('chapterIds must list every chapter that is not deleted, each exactly once', [
      { field: 'chapterIds', message: `must be a permutation of the ${liveIds.size} chapters that are not deleted` },
    ]);
  }
  const byId = new Map(live.map((chapter) => [chapter.id, chapter]));
  const replacements = liveIdsInNewOrder.map((id) => byId.get(id)!);
  let next = 0;
  return sorted
    .map((chapter) => (chapter.deleted ? chapter : replacements[next++]))
    .map((chapter, order) => ({ ...chapter, order }));
}

/**
 * Cuts `records` into consecutive groups of at most `maxCount` whose stored size (their JSON, in UTF-8 bytes) stays
 * within `maxBytes`; a record larger than that alone makes a group of its own.
 */
export function transactionGroups<T>(records: T[], maxCount: number, maxBytes: number): T[][] {
  const encoder = new TextEncoder();
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = encoder.encode(JSON.stringify(record)).length;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export interface Paragraph {
  index: number;
  offset: number;
  text: string;
}

/** Paragraphs are separated by blank lines; offsets point into the chapter text, which stays untouched. */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) paragraphs.push({ index: paragraphs.length, offset: start + lead, text: body });
  };
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return paragraphs;
}
