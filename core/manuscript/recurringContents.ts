import { classifyHeadingLine, isUpperCaseTitle, type HeadingMatch } from './headings';
import type { ContentsEntry, ContentsRegion } from './contents';
import { titleKey } from './titleMatch';
import type { LaidOutBlock, TextLayout } from './textLayout';

/**
 * A contents list with neither a label nor heading words (docs/manuscripts.md, "Contents lists"): a dense run of
 * short blocks — section names, chapter subtitles wrapped over two or three lines — whose entries come back
 * elsewhere in the book as headings or as the titles under them, in the same order ("Tasa" … "TASA", "Que trata
 * de la condición …" … "Capítulo primero. Que trata de la condición …"). It stands before the book's first numbered
 * heading or after its last one, so runs of dialogue inside chapters are never taken for one.
 */

/** Entries that must come back as headings, in order, for a run to be a contents list. */
const MIN_RECURRING = 3;
const MAX_ENTRY_LINES = 4;
const MAX_ENTRY_WORDS = 45;
const MAX_ENTRY_LINE = 100;
/** A block listing one short entry per line ("PREFACE / INTRODUCTION / NOTES …"). */
const MAX_LIST_LINE = 60;

/** A paragraph of text, which never follows a contents list at the end of a book. */
const MIN_PROSE_WORDS = 12;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function isListBlock(block: LaidOutBlock): boolean {
  return block.lines.length >= 3 && block.lines.every((line) => line.trim().length <= MAX_LIST_LINE);
}

function isEntryShaped(block: LaidOutBlock): boolean {
  if (block.words === 0) return false;
  if (isListBlock(block)) return true;
  return (
    block.lines.length <= MAX_ENTRY_LINES &&
    block.words <= MAX_ENTRY_WORDS &&
    block.lines.every((line) => line.trim().length <= MAX_ENTRY_LINE)
  );
}

/** What a block may list: the block as one entry (a wrapped subtitle), and each of its lines (a list). */
function entryTexts(block: LaidOutBlock): string[] {
  const lines = block.lines.map((line) => line.trim()).filter((line) => line.length > 0);
  return lines.length > 1 ? [collapse(block.text), ...lines] : lines;
}

/**
 * The keys under which a block reads as a heading elsewhere in the book: a heading line with its wrapped title, the
 * title after its number ("Capítulo primero. Que trata …" → "Que trata …"), a capitalised or set-apart title line.
 */
function headingKeys(layout: TextLayout, block: LaidOutBlock, match: HeadingMatch | null): string[] {
  const lines = block.lines.map((line) => line.trim());
  if (match) {
    if (lines.length > 3) return [titleKey(lines[0])];
    const keys = [titleKey(lines.join(' ')), titleKey(lines[0])];
    if (match.trailer) keys.push(titleKey([match.trailer, ...lines.slice(1)].join(' ')));
    return keys;
  }
  const setApart = block.blanksBefore > layout.paragraphGap && block.blanksAfter > layout.paragraphGap;
  if (lines.length > 2 || block.text.length > 120 || !(isUpperCaseTitle(lines[0]) || setApart)) return [];
  return [titleKey(lines.join(' '))];
}

/** Longest run of increasing positions (the entries' headings in reading order). */
function longestIncreasing(positions: number[]): number {
  const tails: number[] = [];
  for (const position of positions) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tails[middle] < position) low = middle + 1;
      else high = middle;
    }
    tails[low] = position;
  }
  return tails.length;
}

export function findRecurringContents(
  layout: TextLayout,
  candidateAt: (blockIndex: number) => HeadingMatch | null,
  known: ContentsRegion[],
): ContentsRegion[] {
  const { blocks } = layout;
  const inKnown = new Uint8Array(blocks.length);
  for (const region of known) inKnown.fill(1, region.firstBlock, region.lastBlock + 1);
  const covered = (index: number) => inKnown[index] === 1;
  const headings = new Map<string, number[]>();
  for (const block of blocks) {
    for (const key of new Set(headingKeys(layout, block, candidateAt(block.index)))) {
      if (key.length === 0) continue;
      const positions = headings.get(key);
      if (positions) positions.push(block.index);
      else headings.set(key, [block.index]);
    }
  }
  const numbered = blocks.filter((block) => {
    const family = candidateAt(block.index)?.family;
    return (family === 'labelled' || family === 'numeral') && !covered(block.index);
  });
  const firstNumbered = numbered[0]?.index ?? blocks.length;
  const lastNumbered = numbered[numbered.length - 1]?.index ?? -1;

  const regions: ContentsRegion[] = [];
  for (let start = 0; start < blocks.length;) {
    if (covered(start) || !isEntryShaped(blocks[start])) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < blocks.length && !covered(end + 1) && isEntryShaped(blocks[end + 1])) end++;
    const region = contentsIn(start, end);
    if (region) regions.push(region);
    start = end + 1;
  }
  return regions;

  function keysOf(block: LaidOutBlock): string[] {
    return entryTexts(block).map(titleKey);
  }

  function contentsIn(runStart: number, runEnd: number): ContentsRegion | null {
    // At the end, a list closes the book: what follows it holds no paragraph of text (the last chapter's dialogue
    // comes back as headings too, but text follows it).
    const after = runStart > lastNumbered && blocks.slice(runEnd + 1).every((block) => block.words < MIN_PROSE_WORDS);
    if (!after && runStart >= firstNumbered) return null;
    const keys = new Map<number, string[]>();
    for (let i = runStart; i <= runEnd; i++) keys.set(i, keysOf(blocks[i]));
    // Before the book, the run's last blocks may be the book starting: its first headings, repeating entries the
    // list already gave ("TASA" after "Tasa").
    let end = runEnd;
    if (!after) {
      const counts = new Map<string, number>();
      for (const list of keys.values()) for (const key of new Set(list)) counts.set(key, (counts.get(key) ?? 0) + 1);
      while (end > runStart && keys.get(end)!.some((key) => counts.get(key)! > 1)) {
        for (const key of new Set(keys.get(end))) counts.set(key, counts.get(key)! - 1);
        end--;
      }
      if (end >= firstNumbered) return null;
    }
    // Each entry that comes back, with where: a listing block's lines are entries each, another block is one entry.
    const recurring: Array<{ index: number; position: number }> = [];
    const comesBack = (key: string) =>
      (headings.get(key) ?? []).filter((position) => (after ? position < runStart : position > end));
    for (let i = runStart; i <= end; i++) {
      const entryKeys = isListBlock(blocks[i])
        ? keys
            .get(i)!
            .slice(1)
            .map((key) => [key])
        : [keys.get(i)!];
      for (const alternatives of entryKeys) {
        const elsewhere = alternatives.flatMap(comesBack);
        if (elsewhere.length > 0) recurring.push({ index: i, position: Math.min(...elsewhere) });
      }
    }
    if (recurring.length < MIN_RECURRING) return null;
    if (longestIncreasing(recurring.map((r) => r.position)) < MIN_RECURRING) return null;

    // From the first entry that comes back, and the entries just before it set as closely as the list's own.
    const first = recurring[0].index;
    const widestGap = Math.max(...blocks.slice(first + 1, end + 1).map((block) => block.blanksBefore), 1);
    let firstBlock = first;
    while (firstBlock > runStart && blocks[firstBlock].blanksBefore <= widestGap) firstBlock--;
    const lastBlock = after ? recurring[recurring.length - 1].index : end;
    const entries: ContentsEntry[] = blocks
      .slice(firstBlock, lastBlock + 1)
      .flatMap((block) => entryTexts(block))
      .map((text) => ({ text, match: classifyHeadingLine(text) }));
    return {
      firstBlock,
      lastBlock,
      start: blocks[firstBlock].start,
      end: blocks[lastBlock].end,
      label: null,
      entries,
    };
  }
}
