import { classifyHeadingLine } from '../../core/manuscript/headings';

/**
 * Lines of a PDF page from the positioned text pieces its text layer gives, in the order given: a piece on another
 * baseline starts a new line, except a note mark raised above the line in a smaller size (a superscript), which
 * belongs to the word before it.
 */

/** A piece of text as the PDF reader gives it: its baseline's position in points from the page's bottom left. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size; 0 for the spaces the reader inserts between pieces. */
  height: number;
  /** The reader saw the line end after this piece. */
  endsLine: boolean;
}

export interface PdfLine {
  text: string;
  /** Vertical gap to the previous line, in multiples of that line's font size (0 for the first line). */
  gap: number;
  /** Baseline, in points from the page's bottom. */
  y: number;
  /** The font size of the line's text (not of its note marks). */
  height: number;
  /** The first line of a column after the first: a paragraph may run on into it from the column before. */
  startsColumn: boolean;
}

/** A superscript is set at most this much of the line's size; a drop in size less than that is the same text. */
const MARK_SIZE = 0.8;
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};
/** Baselines this close (in points) are the same line. */
const SAME_BASELINE = 1;

/**
 * A raised note number is written in superscript digits, which the spoken form leaves unsaid as it does in any
 * format; an asterisk or a dagger stays as printed.
 */
function asMark(text: string): string {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? [...trimmed].map((digit) => SUPERSCRIPT_DIGITS[digit]).join('') : trimmed;
}

function isRaisedMark(item: PdfTextItem, baseline: number, lineHeight: number): boolean {
  return (
    item.height > 0 &&
    lineHeight > 0 &&
    item.height <= lineHeight * MARK_SIZE &&
    item.y > baseline + SAME_BASELINE &&
    item.y < baseline + lineHeight &&
    /^\s*(?:\d{1,3}|[*†‡]{1,3})\s*$/u.test(item.text)
  );
}

/** A piece of a line being gathered: where it starts on the line, its text, width and font size. */
interface LinePiece {
  x: number;
  text: string;
  width: number;
  size: number;
}

/** An initial is set at least this much larger than the letters after it. */
const INITIAL_SIZE = 1.2;
/** And no further from them than this share of its own size. */
const INITIAL_GAP = 0.5;
/** Capitals that are words on their own in the languages read (en, es, pt, fr, it): "I was", "A long time", "O rio". */
const ONE_LETTER_WORDS = new Set(['A', 'E', 'I', 'O', 'U', 'Y', 'À', 'Á', 'É', 'Ó', 'Ô']);

/**
 * A line opening with a drop or raised capital: one capital letter set larger than the letters after it and close to
 * them ("C" then "HAPTER I" in small capitals, "T" then "he morning"). The reader puts a space between the two pieces;
 * the word is one. A capital that is a word of its own ("I" then "WAS born") is joined only when that makes the line
 * a heading ("E" + "PILOGUE") it was not before.
 */
function withInitialJoined(pieces: LinePiece[]): LinePiece[] {
  const first = pieces.findIndex((piece) => piece.text.trim().length > 0);
  if (first === -1) return pieces;
  const initial = pieces[first];
  const letter = initial.text.trim();
  if (!/^\p{Lu}$/u.test(letter)) return pieces;
  let next = first + 1;
  while (next < pieces.length && pieces[next].text.trim().length === 0) next++;
  const rest = pieces[next];
  if (rest === undefined || rest.size <= 0 || initial.size < rest.size * INITIAL_SIZE) return pieces;
  if (!/^\p{L}/u.test(rest.text.trimStart())) return pieces;
  if (rest.x - (initial.x + initial.width) > initial.size * INITIAL_GAP) return pieces;
  const joined = [
    ...pieces.slice(0, first),
    { ...initial, text: letter + rest.text.trimStart(), width: rest.x + rest.width - initial.x },
    ...pieces.slice(next + 1),
  ];
  if (!ONE_LETTER_WORDS.has(letter)) return joined;
  const makesHeading = classifyHeadingLine(lineText(joined)) !== null && classifyHeadingLine(lineText(pieces)) === null;
  return makesHeading ? joined : pieces;
}

/**
 * A line's pieces as one text. A typesetter may write a line's pieces out of order (a running head's page number at
 * the left written after the title): pieces given right to left are put back in order, with a space between pieces
 * that have none, so "12" and "THE HOLLOW SEA" read "12 THE HOLLOW SEA", not "THE HOLLOW SEA12". Pieces given left to
 * right are joined as given.
 */
function lineText(pieces: LinePiece[]): string {
  if (pieces.every((piece, i) => i === 0 || piece.x >= pieces[i - 1].x)) return pieces.map((p) => p.text).join('');
  const ordered = [...pieces].sort((a, b) => a.x - b.x);
  return ordered.reduce((text, piece) => {
    const apart = text.length > 0 && !/\s$/.test(text) && !/^\s/.test(piece.text);
    return text + (apart ? ' ' : '') + piece.text;
  }, '');
}

/** Groups pieces given in reading order into lines. */
export function groupLines(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let pieces: LinePiece[] = [];
  let baseline: number | undefined;
  let height = 0;
  let gap = 0;
  let previous: { y: number; height: number } | undefined;
  const close = () => {
    const text = lineText(withInitialJoined(pieces));
    if (text.length > 0 && baseline !== undefined) {
      lines.push({ text, gap, y: baseline, height, startsColumn: false });
      previous = { y: baseline, height };
    }
    pieces = [];
    baseline = undefined;
    height = 0;
  };
  const hasText = () => pieces.some((piece) => piece.text.length > 0);
  for (const item of items) {
    const last = pieces[pieces.length - 1];
    if (baseline !== undefined && last !== undefined && isRaisedMark(item, baseline, height)) {
      last.text = last.text.trimEnd() + asMark(item.text);
      continue;
    }
    if (baseline !== undefined && Math.abs(item.y - baseline) > SAME_BASELINE && hasText()) close();
    if (!hasText()) {
      gap = previous ? Math.abs(previous.y - item.y) / Math.max(1, previous.height || item.height || 12) : 0;
    }
    pieces.push({ x: item.x, text: item.text, width: item.width, size: item.height });
    if (item.height) height = Math.max(height, item.height);
    baseline ??= item.y;
    if (item.endsLine) close();
  }
  close();
  return lines;
}
