/**
 * Verse keeps its line ends as pauses. A speech engine reads a line break as a space, so a line of verse without
 * punctuation at its end ("The seed goes in the darkness" ⏎ "And the farmer goes in blind.") would run into the
 * next; a comma makes the short pause a reader leaves there.
 */

/** Longest line of verse we recognise; books wrapped for reading are wrapped wider than this. */
const MAX_VERSE_LINE = 48;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/**
 * Three lines at least: a piece of wrapped prose cut out of its paragraph (a sentence, a dialogue turn) can be two
 * short lines, the end of one line and the start of the next, but three always hold a whole line of the wrap.
 */
const MIN_VERSE_LINES = 3;

/**
 * A paragraph is verse when all its lines are short and no line was broken by wrapping: each line and the next
 * line's first word together would still fit in a verse line's width, so no wrapper wide enough for prose broke it
 * there. Prose wrapped narrower than that is read as verse too; its extra pauses are short.
 */
function isVerse(lines: string[]): boolean {
  if (lines.length < MIN_VERSE_LINES || lines.some((line) => line.length === 0 || line.length > MAX_VERSE_LINE))
    return false;
  return lines.slice(0, -1).every((line, i) => {
    const nextWord = lines[i + 1].split(/\s/)[0];
    return line.length + 1 + nextWord.length <= MAX_VERSE_LINE;
  });
}

const INDENTED = /^(?: {2,}|\t)\S/;

/**
 * Lines set in from the margin, two or more in a row, are verse quoted in prose: a couplet, a rhyme a character
 * sings. Wrapping never indents a line, so two lines are evidence enough. A paragraph's own first line has lost its
 * indent (paragraphs are trimmed), so it counts when the line under it is indented.
 */
function indentedVerseLines(lines: string[]): boolean[] {
  const short = (line: string) => line.trim().length > 0 && line.trim().length <= MAX_VERSE_LINE;
  const set = lines.map(
    (line, i) => short(line) && (INDENTED.test(line) || (i === 0 && INDENTED.test(lines[1] ?? ''))),
  );
  return set.map((inSet, i) => inSet && (set[i - 1] === true || set[i + 1] === true));
}

function withLinePauses(paragraph: string): string {
  const lines = paragraph.split('\n');
  const last = lines.length - 1;
  const pause = (line: string, i: number) =>
    i < last && ENDS_IN_WORD.test(line.trimEnd()) ? `${line.trimEnd()},` : line;
  if (isVerse(lines.map((line) => line.trim()))) return lines.map(pause).join('\n');
  // Most prose has no indented line at all; it is left as it is without looking at each line.
  if (!/\n(?: {2}|\t)/.test(paragraph)) return paragraph;
  const indented = indentedVerseLines(lines);
  if (!indented.includes(true)) return paragraph;
  return lines.map((line, i) => (indented[i] ? pause(line.trimStart(), i) : line)).join('\n');
}

export function pauseAtVerseLineEnds(text: string): string {
  if (!text.includes('\n')) return text;
  // The blank lines between paragraphs are kept as they are (the odd pieces of the split).
  return text
    .split(/(\n[ \t]*\n)/)
    .map((piece, i) => (i % 2 === 1 ? piece : withLinePauses(piece)))
    .join('');
}
