import { isChapterWord, type HeadingMatch } from './headings';
import type { LaidOutBlock, TextLayout } from './textLayout';

/**
 * A book's notes gathered after the work (docs/manuscripts.md, "Back matter"), told by their numbering and by the
 * headings among them, in any language: notes under a heading naming them whose chapters' headings come back among
 * the notes ("NOTAS", then "CAPÍTULO I" over the first chapter's notes), and notes under no heading at all, each
 * opening with its number ("(1) …", "[2] …", "3. …") counting from 1 to the book's end, whose marks the text carries.
 */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (marks: string) =>
  Number(
    marks
      .split('')
      .map((mark) => SUPERSCRIPT.indexOf(mark))
      .join(''),
  );

const NOTE_OPENING = /^\s*(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)](?=\s)|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))\s*\S/u;

/** The number a line opens with as a note does ("[1] …", "(1) …", "1. …", "1) …", "¹ …"), or undefined. */
export function noteNumber(line: string): number | undefined {
  const found = NOTE_OPENING.exec(line);
  if (!found) return undefined;
  const [, bracketed, parenthesised, plain, raised] = found;
  return raised ? fromSuperscript(raised) : Number(bracketed ?? parenthesised ?? plain);
}

/** The note numbers the text marks where they stand: "[n]", "(n)" or a raised number; read in one pass. */
function markedNotes(text: string): Set<number> {
  const marked = new Set<number>();
  for (const [, bracketed, parenthesised, raised] of text.matchAll(
    /\[(\d{1,3})\]|\((\d{1,3})\)|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})/gu,
  )) {
    marked.add(raised ? fromSuperscript(raised) : Number(bracketed ?? parenthesised));
  }
  return marked;
}

/** Fewest notes under no heading for them to be told from a numbered list closing the story. */
const MIN_UNHEADED_NOTES = 2;

/**
 * The first block of notes standing under no heading at the end of the book: from a block opening with note 1, every
 * block opening with a number counts on by one to the book's end (blocks between continue a note), and the text
 * before carries each note's mark. `from` is the first block they may start at.
 */
export function unheadedNotesStart(layout: TextLayout, from: number): number | undefined {
  const { blocks, text } = layout;
  let start: number | undefined;
  let expected = 1;
  for (let index = from; index < blocks.length; index++) {
    const number = noteNumber(blocks[index].lines[0]);
    if (number === undefined) continue;
    if (number === 1) {
      start = index;
      expected = 2;
    } else if (start !== undefined && number === expected) expected++;
    else start = undefined;
  }
  if (start === undefined || expected - 1 < MIN_UNHEADED_NOTES) return undefined;
  const marked = markedNotes(text.slice(0, blocks[start].start));
  for (let n = 1; n < expected; n++) if (!marked.has(n)) return undefined;
  return start;
}

/** A heading naming back matter, alone in its block or over its first note ("NOTAS" ⏎ "1. …"). */
export function namesBackMatter(match: HeadingMatch | null, block: LaidOutBlock): boolean {
  if (match?.type !== 'back_matter') return false;
  return block.lines.length === 1 || noteNumber(block.lines[1]) === 1;
}

interface NumberedHeading {
  block: LaidOutBlock;
  match: HeadingMatch;
}

/** Which heading a note refers to: "Cap. I." among the notes names the chapter headed "CAPÍTULO I". */
const headingKey = ({ match }: NumberedHeading) =>
  `${match.family}\u0000${isChapterWord(match.label) ? 'chapter' : match.label}\u0000${match.number}`;

/**
 * A heading naming back matter after which every heading taken so far repeats one taken before it (the same word and
 * number): the notes of each chapter under the chapter's heading again. Returns the notes' heading block.
 */
export function notesGroupedByChapter(
  layout: TextLayout,
  headings: NumberedHeading[],
  headingAt: (blockIndex: number) => HeadingMatch | null,
): number | undefined {
  const sorted = [...headings].sort((a, b) => a.block.index - b.block.index);
  // For each heading from position i on, the latest position at which one of them first appeared (a part counts as
  // never repeating): the headings from i on all repeat earlier ones when it is below i. One pass, not one per heading.
  const firstAt = new Map<string, number>();
  const firstPosition = sorted.map((heading, i) => {
    const key = headingKey(heading);
    if (!firstAt.has(key)) firstAt.set(key, i);
    return heading.match.family === 'part' ? Infinity : firstAt.get(key)!;
  });
  const latestFirst = new Array<number>(sorted.length + 1).fill(-1);
  for (let i = sorted.length - 1; i >= 0; i--) latestFirst[i] = Math.max(latestFirst[i + 1], firstPosition[i]);
  let cursor = 0;
  for (const block of layout.blocks) {
    while (cursor < sorted.length && sorted[cursor].block.index < block.index) cursor++;
    if (cursor === 0 || cursor === sorted.length || !namesBackMatter(headingAt(block.index), block)) continue;
    if (latestFirst[cursor] < cursor) return block.index;
  }
  return undefined;
}
