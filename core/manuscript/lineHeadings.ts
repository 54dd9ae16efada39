import { distance } from 'fastest-levenshtein';
import { findContents, sameTitle, type ContentsRegion } from './contents';
import {
  classifyHeadingLine,
  foldAccents,
  isUpperCaseTitle,
  looksLikeTitleLine,
  readChapterNumber,
  type HeadingMatch,
} from './headings';
import type { ChapterType } from './manuscript';
import { gapsAreMeaningful, type LaidOutBlock, type TextLayout } from './textLayout';

/**
 * Chapter starts in a book whose headings are lines of text (docs/manuscripts.md). Lines are not accepted one by one:
 * the book's own conventions decide — the heading word it numbers its chapters with, whether numbers follow each
 * other, whether a title line follows the number, the blank lines it sets headings apart with, and its contents list.
 */
export interface Boundary {
  offset: number;
  /** End of the heading as written, title line included; equals `offset` for a section without a heading. */
  headingEnd: number;
  title: string;
  type: ChapterType;
  confidence: number;
  /** Where the section's own text ends when it is known to end before the next section (a contents list). */
  extentEnd?: number;
}

export interface RejectedHeading {
  offset: number;
  line: string;
  reason: string;
}

export interface NumberingGap {
  /** Start of the chapter after which numbers are missing. */
  offset: number;
  from: number;
  to: number;
}

export interface LineDetection {
  boundaries: Boundary[];
  rejected: RejectedHeading[];
  gaps: NumberingGap[];
  contents: ContentsRegion[];
}

interface Candidate {
  block: LaidOutBlock;
  match: HeadingMatch;
  /** The heading's lines within its block: the first alone, or all of a short block (a wrapped or second title line). */
  lineCount: number;
}

interface Accepted extends Candidate {
  confidence: number;
  title: string;
  headingEnd: number;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const withoutDecoration = (text: string) => collapse(text.replace(/(^|\s)[_*]+|[_*]+(\s|$)/g, '$1$2'));

/** Lines of the block that belong to its heading: the first, and up to two more written like a title. */
function headingLines(block: LaidOutBlock): number {
  let count = 1;
  while (count < Math.min(3, block.lines.length)) {
    const line = block.lines[count].trim();
    if (line.length > 90 || !(looksLikeTitleLine(line) || isUpperCaseTitle(line))) break;
    count++;
  }
  return count;
}

function candidateOf(block: LaidOutBlock): Candidate | null {
  const match = classifyHeadingLine(block.lines[0]);
  if (!match) return null;
  const lineCount = headingLines(block);
  // Numerals are ambiguous; they are headings only when they stand alone (or with their title) in their block.
  if (match.family === 'numeral' && lineCount < block.lines.length) return null;
  return { block, match, lineCount };
}

function joinTitle(heading: string, title: string): string {
  if (/[.:]$/.test(heading)) return `${heading} ${title}`;
  if (/^[\dIVXLCDM]+$/.test(heading)) return `${heading}. ${title}`;
  return `${heading}: ${title}`;
}

export function detectLineHeadings(layout: TextLayout): LineDetection {
  const { blocks, paragraphGap } = layout;
  const meaningfulGaps = gapsAreMeaningful(layout);
  const candidates = new Map<number, Candidate>();
  for (const block of blocks) {
    const candidate = candidateOf(block);
    if (candidate) candidates.set(block.index, candidate);
  }
  const contents = findContents(layout, (index) => candidates.get(index)?.match ?? null);
  const inContents = (index: number) => contents.some((r) => index >= r.firstBlock && index <= r.lastBlock);
  const rejected: RejectedHeading[] = [];
  const reject = (block: LaidOutBlock, reason: string) =>
    rejected.push({ offset: block.start, line: block.lines[0].trim(), reason });

  const accepted = new Map<number, Accepted>();
  const consumed = new Set<number>();
  const accept = (candidate: Candidate, confidence: number) => {
    const { block } = candidate;
    const own = block.lines.slice(0, candidate.lineCount).map(withoutDecoration);
    const [first, ...rest] = own;
    const title =
      rest.length === 0
        ? first
        : candidate.match.expectsTitle
          ? joinTitle(first, rest.join(' '))
          : `${first} ${rest.join(' ')}`;
    accepted.set(block.index, {
      ...candidate,
      confidence,
      title,
      headingEnd: block.start + block.lines.slice(0, candidate.lineCount).join('\n').length,
    });
  };
  const open = [...candidates.values()].filter((c) => !inContents(c.block.index));

  // 1. Chapters named by a word and numbered: each heading word's numbers must follow on.
  const byLabel = new Map<string, Candidate[]>();
  for (const candidate of open.filter((c) => c.match.family === 'labelled')) {
    byLabel.set(candidate.match.label, [...(byLabel.get(candidate.match.label) ?? []), candidate]);
  }
  const gaps: NumberingGap[] = [];
  for (const [label, group] of byLabel) {
    const usualGap = median(group.map((c) => c.block.blanksBefore));
    let previous: number | undefined;
    for (const [i, candidate] of group.entries()) {
      const number = candidate.match.number!;
      const next = group[i + 1]?.match.number;
      const follows =
        previous === undefined ||
        number === previous + 1 ||
        number === 1 ||
        (next !== undefined && next === number + 1);
      if (!follows && group.length >= 5 && candidate.block.blanksBefore < usualGap) {
        reject(candidate.block, `"${label}" ${number} breaks the numbering and is set like text`);
        continue;
      }
      accept(candidate, follows ? 0.99 : 0.85);
      previous = number;
    }
    if (group.length >= 3) gaps.push(...recoverMisspelled(layout, group, accepted, accept));
  }

  // 2. Parts and named sections (prologue, preface …) stand on their own.
  for (const candidate of open) {
    if (candidate.match.family === 'part') accept(candidate, 0.95);
    if (candidate.match.family === 'special') accept(candidate, 0.9);
  }
  takeTitleLines(layout, accepted, consumed, meaningfulGaps);

  // 3. Bare numerals ("IV.", "12") are chapter starts only as a numbered sequence, and only in a book without
  //    worded chapter headings (there they number sections within chapters).
  const wordedChapters = [...accepted.values()].filter((a) => a.match.family === 'labelled').length;
  const numerals = open.filter((c) => c.match.family === 'numeral' && !consumed.has(c.block.index));
  if (wordedChapters < 2) {
    const sequence = numberedSequence(numerals);
    if (sequence.length >= 3 && sequence.length >= numerals.length * 0.6) {
      for (const candidate of numerals) {
        if (sequence.includes(candidate)) accept(candidate, 0.9);
        else if (candidate.match.number! <= sequence.length + 1) reject(candidate.block, 'numeral out of sequence');
      }
      takeTitleLines(layout, accepted, consumed, meaningfulGaps);
    }
  }

  // 4. Titles alone on their line: in a collection they are the stories' headings when its contents list names them,
  //    or, in a book with no other headings, when they are set apart like headings.
  const entries = contents.flatMap((region) => region.entries);
  const namedInContents = (line: string) =>
    entries.some(
      (entry) => sameTitle(entry.text, line) || (!!entry.match?.trailer && sameTitle(entry.match.trailer, line)),
    );
  const headingSpacing = Math.max(paragraphGap + 1, minimum([...accepted.values()].map((a) => a.block.blanksBefore)));
  const titles = blocks.filter(
    (block) =>
      !inContents(block.index) &&
      !accepted.has(block.index) &&
      !consumed.has(block.index) &&
      !candidates.has(block.index) &&
      block.lines.length <= 2 &&
      (isUpperCaseTitle(block.lines[0]) || namedInContents(block.lines.join(' '))),
  );
  const chapterCount = () => [...accepted.values()].filter((a) => a.match.family !== 'special').length;
  const named = titles.filter((block) => namedInContents(block.lines.join(' ')));
  for (const block of named) acceptTitle(block, 0.95);
  const setApart = (block: LaidOutBlock) => meaningfulGaps && block.blanksBefore >= headingSpacing;
  if (chapterCount() === 0) {
    const spaced = titles.filter((block) => !named.includes(block) && setApart(block));
    if (spaced.length >= 2) for (const block of spaced) acceptTitle(block, 0.75);
  } else {
    for (const block of titles) {
      if (!accepted.has(block.index) && setApart(block)) reject(block, 'title line set apart like a heading');
    }
  }

  function acceptTitle(block: LaidOutBlock, confidence: number) {
    const match: HeadingMatch = { type: 'chapter', family: 'labelled', label: '', trailer: '', expectsTitle: false };
    accept({ block, match, lineCount: block.lines.length }, confidence);
  }

  const boundaries: Boundary[] = [...accepted.values()].map((a) => ({
    offset: a.block.start,
    headingEnd: a.headingEnd,
    title: a.title,
    type: a.match.type,
    confidence: a.confidence,
  }));
  for (const region of contents) {
    boundaries.push({
      offset: region.start,
      headingEnd: region.label ? region.start + blocks[region.firstBlock].lines[0].length : region.start,
      title: region.label ? collapse(region.label) : '',
      type: 'contents',
      confidence: region.label ? 0.95 : 0.8,
      extentEnd: region.end,
    });
  }
  return { boundaries: boundaries.sort((a, b) => a.offset - b.offset), rejected, gaps, contents };
}

/** Candidates that count up from 1 by one (a count may start again at 1, as books restart numbering per part). */
function numberedSequence(numerals: Candidate[]): Candidate[] {
  const sequence: Candidate[] = [];
  let last = 0;
  for (const candidate of numerals) {
    const number = candidate.match.number!;
    if (number === last + 1 || (number === 1 && last > 1)) {
      sequence.push(candidate);
      last = number;
    }
  }
  return sequence;
}

/**
 * A chapter number missing from an otherwise unbroken sequence is looked for between its neighbours, spelled with a
 * misprinted heading word ("CAPIULO CXXIV" among "CAPITULO"s); numbers still missing are reported.
 */
function recoverMisspelled(
  layout: TextLayout,
  group: Candidate[],
  accepted: Map<number, Accepted>,
  accept: (candidate: Candidate, confidence: number) => void,
): NumberingGap[] {
  const gaps: NumberingGap[] = [];
  const members = group.filter((c) => accepted.has(c.block.index));
  const writtenLabel = foldAccents(members[0].block.lines[0].trim().split(/\s+/)[0]).replace(/[.:]$/, '');
  for (let i = 0; i + 1 < members.length; i++) {
    const [before, after] = [members[i], members[i + 1]];
    const from = before.match.number!;
    const to = after.match.number!;
    if (to <= from + 1) continue;
    let found = 0;
    for (let b = before.block.index + 1; b < after.block.index && found < to - from - 1; b++) {
      const block = layout.blocks[b];
      const tokens = block.lines[0].trim().split(/\s+/);
      if (tokens.length < 2 || tokens.length > 3 || block.lines.length > 3) continue;
      const word = foldAccents(tokens[0]).replace(/[.:]$/, '');
      const number = readChapterNumber(tokens.slice(1).join(' '));
      if (number === from + 1 + found && word.length >= 4 && distance(word, writtenLabel) <= 2) {
        const match: HeadingMatch = { ...before.match, number, trailer: '', expectsTitle: true };
        accept({ block, match, lineCount: 1 }, 0.8);
        found++;
      }
    }
    if (found < to - from - 1) gaps.push({ offset: before.block.start, from, to });
  }
  return gaps;
}

/**
 * Completes headings that wait for a title ("CAPITULO I" … "Obito do autor") with the block after them. Whether a
 * book titles its chapters is decided for each heading word at once: when most of its headings are followed by a
 * short block set apart like a title (more blank lines after it than between paragraphs, or written like a title),
 * every one of them takes that block, whatever its length or punctuation.
 */
function takeTitleLines(
  layout: TextLayout,
  accepted: Map<number, Accepted>,
  consumed: Set<number>,
  meaningfulGaps: boolean,
): void {
  const { blocks, paragraphGap } = layout;
  const groups = new Map<string, Accepted[]>();
  for (const heading of accepted.values()) {
    const waitsForTitle =
      heading.match.expectsTitle &&
      heading.block.lines.length === 1 &&
      heading.headingEnd === heading.block.end &&
      !consumed.has(heading.block.index + 1);
    if (!waitsForTitle) continue;
    const key = `${heading.match.family}:${heading.match.label}`;
    groups.set(key, [...(groups.get(key) ?? []), heading]);
  }
  const nextOf = (heading: Accepted) => blocks[heading.block.index + 1];
  const shaped = (heading: Accepted) => {
    const next = nextOf(heading);
    return (
      next !== undefined &&
      next.index + 1 < blocks.length &&
      next.lines.length <= 4 &&
      next.text.length <= 300 &&
      !accepted.has(next.index) &&
      !accepted.has(next.index + 1) &&
      classifyHeadingLine(next.lines[0])?.family !== 'labelled'
    );
  };
  const setApart = (heading: Accepted) => meaningfulGaps && nextOf(heading).blanksAfter > paragraphGap;
  const written = (heading: Accepted) => {
    const next = nextOf(heading);
    const line = collapse(next.text);
    return (
      (next.lines.length <= 2 && looksLikeTitleLine(line)) ||
      next.lines.every((written) => isUpperCaseTitle(written)) ||
      /^["“«'‘].*["”»'’]$/u.test(line)
    );
  };
  const unspeakable = (heading: Accepted) => {
    const next = nextOf(heading);
    return next.lines.length === 1 && !/[\p{L}\p{N}]/u.test(next.text);
  };
  for (const group of groups.values()) {
    const candidates = group.filter(shaped);
    if (candidates.length === 0) continue;
    const bySpacing = candidates.filter(setApart).length >= group.length * 0.5;
    const byLook = candidates.filter(written).length >= group.length * 0.6;
    if (!bySpacing && !byLook) continue;
    for (const heading of candidates) {
      // In a book that sets titles apart, a title of dots or stars may be followed by the text at once.
      const fits = bySpacing ? setApart(heading) || written(heading) || unspeakable(heading) : written(heading);
      if (!fits) continue;
      const next = nextOf(heading);
      const headingLine = heading.title;
      accepted.set(heading.block.index, {
        ...heading,
        title: joinTitle(headingLine, withoutDecoration(next.lines.join(' '))),
        headingEnd: next.end,
      });
      consumed.add(next.index);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

function minimum(values: number[]): number {
  return values.length === 0 ? 0 : Math.min(...values);
}
