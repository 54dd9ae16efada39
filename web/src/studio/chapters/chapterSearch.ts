import type { ChapterSummary } from '../../api/types';

/** Words of a title or a search, accents and case aside ("CAPÍTULO XII." → ["capitulo", "xii"]). */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(value: number): string {
  let left = value;
  let out = '';
  for (const [step, letters] of ROMAN) {
    while (left >= step) {
      out += letters;
      left -= step;
    }
  }
  return out;
}

/** The value of a word that is a Roman numeral as `roman` writes it ("xii" → 12; "mil" and "civil" are not). */
function romanValue(word: string): number | undefined {
  if (!/^[mdclxvi]+$/.test(word)) return undefined;
  const digits: Record<string, number> = { m: 1000, d: 500, c: 100, l: 50, x: 10, v: 5, i: 1 };
  let value = 0;
  for (let at = 0; at < word.length; at += 1) {
    const here = digits[word[at]];
    value += at + 1 < word.length && here < digits[word[at + 1]] ? -here : here;
  }
  return roman(value) === word ? value : undefined;
}

/** A number is the whole word in the title, in figures or in Roman numerals ("12" finds "Chapter XII"). */
function numberMatches(value: number, titleWords: string[]): boolean {
  const spelled = value > 0 && value < 4000 ? roman(value) : undefined;
  return titleWords.some((word) => (/^\d+$/.test(word) ? Number(word) === value : word === spelled));
}

/**
 * A typed word begins a word of the title; a number, typed in figures or in Roman numerals, is one of its numbers
 * whole ("xii" finds "XII" and "12", never "XIII"), while a Roman-looking word still begins an ordinary word ("i"
 * finds "Interlude").
 */
function wordMatches(typed: string, titleWords: string[]): boolean {
  if (/^\d+$/.test(typed)) return numberMatches(Number(typed), titleWords);
  const value = romanValue(typed);
  if (value !== undefined && numberMatches(value, titleWords)) return true;
  return titleWords.some((word) => word.startsWith(typed) && (value === undefined || romanValue(word) === undefined));
}

/**
 * Whether a search finds the chapter: every word typed begins a word of its title, and a number typed is one of
 * its title's numbers (figures or Roman numerals). A search that is only a number also finds the chapter with that
 * number in the book's order of chapters (`chapterNumber`, front and back matter aside), whatever its title.
 */
export function matchesChapter(chapter: Pick<ChapterSummary, 'title'>, chapterNumber: number | null, query: string) {
  const typed = words(query);
  if (typed.length === 0) return true;
  const titleWords = words(chapter.title);
  if (typed.length === 1 && /^\d+$/.test(typed[0]) && Number(typed[0]) === chapterNumber) return true;
  return typed.every((word) => wordMatches(word, titleWords));
}

/** Each chapter's number among the book's chapters (front and back matter have none), in reading order. */
export function chapterNumbers(chapters: Pick<ChapterSummary, 'id' | 'chapterType'>[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const chapter of chapters) if (chapter.chapterType === 'chapter') numbers.set(chapter.id, numbers.size + 1);
  return numbers;
}
