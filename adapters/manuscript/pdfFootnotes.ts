/**
 * Footnotes printed at a page's foot: a block of lines in a smaller size than the page's text, or set under a short
 * rule, the first of them opening with a note mark (`1`, `¹`, `*`, `†`) that the page's text carries too. Read where
 * they stand they would interrupt the text mid-sentence; they are taken out and gathered with the book's notes.
 */
import type { PdfLine } from './pdfLines';

/** Footnotes are set at most this much of the text's size (9 pt under 11 pt text is 0.82). */
const NOTE_SIZE = 0.9;
/** A note opens with its mark: a number (not a year), a superscript number, asterisks or daggers. */
const NOTE_START = /^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3}(?![\d,])[.)]?|\[\d{1,3}\]|[*†‡]{1,3})\s*(?=[\p{L}"'“‘(«—])/u;
/** A rule typed as text: underscores, dashes or box-drawing lines. */
const TEXT_RULE = /^\s*[_—–\-─]{5,}\s*$/u;
/** Notes under a rule in the text's own size: a rule with more under it is a break in the text (a scene's end). */
const MAX_RULED_LINES = 12;
const LONE_NUMBER = /^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s*$/u;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export interface PageText {
  /** The page's lines without its footnotes. */
  lines: PdfLine[];
  /** Each footnote's text, its lines joined by newlines. */
  notes: string[];
  /** Lines opening the page's foot without a mark: the end of the previous page's last note, joined by newlines. */
  continued?: string;
}

const SENTENCE_END = /[.!?:;"'”’»)\]]$/u;

/**
 * A foot opening without a mark continues the previous page's last note when that note broke off mid-sentence or the
 * foot starts in lower case; otherwise small type without a mark is the page's own (a printer's line, a caption).
 */
function continuesNote(previousNote: string | undefined, firstLine: string): boolean {
  if (previousNote === undefined) return false;
  return !SENTENCE_END.test(previousNote.trimEnd()) || /^\s*\p{Ll}/u.test(firstLine);
}

/** The size most of the page's text is set in. */
function textSize(lines: PdfLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(line.height, (characters.get(line.height) ?? 0) + line.text.length);
  let best = 0;
  let most = -1;
  for (const [size, count] of characters) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

/** The mark's forms in the text it belongs to: `1` is printed there as `¹` (raised) or right after a word. */
function markInText(mark: string, text: string): boolean {
  if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u.test(mark)) return text.includes(mark);
  if (/^\d+$/.test(mark)) {
    const raised = [...mark].map((digit) => SUPERSCRIPT[Number(digit)]).join('');
    return text.includes(raised) || new RegExp(String.raw`\p{L}[.,;:!?"'”’]?${mark}(?!\d)`, 'u').test(text);
  }
  return text.includes(mark);
}

/**
 * The page's footnotes, taken from its lowest lines (in two columns the notes under the left column come before the
 * right column in reading order, so position decides, not order). `previousNote` is the last note of the page before,
 * which a note running over the page break continues at this page's foot.
 */
export function separateFootnotes(lines: PdfLine[], previousNote?: string): PageText {
  const unchanged = { lines, notes: [] };
  // A page number under the notes stays for the page-furniture rules.
  const text = lines.map((line, i) => ({ line, i })).filter(({ line }) => !LONE_NUMBER.test(line.text));
  const size = textSize(text.map(({ line }) => line));
  const lowestFirst = [...text].sort((a, b) => a.line.y - b.line.y);
  let small = 0;
  while (small < lowestFirst.length && isSmall(lowestFirst[small].line, size)) small++;
  let foot = lowestFirst.slice(0, small);
  let rule = lowestFirst[small] && TEXT_RULE.test(lowestFirst[small].line.text) ? lowestFirst[small] : undefined;
  if (foot.length === 0) {
    const ruleAt = lowestFirst.findIndex(({ line }) => TEXT_RULE.test(line.text));
    if (ruleAt > 0 && ruleAt <= MAX_RULED_LINES) [foot, rule] = [lowestFirst.slice(0, ruleAt), lowestFirst[ruleAt]];
  }
  if (foot.length === 0 || foot.length === text.length) return unchanged;
  const inFoot = new Set([...foot, ...(rule ? [rule] : [])].map(({ i }) => i));
  const noteLines = lines.filter((_, i) => inFoot.has(i) && i !== rule?.i);
  const first = NOTE_START.exec(noteLines[0].text);
  const body = lines.filter((_, i) => !inFoot.has(i));
  const continues = !first && continuesNote(previousNote, noteLines[0].text);
  const marked = first && markInText(first[0].trim().replace(/^\[|[.)\]]$/g, ''), body.map((l) => l.text).join('\n'));
  if (!continues && !marked) return unchanged;
  const continued: string[] = [];
  const notes: string[] = [];
  for (const line of noteLines) {
    const trimmed = line.text.trim();
    if (NOTE_START.test(trimmed) || (notes.length === 0 && !continues)) notes.push(trimmed);
    else if (notes.length === 0) continued.push(trimmed);
    else notes[notes.length - 1] += `\n${trimmed}`;
  }
  return { lines: body, notes, ...(continued.length > 0 ? { continued: continued.join('\n') } : {}) };
}

const isSmall = (line: PdfLine, size: number) => line.height > 0 && line.height <= size * NOTE_SIZE;
