/**
 * Line breaks a paragraph keeps: a list printed one item per line (a cast, a contents list, an address, a letter's
 * closing, verse) is read item by item, while prose a file hard-wrapped at a fixed width is read as one run.
 */

/**
 * How the chapter lays out its prose: `wrapped` at `width` columns, `unwrapped` (one line per paragraph, so every
 * line break inside a paragraph is deliberate), or `unknown` (too few lines to measure a width on).
 */
export type LineLayout = { kind: 'wrapped'; width: number } | { kind: 'unwrapped' } | { kind: 'unknown' };

const LINE_BREAK = /\r\n|\r|\n/u;
/** A capital, a digit, or a list mark (`- `, `* `, `• `, `1.`, `2)`, `(a)`); a dialogue dash is no list mark. */
const ITEM_START = /^(?:\p{Lu}|\p{N}|[-*•·▪◦][ \t]|\(?[a-z][.)][ \t])/u;
/** A line ending in a hyphen is a word cut in two by the wrap, whatever comes after. */
const JOINING_END = /[-‐]$/u;
/** The next word would have fit on the line with this much of the width to spare: the line was ended on purpose. */
const SPARE_SHARE = 0.15;
/** Lines longer than the wrap width by this much are paragraphs printed on one line each: the file does not wrap. */
const OVERLONG_SHARE = 1.25;
/** Share of overlong lines above which the file is taken as one line per paragraph. */
const UNWRAPPED_SHARE = 0.1;

/** Fewer lines than this that another line follows give no width to trust. */
const MIN_MEASURED_LINES = 8;

/**
 * The wrap width of the chapter's prose, measured on the lines that another line follows in their paragraph (the
 * 90th percentile of their lengths), lists left out. When more than a tenth of all lines run markedly past it, the
 * chapter prints each paragraph on one line: its line breaks are all deliberate.
 */
export function measureLineLayout(text: string): LineLayout {
  const lines = text.split(LINE_BREAK).map((line) => line.trimEnd());
  const followed = text
    .split(/(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/u)
    .map((block) => block.replace(/^\s*(?:\r\n|\r|\n)/u, '').trimEnd())
    .filter((block) => !opensLikeAList(block))
    .flatMap((block) => block.split(LINE_BREAK).slice(0, -1))
    .map((line) => line.trimEnd().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
  if (followed.length === 0) return { kind: 'unknown' };
  const width = followed[Math.floor((followed.length - 1) * 0.9)];
  const filled = lines.filter((line) => line.trim().length > 0);
  const overlong = filled.filter((line) => line.length > width * OVERLONG_SHARE).length;
  if (overlong > filled.length * UNWRAPPED_SHARE) return { kind: 'unwrapped' };
  return followed.length >= MIN_MEASURED_LINES ? { kind: 'wrapped', width } : { kind: 'unknown' };
}

/** Where each line after the first starts, and whether it stands on its own by itself (see ownLineStarts). */
interface LineBreak {
  at: number;
  itemLike: boolean;
  /** The line before's length with a space and the next line's first word after it. */
  filled: number;
}

function lineBreaks(paragraph: string): LineBreak[] {
  const result: LineBreak[] = [];
  const breaks = /\r\n|\r|\n/gu;
  let lineStart = 0;
  for (let match = breaks.exec(paragraph); match !== null; match = breaks.exec(paragraph)) {
    const line = paragraph.slice(lineStart, match.index).trimEnd();
    lineStart = match.index + match[0].length;
    const indent = /^[ \t]*/u.exec(paragraph.slice(lineStart, lineStart + 200))?.[0].length ?? 0;
    const opening = paragraph.slice(lineStart + indent, lineStart + indent + 200);
    const nextWord = /^\S+/u.exec(opening)?.[0].length ?? 0;
    result.push({
      at: lineStart + indent,
      itemLike: !JOINING_END.test(line) && ITEM_START.test(opening),
      filled: line.length + 1 + nextWord,
    });
  }
  return result;
}

/** Fewer lines than this, each opening like an item, may still be prose that happens to break before capitals. */
const MIN_LIST_LINES = 3;

/** Three lines or more, each opening with a capital, a digit or a list mark, none ending in a hyphen. */
function opensLikeAList(paragraph: string): boolean {
  const lines = paragraph.split(LINE_BREAK);
  return (
    lines.length >= MIN_LIST_LINES &&
    lines.every(
      (line, i) => ITEM_START.test(line.trimStart()) && (i === lines.length - 1 || !JOINING_END.test(line.trimEnd())),
    )
  );
}

/**
 * Where the lines of `paragraph` that stand on their own start (offsets into it, never 0). Only a line opening with a
 * capital, a digit or a list mark after a line that ends without a hyphen may. In a chapter of one line per paragraph
 * every such line does. Otherwise a paragraph of three lines or more that all open so is a list, unless most of its
 * lines fill the wrap width (prose whose lines happen to start with capitals); and in wrapped prose, such a line
 * stands on its own when the line before is markedly shorter than the width: the next word would have fit, with room
 * to spare.
 */
export function ownLineStarts(paragraph: string, layout: LineLayout): number[] {
  const breaks = lineBreaks(paragraph);
  const items = breaks.filter((b) => b.itemLike);
  if (layout.kind === 'unwrapped') return items.map((b) => b.at);
  const limit = layout.kind === 'wrapped' ? layout.width * (1 - SPARE_SHARE) : Infinity;
  const shortBreaks = breaks.filter((b) => b.filled <= limit).length;
  if (opensLikeAList(paragraph) && shortBreaks * 2 >= breaks.length) return items.map((b) => b.at);
  return layout.kind === 'wrapped' ? items.filter((b) => b.filled <= limit).map((b) => b.at) : [];
}
