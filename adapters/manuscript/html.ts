import { Parser } from 'htmlparser2';
import { assembleBlocks, type RawBlock } from './assemble';
import { decodeText } from './decode';
import { fileNotes } from '../../core/common/fileNotes';
import { BACK_LINK, isNote, isNoteReference, isNotesList, isPageNumber } from './htmlNotes';
import { internalLinkTarget, isNavigation, NAVIGATION_MAX_LENGTH, withoutNavigationBlocks } from './htmlNavigation';
import type { WithFootnotes } from './gatheredNotes';
import { UnreadableManuscriptError } from '../../core/manuscript/errors';
import { gatherSuperscriptNotes, MARK_CLOSE, MARK_OPEN } from './superscriptNotes';

/**
 * How deep elements may stand inside one another. The parser keeps its open elements in an array it shifts at the
 * front, so each tag costs the depth: 40,000 nested elements took 4.5 s and 160,000 took 42 s, and a 50 MB upload
 * of nothing else would hold a worker for hours. Books nest a few dozen deep; sloppy markup that never closes an
 * inline tag grows one level a paragraph, hence the margin.
 */
export const MAX_ELEMENT_DEPTH = 20_000;

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
  'nav',
]);
const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'object', 'iframe']);
const HEADING = /^h([1-6])$/;
/** The rule the DOCX reader writes for a manual page break (docx.ts): the next block starts a page. */
const PAGE_BREAK_CLASS = 'page-break';
/**
 * An element whose style starts a page (`page-break-before: always`, `break-before: page`): Word's web page writes a
 * page break as `<br clear=all style='page-break-before:always'>`, Google Docs as a hidden `<hr>` with that style.
 */
const PAGE_BREAK_STYLE = /(?:^|;)\s*(?:page-break-before\s*:\s*always|break-before\s*:\s*page)\b/iu;
/**
 * An element the page does not show (`style="display: none"`, the `hidden` attribute): Word's web page hides the page
 * numbers of its contents list so, and hidden text is no part of the book a reader sees.
 */
const HIDDEN_STYLE = /(?:^|;)\s*display\s*:\s*none\b/iu;
const isHidden = (attributes: Record<string, string>) =>
  attributes.hidden !== undefined || HIDDEN_STYLE.test(attributes.style ?? '');
/** <br> is held as a private-use marker while whitespace is collapsed, then becomes a newline. */
const LINE_BREAK = /\uE000/g;
/** The most a page number (`[Pg 123]`, `xiv`) or a note's mark (`[12]`, `*`) says: longer, it is text marked wrongly. */
const PAGE_NUMBER_LENGTH = 24;
const NOTE_MARK_LENGTH = 8;

export interface HtmlBlocks {
  blocks: RawBlock[];
  /** Element ids mapped to the index of the block they start or sit in (for TOC fragment links). */
  anchors: Map<string, number>;
  /** The text of each note (footnote, endnote) taken out of the blocks, in reading order. */
  notes: string[];
}

/** An element being read whose text may be dropped at its end: where it began in the block and how deep it is. */
interface Marked {
  depth: number;
  start: number;
  /** Blocks ended before it began: when another has ended since, the text is no longer where it began. */
  flushes: number;
  maxLength: number;
  /** For a note's reference: the id of the note it links to in this document. */
  target?: string;
}

/** A reference's mark without its brackets (`[1]` → `1`), or undefined when it is no mark (an empty link). */
function noteMark(text: string): string | undefined {
  const mark = text
    .replace(/[\uE000-\uE002]/g, '')
    .trim()
    .replace(/^[[(]\s*|\s*[\])]$/g, '');
  return mark.length > 0 ? mark : undefined;
}

/**
 * A note opens with its mark, as gathered notes of every format do (`[1] The ledger …`): a note that does not print
 * its mark itself (the DOCX converter numbers its notes by list position) is given the mark its reference printed.
 */
function labelled(text: string, mark: string | undefined): string {
  const opening = text.replace(/^[[(]/, '');
  if (!mark || (opening.startsWith(mark) && !/[\p{L}\p{N}]/u.test(opening.charAt(mark.length)))) return text;
  return `[${mark}] ${text}`;
}

/** DOCTYPE internal subsets can declare entities; we never resolve them, and drop the declaration entirely. */
export function stripDoctype(markup: string): string {
  return markup.replace(/<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/gi, '');
}

/**
 * Flattens HTML/XHTML into heading and paragraph blocks. Only text content is kept; entities beyond the HTML named
 * set are left as literal text, scripts and styles are skipped, and nothing is ever fetched. A printed page's number
 * and a note's mark are not text; notes (and the lists holding them) are taken out as notes, each one's paragraphs
 * joined; a heading opening a list of notes stays when it is the document's first text (a notes section of its own)
 * and goes when the list stands inside a chapter (Project Gutenberg's "FOOTNOTES:"). A superscript's text is wrapped
 * in private-use characters, for `gatherSuperscriptNotes` to read once the whole book is read: every caller runs it.
 * A short navigation element's blocks are left empty, and a paragraph made only of links to elsewhere in the book
 * records their targets, for `withoutNavigationBlocks` (htmlNavigation.ts), which every caller runs too.
 */
export function htmlToBlocks(markup: string): HtmlBlocks {
  const blocks: RawBlock[] = [];
  const anchors = new Map<string, number>();
  let pendingAnchors: string[] = [];
  /**
   * The block's text read so far, in two parts: `sealed`, never cut again, and `current`, the text since, which a
   * dropped mark is cut from. Cutting the whole of a long block at every mark or anchor would read it once per mark.
   */
  let sealed = '';
  let sealedHasText = false;
  let current = '';
  let headingLevel: number | undefined;
  let skipDepth = 0;
  let preDepth = 0;
  let pageBreak = false;
  let depth = 0;
  /** The depth of a hidden element being read past (isHidden): nothing inside it is read. */
  let hiddenDepth: number | undefined;
  const notes: string[] = [];
  let note: { depth: number; parts: string[]; id?: string } | undefined;
  /** The mark each note's reference printed, by the note's id (`[1]` for `#footnote-1`), to label the note by it. */
  const referenceMarks = new Map<string, string>();
  let notesListDepth: number | undefined;
  let dropped: Marked | undefined;
  /** The depth of a superscript being read in the text (not in a note): its text is wrapped, to be read as a mark. */
  let raisedDepth: number | undefined;
  let flushes = 0;
  /** A navigation element being read (`<nav>`, `role="navigation"`): its depth and the first block read inside it. */
  let navigation: { depth: number; firstBlock: number } | undefined;
  /** The depth of a link to elsewhere in the book being read, and the targets of the block's links so far. */
  let linkDepth: number | undefined;
  let linkTargets: string[] = [];
  /** Whether the block has words outside its links: then it is text with links, not a list of links. */
  let wordsOutsideLinks = false;
  const seal = () => {
    if (dropped) return;
    sealedHasText ||= current.trim().length > 0;
    sealed += current;
    current = '';
  };

  /** An id at the reader's place: the next block when nothing is read of this one yet, else this one. */
  const anchorHere = (id: string) => {
    seal();
    if (!sealedHasText && current.trim().length === 0) pendingAnchors.push(id);
    else anchors.set(id, blocks.length);
  };

  const flush = () => {
    flushes++;
    const text =
      preDepth > 0
        ? (sealed + current).replace(LINE_BREAK, '\n').replace(/^\n+|\s+$/g, '')
        : (sealed + current)
            .replace(/[ \t\f\r\n]+/g, ' ')
            .replace(/ ?\uE000 ?/g, '\n')
            .trim();
    if (text.length > 0 && note) note.parts.push(text);
    else if (text.length > 0 && notesListDepth !== undefined) {
      if (!headingLevel) notes.push(text);
      else if (blocks.length === 0) blocks.push({ kind: 'heading', level: headingLevel, text });
    } else if (text.length > 0) {
      for (const id of pendingAnchors) anchors.set(id, blocks.length);
      pendingAnchors = [];
      const block: RawBlock = headingLevel
        ? { kind: 'heading', level: headingLevel, text }
        : {
            kind: 'paragraph',
            text,
            ...(linkTargets.length > 0 && !wordsOutsideLinks ? { linkTargets } : {}),
          };
      blocks.push(pageBreak ? { ...block, pageBreakBefore: true } : block);
      pageBreak = false;
    }
    current = '';
    sealed = '';
    sealedHasText = false;
    linkTargets = [];
    wordsOutsideLinks = false;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        if (depth > MAX_ELEMENT_DEPTH) {
          throw new UnreadableManuscriptError(
            `its elements stand more than ${MAX_ELEMENT_DEPTH} deep inside one another`,
          );
        }
        if (SKIPPED_TAGS.has(name)) skipDepth++;
        if (skipDepth > 0 || hiddenDepth !== undefined) return;
        if (isHidden(attributes)) {
          // Google Docs hides the rule that starts a page; the page still starts.
          if (PAGE_BREAK_STYLE.test(attributes.style ?? '')) pageBreak = true;
          hiddenDepth = depth;
          // A contents entry may point at a hidden element; it points at the place the element stands.
          if (attributes.id) anchorHere(attributes.id);
          return;
        }
        if (!note && isNote(name, attributes)) {
          flush();
          note = { depth, parts: [], ...(attributes.id ? { id: attributes.id } : {}) };
        } else if (!note && notesListDepth === undefined && isNotesList(attributes)) {
          flush();
          notesListDepth = depth;
        }

        if (!navigation && isNavigation(name, attributes)) {
          flush();
          navigation = { depth, firstBlock: blocks.length };
        }
        if (BLOCK_TAGS.has(name)) {
          flush();
          const heading = HEADING.exec(name);
          if (heading) headingLevel = Number(heading[1]);
          if (name === 'pre') preDepth++;
        }
        if (name === 'br') current += '\uE000';
        const target = name === 'a' && linkDepth === undefined ? internalLinkTarget(attributes.href) : undefined;
        if (target !== undefined && !isNoteReference(name, attributes)) {
          linkDepth = depth;
          linkTargets.push(target);
        }
        if (name === 'sup' && raisedDepth === undefined && !note && notesListDepth === undefined) {
          // Appended, never cut back in: a paragraph of many marks is still read in one pass.
          raisedDepth = depth;
          current += MARK_OPEN;
        }
        if (!dropped && (isPageNumber(attributes) || (!note && isNoteReference(name, attributes)))) seal();
        if (!dropped && isPageNumber(attributes))
          dropped = { depth, start: current.length, flushes, maxLength: PAGE_NUMBER_LENGTH };
        else if (!dropped && !note && isNoteReference(name, attributes)) {
          const target = /^#(.+)$/.exec(attributes.href ?? '')?.[1];
          dropped = {
            depth,
            start: current.length,
            flushes,
            maxLength: NOTE_MARK_LENGTH,
            ...(target ? { target } : {}),
          };
        }
        if (name === 'hr' && (attributes.class ?? '').split(/\s+/).includes(PAGE_BREAK_CLASS)) pageBreak = true;
        if (PAGE_BREAK_STYLE.test(attributes.style ?? '')) pageBreak = true;
        if (attributes.id) anchorHere(attributes.id);
      },
      ontext(data) {
        // The private-use characters this reader writes itself are never taken from the document.
        if (skipDepth > 0 || hiddenDepth !== undefined) return;
        current += data.replace(/[\uE000-\uE002]/g, '');
        if (linkDepth === undefined && /[\p{L}\p{N}]/u.test(data)) wordsOutsideLinks = true;
      },
      onclosetag(name) {
        const closing = depth;
        depth = Math.max(0, depth - 1);
        if (SKIPPED_TAGS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (hiddenDepth !== undefined) {
          if (hiddenDepth === closing) hiddenDepth = undefined;
          return;
        }
        if (dropped?.depth === closing) {
          // Only a short mark is dropped: a block read inside it, or a long text, was marked wrongly and stays.
          const marked = current.slice(dropped.start);
          if (dropped.flushes === flushes && marked.trim().length <= dropped.maxLength) {
            current = current.slice(0, dropped.start);
            const mark = noteMark(marked);
            if (dropped.target && mark && !referenceMarks.has(dropped.target)) referenceMarks.set(dropped.target, mark);
          }
          dropped = undefined;
        }
        if (linkDepth === closing) linkDepth = undefined;
        if (raisedDepth === closing) {
          // Within a note begun inside it, the superscript is the note's text, as it would have been unwrapped.
          if (!note && notesListDepth === undefined) current += MARK_CLOSE;
          raisedDepth = undefined;
        }
        if (BLOCK_TAGS.has(name)) {
          flush();
          if (HEADING.test(name)) headingLevel = undefined;
          if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        }
        if (note?.depth === closing) {
          flush();
          const text = note.parts.join('\n').replace(BACK_LINK, '').trim();
          if (text.length > 0) notes.push(labelled(text, note.id ? referenceMarks.get(note.id) : undefined));
          note = undefined;
        }
        if (notesListDepth === closing) {
          flush();
          notesListDepth = undefined;
        }
        if (navigation?.depth === closing) {
          flush();
          // A bar of links goes; a long one marked so is a contents list (or marked wrongly) and is read as before.
          const inside = blocks.slice(navigation.firstBlock);
          if (inside.reduce((length, block) => length + block.text.length, 0) <= NAVIGATION_MAX_LENGTH)
            for (let index = navigation.firstBlock; index < blocks.length; index++)
              blocks[index] = { ...blocks[index], text: '' };
          navigation = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(stripDoctype(markup));
  parser.end();
  flush();
  for (const id of pendingAnchors) anchors.set(id, blocks.length);
  return { blocks, anchors, notes };
}

export function parseHtml(bytes: Buffer): WithFootnotes {
  const { text: markup, encoding } = decodeText(bytes);
  const read = htmlToBlocks(markup);
  const raised = gatherSuperscriptNotes(withoutNavigationBlocks(read.blocks));
  const footnotes = [...read.notes, ...raised.notes];
  const { text, blocks } = assembleBlocks(raised.blocks);
  const notes = text.length === 0 && footnotes.length === 0 ? [fileNotes.htmlWithoutText()] : [];
  return {
    format: 'html',
    text,
    blocks,
    detectedEncoding: encoding,
    notes,
    ...(footnotes.length ? { footnotes } : {}),
  };
}
