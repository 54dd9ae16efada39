import type { Block } from '../../core/manuscript/manuscript';

export interface RawBlock {
  kind: 'heading' | 'paragraph';
  level?: number;
  text: string;
  /** A page break the author put before the block (Word's Ctrl+Enter). */
  pageBreakBefore?: boolean;
  /** A paragraph made of links to elsewhere in the book and nothing else: their targets (htmlNavigation.ts). */
  linkTargets?: string[];
}

export interface AssembledText {
  text: string;
  blocks: Block[];
  /** Start offset of each input block that produced text, by input index (-1 for dropped empty blocks). */
  startOf: number[];
}

/**
 * Joins blocks with blank lines, the way every structured format is flattened into book text: one between blocks,
 * three at a page break, so a page stands apart as it does in plain text (docs/manuscripts.md).
 */
export function assembleBlocks(raw: RawBlock[]): AssembledText {
  let text = '';
  const blocks: Block[] = [];
  const startOf: number[] = [];
  for (const block of raw) {
    const content = block.text.trim();
    if (content.length === 0) {
      startOf.push(-1);
      continue;
    }
    if (text.length > 0) text += block.pageBreakBefore ? '\n\n\n\n' : '\n\n';
    const startOffset = text.length;
    text += content;
    startOf.push(startOffset);
    blocks.push({
      kind: block.kind,
      ...(block.kind === 'heading' ? { level: block.level ?? 1 } : {}),
      startOffset,
      endOffset: text.length,
    });
  }
  return { text, blocks, startOf };
}
