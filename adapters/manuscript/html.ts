import { Parser } from 'htmlparser2';
import type { ParsedManuscript } from '../../core/manuscript/manuscript';
import { assembleBlocks, type RawBlock } from './assemble';
import { decodeText } from './decode';
import { fileNotes } from '../../core/common/fileNotes';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'hr',
  'body',
  'address',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'object', 'iframe']);
const HEADING = /^h([1-6])$/;
/** The rule the DOCX reader writes for a manual page break (docx.ts): the next block starts a page. */
const PAGE_BREAK_CLASS = 'page-break';
/** <br> is held as a private-use marker while whitespace is collapsed, then becomes a newline. */
const LINE_BREAK = /\uE000/g;

export interface HtmlBlocks {
  blocks: RawBlock[];
  /** Element ids mapped to the index of the block they start or sit in (for TOC fragment links). */
  anchors: Map<string, number>;
}

/** DOCTYPE internal subsets can declare entities; we never resolve them, and drop the declaration entirely. */
export function stripDoctype(markup: string): string {
  return markup.replace(/<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/gi, '');
}

/**
 * Flattens HTML/XHTML into heading and paragraph blocks. Only text content is kept; entities beyond the HTML named
 * set are left as literal text, scripts and styles are skipped, and nothing is ever fetched.
 */
export function htmlToBlocks(markup: string): HtmlBlocks {
  const blocks: RawBlock[] = [];
  const anchors = new Map<string, number>();
  let pendingAnchors: string[] = [];
  let current = '';
  let headingLevel: number | undefined;
  let skipDepth = 0;
  let preDepth = 0;
  let pageBreak = false;

  const flush = () => {
    const text =
      preDepth > 0
        ? current.replace(LINE_BREAK, '\n').replace(/^\n+|\s+$/g, '')
        : current
            .replace(/[ \t\f\r\n]+/g, ' ')
            .replace(/ ?\uE000 ?/g, '\n')
            .trim();
    if (text.length > 0) {
      for (const id of pendingAnchors) anchors.set(id, blocks.length);
      pendingAnchors = [];
      const block: RawBlock = headingLevel
        ? { kind: 'heading', level: headingLevel, text }
        : { kind: 'paragraph', text };
      blocks.push(pageBreak ? { ...block, pageBreakBefore: true } : block);
      pageBreak = false;
    }
    current = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED_TAGS.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (BLOCK_TAGS.has(name)) {
          flush();
          const heading = HEADING.exec(name);
          if (heading) headingLevel = Number(heading[1]);
          if (name === 'pre') preDepth++;
        }
        if (name === 'br') current += '\uE000';
        if (name === 'hr' && (attributes.class ?? '').split(/\s+/).includes(PAGE_BREAK_CLASS)) pageBreak = true;
        if (attributes.id) {
          if (current.trim().length === 0) pendingAnchors.push(attributes.id);
          else anchors.set(attributes.id, blocks.length);
        }
      },
      ontext(data) {
        if (skipDepth === 0) current += data;
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (BLOCK_TAGS.has(name)) {
          flush();
          if (HEADING.test(name)) headingLevel = undefined;
          if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(stripDoctype(markup));
  parser.end();
  flush();
  for (const id of pendingAnchors) anchors.set(id, blocks.length);
  return { blocks, anchors };
}

export function parseHtml(bytes: Buffer): ParsedManuscript {
  const { text: markup, encoding } = decodeText(bytes);
  const { blocks: raw } = htmlToBlocks(markup);
  const { text, blocks } = assembleBlocks(raw);
  const notes = text.length === 0 ? [fileNotes.htmlWithoutText()] : [];
  return { format: 'html', text, blocks, detectedEncoding: encoding, notes };
}
