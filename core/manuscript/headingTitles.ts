import {
  classifyHeadingLine,
  isHeadingWordAlone,
  isOneSentence,
  isUpperCaseTitle,
  looksLikeTitleLine,
  type HeadingMatch,
} from './headings';
import type { LaidOutBlock, TextLayout } from './textLayout';
import { diaryDateLines } from './diaries';
import { isSalutation } from './letters';

/**
 * A heading line as the book writes it (docs/manuscripts.md, "Heading lines in plain text"): the lines of its block
 * that belong to it (a wrapped title, a second title line), and the title line under a heading that waits for one.
 */
export interface Candidate {
  block: LaidOutBlock;
  match: HeadingMatch;
  /** The heading's lines within its block: the first alone, or all of a short block (a wrapped or second title line). */
  lineCount: number;
  /**
   * Lines the heading itself takes before any title lines: 2 when its word stands on a line of its own over its
   * number ("CHAPTER" ⏎ "THE FIRST."), else 1.
   */
  headLines?: number;
  /**
   * Under a heading word set alone ("CHAPTER"), the block holding its number and the title lines after it ("1", "The
   * Harbour"): the heading runs on over it.
   */
  numberBlock?: { block: LaidOutBlock; lineCount: number };
}

export interface Accepted extends Candidate {
  confidence: number;
  title: string;
  headingEnd: number;
}

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
export const withoutDecoration = (text: string) => collapse(text.replace(/(^|\s)[_*]+|[_*]+(\s|$)/g, '$1$2'));

/** Most lines a heading with its wrapped title takes. */
const MAX_HEADING_LINES = 3;

/** Most words a title wrapped over two lines holds: a long title, not a paragraph. */
const MAX_WRAPPED_TITLE_WORDS = 24;

/** A line at least this long may have been broken where the text wraps, rather than where its author ended it. */
const WRAPPED_LINE = 40;

/**
 * A title wrapped onto the next line: the heading's title started on its first line, the line before is long enough
 * to have been wrapped and does not end a sentence, and the heading is the whole block (the text starts after a
 * blank line), so the next line cannot be the first of a paragraph ("Capítulo II. Que trata de la primera salida que
 * de su tierra hizo el" ⏎ "ingenioso don Quijote").
 */
function wrapsTitle(block: LaidOutBlock, match: HeadingMatch, index: number): boolean {
  const before = block.lines[index - 1].trim();
  return (
    match.trailer !== '' &&
    block.lines.length <= MAX_HEADING_LINES &&
    before.length >= WRAPPED_LINE &&
    !/[.!?:;…]$/u.test(before) &&
    !/[,;:]$/u.test(block.lines[index].trim())
  );
}

/**
 * Lines of the block that belong to its heading: the heading's own (`from`), and up to two more written like a title
 * or wrapping it.
 */
function headingLines(block: LaidOutBlock, match: HeadingMatch, from = 1): number {
  let count = from;
  while (count < Math.min(MAX_HEADING_LINES, block.lines.length)) {
    const line = block.lines[count].trim();
    if (line.length > 90) break;
    if (!(looksLikeTitleLine(line) || isUpperCaseTitle(line) || wrapsTitle(block, match, count))) break;
    count++;
  }
  return count;
}

export function candidateOf(block: LaidOutBlock): Candidate | null {
  const overNumber = wordOverNumberLine(block);
  if (overNumber) return overNumber;
  const match = classifyHeadingLine(block.lines[0]);
  if (!match) return null;
  const lineCount = headingLines(block, match);
  // Numerals are ambiguous; they are headings only when they stand alone (or with their title) in their block.
  if (match.family === 'numeral' && lineCount < block.lines.length) return null;
  if (match.runOn && block.lines.length > 1) return null;
  return { block, match, lineCount };
}

/**
 * A heading broken after its word, the number on the next line of the same block ("CHAPTER" ⏎ "THE FIRST.", as a
 * centred heading is set in two lines): one heading, read as "CHAPTER THE FIRST." would be, with any title lines under
 * it in the block.
 */
function wordOverNumberLine(block: LaidOutBlock): Candidate | null {
  if (block.lines.length < 2 || !isHeadingWordAlone(block.lines[0])) return null;
  const match = classifyHeadingLine(`${block.lines[0].trim()} ${block.lines[1].trim()}`);
  if (!match || match.family === 'special' || match.runOn) return null;
  const lineCount = headingLines(block, match, 2);
  return lineCount === block.lines.length ? { block, match, lineCount, headLines: 2 } : null;
}

/**
 * A heading word alone in its block over a block that opens with its number ("CHAPTER" ⏎⏎ "1" ⏎ "The Harbour", as a
 * design tool sets a chapter's opening and a PDF reader gives it): one heading, read as "CHAPTER 1" would be. The
 * number's block must hold nothing but the number and its title lines, as a numeral heading's must.
 */
export function candidateOverNumber(block: LaidOutBlock, next: LaidOutBlock | undefined): Candidate | null {
  if (next === undefined || block.lines.length !== 1 || !isHeadingWordAlone(block.lines[0])) return null;
  const match = classifyHeadingLine(`${block.lines[0].trim()} ${next.lines[0].trim()}`);
  if (!match || !match.expectsTitle || match.family === 'special') return null;
  const lineCount = headingLines(next, match);
  return lineCount === next.lines.length
    ? { block, match, lineCount: 1, numberBlock: { block: next, lineCount } }
    : null;
}

/** The heading's last block: the number's block under a heading word set alone ("CHAPTER" ⏎⏎ "1"), else its own. */
const lastBlockOf = (heading: Candidate): LaidOutBlock => heading.numberBlock?.block ?? heading.block;

export function joinTitle(heading: string, title: string): string {
  if (/[.:]$/.test(heading)) return `${heading} ${title}`;
  // A bare number, or one after the section sign ("§ 3"), which says what a bare number says.
  if (/^(?:§\s*)?[\dIVXLCDM]+$/u.test(heading)) return `${heading}. ${title}`;
  return `${heading}: ${title}`;
}

/**
 * An attribution line under a quotation: a dash, then a name or a source of a few words ("— Old saying", "-- Anon.",
 * "―Machado de Assis, Dom Casmurro"). A turn of dialogue opened by a dash is no attribution: it asks, exclaims, or
 * runs on in lower case after a comma ("--Não é nada, disse ela").
 */
const ATTRIBUTION = /^\s*(?:[—―–]|--)\s*(\p{Lu}[^!?…]*)$/u;

function isAttribution(line: string): boolean {
  const source = ATTRIBUTION.exec(line)?.[1];
  return source !== undefined && source.split(/\s+/).length <= 8 && !/,\s*\p{Ll}/u.test(source);
}

/**
 * A quotation with its author's name on its last line, or a quoted block with the name alone in the block after it:
 * an epigraph under the heading, never the heading's title.
 */
function isEpigraph(lines: string[], linesAfter: string[] = []): boolean {
  if (lines.length >= 2 && isAttribution(lines[lines.length - 1])) return true;
  return /^["“«'‘]/u.test(lines[0]) && linesAfter.length === 1 && isAttribution(linesAfter[0]);
}

/**
 * Completes headings that wait for a title ("CAPITULO I" … "Obito do autor") with the block after them. Whether a
 * book titles its chapters is decided for each heading word at once: when most of its headings are followed by a
 * short block set apart like a title (more blank lines after it than between paragraphs, or written like a title),
 * every one of them takes that block, whatever its length or punctuation.
 */
export function takeTitleLines(
  layout: TextLayout,
  accepted: Map<number, Accepted>,
  consumed: Set<number>,
  meaningfulGaps: boolean,
  /** Blocks that are headings of their own and title nothing (a part's first chapter's numeral under it). */
  ownHeadings: ReadonlySet<number> = new Set(),
): void {
  const { blocks, paragraphGap } = layout;
  const groups = new Map<string, Accepted[]>();
  for (const heading of accepted.values()) {
    const last = lastBlockOf(heading);
    const waitsForTitle =
      heading.match.expectsTitle &&
      last.lines.length === (last === heading.block ? (heading.headLines ?? 1) : 1) &&
      heading.headingEnd === last.end &&
      !consumed.has(last.index + 1);
    if (!waitsForTitle) continue;
    const key = `${heading.match.family}:${heading.match.label}`;
    const group = groups.get(key);
    if (group) group.push(heading);
    else groups.set(key, [heading]);
  }
  const nextOf = (heading: Accepted) => blocks[lastBlockOf(heading).index + 1];
  const entryDates = diaryDateLines(blocks);
  const written = (heading: Accepted) => {
    const next = nextOf(heading);
    const line = collapse(next.text);
    return (
      (next.lines.length <= 2 && looksLikeTitleLine(line)) ||
      next.lines.every((written) => isUpperCaseTitle(written)) ||
      /^["“«'‘].*["”»'’]$/u.test(line)
    );
  };
  const shaped = (heading: Accepted) => {
    const next = nextOf(heading);
    return (
      next !== undefined &&
      next.index + 1 < blocks.length &&
      next.lines.length <= 4 &&
      next.text.length <= 300 &&
      !accepted.has(next.index) &&
      !ownHeadings.has(next.index) &&
      // A part's title is followed by its first chapter's heading at once ("BOOK ONE", "THE COAST", "CHAPTER 1").
      (!accepted.has(next.index + 1) || (heading.match.family === 'part' && written(heading))) &&
      classifyHeadingLine(next.lines[0])?.family !== 'labelled' &&
      !isHeadingWordAlone(next.lines[0]) &&
      !isEpigraph(next.lines, blocks[next.index + 1]?.lines) &&
      // A letter's salutation under its heading ("CARTA PRIMEIRA" over "Minha querida irmã,") opens its text.
      !isSalutation(next) &&
      !entryDates.has(next.index)
    );
  };
  const setApart = (heading: Accepted) => meaningfulGaps && nextOf(heading).blanksAfter > paragraphGap;
  // One line that reads like a sentence ("Ideia sem pernas e ideia sem braços."): the title, in a book that titles
  // nearly every chapter with a line written like one.
  const sentence = (heading: Accepted) => {
    const next = nextOf(heading);
    const line = collapse(next.text);
    return (
      next.lines.length === 1 &&
      line.length <= 80 &&
      line.split(' ').length <= 12 &&
      /^[\p{Lu}\p{N}"“'‘¿¡«]/u.test(line) &&
      isOneSentence(line)
    );
  };
  // A title in capitals is one however long it runs ("HOW MY UNCLE CAME HOME FROM THE WAR, AND WHAT HE BROUGHT WITH
  // HIM."), in a book whose other titles under these headings are written like titles.
  const inCapitals = (heading: Accepted) =>
    nextOf(heading).lines.every((line) => /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line));
  // A title too long for its line, wrapped onto a second that carries it on in lower case ("En el que el cartero
  // sube a la sierra" ⏎ "con la mula y las cartas del mes"), as a typeset page centres a long sentence-case title:
  // one clause of a title's length, ending without a stop unless the book titles every chapter by look.
  const wrapped = (heading: Accepted, titledThroughout: boolean) => {
    const next = nextOf(heading);
    if (next.lines.length !== 2) return false;
    const [first, second] = next.lines.map((line) => line.trim());
    const line = `${first} ${second}`;
    return (
      /^[\p{Lu}¿¡«"“]/u.test(first) &&
      /^\p{Ll}/u.test(second) &&
      line.split(' ').length <= MAX_WRAPPED_TITLE_WORDS &&
      !/[,;:]$/u.test(first) &&
      isOneSentence(line) &&
      (titledThroughout || !/[.!?…]$/u.test(line))
    );
  };
  const unspeakable = (heading: Accepted) => {
    const next = nextOf(heading);
    return next.lines.length === 1 && !/[\p{L}\p{N}]/u.test(next.text);
  };
  for (const group of groups.values()) {
    const candidates = group.filter(shaped);
    if (candidates.length === 0) continue;
    const bySpacing = candidates.filter(setApart).length >= group.length * 0.5;
    const byLook = candidates.filter(written).length >= group.length * 0.6;
    const titledThroughout = candidates.filter(written).length >= group.length * 0.8;
    if (!bySpacing && !byLook) continue;
    for (const heading of candidates) {
      // In a book that sets titles apart, a title of dots or stars may be followed by the text at once.
      const fits = bySpacing
        ? setApart(heading) || written(heading) || unspeakable(heading)
        : written(heading) ||
          (titledThroughout && sentence(heading)) ||
          inCapitals(heading) ||
          wrapped(heading, titledThroughout);
      if (!fits) continue;
      const next = nextOf(heading);
      const headingLine = heading.title;
      accepted.set(heading.block.index, {
        ...heading,
        title: joinTitle(headingLine, withoutDecoration(next.lines.join(' '))),
        headingEnd: next.end,
      });
      consumed.add(next.index);
    }
  }
}
