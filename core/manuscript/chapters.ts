import { boundariesFromHeadingBlocks, boundariesFromToc } from './boundaries';
import { reportOnChapters } from './chapterReport';
import { withFrontMatter } from './frontMatter';
import { isAuthorsNote, readChapterNumber } from './headings';
import { withLetterNumbers } from './letterTitles';
import { withOrnamentChapterNumbers } from './ornaments';
import type { Boundary } from './boundary';
import { detectLineHeadings, type LineDetection } from './lineHeadings';
import type { DetectedChapter, ParsedManuscript } from './manuscript';
import { genericTitle, isSpokenByDefault } from './sectionTypes';
import { hasWords } from './stats';
import { layOut, type TextLayout } from './textLayout';
import { withPartNamesOnRepeatedTitles } from './partChapterTitles';
import { withPlayActs } from './plays';

export interface DetectionOptions {
  /** The book's language (BCP 47, e.g. "pt-BR"): names sections that have no heading ("Folha de rosto"). */
  language?: string;
}

/** Which signal the chapters came from, most trusted first. */
export type ChapterSource = 'toc' | 'headings' | 'lines';

export interface ChapterDetection {
  chapters: DetectedChapter[];
  /** The least confident chapter start, lowered for chapters that carry warnings (0 … 1). */
  confidence: number;
  source: ChapterSource;
}

/**
 * Finds the sections of a manuscript (docs/manuscripts.md). Signals in order of trust: the table of contents
 * (EPUB nav/NCX), heading blocks (DOCX styles, Markdown, HTML), heading lines in plain text. Front matter is typed
 * page by page. Sections tile the text exactly: the first starts at 0, each ends where the next starts.
 */
export function detectBookChapters(parsed: ParsedManuscript, options: DetectionOptions = {}): ChapterDetection {
  const { text } = parsed;
  if (text.trim().length === 0) return { chapters: [], confidence: 0, source: 'lines' };
  const layout = layOut(parsed);
  const found = chooseBoundaries(parsed, layout);
  const boundaries = continueAfterContents(
    layout,
    withFrontMatter(
      layout,
      withPartNamesOnRepeatedTitles(
        withOrnamentChapterNumbers(
          withLetterNumbers(withPlayActs(text, authorsNotesByPlace(dedupe(found.boundaries))), options.language),
          options.language,
        ),
      ),
      options.language,
    ),
  ).filter((b) => b.offset >= 0 && b.offset < text.length);

  const drafts: DetectedChapter[] =
    boundaries.length === 0
      ? [{ ...section(text, { offset: 0, headingEnd: 0, title: '', type: 'chapter', confidence: 0.5 }, text.length) }]
      : boundaries.map((boundary, i) =>
          section(text, named(boundary, options.language), boundaries[i + 1]?.offset ?? text.length),
        );
  if (drafts[0].startOffset > 0) drafts[0] = { ...drafts[0], startOffset: 0 };
  if (drafts[0].title === '') drafts[0] = { ...drafts[0], title: 'Chapter 1' };

  // Heading-like lines of the front matter (the book's title) are no chapter starts a person should be asked about.
  const bodyStart = boundaries.find((b) => b.type === 'chapter' || b.type === 'part')?.offset ?? 0;
  const report = reportOnChapters({
    text,
    chapters: withoutEmptySections(text, drafts),
    rejected: (found.detection?.rejected ?? []).filter((rejected) => rejected.offset > bodyStart),
    gaps: found.detection?.gaps ?? [],
  });
  return { chapters: report.chapters, confidence: report.confidence, source: found.source };
}

/** The chapters only (see detectBookChapters). */
export function detectChapters(parsed: ParsedManuscript, options: DetectionOptions = {}): DetectedChapter[] {
  return detectBookChapters(parsed, options).chapters;
}

type ChosenBoundaries = { boundaries: Boundary[]; source: ChapterSource; detection?: LineDetection };

function chooseBoundaries(parsed: ParsedManuscript, layout: TextLayout): ChosenBoundaries {
  const fromToc = boundariesFromToc(parsed);
  if (fromToc.length < 2) return fromText(parsed, layout);
  // A table of contents listing only the parts: the chapters under them come from the headings inside.
  const count = (boundaries: Boundary[], type: Boundary['type']) => boundaries.filter((b) => b.type === type).length;
  // A table of contents listing its files, each entry a run of chapters ("Chapters 1–3"): the chapters are inside.
  const ranges = fromToc.filter((b) => isChapterRange(b.title));
  if (ranges.length >= 2) {
    const inside = fromText(parsed, layout);
    if (count(inside.boundaries, 'chapter') > ranges.length) {
      const kept = fromToc.filter((b) => !ranges.includes(b));
      return { boundaries: [...kept, ...inside.boundaries], source: 'toc', detection: inside.detection };
    }
  }
  if (count(fromToc, 'chapter') < 2 && count(fromToc, 'part') >= 2) {
    const inside = fromText(parsed, layout);
    if (count(inside.boundaries, 'chapter') >= 2) {
      return { boundaries: [...fromToc, ...inside.boundaries], source: 'toc', detection: inside.detection };
    }
  }
  return { boundaries: fromToc, source: 'toc' };
}

/** "Chapters 1–3", "Capítulos 4 a 6", "Chapters XI–XV": a contents entry standing for several chapters. */
const CHAPTER_RANGE =
  /^(?:chapters|capítulos|capitulos|chapitres|capitoli)\s+(\S+)\s*(?:[–—-]|to|a|al|à|through)\s*(\S+)$/iu;

/** Longer than any range's label: a long title is never tried (the pattern backtracks over its words). */
const MAX_RANGE_LABEL = 60;

function isChapterRange(title: string): boolean {
  if (title.length > MAX_RANGE_LABEL) return false;
  const range = CHAPTER_RANGE.exec(title.trim());
  if (!range) return false;
  const [from, to] = [readChapterNumber(range[1]), readChapterNumber(range[2])];
  return from !== undefined && to !== undefined && from < to;
}

/** Chapter starts from the file's heading blocks, or else from heading lines in the text. */
function fromText(parsed: ParsedManuscript, layout: TextLayout): ChosenBoundaries {
  const fromHeadings = boundariesFromHeadingBlocks(parsed);
  if (fromHeadings.filter((b) => b.type !== 'part').length >= 2)
    return { boundaries: fromHeadings, source: 'headings' };
  const detection = detectLineHeadings(layout);
  return detection.boundaries.length >= fromHeadings.length
    ? { boundaries: detection.boundaries, source: 'lines', detection }
    : { boundaries: fromHeadings, source: 'headings' };
}

/** A section found without a heading of its own (an unlabelled contents list) is named by its kind. */
function named(boundary: Boundary, language: string | undefined): Boundary {
  return boundary.title === '' ? { ...boundary, title: genericTitle(boundary.type, language, '') } : boundary;
}

function section(text: string, boundary: Boundary, end: number): DetectedChapter {
  return {
    title: boundary.title,
    type: boundary.type,
    startOffset: boundary.offset,
    endOffset: end,
    headingText: text.slice(boundary.offset, boundary.headingEnd),
    confidence: boundary.confidence,
    spoken: isSpokenByDefault(boundary.type),
    warnings: [],
  };
}

/** An author's note before the first chapter or part opens the book: a preface, not the afterword it is at the end. */
function authorsNotesByPlace(boundaries: Boundary[]): Boundary[] {
  const body = boundaries.findIndex((b) => b.type === 'chapter' || b.type === 'part');
  return boundaries.map((b, i) =>
    i < body && b.type === 'afterword' && isAuthorsNote(b.title) ? { ...b, type: 'preface' } : b,
  );
}

function dedupe(boundaries: Boundary[]): Boundary[] {
  const sorted = [...boundaries].sort((a, b) => a.offset - b.offset);
  return sorted.filter((b, i) => i === 0 || b.offset !== sorted[i - 1].offset);
}

/**
 * A contents list inside the book ends with its entries. Text after it and before the next section would otherwise
 * go unspoken with the list: it continues the chapter before the list, flagged for a look.
 */
function continueAfterContents(layout: TextLayout, boundaries: Boundary[]): Boundary[] {
  const result: Boundary[] = [];
  let before: Boundary | undefined;
  for (const [i, boundary] of boundaries.entries()) {
    result.push(boundary);
    if (boundary.type !== 'contents') before = boundary;
    if (boundary.extentEnd === undefined) continue;
    const nextOffset = boundaries[i + 1]?.offset ?? layout.text.length;
    const rest = layout.blocks[firstBlockFrom(layout, boundary.extentEnd)];
    if (!rest || rest.start >= nextOffset || !hasWords(layout.text.slice(rest.start, nextOffset))) continue;
    result.push({
      offset: rest.start,
      headingEnd: rest.start,
      title: before ? `${before.title} (continued)` : 'Chapter 1',
      type: before?.type === 'title_page' || !before ? 'front_matter' : before.type,
      confidence: 0.4,
    });
    before = result[result.length - 1];
  }
  return result;
}

/** Index of the first block starting at or after `offset` (blocks.length when none), by bisection. */
function firstBlockFrom(layout: TextLayout, offset: number): number {
  let low = 0;
  let high = layout.blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (layout.blocks[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A section with no words at all (an EPUB cover page, a stray heading mark) joins the section after it. */
function withoutEmptySections(text: string, chapters: DetectedChapter[]): DetectedChapter[] {
  const result: DetectedChapter[] = [];
  let carriedStart: number | undefined;
  for (const chapter of chapters) {
    if (!hasWords(text.slice(chapter.startOffset, chapter.endOffset))) {
      carriedStart ??= chapter.startOffset;
      continue;
    }
    result.push(carriedStart === undefined ? chapter : { ...chapter, startOffset: carriedStart });
    carriedStart = undefined;
  }
  if (carriedStart !== undefined) {
    const last = result.pop();
    if (last) result.push({ ...last, endOffset: text.length });
    else result.push({ ...chapters[0], startOffset: carriedStart, endOffset: text.length });
  }
  return result;
}
