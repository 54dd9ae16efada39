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

/** Groups pieces given in reading order into lines. */
export function groupLines(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = '';
  let baseline: number | undefined;
  let height = 0;
  let gap = 0;
  let previous: { y: number; height: number } | undefined;
  const close = () => {
    if (text.length > 0 && baseline !== undefined) {
      lines.push({ text, gap, y: baseline, height, startsColumn: false });
      previous = { y: baseline, height };
    }
    text = '';
    baseline = undefined;
    height = 0;
  };
  for (const item of items) {
    if (baseline !== undefined && isRaisedMark(item, baseline, height)) {
      text = text.trimEnd() + asMark(item.text);
      continue;
    }
    if (baseline !== undefined && Math.abs(item.y - baseline) > SAME_BASELINE && text.length > 0) close();
    if (text.length === 0) {
      gap = previous ? Math.abs(previous.y - item.y) / Math.max(1, previous.height || item.height || 12) : 0;
    }
    text += item.text;
    if (item.height) height = Math.max(height, item.height);
    baseline ??= item.y;
    if (item.endsLine) close();
  }
  close();
  return lines;
}
