import type { FileNote } from '../common/fileNotes';

/**
 * The format-neutral result of parsing an uploaded manuscript. Every parser (TXT, Markdown, DOCX, EPUB, HTML, PDF)
 * produces this shape; chapter detection and segmentation work on it without knowing the original format.
 * Offsets are UTF-16 code-unit indexes into `text` (JavaScript string indexes).
 */
export type ManuscriptFormat = 'txt' | 'markdown' | 'docx' | 'epub' | 'html' | 'pdf';

export interface Block {
  kind: 'heading' | 'paragraph';
  /** 1 (most important) … 6; only for headings. */
  level?: number;
  startOffset: number;
  endOffset: number;
}

export interface TocEntry {
  title: string;
  /** Where the entry points, snapped to the start of a block. */
  offset: number;
  /** 1 for top-level entries, 2 for their children, … */
  depth: number;
}

export interface ParsedManuscript {
  format: ManuscriptFormat;
  text: string;
  blocks: Block[];
  tocEntries?: TocEntry[];
  /** Encoding the bytes were decoded from, for text formats (e.g. 'UTF-8', 'windows-1252', 'UTF-16LE'). */
  detectedEncoding?: string;
  /** What the parser skipped, converted or guessed, each with a code and its English sentence. */
  notes: FileNote[];
}

/**
 * What a section of the book is (docs/manuscripts.md). Front matter has its own types so that a person sees what each
 * piece is, so that nothing is named "Front matter" in a package, and so that pieces a listener does not need (the
 * contents, the title page, the imprint) can be left unspoken. `front_matter` remains for sections before the first
 * chapter that match no known kind; `back_matter` is reference material after the work (notes, a glossary or
 * vocabulary, an index, a bibliography).
 */
export type ChapterType =
  | 'title_page'
  | 'half_title'
  | 'copyright'
  | 'dedication'
  | 'epigraph'
  | 'contents'
  | 'also_by'
  | 'colophon'
  | 'front_matter'
  | 'preface'
  | 'introduction'
  | 'prologue'
  | 'part'
  | 'chapter'
  | 'epilogue'
  | 'afterword'
  | 'acknowledgments'
  | 'about_the_author'
  | 'credits'
  | 'back_matter';

/** Something a person should look at before producing: a chapter start that may be wrong or missing. */
export interface ChapterWarning {
  code: 'long_chapter' | 'rejected_heading' | 'numbering_gap' | 'uncertain_start';
  message: string;
  /** Where to split, when the warning knows: UTF-16 offset into the chapter's text (what the split call takes). */
  offset?: number;
  /** The same place as the index of the paragraph (blank-line separated, as the spoken preview counts them). */
  paragraphIndex?: number;
  /** The line that looked like a heading, as written. */
  line?: string;
}

/** What the import tells about one chapter it found, kept on the chapter until a person edits its text. */
export interface ChapterDetectionNote {
  confidence: number;
  warnings: ChapterWarning[];
}

/** What the import tells about the chapter list as a whole. */
export interface ChapterReport {
  /** The least confident chapter start, lowered for chapters with warnings (0 … 1). */
  confidence: number;
  /** Which signal the chapters came from: the EPUB table of contents, heading styles, or heading lines. */
  source: 'toc' | 'headings' | 'lines';
  sections: number;
  /** Sections imported as not spoken (contents, title page …), restorable by a person. */
  notSpoken: number;
  warnings: number;
}

export interface DetectedChapter {
  title: string;
  type: ChapterType;
  /** Half-open range [startOffset, endOffset) into the manuscript text; chapters tile the text without gaps. */
  startOffset: number;
  endOffset: number;
  /** The heading as written in the text ('' when the chapter has none, e.g. a title page). */
  headingText: string;
  /** How sure detection is that the chapter starts here with this title, from 0 to 1. */
  confidence: number;
  /** False for sections a listener does not need (contents, title page, imprint): imported, but not produced. */
  spoken: boolean;
  warnings: ChapterWarning[];
}

/** Restricts a manuscript to [start, end), shifting blocks and TOC entries; used to drop boilerplate. */
export function sliceManuscript(parsed: ParsedManuscript, start: number, end: number): ParsedManuscript {
  if (start === 0 && end === parsed.text.length) return parsed;
  const inside = (offset: number) => offset >= start && offset < end;
  const blocks = parsed.blocks
    .filter((block) => block.endOffset > start && block.startOffset < end)
    .map((block) => ({
      ...block,
      startOffset: Math.max(block.startOffset, start) - start,
      endOffset: Math.min(block.endOffset, end) - start,
    }));
  const tocEntries = parsed.tocEntries
    ?.filter((entry) => inside(entry.offset))
    .map((entry) => ({ ...entry, offset: entry.offset - start }));
  return { ...parsed, text: parsed.text.slice(start, end), blocks, ...(tocEntries ? { tocEntries } : {}) };
}
