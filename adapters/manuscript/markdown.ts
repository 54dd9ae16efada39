import type { ParsedManuscript } from '../../core/manuscript/manuscript';
import { assembleBlocks, type RawBlock } from './assemble';
import { decodeText } from './decode';

const ATX_HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Inline Markdown markup is presentation, not words: keep the words, drop the markers. */
function stripInline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

function stripLinePrefix(line: string): string {
  return line.replace(/^ {0,3}>\s?/, '').replace(/^ {0,3}[-*+]\s+(?=\S)/, '');
}

export function parseMarkdown(bytes: Buffer): ParsedManuscript {
  const { text: source, encoding } = decodeText(bytes);
  let lines = source.split('\n');
  if (lines[0]?.trim() === '---') {
    const close = lines.indexOf('---', 1);
    if (close > 0) lines = lines.slice(close + 1);
  }

  const raw: RawBlock[] = [];
  let paragraph: string[] = [];
  let inFence = false;
  const flush = () => {
    if (paragraph.length > 0) raw.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      paragraph.push(line);
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flush();
      raw.push({ kind: 'heading', level: atx[1].length, text: stripInline(atx[2]) });
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && paragraph.length === 1) {
      raw.push({ kind: 'heading', level: underline[1].startsWith('=') ? 1 : 2, text: stripInline(paragraph[0]) });
      paragraph = [];
      continue;
    }
    if (line.trim().length === 0) {
      flush();
      continue;
    }
    paragraph.push(stripInline(stripLinePrefix(line)));
  }
  flush();

  const { text, blocks } = assembleBlocks(raw);
  return { format: 'markdown', text, blocks, detectedEncoding: encoding, notes: [] };
}
