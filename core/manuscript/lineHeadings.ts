import { distance } from 'fastest-levenshtein';
import { findContents, type ContentsRegion } from './contents';
import {
  foldAccents,
  isEndMarker,
  isTitleCaseLine,
  isUpperCaseTitle,
  readChapterNumber,
  type HeadingMatch,
} from './headings';
import {
  candidateOf,
  candidateOverNumber,
  collapse,
  joinTitle,
  takeTitleLines,
  withoutDecoration,
  type Accepted,
  type Candidate,
} from './headingTitles';
import type { Boundary } from './boundary';
import type { ChapterType } from './manuscript';
import { titlesUnderAuthors } from './authorLines';
import { findBackMatter } from './backMatter';
import { notesGroupedByChapter, noteNumber, unheadedNotesStart } from './endNotes';
import { continuation, numeralChapters, numeralsOpeningParts } from './numbering';
import { letterOpenings, undatedLetterOpenings } from './letters';
import { diaryEntries } from './diaries';
import { ornamentChapterStarts } from './ornaments';
import { findRecurringContents } from './recurringContents';
import { gapsAreMeaningful, type LaidOutBlock, type TextLayout } from './textLayout';
import { TitleIndex } from './titleMatch';

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

/** Words of the paragraph under a front-matter title for it to head a section ("EL REY" over a royal licence). */
const MIN_WORDS_UNDER_TITLE = 15;
/** Titles in capitals with no extra blank lines around them: how many, and how much text each heads at least. */
const MIN_UNSPACED_TITLES = 3;
const MIN_WORDS_UNDER_UNSPACED_TITLE = 300;
export function detectLineHeadings(layout: TextLayout): LineDetection {
  const { blocks, paragraphGap } = layout;
  const meaningfulGaps = gapsAreMeaningful(layout);
  const candidates = new Map<number, Candidate>();
  for (const block of blocks) {
    if (candidates.get(block.index - 1)?.numberBlock) continue;
    const candidate = candidateOverNumber(block, blocks[block.index + 1]) ?? candidateOf(block);
    if (candidate) candidates.set(block.index, candidate);
  }
  const headingAt = (index: number) => candidates.get(index)?.match ?? null;
  const listed = findContents(layout, headingAt);
  const contents = [...listed, ...findRecurringContents(layout, headingAt, listed)].sort((a, b) => a.start - b.start);
  const contentsBlocks = new Uint8Array(blocks.length);
  for (const region of contents) contentsBlocks.fill(1, region.firstBlock, region.lastBlock + 1);
  const inContents = (index: number) => contentsBlocks[index] === 1;
  const rejected: RejectedHeading[] = [];
  const reject = (block: LaidOutBlock, reason: string) =>
    rejected.push({ offset: block.start, line: block.lines[0].trim(), reason });

  const accepted = new Map<number, Accepted>();
  const consumed = new Set<number>();
  const letterStarts = new Set<number>();
  const accept = (candidate: Candidate, confidence: number) => {
    const { block, numberBlock } = candidate;
    if (numberBlock) {
      const [number, ...titleLines] = numberBlock.block.lines.slice(0, numberBlock.lineCount).map(withoutDecoration);
      const heading = `${withoutDecoration(block.lines[0])} ${number}`;
      accepted.set(block.index, {
        ...candidate,
        confidence,
        title: titleLines.length === 0 ? heading : joinTitle(heading, titleLines.join(' ')),
        headingEnd: numberBlock.block.start + numberBlock.block.lines.slice(0, numberBlock.lineCount).join('\n').length,
      });
      consumed.add(numberBlock.block.index);
      return;
    }
    const own = block.lines.slice(0, candidate.lineCount).map(withoutDecoration);
    const headLines = candidate.headLines ?? 1;
    const first = own.slice(0, headLines).join(' ');
    const rest = own.slice(headLines);
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
  // "PRIMEIRA PARTE" over "I": the numeral opens the part's first chapter; it is not the part's title.
  const partOpenings = numeralsOpeningParts(open);

  // 1. Chapters named by a word and numbered: each heading word's numbers must follow on.
  const byLabel = new Map<string, Candidate[]>();
  for (const candidate of open.filter((c) => c.match.family === 'labelled')) {
    const group = byLabel.get(candidate.match.label);
    if (group) group.push(candidate);
    else byLabel.set(candidate.match.label, [candidate]);
  }
  const gaps: NumberingGap[] = [];
  for (const [label, group] of byLabel) {
    const usualGap = median(group.map((c) => c.block.blanksBefore));
    let previous: number | undefined;
    for (const [i, written] of group.entries()) {
      // "CHAPTER THE LAST" is numbered by its place: one more than the heading before it.
      const candidate = written.match.last
        ? { ...written, match: { ...written.match, number: (previous ?? 0) + 1 } }
        : written;
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

  // 2. Parts and named sections (prologue, preface …) stand on their own; back matter only after the work (7.).
  const partsByLabel = new Map<string, number>();
  for (const candidate of open.filter((c) => c.match.family === 'part')) {
    partsByLabel.set(candidate.match.label, (partsByLabel.get(candidate.match.label) ?? 0) + 1);
  }
  for (const candidate of open) {
    if (
      candidate.match.family === 'part' &&
      !namesTheVolume(candidate, blocks, partsByLabel, paragraphGap, (i) => candidates.has(i))
    )
      accept(candidate, 0.95);
    if (candidate.match.family !== 'special' || candidate.match.type === 'back_matter') continue;
    // The numbering gap is reported for such a line already (chapterReport.ts), so it is not reported twice.
    if (candidate.match.type === 'chapter' && !numberingRunsOnAt(candidate.block.index)) continue;
    accept(candidate, 0.9);
  }
  takeTitleLines(layout, accepted, consumed, meaningfulGaps, partOpenings);

  /**
   * An unnumbered piece between numbered chapters ("INTERLUDE") stands outside their count: where the numbers around it
   * skip one, it more likely stands for the missing chapter's heading, and the hole is reported instead.
   */
  function numberingRunsOnAt(blockIndex: number): boolean {
    let before: number | undefined;
    let after: number | undefined;
    for (const [index, taken] of accepted) {
      const number = taken.match.family === 'labelled' ? taken.match.number : undefined;
      if (number === undefined) continue;
      if (index < blockIndex && (before === undefined || index > before)) before = index;
      if (index > blockIndex && (after === undefined || index < after)) after = index;
    }
    if (before === undefined || after === undefined) return true;
    return accepted.get(after)!.match.number === accepted.get(before)!.match.number! + 1;
  }

  // 3. Bare numerals ("IV.", "12") start chapters only as a numbered sequence (numbering.ts): the book's own in a book
  //    without worded chapter headings, or one carrying a worded sequence on in another style ("ADVENTURE VI. …"
  //    then "VII. THE …"). Others number sections within chapters, a story or an introduction.
  const numerals = open.filter((c) => c.match.family === 'numeral' && !consumed.has(c.block.index));
  const worded = [...byLabel.values()]
    .map((group) => group.filter((c) => accepted.has(c.block.index)))
    .filter((group) => group.length >= 2);
  if (worded.length === 0) {
    const found = numeralChapters(numerals);
    if (found) {
      const chapters = new Set(found.chapters);
      for (const candidate of found.numbering) {
        if (chapters.has(candidate)) continue;
        if (candidate.match.number! <= found.chapters.length + 1) reject(candidate.block, 'numeral out of sequence');
      }
      for (const candidate of found.chapters) accept(candidate, 0.9);
    }
  } else {
    for (const group of worded) for (const candidate of continuation(group, numerals)) accept(candidate, 0.9);
  }
  takeTitleLines(layout, accepted, consumed, meaningfulGaps, partOpenings);

  // 4. A book told in letters without headings: each letter's date line over its salutation starts it (letters.ts);
  //    a diary without headings or letters: each entry's date line starts it (diaries.ts); else letters without
  //    dates: each salutation after a signature starts one.
  if ([...accepted.values()].every((a) => a.match.family === 'special')) {
    const byFirstLine = (opening: LaidOutBlock) => ({ block: opening, date: opening.lines[0] });
    const letters = letterOpenings(blocks);
    const dated = letters.length > 0 ? letters.map(byFirstLine) : diaryEntries(blocks);
    const undated = dated.length > 0 ? [] : undatedLetterOpenings(blocks);
    const entries = dated.length > 0 ? dated : undated.map(byFirstLine);
    for (const { block, date } of entries) {
      if (!inContents(block.index)) acceptOpening(block, date);
    }
    for (const block of [...letters, ...undated]) letterStarts.add(block.index);
  }

  // 5. Titles alone on their line: in a collection they are the stories' headings when its contents list names them,
  //    or, in a book with no other headings, when they are set apart like headings. Before a book's first numbered
  //    chapter, a title the contents list names is a front-matter section of its own ("TASA", "EL REY").
  const listedTitles = new TitleIndex();
  for (const entry of contents.flatMap((region) => region.entries)) {
    listedTitles.add(entry.text, 0);
    if (entry.match?.trailer) listedTitles.add(entry.match.trailer, 0);
  }
  const namedInContents = (line: string) => listedTitles.has(line);
  const headingSpacing = Math.max(paragraphGap + 1, minimum([...accepted.values()].map((a) => a.block.blanksBefore)));
  const titles = blocks.filter(
    (block) =>
      !inContents(block.index) &&
      !accepted.has(block.index) &&
      !consumed.has(block.index) &&
      !candidates.has(block.index) &&
      block.lines.length <= 2 &&
      // A closing line set apart ("FIM", "THE END") ends the work; it titles nothing (back matter, 7.).
      !isEndMarker(block.lines[0]) &&
      (isUpperCaseTitle(block.lines[0]) || namedInContents(block.lines.join(' '))),
  );
  const chapterCount = () => [...accepted.values()].filter((a) => a.match.family !== 'special').length;
  const firstNumbered = minimum(
    [...accepted.values()]
      .filter((a) => a.match.number !== undefined && a.match.type === 'chapter')
      .map((a) => a.block.index),
    Infinity,
  );
  // In the front matter only a title over text of its own: a title page or a half title repeats the book's title too.
  const headsText = (block: LaidOutBlock) => {
    const next = blocks[block.index + 1];
    return (
      next !== undefined &&
      next.words >= MIN_WORDS_UNDER_TITLE &&
      /\p{Ll}/u.test(next.text) &&
      !candidates.has(next.index)
    );
  };
  const inFront = (block: LaidOutBlock) => block.index < firstNumbered && firstNumbered !== Infinity;
  const named = titles.filter(
    (block) => namedInContents(block.lines.join(' ')) && (!inFront(block) || headsText(block)),
  );
  for (const block of named) acceptTitle(block, inFront(block) ? 'front_matter' : 'chapter', 0.95);
  const setApart = (block: LaidOutBlock) => meaningfulGaps && block.blanksBefore >= headingSpacing;
  if (chapterCount() === 0) {
    const isNamed = new Set(named);
    // The book's first line over a short page (its author, an imprint) is the book's title, not its first story's.
    const unnamed = titles.filter((block) => !isNamed.has(block) && (block.index > 0 || headsText(block)));
    // A title in ordinary case counts only where it opens a page over text: Word's page break before a bold title.
    const opensPage = (block: LaidOutBlock) => meaningfulGaps && block.blanksBefore >= paragraphGap + 2;
    const pageTitles = blocks.filter(
      (block) =>
        block.index > 0 &&
        block.lines.length === 1 &&
        !inContents(block.index) &&
        !accepted.has(block.index) &&
        !consumed.has(block.index) &&
        !candidates.has(block.index) &&
        opensPage(block) &&
        isTitleCaseLine(block.lines[0]) &&
        headsText(block),
    );
    const spaced = [...unnamed.filter(setApart), ...pageTitles].sort((a, b) => a.index - b.index);
    if (spaced.length >= 2) {
      const titled = titlesUnderAuthors(blocks, spaced);
      for (const block of spaced) {
        const title = titled?.get(block.index);
        if (title) acceptUnder(block, title);
        else acceptTitle(block, 'chapter', 0.75);
      }
    } else if (!meaningfulGaps && headLongSections(unnamed))
      for (const block of unnamed) acceptTitle(block, 'chapter', 0.7);
    else for (const block of unnamed) reject(block, 'title line in capitals, not set apart');
  } else {
    for (const block of titles) {
      if (!accepted.has(block.index) && setApart(block)) reject(block, 'title line set apart like a heading');
    }
  }

  // 5b. A book with no headings at all whose chapters open under an ornament alone ("❦"), the kind standing before
  //     its first prose; other ornaments are scene breaks (ornaments.ts). Named by their place later.
  const ornamentStarts = new Set<number>();
  if (chapterCount() === 0) {
    for (const block of ornamentChapterStarts(blocks)) {
      if (inContents(block.index) || accepted.has(block.index)) continue;
      const match: HeadingMatch = { type: 'chapter', family: 'labelled', label: '', trailer: '', expectsTitle: false };
      accepted.set(block.index, { block, match, lineCount: 1, confidence: 0.7, title: '', headingEnd: block.end });
      ornamentStarts.add(block.index);
    }
  }

  /**
   * Where every gap is one blank line, nothing sets a title apart: titles in capitals are the stories' headings when
   * there are three or more and each heads a story's worth of text, not a sign or a shout inside one.
   */
  function headLongSections(heads: LaidOutBlock[]): boolean {
    if (heads.length < MIN_UNSPACED_TITLES) return false;
    const wordsBefore = new Array<number>(blocks.length + 1).fill(0);
    for (const block of blocks) wordsBefore[block.index + 1] = wordsBefore[block.index]! + block.words;
    return heads.every((head, i) => {
      const end = heads[i + 1]?.index ?? blocks.length;
      return wordsBefore[end]! - wordsBefore[head.index + 1]! >= MIN_WORDS_UNDER_UNSPACED_TITLE;
    });
  }

  /**
   * A letter or a diary entry, headed by its date (or an undated letter's salutation): a line of its own, or the words
   * opening its first paragraph.
   */
  function acceptOpening(block: LaidOutBlock, date: string) {
    const match: HeadingMatch = { type: 'chapter', family: 'labelled', label: '', trailer: '', expectsTitle: false };
    const start = block.start + (block.lines[0].length - block.lines[0].trimStart().length);
    const headingEnd = date.length < block.lines[0].trim().length ? start + date.length : undefined;
    if (headingEnd === undefined) accept({ block, match, lineCount: 1 }, 0.8);
    else accepted.set(block.index, { block, match, lineCount: 1, confidence: 0.8, title: collapse(date), headingEnd });
  }

  function findEndNotes(): number | undefined {
    const taken = [...accepted.values()].filter((a) => a.match.family !== 'special');
    const grouped = notesGroupedByChapter(layout, taken, headingAt);
    if (grouped !== undefined) return grouped;
    let lastText = -1;
    for (const heading of taken) {
      if (noteNumber(heading.block.lines[0]) === undefined) lastText = Math.max(lastText, heading.block.index);
    }
    return unheadedNotesStart(layout, lastText + 2);
  }

  function acceptTitle(block: LaidOutBlock, type: ChapterType, confidence: number) {
    const match: HeadingMatch = { type, family: 'labelled', label: '', trailer: '', expectsTitle: false };
    accept({ block, match, lineCount: block.lines.length }, confidence);
  }

  /** A story headed by its author's name, its title on the line under it (authorLines.ts). */
  function acceptUnder(block: LaidOutBlock, title: LaidOutBlock) {
    const match: HeadingMatch = { type: 'chapter', family: 'labelled', label: '', trailer: '', expectsTitle: false };
    accepted.set(block.index, {
      block,
      match,
      lineCount: 1,
      confidence: 0.75,
      title: collapse(title.lines[0]),
      headingEnd: title.end,
    });
    consumed.add(title.index);
  }

  // 6. A book whose numbering starts at 2 lost its first heading: the text before it is that chapter (frontMatter.ts).
  const numbered = [...accepted.values()]
    .filter((a) => a.match.number !== undefined && a.match.type === 'chapter')
    .sort((a, b) => a.block.index - b.block.index);
  const firstNumberMissing = numbered.length >= 2 && numbered[0].match.number === 2 ? numbered[0] : undefined;

  // 7. Back matter after the work: after a closing line ("FIN.") or under a heading naming it, past the last section;
  //    the book's notes, under their heading with the chapters' headings again among them, or under none
  //    (endNotes.ts). Headings taken inside the notes are the notes' own.
  const notesStart = findEndNotes();
  if (notesStart !== undefined) {
    for (const index of [...accepted.keys()]) if (index >= notesStart) accepted.delete(index);
    for (const index of [...consumed]) if (index >= notesStart) consumed.delete(index);
  }
  let lastBodyBlock = -1;
  for (const index of [...accepted.keys(), ...consumed]) lastBodyBlock = Math.max(lastBodyBlock, index);
  const backMatter = findBackMatter(layout, lastBodyBlock, headingAt, inContents, notesStart);
  const backMatterStart = backMatter[0]?.block.start ?? Infinity;

  const boundaries: Boundary[] = [...accepted.values()].map((a) => ({
    offset: a.block.start,
    headingEnd: a.headingEnd,
    title: a.title,
    type: a.match.type,
    confidence: a.confidence,
    ...(a === firstNumberMissing ? { firstNumberMissing: true } : {}),
    ...(letterStarts.has(a.block.index) ? { letter: true } : {}),
    ...(ornamentStarts.has(a.block.index) ? { ornament: true } : {}),
  }));
  for (const start of backMatter) {
    boundaries.push({
      offset: start.block.start,
      headingEnd: start.headingEnd,
      title: start.title,
      type: 'back_matter',
      confidence: 0.9,
    });
  }
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
  return {
    boundaries: boundaries.sort((a, b) => a.offset - b.offset),
    rejected: rejected.filter((r) => r.offset < backMatterStart),
    gaps,
    contents,
  };
}

/**
 * A chapter number missing from an otherwise unbroken sequence is looked for between its neighbours, spelled with a
 * misprinted heading word ("CAPIULO CXXIV" among "CAPITULO"s); numbers still missing are reported.
 */
/** Short lines of a title page: the book's title, a subtitle, a byline. */
const TITLE_PAGE_LINE_WORDS = 12;
const TITLE_PAGE_BLOCKS_ABOVE = 3;

/**
 * A part heading right under the book's title — at most three blocks of short lines above it, on the same page (no
 * wider gap than between paragraphs), none of them a heading — that no other heading of its word follows ("THE SALT
 * MARSH", "VOLUME II", "BY HELEN MARSH"): the title page saying which volume the book is, not a part of it.
 */
function namesTheVolume(
  candidate: Candidate,
  blocks: LaidOutBlock[],
  partsByLabel: Map<string, number>,
  paragraphGap: number,
  isHeading: (index: number) => boolean,
): boolean {
  const { block, match } = candidate;
  if (block.index === 0 || block.index > TITLE_PAGE_BLOCKS_ABOVE || partsByLabel.get(match.label) !== 1) return false;
  return blocks
    .slice(0, block.index + 1)
    .every(
      (above) =>
        (above.index === 0 || above.blanksBefore <= paragraphGap) &&
        (above.index === block.index ||
          (!isHeading(above.index) &&
            above.lines.every((line) => line.trim().split(/\s+/).length <= TITLE_PAGE_LINE_WORDS))),
    );
}

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

function minimum(values: number[], whenNone = 0): number {
  // A loop, not Math.min(...values): a big book has more values than a call takes arguments.
  return values.length === 0 ? whenNone : values.reduce((least, value) => Math.min(least, value));
}
