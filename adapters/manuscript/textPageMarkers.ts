/**
 * Page numbers of a print edition kept in an e-text's plain text: `[Pg 12]`, `[p. 12]`, `[Page 12]`, `{12}`, `[12]`,
 * on a line of their own or inside a sentence. A kind of marker is the print's pages when it recurs through the book
 * with rising numbers (three or more, four in five rising); a bare `[12]` must also stand on a line of its own at
 * least once, and is never taken in a book whose paragraphs open with `[1]` (the marks of notes gathered at its
 * end). A lone `[12]` or `{1850}` is a reference, a year or a verse, and stays, as does a number out of step with the
 * pages before it.
 */
interface MarkerKind {
  pattern: RegExp;
  /** A bare number in brackets is also how notes are marked: the print's pages only when set apart at least once. */
  bare: boolean;
}

const KINDS: MarkerKind[] = [
  { pattern: /\[(?:pg|page|pag|pág|p)\.?[ \t]*(\d{1,4}|[ivxlc]{1,7})\]/gi, bare: false },
  { pattern: /\{(\d{1,4})\}/g, bare: false },
  { pattern: /\[(\d{1,4})\]/g, bare: true },
];
const MIN_MARKERS = 3;
const RISING_SHARE = 0.8;
/** The most pages one marker may be ahead of the last (plates and blank pages go unmarked). */
const MAX_PAGE_STEP = 50;
const NOTE_LABELS = /(?:^|\n)[ \t]*\[\d{1,3}\][ \t]+\S/g;

interface Marker {
  start: number;
  end: number;
}

const isLineBreak = (char: string | undefined) => char === '\n' || char === undefined;
const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\r';

/** The marker's span widened to its whole line when it stands alone there, else undefined. */
function ownLine(text: string, marker: Marker): Marker | undefined {
  let start = marker.start;
  while (start > 0 && isSpace(text[start - 1])) start--;
  let end = marker.end;
  while (end < text.length && isSpace(text[end])) end++;
  return (start === 0 || text[start - 1] === '\n') && isLineBreak(text[end]) ? { start, end } : undefined;
}

function markersOf(text: string, kind: MarkerKind): Marker[] {
  const found = [...text.matchAll(kind.pattern)];
  if (found.length < MIN_MARKERS) return [];
  const numbers = found.map((match) => Number(match[1])).filter((value) => !Number.isNaN(value));
  let rising = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] > numbers[i - 1]) rising++;
  if (numbers.length < MIN_MARKERS || rising < RISING_SHARE * (numbers.length - 1)) return [];
  // Within a kind that counts pages, a number out of step with the pages before it is the book's own ("verse [7]").
  const markers: Marker[] = [];
  let page: number | undefined;
  for (const match of found) {
    const value = Number(match[1]);
    if (!Number.isNaN(value) && page !== undefined && (value <= page || value - page > MAX_PAGE_STEP)) continue;
    if (!Number.isNaN(value)) page = value;
    markers.push({ start: match.index, end: match.index + match[0].length });
  }
  if (kind.bare) {
    if ((text.match(NOTE_LABELS)?.length ?? 0) >= 2) return [];
    if (!markers.some((marker) => ownLine(text, marker))) return [];
  }
  return markers;
}

/** Where the text before `end` stops, and how many line breaks the whitespace before it holds. */
function textBefore(text: string, end: number): { stop: number; breaks: number } {
  let stop = end;
  let breaks = 0;
  while (stop > 0 && /\s/.test(text[stop - 1])) if (text[--stop] === '\n') breaks++;
  return { stop, breaks };
}

function textAfter(text: string, start: number): { resume: number; breaks: number } {
  let resume = start;
  let breaks = 0;
  while (resume < text.length && /\s/.test(text[resume])) if (text[resume++] === '\n') breaks++;
  return { resume, breaks };
}

/** A sentence broken off by the page: no closing punctuation before, a lower-case letter after. */
const ENDS_SENTENCE = /[.!?:;"”’»)\]—–-]$/;
const HYPHENATED = /\p{L}-$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** The longest piece of a word looked at on either side of a hyphen a marker stands after. */
const MAX_WORD = 64;
const isLetter = (char: string | undefined) => char !== undefined && /[\p{L}\p{M}]/u.test(char);

/** The words of the book as written: single words, and compounds with their hyphens, in lower case. */
interface Vocabulary {
  words: Set<string>;
  compounds: Set<string>;
}

function vocabularyOf(text: string): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const [token] of text.matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu))
    (token.includes('-') ? compounds : words).add(token.toLowerCase());
  return { words, compounds };
}

/**
 * Whether a word the page broke after its hyphen (`won-[Pg 13]derful`) is one word again without the hyphen. The
 * book decides first: the compound written with its hyphen elsewhere (`well-known`) keeps it, the word written whole
 * elsewhere (`wonderful`) loses it. Else a hyphen ending a line was the printer's, set where the line broke; one
 * inside a line was the author's.
 */
function dropsHyphen(head: string, tail: string, endsLine: boolean, vocabulary: Vocabulary): boolean {
  const [first, second] = [head.toLowerCase(), tail.toLowerCase()];
  if (vocabulary.compounds.has(`${first}-${second}`)) return false;
  if (vocabulary.words.has(first + second)) return true;
  return endsLine;
}

const wordBefore = (text: string, end: number) => {
  let start = end;
  while (start > 0 && end - start < MAX_WORD && isLetter(text[start - 1])) start--;
  return text.slice(start, end);
};
const wordAfter = (text: string, start: number) => {
  let end = start;
  while (end < text.length && end - start < MAX_WORD && isLetter(text[end])) end++;
  return text.slice(start, end);
};

/** Spaces and at most one line break from `index` in `step`'s direction: where they end, and whether a break was in. */
function skipBlank(text: string, index: number, step: 1 | -1): { at: number; breaks: number } {
  let at = index;
  let breaks = 0;
  const next = () => text[step === 1 ? at : at - 1];
  while (isSpace(next()) || (next() === '\n' && breaks === 0)) {
    if (next() === '\n') breaks++;
    at += step;
  }
  return { at, breaks };
}

/**
 * A marker inside a line standing in a hyphenated word: right after a letter and its hyphen, right before a word in
 * lower case, with nothing between them but a line break (`won-[Pg 13]derful`, `light-[Pg 16]` ⏎ `house`).
 */
function hyphenSplit(text: string, marker: Marker, from: number) {
  const before = skipBlank(text, marker.start, -1);
  const after = skipBlank(text, marker.end, 1);
  const hyphen = before.at - 1;
  if (hyphen - 1 < from || text[hyphen] !== '-' || !isLetter(text[hyphen - 1])) return undefined;
  if (!STARTS_LOWER.test(text.charAt(after.at))) return undefined;
  // Spaces alone around it are a dash or a list ("well-[Pg 3] and"), not a word cut in two.
  if (before.at !== marker.start && before.breaks === 0) return undefined;
  if (after.at !== marker.end && after.breaks === 0) return undefined;
  return { hyphen, resume: after.at, endsLine: before.breaks + after.breaks > 0 };
}

/**
 * The text without its page markers. Built from slices of the text read once (the text kept is never cut again),
 * so a book of many markers costs no more than one of few.
 */
export function removePageMarkers(text: string): string {
  const markers = KINDS.flatMap((kind) => markersOf(text, kind)).sort((a, b) => a.start - b.start);
  if (markers.length === 0) return text;
  const kept: string[] = [];
  let from = 0;
  let vocabulary: Vocabulary | undefined;
  const book = () => (vocabulary ??= vocabularyOf(text));
  for (const marker of markers) {
    if (marker.start < from) continue;
    const line = ownLine(text, marker);
    const split = line ? undefined : hyphenSplit(text, marker, from);
    if (split) {
      const head = wordBefore(text, split.hyphen);
      const joined = dropsHyphen(head, wordAfter(text, split.resume), split.endsLine, book());
      kept.push(text.slice(from, joined ? split.hyphen : split.hyphen + 1));
      from = split.resume;
      continue;
    }
    if (!line) {
      // Inside a line: the marker goes, and one of the spaces around it when there are two.
      kept.push(text.slice(from, marker.start));
      from = marker.end;
      if (isSpace(text[marker.start - 1]) && isSpace(text[from])) from++;
      continue;
    }
    const before = textBefore(text, line.start);
    const after = textAfter(text, line.end);
    // Words before the marker can be joined to those after it only while they are not yet kept.
    const joinable = before.stop > 0 && before.stop >= from;
    const last = text.slice(Math.max(0, before.stop - 2), before.stop);
    const next = text.slice(after.resume, after.resume + 1);
    if (joinable && HYPHENATED.test(last) && STARTS_LOWER.test(next)) {
      // A word hyphenated over the page is one word again, as over a page of paged text, unless the book writes it so.
      const head = wordBefore(text, before.stop - 1);
      const joined = dropsHyphen(head, wordAfter(text, after.resume), true, book());
      kept.push(text.slice(from, joined ? before.stop - 1 : before.stop));
      from = after.resume;
    } else if (
      joinable &&
      (before.breaks >= 2 || after.breaks >= 2) &&
      !ENDS_SENTENCE.test(last) &&
      STARTS_LOWER.test(next)
    ) {
      // A paragraph the page's number split in two is one paragraph again.
      kept.push(text.slice(from, before.stop), ' ');
      from = after.resume;
    } else if (before.breaks >= 2 || before.stop === 0) {
      // Set apart by a blank line before it: the blank lines after it go with it.
      kept.push(text.slice(from, line.start));
      from = after.resume;
    } else {
      // Between two lines of a paragraph: its own line goes.
      kept.push(text.slice(from, line.start));
      from = Math.min(text.length, line.end + 1);
    }
  }
  kept.push(text.slice(from));
  return kept.join('');
}
