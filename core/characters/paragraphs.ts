/**
 * The paragraph around a place in a chapter, for readers that ask it at every tag or mention. The chapter's paragraph
 * breaks are found once and searched by halves: scanning them from the chapter's start at each question made those
 * readers quadratic in a chapter's length (a megabyte of dialogue took 18 s to cast).
 */

interface Breaks {
  text: string;
  source: string;
  /** Where each break starts and where it ends, in the chapter's order (both ascending). */
  starts: number[];
  ends: number[];
}

/**
 * The breaks of the chapter last asked about, per pattern: readers ask about one chapter many times, then the next,
 * and readers of different patterns may take turns on one chapter.
 */
const lastBreaks = new Map<string, Breaks>();

function breaksOf(text: string, pattern: RegExp): Breaks {
  const last = lastBreaks.get(pattern.source);
  if (last?.text === text) return last;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(new RegExp(pattern.source, 'gu'))) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  const breaks = { text, source: pattern.source, starts, ends };
  lastBreaks.set(pattern.source, breaks);
  return breaks;
}

/** How many of the ascending `values` are below `limit` (or at most `limit`, when `inclusive`). */
function countBelow(values: readonly number[], limit: number, inclusive: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < limit || (inclusive && values[middle] === limit)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * From the end of the last break that ends at or before `before`, to the start of the first break after it that
 * starts at or after `after` (the text's ends where there is none): the paragraph holding [before, after).
 */
export function paragraphBetween(text: string, before: number, after: number, pattern: RegExp): [number, number] {
  const { starts, ends } = breaksOf(text, pattern);
  const endedBefore = countBelow(ends, before, true);
  const from = endedBefore > 0 ? ends[endedBefore - 1] : 0;
  const next = Math.max(endedBefore, countBelow(starts, after, false));
  return [from, next < starts.length ? starts[next] : text.length];
}

/** The index of the first of the ascending `values` above `limit`, or undefined when none is. */
export function firstAbove(values: readonly number[], limit: number): number | undefined {
  const index = countBelow(values, limit, true);
  return index < values.length ? index : undefined;
}
