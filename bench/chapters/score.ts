/**
 * Scoring detected chapters against a hand-written chapter list (bench/data/books/<slug>/chapters.json and the
 * fixtures' expectations). A detected chapter is right when its title and its first line (which pins where it
 * starts) equal those of an expected chapter, in reading order (longest common subsequence).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { chapterTypes } from '../../core/api/chapters';
import type { DetectedChapter } from '../../core/manuscript/manuscript';

export const ExpectedChapter = z.object({
  type: z.enum(chapterTypes),
  title: z.string().min(1),
  firstLine: z.string().min(1),
  spoken: z.boolean(),
});
export type ExpectedChapter = z.infer<typeof ExpectedChapter>;

export const ChapterTruth = z.object({
  book: z.string(),
  source: z.string(),
  language: z.string(),
  note: z.string(),
  conventions: z.string(),
  chapters: z.array(ExpectedChapter).min(1),
});
export type ChapterTruth = z.infer<typeof ChapterTruth>;

export const CHAPTER_BOOKS = [
  'pride-and-prejudice',
  'a-christmas-carol',
  'dubliners',
  'memorias-postumas-de-bras-cubas',
] as const;

export function loadChapterTruth(slug: string): ChapterTruth {
  const file = path.join(__dirname, '..', 'data', 'books', slug, 'chapters.json');
  return ChapterTruth.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface FoundChapter {
  type: string;
  title: string;
  firstLine: string;
  spoken: boolean;
}

export function describe(text: string, chapters: DetectedChapter[]): FoundChapter[] {
  return chapters.map((chapter) => ({
    type: chapter.type,
    title: collapse(chapter.title),
    firstLine: collapse(text.slice(chapter.startOffset, chapter.endOffset).trim().split('\n')[0] ?? ''),
    spoken: chapter.spoken,
  }));
}

export interface ChapterScore {
  expected: number;
  detected: number;
  /** Detected chapters with the right start and title. */
  right: number;
  /** Of the right ones, those that also have the expected type and spoken flag. */
  typedRight: number;
  precision: number;
  recall: number;
  /** Expected chapters not found, and detected ones not expected (for test messages). */
  missing: string[];
  spurious: string[];
}

export function scoreChapters(found: FoundChapter[], expected: ExpectedChapter[]): ChapterScore {
  const same = (a: FoundChapter, b: ExpectedChapter) =>
    a.title === collapse(b.title) && a.firstLine === collapse(b.firstLine);
  // Longest common subsequence, so one missed or extra chapter costs one, not every chapter after it.
  const rows = found.length + 1;
  const cols = expected.length + 1;
  const table: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = found.length - 1; i >= 0; i--) {
    for (let j = expected.length - 1; j >= 0; j--) {
      table[i][j] = same(found[i], expected[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const matchedFound = new Set<number>();
  const matchedExpected = new Set<number>();
  let typedRight = 0;
  for (let i = 0, j = 0; i < found.length && j < expected.length;) {
    if (same(found[i], expected[j])) {
      matchedFound.add(i);
      matchedExpected.add(j);
      if (found[i].type === expected[j].type && found[i].spoken === expected[j].spoken) typedRight++;
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  const right = matchedFound.size;
  return {
    expected: expected.length,
    detected: found.length,
    right,
    typedRight,
    precision: found.length === 0 ? 0 : right / found.length,
    recall: expected.length === 0 ? 0 : right / expected.length,
    missing: expected.filter((_, j) => !matchedExpected.has(j)).map((c) => `${c.title} | ${c.firstLine}`),
    spurious: found.filter((_, i) => !matchedFound.has(i)).map((c) => `${c.title} | ${c.firstLine}`),
  };
}
