/**
 * What a printed page adds around the text (docs/manuscripts.md, "Paged text"): running heads and feet repeated at
 * the edges of the pages, page numbers, and words hyphenated at the end of a line. A PDF's text layer and text
 * extracted from one (pages separated by form feeds) carry them; the listener must hear none of it.
 */
import { classifyHeadingLine, isHeadingWordAlone } from './headings';

/** A running head is the same line at the edge of this many pages at least. */
const MIN_RUNNING_HEAD_PAGES = 3;

const LONE_NUMBER = /^\s*(?:[-–—]\s*)?(\d{1,4})(?:\s*[-–—])?\s*$/;
/** A page number printed beside the running head ("THE RIVER WARDEN 2", "12 THE RIVER WARDEN"). */
const NUMBER_AT_EITHER_END = /^\s*\d{1,4}\s+|\s+\d{1,4}\s*$/g;

interface EdgeLine {
  page: number;
  line: number;
}

/**
 * The outermost line at the top and at the bottom of each page, and the line inside it when the outermost is a lone
 * number (a page number above a running head, or below a foot).
 */
function edgeLines(pages: string[][]): EdgeLine[] {
  const edges: EdgeLine[] = [];
  pages.forEach((lines, page) => {
    const filled = lines.flatMap((text, line) => (text.trim() === '' ? [] : [line]));
    const top = filled.slice(0, LONE_NUMBER.test(lines[filled[0]] ?? '') ? 2 : 1);
    const bottom = filled.slice(LONE_NUMBER.test(lines[filled[filled.length - 1]] ?? '') ? -2 : -1);
    for (const line of [...new Set([...top, ...bottom])].sort((a, b) => a - b)) edges.push({ page, line });
  });
  return edges;
}

/**
 * A running head's key: its words without the page number printed beside it, case and spaces ignored. A heading with
 * a number of its own ("Chapter 2") keeps its number, so chapter headings that each open a page are not taken for a
 * running head; the same heading repeated at the top of every page of its chapter is one.
 */
function runningHeadKey(text: string): string {
  const line = text.trim();
  const own = classifyHeadingLine(line) ? line : line.replace(NUMBER_AT_EITHER_END, '');
  return own.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A heading word set alone over its number on the next line ("CHAPTER" over a large "3", as design tools set a
 * chapter's opening): the two are one heading, compared with its number as "CHAPTER 3" is.
 */
function headingOverItsNumber(lines: string[], line: number): string {
  const text = lines[line];
  if (!isHeadingWordAlone(text)) return text;
  let next = line + 1;
  while (next < lines.length && lines[next].trim() === '') next++;
  const joined = `${text.trim()} ${lines[next]?.trim() ?? ''}`;
  return classifyHeadingLine(joined)?.expectsTitle ? joined : text;
}

/** A short running head with the page number at its outer end ("12 THE HOLLOW SEA", "THE HARBOUR 13"). */
const NUMBERED_HEAD = /^\s*(\d{1,4})\s+(\S.{0,59})$|^(\S.{0,59}?)\s+(\d{1,4})\s*$/;

/**
 * The page number an edge line prints: alone, or beside a running head that is not a numbered heading itself — or
 * after the title of one, as a head repeating the chapter's heading prints it ("CAPÍTULO 1. LA LLEGADA 4"): the
 * heading's own number stands before its title, so a number after the title's words is the page's.
 */
function printedNumber(text: string): number | undefined {
  const lone = LONE_NUMBER.exec(text);
  if (lone) return Number(lone[1]);
  const head = text.length <= 80 ? NUMBERED_HEAD.exec(text) : null;
  if (!head) return undefined;
  const heading = classifyHeadingLine(text.trim());
  if (heading && !(head[4] !== undefined && /\p{L}.*\s\d{1,4}$/u.test(heading.trailer))) return undefined;
  return Number(head[1] ?? head[4]);
}

/**
 * Edge lines whose page number counts with the pages: the number minus its page's index is the same for most of them
 * (a book's first printed page is seldom page 1). A number that does not keep that step (a chapter numbered `3` at
 * the top of its page) is text. A running head printed with its page number is furniture by that number alone, even
 * a chapter's title heading one page only; a lone number is compared with them. With a single lone number in the
 * whole book there is nothing to compare, and a number alone at a page's edge is far more often its page number than
 * anything else.
 */
function pageNumbers(pages: string[][], edges: EdgeLine[]): Set<string> {
  const numbered = edges.flatMap(({ page, line }) => {
    const number = printedNumber(pages[page][line]);
    return number === undefined ? [] : [{ page, line, step: number - page }];
  });
  if (numbered.length === 1 && LONE_NUMBER.test(pages[numbered[0].page][numbered[0].line])) {
    return new Set([`${numbered[0].page}:${numbered[0].line}`]);
  }
  const steps = new Map<number, number>();
  for (const { step } of numbered) steps.set(step, (steps.get(step) ?? 0) + 1);
  // Facing pages may number from different offsets in a broken extraction; any step shared by two pages counts.
  return new Set(numbered.filter(({ step }) => (steps.get(step) ?? 0) >= 2).map(({ page, line }) => `${page}:${line}`));
}

/** For each page, which of its lines are furniture (true) rather than the book's text. */
export function pageFurniture(pages: string[][]): boolean[][] {
  const edges = edgeLines(pages);
  const numbers = pageNumbers(pages, edges);
  const pagesByKey = new Map<string, Set<number>>();
  const keyAt = (page: number, line: number) => runningHeadKey(headingOverItsNumber(pages[page], line));
  for (const { page, line } of edges) {
    const key = keyAt(page, line);
    // A running head names the book or the chapter; a line of no words at a page's edge is an ornament opening a
    // chapter ("❦") or closing one, the book's own, however many pages it heads.
    if (!/[\p{L}\p{N}]/u.test(key) || LONE_NUMBER.test(key)) continue;
    const holders = pagesByKey.get(key) ?? new Set<number>();
    holders.add(page);
    pagesByKey.set(key, holders);
  }
  const furniture = pages.map((lines) => lines.map(() => false));
  for (const { page, line } of edges) {
    const key = keyAt(page, line);
    // The first page is the title page or the text's first page: the book's title there is the title, not a head.
    const repeated = page > 0 && (pagesByKey.get(key)?.size ?? 0) >= MIN_RUNNING_HEAD_PAGES;
    if (numbers.has(`${page}:${line}`) || repeated) furniture[page][line] = true;
  }
  return furniture;
}

const HYPHENATED_END = /\p{L}-$/u;
const LOWER_CASE_START = /^\p{Ll}/u;
const SENTENCE_END = /[.!?:;"'”’»)\]]$/u;

/**
 * The text of plain-text pages (form feeds between them, as PDF-to-text tools write) without their furniture: lines
 * kept, words hyphenated at a line's end joined again, a paragraph running on over a page break joined into one.
 */
export function textOfPages(pageTexts: string[]): string {
  const pages = pageTexts.map((page) => page.split(/\r\n|\r|\n/));
  const furniture = pageFurniture(pages);
  const lines: string[] = [];
  pages.forEach((page, p) => {
    const kept = page.filter((_, l) => !furniture[p][l]);
    while (kept.length > 0 && kept[0].trim() === '') kept.shift();
    while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
    if (kept.length === 0) return;
    const last = lines.length > 0 ? lines[lines.length - 1] : undefined;
    // A paragraph broken by the page runs on when the page ended mid-sentence and the next starts in lower case.
    const runsOn = last !== undefined && !SENTENCE_END.test(last.trim()) && LOWER_CASE_START.test(kept[0].trim());
    if (last !== undefined && !runsOn) lines.push('');
    lines.push(...kept);
  });
  return joinHyphenatedLines(lines).join('\n');
}

/** "stand-" ⏎ "ing out of it": a word the layout broke is one word again, the rest of its line left where it was. */
export function joinHyphenatedLines(lines: string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.length > 0 ? joined[joined.length - 1].trimEnd() : '';
    const next = line.trimStart();
    if (HYPHENATED_END.test(previous) && LOWER_CASE_START.test(next)) {
      const space = next.search(/\s/);
      const rest = space < 0 ? '' : next.slice(space).trimStart();
      joined[joined.length - 1] = previous.slice(0, -1) + (space < 0 ? next : next.slice(0, space));
      if (rest !== '') joined.push(rest);
    } else {
      joined.push(line);
    }
  }
  return joined;
}
