/**
 * Reading order on a page set in columns. A PDF's text layer gives pieces in the order the typesetter wrote them,
 * which for columns is often line across line: read as given, the left column's first line would run into the next
 * column's first line. A page is in columns when vertical gutters, crossed by few pieces, separate columns of similar
 * width that share baselines; it is then read column by column, left to right, band by band between the lines that
 * cross a gutter (a heading set across the columns).
 */
import { groupLines, type PdfLine, type PdfTextItem } from './pdfLines';

/** Two columns: the gutter is looked for in the middle of the text's width, where a second column starts. */
const GUTTER_ZONE: [number, number] = [0.3, 0.7];
/** Columns share the text's width: each holds at least this share of its even share (0.3 of the width for two). */
const MIN_COLUMN_SHARE = 0.6;
/**
 * Three columns or more are set alike: each spans at least this much of the widest, and most of its lines fill it.
 * A table's columns are as wide as their cells, a narrow one of numbers beside a wide one of names.
 */
const MIN_WIDTH_OF_WIDEST = 0.6;
const MIN_LINE_FILL = 0.6;
/** Columns side by side share baselines; a few shared ones could be a table's or a list's. */
const MIN_SHARED_BASELINES = 3;
/** Pieces crossing a gutter (headings across the page) may be at most this share of the page's pieces. */
const MAX_CROSSING_SHARE = 0.15;
/**
 * A gutter is wider than this share of the text's size: the space between two words is narrower, so a run of spaces
 * lined up down a single column (a river) is no gutter.
 */
const MIN_GUTTER_WIDTH = 0.8;

/** The largest page PDF allows (200 inches), in points. */
const MAX_PAGE_WIDTH = 14_400;

// Loops, not Math.max(...values): a page may hold more pieces than a call takes arguments.
const least = (values: number[]) => values.reduce((a, b) => Math.min(a, b), Infinity);
const most = (values: number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const isText = (item: PdfTextItem) => item.height > 0 && item.text.trim().length > 0;

/**
 * The x of each gutter between columns, left to right; none for a page in one column. Gutters are the runs across
 * the text's width crossed by few pieces, with text on both sides. Three columns or more must be set alike (above);
 * otherwise the page is in two columns when the clearest gutter in the middle of the width divides it.
 */
export function findGutters(items: PdfTextItem[]): number[] {
  const pieces = items.filter(isText);
  if (pieces.length < 2 * MIN_SHARED_BASELINES) return [];
  const left = least(pieces.map((p) => p.x));
  const right = most(pieces.map((p) => p.x + p.width));
  const width = right - left;
  // Positions are the file's word: a piece placed far off any real page must not size the count below.
  if (!(width > 0 && width <= MAX_PAGE_WIDTH)) return [];
  // Pieces crossing each point across the width, counted once for the page: a piece adds one from its start to its end.
  const span = Math.ceil(width);
  const counts = new Array<number>(span + 2).fill(0);
  for (const p of pieces) {
    counts[Math.floor(p.x - left) + 1] += 1;
    counts[Math.ceil(p.x + p.width - left)] -= 1;
  }
  for (let x = 1; x <= span + 1; x++) counts[x] += counts[x - 1];
  const few = pieces.length * MAX_CROSSING_SHARE;
  const minWidth = median(pieces.map((p) => p.height)) * MIN_GUTTER_WIDTH;
  // Runs of few crossings between the first and the last point most pieces cross.
  let first = 1;
  while (first <= span && counts[first] <= few) first++;
  let last = span;
  while (last >= first && counts[last] <= few) last--;
  const gutters: Array<{ x: number; crossings: number }> = [];
  for (let x = first; x <= last; x++) {
    if (counts[x] > few) continue;
    const from = x;
    while (x + 1 <= last && counts[x + 1] <= few) x++;
    if (x - from + 1 < minWidth) continue;
    // The gutter's middle: where its crossings are fewest, as far as they stay as few.
    const fewest = least(counts.slice(from, x + 1));
    const start = counts.indexOf(fewest, from);
    let end = start;
    while (end < x && counts[end + 1] === fewest) end++;
    gutters.push({ x: left + (start + end) / 2, crossings: fewest });
  }
  const all = gutters.map((gutter) => gutter.x);
  if (all.length > 1 && columnsSideBySide(pieces, [left, ...all, right])) return all;
  // Two columns: the clearest gutter in the middle of the width, whatever other gaps a column holds (a play's
  // speakers set out in the margin of each column), the nearest the middle among equals.
  const mid = left + width / 2;
  const middle = gutters
    .filter((gutter) => gutter.x - left >= width * GUTTER_ZONE[0] && gutter.x - left <= width * GUTTER_ZONE[1])
    .sort((a, b) => a.crossings - b.crossings || Math.abs(a.x - mid) - Math.abs(b.x - mid))[0];
  // Other gaps make the page look like a table: then its two columns too must be set alike.
  return middle && columnsSideBySide(pieces, [left, middle.x, right], gutters.length > 1) ? [middle.x] : [];
}

/**
 * Whether the pieces between the edges (left, the gutters, right) are columns set side by side: each spanning its
 * share, each next to the one before on shared baselines, and set alike where asked (three columns or more).
 */
function columnsSideBySide(pieces: PdfTextItem[], edges: number[], setAlike = edges.length > 3): boolean {
  const columns = edges.slice(1).map((end, i) => pieces.filter((p) => p.x >= edges[i] && p.x + p.width <= end));
  const width = edges[edges.length - 1] - edges[0];
  const extents = columns.map((column, i) => most(column.map((p) => p.x + p.width)) - edges[i]);
  if (extents.some((extent) => extent < (width / columns.length) * MIN_COLUMN_SHARE)) return false;
  for (let i = 1; i < columns.length; i++) {
    const baselines = new Set(columns[i].map((p) => Math.round(p.y)));
    const shared = new Set(columns[i - 1].map((p) => Math.round(p.y)).filter((y) => baselines.has(y)));
    if (shared.size < MIN_SHARED_BASELINES) return false;
  }
  if (!setAlike) return true;
  const widest = most(extents);
  return columns.every((column, i) => {
    if (extents[i] < widest * MIN_WIDTH_OF_WIDEST) return false;
    // A line's extent from the column's start: the pieces on one baseline, first to last.
    const lineEnds = new Map<number, number>();
    for (const p of column) lineEnds.set(Math.round(p.y), Math.max(lineEnds.get(Math.round(p.y)) ?? 0, p.x + p.width));
    return median([...lineEnds.values()].map((end) => end - edges[i])) >= extents[i] * MIN_LINE_FILL;
  });
}

/**
 * The page's lines in reading order. A page without gutters is read in the order given, as a single column; with
 * them, each band between lines crossing a gutter is read column by column, left to right.
 */
export function readingOrderLines(items: PdfTextItem[]): PdfLine[] {
  const gutters = findGutters(items);
  if (gutters.length === 0) return groupLines(items);
  // Spaces the reader inserted between pieces say nothing about columns; a space across a gutter is not text.
  const pieces = items.filter(isText);
  // A line alone at the page's top or foot and set apart (a page number, a running head) stands outside the columns,
  // like a heading across them: read in the middle column, it would end up in the middle of the text.
  const lowest = least(pieces.map((p) => p.y));
  const highest = most(pieces.map((p) => p.y));
  const edgeLine = (y: number) => {
    const on = pieces.filter((p) => Math.abs(p.y - y) <= 1);
    // Set apart by more than a blank line: a column's last line alone at the foot is text.
    const nearest = least(pieces.filter((p) => Math.abs(p.y - y) > 1).map((p) => Math.abs(p.y - y)));
    return on.length === 1 && nearest > on[0].height * 2.5 ? on[0] : undefined;
  };
  const edges = new Set([edgeLine(lowest), edgeLine(highest)]);
  const crosses = (p: PdfTextItem) => edges.has(p) || gutters.some((gutter) => p.x < gutter && p.x + p.width > gutter);
  const spanning = groupLines(pieces.filter(crosses));
  const bandOf = (item: PdfTextItem) => spanning.filter((line) => line.y > item.y + 1).length;
  const columnOf = (item: PdfTextItem) => gutters.filter((gutter) => item.x >= gutter).length;
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
    for (let column = 0; column <= gutters.length; column++) {
      follow(groupLines(withSpaces(inBand.filter((p) => columnOf(p) === column))), column > 0);
    }
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
