import type { Block } from '../../core/manuscript/manuscript';

const HAS_TEXT = /\S/;

/**
 * Paragraph blocks of plain text: maximal runs of non-blank lines, offsets excluding surrounding whitespace. Read
 * line by line, once: a pattern matching "lines holding a non-space" backtracks over a long line of spaces at each
 * of its positions, which made a single such line cost minutes.
 */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const add = (start: number, end: number) => {
    const raw = text.slice(start, end);
    blocks.push({
      kind: 'paragraph',
      startOffset: start + raw.length - raw.trimStart().length,
      endOffset: end - (raw.length - raw.trimEnd().length),
    });
  };
  let runStart = -1;
  let runEnd = -1;
  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (HAS_TEXT.test(text.slice(lineStart, lineEnd))) {
      if (runStart < 0) runStart = lineStart;
      runEnd = lineEnd;
    } else if (runStart >= 0) {
      add(runStart, runEnd);
      runStart = -1;
    }
    lineStart = lineEnd + 1;
  }
  if (runStart >= 0) add(runStart, runEnd);
  return blocks;
}
