import { classifyHeadingLine } from '../../core/manuscript/headings';
import type { ParsedManuscript } from '../../core/manuscript/manuscript';
import { assembleBlocks, type RawBlock } from './assemble';
import { withoutNavigationBlocks } from './htmlNavigation';
import { decodeText } from './decode';
import { chapterHeadingLevel, isNotesHeading, notesHeading } from './gatheredNotes';

const ATX_HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;
/** A footnote's definition, `[^1]: The farm stood near Alton.`; lines indented under it continue it. */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:/;
const CONTINUATION = /^(?: {4}|\t)/;

function chapterLevel(raw: RawBlock[]): number {
  return chapterHeadingLevel(raw.filter((block) => block.kind === 'heading').map((block) => block.level!));
}

/** One attribute of pandoc's attribute syntax: `#id`, `.class`, `-` (unnumbered), `key=value`, `key="a value"`. */
const PANDOC_ATTRIBUTE = /^(?:#[\w:.-]+|\.[\w-]+|-|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"']+))$/u;

function isPandocAttributes(inside: string): boolean {
  // Split at spaces outside quotes (a quoted value may hold spaces), walking the text once.
  const tokens: string[] = [];
  let token = '';
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === '"' || c === "'") {
      const close = inside.indexOf(c, i + 1);
      if (close === -1) return false;
      token += inside.slice(i, close + 1);
      i = close;
    } else if (/\s/u.test(c)) {
      if (token) tokens.push(token);
      token = '';
    } else token += c;
  }
  if (token) tokens.push(token);
  return tokens.length > 0 && tokens.every((t) => PANDOC_ATTRIBUTE.test(t));
}

/**
 * A heading's attributes as pandoc writes them (`# The Keeper {#keeper}`, `# Prologue {.unnumbered}`, `{-}`) say
 * how to typeset it, not what it says. Found from the line's last `{`, so a long line is read once.
 */
function withoutHeadingAttributes(heading: string): string {
  const trimmed = heading.trimEnd();
  if (!trimmed.endsWith('}')) return heading;
  const open = trimmed.lastIndexOf('{');
  if (open <= 0 || !/\s/u.test(trimmed[open - 1])) return heading;
  return isPandocAttributes(trimmed.slice(open + 1, -1)) ? trimmed.slice(0, open).trimEnd() : heading;
}

/**
 * The fence of a pandoc div (`::: epigraph`, `:::: {.dedication}`, `:::`): it groups blocks for typesetting and says
 * nothing itself.
 */
function isDivFence(line: string): boolean {
  const fence = /^ {0,3}:{3,}/u.exec(line);
  if (!fence) return false;
  const after = line.slice(fence[0].length).trim();
  // Closing colons are walked back over one at a time: a pattern anchored at the end would retry every start in a run.
  let end = after.length;
  while (end > 0 && after[end - 1] === ':') end--;
  const rest = after.slice(0, end).trim();
  if (rest === '' || /^[\w-]+$/u.test(rest)) return true;
  return rest.startsWith('{') && rest.endsWith('}') && isPandocAttributes(rest.slice(1, -1));
}

/**
 * An HTML comment's text leaves the line (`<!-- … -->`, up to the first close after it). Found by search, not by a
 * lazy pattern, which scanned to the line's end from every unclosed opening (quadratic on a line of them).
 */
export function withoutComments(line: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = line.indexOf('<!--', from);
    const close = open === -1 ? -1 : line.indexOf('-->', open + 4);
    // With no close after this opening, none after it closes either.
    if (close === -1) return out + line.slice(from);
    out += line.slice(from, open);
    from = close + 3;
  }
}

/**
 * Strong emphasis keeps its words without its markers (`**words**`, `__words__`): an opening pair before a non-space,
 * closed by the first same pair after it that follows a non-space — what the pattern `(\*\*|__)(?=\S)([\s\S]*?\S)\1`
 * found, found by one pass from the end for each pair instead of a scan to the line's end from every unclosed one.
 */
export function withoutStrongEmphasis(line: string): string {
  if (!line.includes('**') && !line.includes('__')) return line;
  const closesFrom = (pair: string) => {
    const next = new Int32Array(line.length + 4).fill(-1);
    for (let q = line.length - 2; q >= 0; q--) {
      next[q] = q >= 1 && line.startsWith(pair, q) && /\S/u.test(line[q - 1]) ? q : next[q + 1];
    }
    return next;
  };
  const closes = { '**': closesFrom('**'), __: closesFrom('__') };
  let out = '';
  let copied = 0;
  let p = 0;
  while (p < line.length - 1) {
    const pair = line.startsWith('**', p) ? '**' : line.startsWith('__', p) ? '__' : undefined;
    const close = pair !== undefined && /\S/u.test(line[p + 2] ?? ' ') ? closes[pair][p + 3] : -1;
    if (close !== -1) {
      out += line.slice(copied, p) + line.slice(p + 2, close);
      p = close + 2;
      copied = p;
    } else p++;
  }
  return out + line.slice(copied);
}

/** Inline Markdown markup is presentation, not words: keep the words, drop the markers. */
function stripInline(line: string): string {
  const linked = line
    // Neither a link's text nor its address holds its own opening bracket, so each `[` or `(` of a long run is
    // scanned to the next bracket only (a megabyte of `[` took minutes when the text could hold one).
    .replace(/!\[[^[\]]*\]\([^()]*\)/g, '')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    // A pandoc span, `[Small capitals]{.smallcaps}`: its words, without the brackets and the attributes. Neither part
    // may hold its own opening bracket, so each `[` of a long run is scanned to the next bracket only.
    .replace(/\[([^[\]]{0,200})\]\{([^{}]{1,200})\}/g, (span: string, words: string, attributes: string) =>
      isPandocAttributes(attributes) ? words : span,
    );
  return withoutStrongEmphasis(withoutComments(linked))
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

function stripLinePrefix(line: string): string {
  return line.replace(/^ {0,3}>\s?/, '').replace(/^ {0,3}[-*+]\s+(?=\S)/, '');
}

/**
 * Footnote definitions gathered at the end of the book's own notes section (the last heading naming its notes, up to
 * the next heading as high), or at the end under a heading of their own at the level of the book's chapters.
 */
function withGatheredNotes(raw: RawBlock[], notes: string[], language: string | undefined): RawBlock[] {
  if (notes.length === 0) return raw;
  const gathered: RawBlock[] = notes.map((note) => ({ kind: 'paragraph', text: note }));
  const own = raw.findLastIndex((block) => block.kind === 'heading' && isNotesHeading(block.text));
  if (own === -1)
    return [...raw, { kind: 'heading', level: chapterLevel(raw), text: notesHeading(language) }, ...gathered];
  let end = own + 1;
  while (end < raw.length && !(raw[end].kind === 'heading' && raw[end].level! <= raw[own].level!)) end++;
  return [...raw.slice(0, end), ...gathered, ...raw.slice(end)];
}

export function parseMarkdown(bytes: Buffer, language: string | undefined): ParsedManuscript {
  const { text: source, encoding } = decodeText(bytes);
  let lines = source.split('\n');
  if (lines[0]?.trim() === '---') {
    const close = lines.indexOf('---', 1);
    if (close > 0) lines = lines.slice(close + 1);
  }

  const raw: RawBlock[] = [];
  // Footnote definitions wherever they stand, gathered at the end under a heading of their own.
  const notes: string[] = [];
  let inNote = false;
  // Under a heading naming back matter ("## Notes") the definitions are already where they belong.
  let inBackMatter = false;
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
    if (isDivFence(line)) {
      flush();
      continue;
    }
    if (FOOTNOTE_DEFINITION.test(line) && !inBackMatter) {
      flush();
      notes.push(stripInline(line.trim()));
      inNote = true;
      continue;
    }
    if (inNote) {
      const blank = line.trim().length === 0;
      // A note runs on over the lines right under it, and over lines indented under it after a blank line.
      const lazy = !blank && lines[i - 1]?.trim() !== '' && !ATX_HEADING.test(line);
      if (lazy || (!blank && CONTINUATION.test(line))) {
        notes[notes.length - 1] += `\n${stripInline(line.trim())}`;
        continue;
      }
      if (blank) continue;
      inNote = false;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flush();
      raw.push({ kind: 'heading', level: atx[1].length, text: stripInline(withoutHeadingAttributes(atx[2])) });
      inBackMatter = classifyHeadingLine(atx[2])?.type === 'back_matter';
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && paragraph.length === 1) {
      const level = underline[1].startsWith('=') ? 1 : 2;
      raw.push({ kind: 'heading', level, text: stripInline(withoutHeadingAttributes(paragraph[0])) });
      inBackMatter = classifyHeadingLine(paragraph[0])?.type === 'back_matter';
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
  const { text, blocks } = assembleBlocks(withGatheredNotes(withoutNavigationBlocks(raw), notes, language));
  return { format: 'markdown', text, blocks, detectedEncoding: encoding, notes: [] };
}
