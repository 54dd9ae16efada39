import { classifyHeadingLine, type HeadingMatch } from './headings';
import type { LaidOutBlock, TextLayout } from './textLayout';
import { sameTitle, TitleIndex } from './titleMatch';

/**
 * Contents lists in the text (docs/manuscripts.md): at the top or at the end, with a label ("CONTENTS", "ÍNDICE",
 * "Sumário") or without one (a run of chapter headings with nothing between them). A contents list is a section of
 * its own, never spoken, and its entries are never chapter starts; its titles help recognise headings that are
 * titles only, as in a story collection.
 */
export interface ContentsEntry {
  /** The entry as written, without leaders and page numbers. */
  text: string;
  match: HeadingMatch | null;
}

export interface ContentsRegion {
  firstBlock: number;
  lastBlock: number;
  start: number;
  end: number;
  /** The label line ("CONTENTS") when there is one. */
  label: string | null;
  entries: ContentsEntry[];
}

const LEADERS_AND_PAGE = /(?:\s*\.{2,}\s*|\s{2,}|\t+)(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})\s*$|\s+[ivxlcdm]{1,5}$/u;

/** A page number after a single space ("The Arrival 10"); taken off only when the heading's own number stays. */
const SPACED_PAGE = /\s+\d{1,4}$/u;

function entryText(line: string): string {
  const text = line
    .replace(LEADERS_AND_PAGE, '')
    .replace(/\.{2,}\s*$/, '')
    .trim();
  const withoutPage = text.replace(SPACED_PAGE, '');
  if (withoutPage === text || !/\p{L}/u.test(withoutPage)) return text;
  // "Chapter 12" keeps its number; "Chapter 1. The Arrival 10" loses only the page.
  return classifyHeadingLine(withoutPage)?.number === classifyHeadingLine(text)?.number ? withoutPage : text;
}

function isProse(block: LaidOutBlock): boolean {
  const lines = block.lines.map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.some((line) => line.length > 100)) return true;
  if (lines.length === 1) return block.words >= 16;
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (/[\p{Ll},;]$/u.test(lines[i]) && /^\p{Ll}/u.test(lines[i + 1])) wrapped++;
  }
  return wrapped >= Math.max(1, (lines.length - 1) / 2);
}

/** The block's first line repeats an entry: the contents are over and the book (re)starts there. */
function repeatsEntry(line: string, entries: ContentsEntry[]): boolean {
  const match = classifyHeadingLine(line);
  return entries.some((entry) => {
    // Two numbered headings are the same by their numbers: "Capítulo II" is one misprint away from "Capítulo I".
    const bothNumbered = match?.number !== undefined && entry.match?.number !== undefined;
    if (bothNumbered && match.number !== entry.match!.number) return false;
    if (sameTitle(entry.text, line) || (entry.match?.trailer && sameTitle(entry.match.trailer, line))) return true;
    return (
      match !== null &&
      entry.match !== null &&
      match.number !== undefined &&
      match.number === entry.match.number &&
      match.family === entry.match.family &&
      match.label === entry.match.label
    );
  });
}

function startsListedChapter(blocks: LaidOutBlock[], index: number, entries: ContentsEntry[]): boolean {
  const next = blocks[index + 1];
  if (entries.length === 0 || !next || blocks[index].lines.length !== 1) return false;
  const heading = classifyHeadingLine(blocks[index].lines[0]);
  if (heading === null || !heading.expectsTitle || classifyHeadingLine(next.lines[0]) !== null) return false;
  return repeatsEntry(next.lines[0], entries);
}

function entriesOf(lines: string[]): ContentsEntry[] {
  return lines
    .map(entryText)
    .filter((text) => text.length > 0)
    .map((text) => ({ text, match: classifyHeadingLine(text) }));
}

function labelledRegion(layout: TextLayout, labelIndex: number): ContentsRegion | null {
  const { blocks, paragraphGap } = layout;
  const labelBlock = blocks[labelIndex];
  const entries = entriesOf(labelBlock.lines.slice(1));
  let last = labelIndex;
  let widestEntryGap = 0;
  for (let i = labelIndex + 1; i < blocks.length; i++) {
    const block = blocks[i];
    const firstEntry = i === labelIndex + 1;
    const limit = firstEntry ? paragraphGap + 2 : Math.max(paragraphGap + 1, widestEntryGap * 2);
    if (block.blanksBefore > limit || isProse(block) || block.kind === 'heading') break;
    if (entries.length > 0 && repeatsEntry(block.lines[0], entries)) break;
    // A heading whose title, on the next block, repeats an entry ("CHAPTER I" then "The Arrival"): the book starts.
    if (startsListedChapter(blocks, i, entries)) break;
    entries.push(...entriesOf(block.lines));
    if (!firstEntry) widestEntryGap = Math.max(widestEntryGap, block.blanksBefore);
    last = i;
  }
  if (entries.length < 2) return null;
  return {
    firstBlock: labelIndex,
    lastBlock: last,
    start: labelBlock.start,
    end: blocks[last].end,
    label: labelBlock.lines[0].trim(),
    entries,
  };
}

/** A block listing three or more headings, one a line ("I. The Arrival / II. The Storm / …"). */
function isListOfHeadings(block: LaidOutBlock): boolean {
  const lines = block.lines.filter((line) => line.trim().length > 0);
  if (lines.length < 3) return false;
  // Reading stops at the first line too many that is no heading: a paragraph of prose is given up on at once.
  const mostOthers = lines.length - Math.ceil(lines.length * 0.8);
  let others = 0;
  for (const line of lines) {
    const match = classifyHeadingLine(entryText(line));
    if ((match === null || match.family === 'special') && ++others > mostOthers) return false;
  }
  return true;
}

/**
 * Whether a contents entry comes back as a heading after a block: a block past it, among those `candidateAt` reads
 * as a heading, whose first line repeats the entry (as repeatsEntry tells). The headings are indexed in one pass, by
 * title and by number (with family and heading word, keeping the furthest block of each), so that a list is checked
 * against the rest of the book by lookups rather than by reading the book again for each list.
 */
function headingRecurrences(
  blocks: LaidOutBlock[],
  candidateAt: (blockIndex: number) => HeadingMatch | null,
): (entry: ContentsEntry, after: number) => boolean {
  const titles = new TitleIndex();
  const numbers = new Map<string, number>();
  const numberKey = (match: HeadingMatch) => `${match.family}\u0000${match.label}\u0000${match.number}`;
  for (const block of blocks) {
    if (candidateAt(block.index) === null) continue;
    const line = block.lines[0];
    titles.add(line, block.index);
    const match = classifyHeadingLine(line);
    if (match?.number !== undefined) numbers.set(numberKey(match), block.index);
  }
  return (entry, after) =>
    (entry.match?.number !== undefined && (numbers.get(numberKey(entry.match)) ?? -1) > after) ||
    titles.hasAfter(entry.text, after) ||
    (!!entry.match?.trailer && titles.hasAfter(entry.match.trailer, after));
}

const WORDS_BETWEEN_ENTRIES = 8;

/**
 * Finds every contents list. `candidateAt` gives the heading read from a block's first line, so that a run of
 * headings with almost no text between them is taken for an unlabelled contents list.
 */
export function findContents(
  layout: TextLayout,
  candidateAt: (blockIndex: number) => HeadingMatch | null,
): ContentsRegion[] {
  const { blocks, paragraphGap } = layout;
  const regions: ContentsRegion[] = [];
  const inRegion = new Uint8Array(blocks.length);
  const covered = (index: number) => inRegion[index] === 1;
  const addRegion = (region: ContentsRegion) => {
    regions.push(region);
    inRegion.fill(1, region.firstBlock, region.lastBlock + 1);
  };

  // An unlabelled list is a contents list only if the book then has the headings it lists.
  let comesBack: ((entry: ContentsEntry, after: number) => boolean) | undefined;
  const predictsHeadings = (entries: ContentsEntry[], after: number) => {
    const listed = entries.filter((entry) => entry.match !== null && entry.match.family !== 'part');
    if (listed.length < 3) return false;
    comesBack ??= headingRecurrences(blocks, candidateAt);
    const repeated = listed.filter((entry) => comesBack!(entry, after));
    return repeated.length >= listed.length / 2;
  };
  for (let i = 0; i < blocks.length; i++) {
    if (covered(i)) continue;
    if (classifyHeadingLine(blocks[i].lines[0])?.type === 'contents') {
      const region = labelledRegion(layout, i);
      if (region) addRegion(region);
    } else if (isListOfHeadings(blocks[i]) && predictsHeadings(entriesOf(blocks[i].lines), i)) {
      const block = blocks[i];
      addRegion({
        firstBlock: i,
        lastBlock: i,
        start: block.start,
        end: block.end,
        label: null,
        entries: entriesOf(block.lines),
      });
    }
  }

  // Runs of three or more heading blocks close together.
  const heads = blocks
    .map((block, index) => ({ index, match: candidateAt(index) }))
    .filter((head) => head.match !== null && head.match.family !== 'special' && !covered(head.index));
  const wordsBetween = (a: number, b: number) => blocks.slice(a + 1, b).reduce((sum, block) => sum + block.words, 0);
  const close = (a: number, b: number) =>
    wordsBetween(a, b) < WORDS_BETWEEN_ENTRIES && blocks[b].blanksBefore <= paragraphGap + 1;
  for (let h = 0; h < heads.length;) {
    let end = h;
    while (end + 1 < heads.length && close(heads[end].index, heads[end + 1].index)) end++;
    const run = heads.slice(h, end + 1);
    const entries = run.map((head) => ({ text: blocks[head.index].lines[0].trim(), match: head.match }));
    // The run's last heading is the book's first when the list already named it.
    const last = run[run.length - 1];
    const lastRepeats = repeatsEntry(blocks[last.index].lines[0], entries.slice(0, -1));
    const listed = lastRepeats ? entries.slice(0, -1) : entries;
    if (run.length >= 3 && predictsHeadings(listed, lastRepeats ? last.index - 1 : last.index)) {
      let finalBlock = lastRepeats ? last.index - 1 : last.index;
      // A title written under the last entry belongs to the list too.
      while (
        !lastRepeats &&
        finalBlock + 1 < blocks.length &&
        blocks[finalBlock + 1].words < WORDS_BETWEEN_ENTRIES &&
        blocks[finalBlock + 1].lines.length === 1 &&
        blocks[finalBlock + 1].blanksBefore <= paragraphGap + 1 &&
        candidateAt(finalBlock + 1) === null
      ) {
        finalBlock++;
      }
      addRegion({
        firstBlock: run[0].index,
        lastBlock: finalBlock,
        start: blocks[run[0].index].start,
        end: blocks[finalBlock].end,
        label: null,
        entries: listed,
      });
    }
    h = end + 1;
  }
  return regions.sort((a, b) => a.start - b.start);
}
