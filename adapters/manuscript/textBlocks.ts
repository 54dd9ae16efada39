import type { Block } from '../../core/manuscript/manuscript';

/** Paragraph blocks of plain text: maximal runs of non-blank lines, offsets excluding surrounding whitespace. */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const paragraph = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (let match = paragraph.exec(text); match !== null; match = paragraph.exec(text)) {
    const leading = match[0].length - match[0].trimStart().length;
    const trailing = match[0].length - match[0].trimEnd().length;
    blocks.push({
      kind: 'paragraph',
      startOffset: match.index + leading,
      endOffset: match.index + match[0].length - trailing,
    });
  }
  return blocks;
}
