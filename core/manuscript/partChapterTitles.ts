/**
 * A long novel in parts or books often numbers its chapters again from one in each ("BOOK ONE", "CHAPTER I" …, "BOOK
 * TWO", "CHAPTER I" …). Named as written, the chapter list would hold "CHAPTER I" three times, and a listener choosing
 * a chapter could not tell them apart. When two chapters of a book share a title, every chapter under a part is named
 * with its part first, "BOOK TWO, CHAPTER I", so the names are distinct and still read as the book prints them
 * (docs/manuscripts.md, "Titles"). Chapters whose titles already differ keep them.
 */
import { classifyHeadingLine, headingWithoutDecoration } from './headings';
import type { Boundary } from './boundary';

/** What makes two chapter titles the same: case, accents, decoration and punctuation aside. */
export const sameTitleKey = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The part's heading without the name written after its number: "BOOK ONE: 1851" → "BOOK ONE". */
function partLabel(part: Boundary): string {
  const title = headingWithoutDecoration(part.title);
  const trailer = classifyHeadingLine(title)?.trailer ?? '';
  if (trailer === '') return title;
  return title.slice(0, title.lastIndexOf(trailer)).replace(/[\s.:;,–—-]+$/u, '') || title;
}

export function withPartNamesOnRepeatedTitles(boundaries: Boundary[]): Boundary[] {
  const chapters = boundaries.filter((b) => b.type === 'chapter');
  const keys = new Set(chapters.map((b) => sameTitleKey(b.title)));
  if (keys.size === chapters.length || !boundaries.some((b) => b.type === 'part')) return boundaries;
  let part: Boundary | undefined;
  return boundaries.map((boundary) => {
    if (boundary.type === 'part') part = boundary;
    if (boundary.type !== 'chapter' || part === undefined) return boundary;
    return { ...boundary, title: `${partLabel(part)}, ${headingWithoutDecoration(boundary.title)}` };
  });
}
