import { paragraphsOf } from './chapterEdits';
import type { NumberingGap, RejectedHeading } from './lineHeadings';
import type { ChapterWarning, DetectedChapter } from './manuscript';
import { countWords } from './stats';

/**
 * No silent merge (docs/manuscripts.md): every doubt detection has is reported on the chapter it concerns, with the
 * place to split at, so a person can fix it in one step — a chapter far longer than the others, a heading-like line
 * that was not taken, a gap in the chapter numbers, a start found with little evidence.
 */
export const LONG_CHAPTER_FACTOR = 4;
/** Below this many chapters a median says nothing about what a normal chapter is. */
const MIN_CHAPTERS_FOR_LENGTH = 4;
/** Chapters starting with less confidence than this are flagged for a look. */
const UNCERTAIN = 0.6;
/** A chapter carrying a warning counts at most this much towards the import's confidence. */
const WARNED_CONFIDENCE = 0.5;

export interface ChapterReportInput {
  text: string;
  chapters: DetectedChapter[];
  rejected: RejectedHeading[];
  gaps: NumberingGap[];
}

/** The chapter holding `offset`, or -1; chapters tile the text in order, so it is found by bisection. */
function containing(chapters: DetectedChapter[], offset: number): number {
  let low = 0;
  let high = chapters.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const chapter = chapters[middle];
    if (offset < chapter.startOffset) high = middle - 1;
    else if (offset >= chapter.endOffset) low = middle + 1;
    else return middle;
  }
  return -1;
}

type Place = Pick<ChapterWarning, 'offset' | 'paragraphIndex'>;

/** Places in a chapter's text; its paragraphs are read once however many warnings point into it. */
function placer(text: string): (chapter: DetectedChapter, offset: number) => Place {
  const paragraphsByChapter = new Map<DetectedChapter, ReturnType<typeof paragraphsOf>>();
  return (chapter, offset) => {
    const relative = offset - chapter.startOffset;
    let paragraphs = paragraphsByChapter.get(chapter);
    if (!paragraphs) {
      paragraphs = paragraphsOf(text.slice(chapter.startOffset, chapter.endOffset));
      paragraphsByChapter.set(chapter, paragraphs);
    }
    const paragraph = lastAtOrBefore(paragraphs, relative);
    return { offset: relative, ...(paragraph ? { paragraphIndex: paragraph.index } : {}) };
  };
}

/** The last paragraph starting at or before `offset` (paragraphs are in order), by bisection. */
function lastAtOrBefore<T extends { offset: number }>(paragraphs: T[], offset: number): T | undefined {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (paragraphs[middle].offset <= offset) low = middle + 1;
    else high = middle;
  }
  return paragraphs[low - 1];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/** Adds the warnings to the chapters and answers the import's confidence: the least confident chapter's. */
export function reportOnChapters(input: ChapterReportInput): { chapters: DetectedChapter[]; confidence: number } {
  const { text } = input;
  const chapters = input.chapters.map((chapter) => ({ ...chapter, warnings: [...chapter.warnings] }));
  const warn = (index: number, warning: ChapterWarning) => chapters[index]?.warnings.push(warning);
  const place = placer(text);

  for (const rejected of input.rejected) {
    const index = containing(chapters, rejected.offset);
    if (index < 0) continue;
    warn(index, {
      code: 'rejected_heading',
      message: `"${rejected.line}" looks like a heading but was not taken as a chapter start (${rejected.reason}); split here if a chapter starts there`,
      line: rejected.line,
      ...place(chapters[index], rejected.offset),
    });
  }
  for (const gap of input.gaps) {
    const index = containing(chapters, gap.offset);
    if (index < 0) continue;
    warn(index, {
      code: 'numbering_gap',
      message: `Chapter numbers jump from ${gap.from} to ${gap.to} after "${chapters[index].title}": a heading may be missing or misprinted in it`,
    });
  }

  const words = chapters.map((chapter) => countWords(text.slice(chapter.startOffset, chapter.endOffset)));
  const body = chapters
    .map((chapter, index) => ({ chapter, index }))
    .filter(({ chapter }) => chapter.type === 'chapter');
  if (body.length >= MIN_CHAPTERS_FOR_LENGTH) {
    const usual = median(body.map(({ index }) => words[index]));
    for (const { chapter, index } of body) {
      if (words[index] <= usual * LONG_CHAPTER_FACTOR) continue;
      const suggestion = chapter.warnings.find((warning) => warning.code === 'rejected_heading');
      warn(index, {
        code: 'long_chapter',
        message: `"${chapter.title}" has ${words[index]} words, more than ${LONG_CHAPTER_FACTOR} times the median chapter (${usual}): it may hold more than one chapter`,
        ...(suggestion
          ? { offset: suggestion.offset, paragraphIndex: suggestion.paragraphIndex, line: suggestion.line }
          : {}),
      });
    }
  }
  for (const [index, chapter] of chapters.entries()) {
    if (chapter.confidence < UNCERTAIN) {
      warn(index, {
        code: 'uncertain_start',
        message: `"${chapter.title}" was found with little evidence (${chapter.type.replace(/_/g, ' ')}); check where it starts and what it is`,
      });
    }
  }

  // A long chapter with nothing inside that looks like a heading may simply be long: it is reported, but it does not
  // by itself make the chapter list doubtful.
  const doubtful = (warning: ChapterWarning) => warning.code !== 'long_chapter' || warning.offset !== undefined;
  const confidence = chapters.reduce(
    (lowest, chapter) =>
      Math.min(
        lowest,
        chapter.warnings.some(doubtful) ? Math.min(chapter.confidence, WARNED_CONFIDENCE) : chapter.confidence,
      ),
    chapters.length > 0 ? 1 : 0,
  );
  return { chapters, confidence: Math.round(confidence * 100) / 100 };
}
