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
  /** Human-readable notes about things the parser skipped or guessed. */
  warnings: string[];
}

export type ChapterType =
  | 'front_matter'
  | 'preface'
  | 'introduction'
  | 'prologue'
  | 'chapter'
  | 'epilogue'
  | 'afterword'
  | 'acknowledgments'
  | 'about_the_author'
  | 'credits'
  | 'part';

export interface DetectedChapter {
  title: string;
  type: ChapterType;
  /** Half-open range [startOffset, endOffset) into the manuscript text; chapters tile the text without gaps. */
  startOffset: number;
  endOffset: number;
  /** The heading as written in the text ('' when the chapter has none, e.g. front matter). */
  headingText: string;
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
