import type { ParsedManuscript } from './manuscript';
import { countWords } from './stats';

/**
 * The blocks of a manuscript with what their layout tells: how many blank lines stand around each (plain-text books
 * set headings and front-matter pages apart with more blank lines than paragraphs), its indent and its lines.
 * Structured formats (DOCX, EPUB, HTML, Markdown) are flattened with one blank line between blocks, so there every
 * gap is the same and only the words tell.
 */
export interface LaidOutBlock {
  index: number;
  kind: 'heading' | 'paragraph';
  level?: number;
  start: number;
  end: number;
  text: string;
  /** Lines without trailing spaces; leading spaces kept (centred lines are indented). */
  lines: string[];
  /** Spaces before the first line's text. */
  indent: number;
  /** Blank lines between the previous block and this one (a large number for the first block). */
  blanksBefore: number;
  /** Blank lines after this block (a large number for the last). */
  blanksAfter: number;
  words: number;
}

export interface TextLayout {
  text: string;
  blocks: LaidOutBlock[];
  /** The most common number of blank lines between paragraphs (1 in almost every book). */
  paragraphGap: number;
}

const FAR = 99;

function blankLinesBetween(text: string, from: number, to: number): number {
  let newlines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) newlines++;
  return Math.max(0, newlines - 1);
}

export function layOut(parsed: ParsedManuscript): TextLayout {
  const { text } = parsed;
  const blocks: LaidOutBlock[] = parsed.blocks.map((block, index) => {
    const lineStart = text.lastIndexOf('\n', block.startOffset - 1) + 1;
    const blockText = text.slice(block.startOffset, block.endOffset);
    return {
      index,
      kind: block.kind,
      ...(block.level !== undefined ? { level: block.level } : {}),
      start: block.startOffset,
      end: block.endOffset,
      text: blockText,
      lines: blockText.split('\n').map((line) => line.trimEnd()),
      indent: text.slice(lineStart, block.startOffset).replace(/\t/g, '    ').length,
      blanksBefore: FAR,
      blanksAfter: FAR,
      words: countWords(blockText),
    };
  });
  const gaps = new Map<number, number>();
  for (let i = 1; i < blocks.length; i++) {
    const gap = blankLinesBetween(text, blocks[i - 1].end, blocks[i].start);
    blocks[i].blanksBefore = gap;
    blocks[i - 1].blanksAfter = gap;
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  // The narrowest gap that a fair share of blocks use: short texts have few paragraphs but several headings.
  const total = [...gaps.values()].reduce((sum, count) => sum + count, 0);
  const common = [...gaps.entries()].filter(([, count]) => count >= total * 0.2).map(([gap]) => gap);
  const paragraphGap = common.length > 0 ? Math.min(...common) : 1;
  return { text, blocks, paragraphGap };
}

/** True when the book sets things apart with blank lines (plain text), so a wider gap means something. */
export function gapsAreMeaningful(layout: TextLayout): boolean {
  return layout.blocks.some((block, i) => i > 0 && block.blanksBefore > layout.paragraphGap);
}
