/**
 * Reading order on a page set in two columns. A PDF's text layer gives pieces in the order the typesetter wrote them,
 * which for columns is often line across line: read as given, the left column's first line would run into the
 * right column's first line. A page is in two columns when a vertical gutter near its middle separates pieces that
 * share baselines on both sides; it is then read as the left column, then the right, band by band between the lines
 * that cross the gutter (a heading set across both columns).
 */
import { groupLines, type PdfLine, type PdfTextItem } from './pdfLines';

/** The gutter is looked for in the middle of the text's width, where a second column starts. */
const GUTTER_ZONE: [number, number] = [0.3, 0.7];
/** Each column holds at least this share of the text's width. */
const MIN_COLUMN_SHARE = 0.3;
/** Columns side by side share baselines; a few shared ones could be a table's or a list's. */
const MIN_SHARED_BASELINES = 3;
/** Pieces crossing the gutter (headings across the page) may be at most this share of the page's pieces. */
const MAX_CROSSING_SHARE = 0.15;

/** The largest page PDF allows (200 inches), in points. */
const MAX_PAGE_WIDTH = 14_400;

// Loops, not Math.max(...values): a page may hold more pieces than a call takes arguments.
const least = (values: number[]) => values.reduce((a, b) => Math.min(a, b), Infinity);
const most = (values: number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);

const isText = (item: PdfTextItem) => item.height > 0 && item.text.trim().length > 0;

/** The x of a gutter between two columns, if the page has one. */
export function findGutter(items: PdfTextItem[]): number | undefined {
  const pieces = items.filter(isText);
  if (pieces.length < 2 * MIN_SHARED_BASELINES) return undefined;
  const left = least(pieces.map((p) => p.x));
  const right = most(pieces.map((p) => p.x + p.width));
  const width = right - left;
  // Positions are the file's word: a piece placed far off any real page must not size the count below.
  if (!(width > 0 && width <= MAX_PAGE_WIDTH)) return undefined;
  // Pieces crossing each point across the width, counted once for the page: a piece adds one from its start to its end.
  const span = Math.ceil(width);
  const counts = new Array<number>(span + 2).fill(0);
  for (const p of pieces) {
    counts[Math.floor(p.x - left) + 1] += 1;
    counts[Math.ceil(p.x + p.width - left)] -= 1;
  }
  for (let x = 1; x <= span + 1; x++) counts[x] += counts[x - 1];
  const crossing = (x: number) => counts[x];
  let best: { x: number; crossings: number } | undefined;
  for (let x = Math.ceil(span * GUTTER_ZONE[0]); x <= span * GUTTER_ZONE[1]; x++) {
    if (best === undefined || crossing(x) < best.crossings) best = { x, crossings: crossing(x) };
  }
  if (best === undefined || best.crossings > pieces.length * MAX_CROSSING_SHARE) return undefined;
  // The gutter's middle: from the best x, as far as the crossings stay as few on each side.
  let from = best.x;
  let to = best.x;
  while (from > 0 && crossing(from - 1) === best.crossings) from -= 1;
  while (to < span && crossing(to + 1) === best.crossings) to += 1;
  const gutter = left + (from + to) / 2;
  const leftPieces = pieces.filter((p) => p.x + p.width <= gutter);
  const rightPieces = pieces.filter((p) => p.x >= gutter);
  const leftEdge = most(leftPieces.map((p) => p.x + p.width));
  const rightEdge = most(rightPieces.map((p) => p.x + p.width));
  if (leftEdge - left < width * MIN_COLUMN_SHARE || rightEdge - gutter < width * MIN_COLUMN_SHARE) return undefined;
  const rightBaselines = new Set(rightPieces.map((p) => Math.round(p.y)));
  const shared = new Set(leftPieces.map((p) => Math.round(p.y)).filter((y) => rightBaselines.has(y)));
  return shared.size >= MIN_SHARED_BASELINES ? gutter : undefined;
}

/**
 * The page's lines in reading order. A page without a gutter is read in the order given, as a single column; with
 * one, each band between lines crossing the gutter is read left column first.
 */
export function readingOrderLines(items: PdfTextItem[]): PdfLine[] {
  const gutter = findGutter(items);
  if (gutter === undefined) return groupLines(items);
  // Spaces the reader inserted between pieces say nothing about columns; a space across the gutter is not text.
  const pieces = items.filter(isText);
  const crosses = (p: PdfTextItem) => p.x < gutter && p.x + p.width > gutter;
  const spanning = groupLines(pieces.filter(crosses));
  const bandOf = (item: PdfTextItem) => spanning.filter((line) => line.y > item.y + 1).length;
  const lines: PdfLine[] = [];
  const follow = (next: PdfLine[], startsColumn: boolean) => {
    if (next.length === 0) return;
    const before = lines[lines.length - 1];
    // A column starts at the top again, so its distance from the line before says nothing about a paragraph.
    const gap = before && !startsColumn ? Math.abs(before.y - next[0].y) / Math.max(1, before.height) : 0;
    lines.push({ ...next[0], gap, startsColumn }, ...next.slice(1));
  };
  for (let band = 0; band <= spanning.length; band++) {
    const inBand = pieces.filter((p) => !crosses(p) && bandOf(p) === band);
    follow(groupLines(withSpaces(inBand.filter((p) => p.x < gutter))), false);
    follow(groupLines(withSpaces(inBand.filter((p) => p.x >= gutter))), true);
    if (band < spanning.length) follow([spanning[band]], false);
  }
  return lines;
}

/**
 * Pieces of one column with the spaces between words put back: the reader's own spaces were dropped with the
 * gutter's, so a space goes where a piece starts clear of the one before on the same line.
 */
function withSpaces(column: PdfTextItem[]): PdfTextItem[] {
  return column.map((item, i) => {
    const before = column[i - 1];
    // A raised note mark shares the line with the words around it.
    const sameLine = before !== undefined && Math.abs(before.y - item.y) < Math.max(before.height, item.height);
    const clear = sameLine && item.x - (before.x + before.width) > item.height * 0.15;
    return clear && !/^\s/.test(item.text) && !/\s$/.test(before.text) ? { ...item, text: ` ${item.text}` } : item;
  });
}
