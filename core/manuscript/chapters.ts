import type { ChapterType, DetectedChapter, ParsedManuscript } from './manuscript';
import {
  boundariesFromHeadingBlocks,
  boundariesFromLines,
  boundariesFromToc,
  type ChapterBoundary,
} from './boundaries';
import { countWords } from './stats';

/** Below this many words of body text a chapter is a fragment (a part title, a stray heading) and merges forward. */
const MIN_BODY_WORDS = 12;
/** Text before the first heading becomes front matter when it holds at least this many words. */
const MIN_FRONT_MATTER_WORDS = 2;
/** Sections that are legitimately short (a dedication, a credit line) survive with any text at all. */
const SHORT_SECTION_TYPES: ReadonlySet<ChapterType> = new Set([
  'front_matter',
  'credits',
  'about_the_author',
  'acknowledgments',
  'prologue',
  'epilogue',
]);

/**
 * Finds the chapters of a manuscript (SPEC.md §4). Signals in order of trust: the table of contents (EPUB nav/NCX),
 * heading blocks (DOCX styles, Markdown, HTML), heading lines in plain text. Chapters tile the text exactly:
 * the first starts at 0, each ends where the next starts, the last ends at the end of the text.
 */
export function detectChapters(parsed: ParsedManuscript): DetectedChapter[] {
  const { text } = parsed;
  if (text.trim().length === 0) return [];
  const boundaries = chooseBoundaries(parsed);
  const ordered = dedupeByOffset(boundaries.filter((b) => b.offset >= 0 && b.offset < text.length));

  if (ordered.length === 0) {
    return [{ title: 'Chapter 1', type: 'chapter', startOffset: 0, endOffset: text.length, headingText: '' }];
  }

  const chapters: DetectedChapter[] = ordered.map((boundary, i) => ({
    title: boundary.title,
    type: boundary.type,
    startOffset: boundary.offset,
    endOffset: i + 1 < ordered.length ? ordered[i + 1].offset : text.length,
    headingText: text.slice(boundary.offset, boundary.headingEnd),
  }));

  const merged = mergeFragments(text, chapters);
  return attachFrontMatter(text, merged);
}

function chooseBoundaries(parsed: ParsedManuscript): ChapterBoundary[] {
  const fromToc = boundariesFromToc(parsed);
  if (fromToc.length >= 2) return fromToc;
  const fromHeadings = boundariesFromHeadingBlocks(parsed);
  if (fromHeadings.filter((b) => b.type !== 'part').length >= 2) return fromHeadings;
  const fromLines = boundariesFromLines(parsed);
  return fromLines.length >= fromHeadings.length ? fromLines : fromHeadings;
}

function dedupeByOffset(boundaries: ChapterBoundary[]): ChapterBoundary[] {
  const sorted = [...boundaries].sort((a, b) => a.offset - b.offset);
  return sorted.filter((b, i) => i === 0 || b.offset !== sorted[i - 1].offset);
}

function bodyWords(text: string, chapter: DetectedChapter): number {
  const bodyStart = chapter.startOffset + chapter.headingText.length;
  return countWords(text.slice(bodyStart, chapter.endOffset));
}

function isFragment(text: string, chapter: DetectedChapter): boolean {
  const words = bodyWords(text, chapter);
  if (SHORT_SECTION_TYPES.has(chapter.type)) return words === 0;
  return words < MIN_BODY_WORDS;
}

/** Fragments merge into the chapter that follows (a part title belongs with its first chapter); the last one backwards. */
function mergeFragments(text: string, chapters: DetectedChapter[]): DetectedChapter[] {
  const result: DetectedChapter[] = [];
  let carriedStart: number | undefined;
  for (const chapter of chapters) {
    if (isFragment(text, chapter)) {
      carriedStart ??= chapter.startOffset;
      continue;
    }
    result.push(
      carriedStart === undefined
        ? chapter
        : { ...chapter, startOffset: carriedStart, headingText: chapter.headingText },
    );
    carriedStart = undefined;
  }
  if (carriedStart !== undefined) {
    const last = result.pop();
    if (last) result.push({ ...last, endOffset: text.length });
    else result.push({ ...chapters[0], startOffset: carriedStart, endOffset: text.length });
  }
  return result;
}

function attachFrontMatter(text: string, chapters: DetectedChapter[]): DetectedChapter[] {
  const first = chapters[0];
  if (first.startOffset === 0) return chapters;
  const prefix = text.slice(0, first.startOffset);
  if (countWords(prefix) >= MIN_FRONT_MATTER_WORDS) {
    const front: DetectedChapter = {
      title: 'Front matter',
      type: 'front_matter',
      startOffset: 0,
      endOffset: first.startOffset,
      headingText: '',
    };
    return [front, ...chapters];
  }
  return [{ ...first, startOffset: 0 }, ...chapters.slice(1)];
}
