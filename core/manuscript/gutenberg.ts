/**
 * Project Gutenberg files wrap the book in a license header and footer that are not book text, in many variants
 * over the years (docs/manuscripts.md). We locate the body and return its range, so offsets into the original stay
 * computable. Producer credits and transcriber's notes at the edges of the body go with the boilerplate.
 */
export interface BodyRange {
  start: number;
  end: number;
  /** True when Gutenberg markers were found. */
  stripped: boolean;
  /**
   * Words of book text after the end that were left out because another Project Gutenberg book starts there (a file
   * of several books one after another): only the first is the manuscript, and the producer is told so.
   */
  wordsOfFurtherBooks?: number;
}

const START_MARKER =
  /^[ \t]*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)[^\n]*$|^[ \t]*\*END\*\s*THE SMALL PRINT![^\n]*$/im;
/**
 * The end marker's words: "*** END OF THE PROJECT GUTENBERG EBOOK …", "End of the Project Gutenberg EBook of …",
 * "End of Project Gutenberg's …", in any case. The marker is these words at the start of a line, after up to three
 * asterisks and any spacing (endMarkerStart).
 */
const END_WORDS = /END OF (?:THE |THIS )?PROJECT GUTENBERG\b/gi;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
const SPACE = /\s/;

/** A paragraph of credits or a transcriber's note, with the blank lines before it. */
const EDGE_NOTES = [
  /^\s*(?:Produced|Prepared|Transcribed|Digitized|Scanned|Proofread|Converted)(?: (?:from|for|and|with)[^\n]*?)? by[^\n]*(?:\n[ \t]*\S[^\n]*)*/i,
  /^\s*(?:E-?text|This (?:e-?text|e-?book|file)) (?:was )?(?:prepared|produced|transcribed|created) by[^\n]*(?:\n[ \t]*\S[^\n]*)*/i,
  /^\s*\[?\s*(?:Transcriber'?s?|Transcriber’s|Editor'?s|Nota del transcriptor|Nota do transcritor|Note du transcripteur)[^\n]*(?:\n[ \t]*\S[^\n]*)*/i,
];
/** Notes longer than this are book text that happens to start alike, not a credit. */
const MAX_NOTE_CHARS = 1500;

function skipLeadingNotes(text: string, start: number, end: number): number {
  for (let changed = true; changed;) {
    changed = false;
    for (const note of EDGE_NOTES) {
      const match = note.exec(text.slice(start, end));
      if (match && match[0].length < MAX_NOTE_CHARS) {
        start += match[0].length;
        changed = true;
      }
    }
  }
  return start;
}

const BLANK = /^[ \t]*$/;

/**
 * Where the last paragraph break of `body` starts: the first newline of the last blank line's pair, or of the pair
 * before it when the two share that newline ("\n\n\n" breaks at its first newline); -1 when there is none. Found by
 * walking back over lines, once, where a regular expression looking ahead for "no later break" reads the rest of
 * the book at every break.
 */
function lastParagraphBreak(body: string): number {
  let newline = body.lastIndexOf('\n');
  let lastBreak = -1;
  while (newline > 0 && lastBreak < 0) {
    const previous = body.lastIndexOf('\n', newline - 1);
    if (previous < 0) break;
    if (BLANK.test(body.slice(previous + 1, newline))) lastBreak = previous;
    newline = previous;
  }
  if (lastBreak <= 0) return lastBreak;
  const before = body.lastIndexOf('\n', lastBreak - 1);
  return before >= 0 && BLANK.test(body.slice(before + 1, lastBreak)) ? before : lastBreak;
}

/** A transcriber's note as the last paragraph of the body. */
function trimTrailingNote(text: string, start: number, end: number): number {
  const body = text.slice(start, end).trimEnd();
  const lastBreak = lastParagraphBreak(body);
  if (lastBreak < 0) return end;
  const last = body.slice(lastBreak).trim();
  return /^\[?\s*(?:Transcriber'?s?|Transcriber’s) note/i.test(last) && last.length < MAX_NOTE_CHARS
    ? start + lastBreak
    : end;
}

/** How far past an end marker the licence, or the next marker, shows itself. */
const WRAPPING_LOOKAHEAD_CHARS = 3000;
/** Less text than this after an end marker is a closing line or two, never a book's worth. */
const SHORT_TAIL_CHARS = 2000;
const WRAPPING_WORDS = /project gutenberg|gutenberg\.org|gutenberg-tm/i;

/**
 * Whether what follows an end marker is Gutenberg's wrapping (its licence, the second marker, a closing line), so
 * cutting there removes no book text. A marker left in the middle of a collection whose other wrapping was cleaned
 * away is followed by the next book instead: cutting there would drop it without a word.
 */
function wrappingFollows(text: string, markerWords: number): boolean {
  const lineEnd = text.slice(markerWords).search(LINE_TERMINATOR);
  if (lineEnd < 0) return true;
  const tail = text.slice(markerWords + lineEnd);
  if (!hasNonSpaceChars(tail, SHORT_TAIL_CHARS)) return true;
  return WRAPPING_WORDS.test(tail.slice(0, WRAPPING_LOOKAHEAD_CHARS));
}

/** Whether `text` holds at least `count` characters other than spacing, read only as far as needed. */
function hasNonSpaceChars(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length && seen < count; i++) if (!SPACE.test(text[i])) seen++;
  return seen >= count;
}

/**
 * Where the line holding the end marker starts, or -1. The marker's words are found first and the line start looked
 * for back from them; a pattern anchored at every line start instead reads a long run of blank lines to its end
 * from each of its lines.
 */
function endMarkerStart(text: string): number {
  for (const match of text.matchAll(END_WORDS)) {
    const start = markerLineStart(text, match.index);
    if (start >= 0 && wrappingFollows(text, match.index)) return start;
  }
  return -1;
}

/** Words of the text after `end` that lie between further start and end markers: the books a cut would leave out. */
function wordsOfFurtherBooks(text: string, end: number): number {
  let words = 0;
  let rest = text.slice(end);
  for (let next = START_MARKER.exec(rest); next; next = START_MARKER.exec(rest)) {
    rest = rest.slice(next.index + next[0].length);
    const bookEnd = endMarkerStart(rest);
    const book = bookEnd >= 0 ? rest.slice(0, bookEnd) : rest;
    words += book.split(/\s+/).filter(Boolean).length;
    if (bookEnd < 0) break;
    rest = rest.slice(bookEnd + 1);
  }
  return words;
}

/**
 * The earliest line start from which only spacing, then up to three asterisks, then any spacing (line breaks
 * included) lead to `at`, or -1.
 */
function markerLineStart(text: string, at: number): number {
  let spacing = at;
  while (spacing > 0 && SPACE.test(text[spacing - 1])) spacing--;
  let stars = spacing;
  while (stars > 0 && text[stars - 1] === '*') stars--;
  if (spacing - stars >= 1 && spacing - stars <= 3) {
    let lineStart = stars;
    while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
    if (lineStart === 0 || LINE_TERMINATOR.test(text[lineStart - 1])) return lineStart;
  }
  if (spacing === 0 || LINE_TERMINATOR.test(text[spacing - 1])) return spacing;
  for (let i = spacing; i < at; i++) if (LINE_TERMINATOR.test(text[i])) return i + 1;
  return -1;
}

export function findGutenbergBody(text: string): BodyRange {
  let start = 0;
  let end = text.length;
  let stripped = false;

  const startMatch = START_MARKER.exec(text);
  if (startMatch) {
    start = startMatch.index + startMatch[0].length;
    stripped = true;
  }
  const endMarker = endMarkerStart(text.slice(start));
  if (endMarker >= 0) {
    end = start + endMarker;
    stripped = true;
  }
  if (stripped) {
    start = skipLeadingNotes(text, start, end);
    end = trimTrailingNote(text, start, end);
  }
  const range: BodyRange = { start, end: Math.max(start, end), stripped };
  const furtherWords = endMarker >= 0 ? wordsOfFurtherBooks(text, end) : 0;
  return furtherWords > 0 ? { ...range, wordsOfFurtherBooks: furtherWords } : range;
}
