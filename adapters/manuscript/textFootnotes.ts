/**
 * Footnotes in plain text as Project Gutenberg writes them: a block at a line's start, `[Footnote 1: The inn …]`
 * (`[Nota 1: …]`, `[Note A: …]`), closed by its matching bracket, often after the paragraph that marks it and
 * sometimes over several paragraphs. Each is taken out of the text, and its mark (`[1]`, `[A]`) with it: only the
 * marks of notes the book has, so a bracketed number with no note ("verse [12]") stays.
 */
const NOTE_START =
  /(?:^|\n)[ \t]*\[(?:footnote|foot-note|note|nota|anmerkung)\b[ \t]*([0-9]{1,3}|[A-Za-z*†‡]{1,2})?[ \t]*:/gi;
/** How far a note may run before its closing bracket: beyond, the bracket was never closed and nothing is taken. */
const MAX_NOTE_LENGTH = 20_000;

export interface TextFootnotes {
  text: string;
  notes: string[];
}

/** Where the bracket opened at `open` closes, counting brackets inside (`[Pg 12]`), or -1 within `limit`. */
function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The marks of the notes taken out: with the space before them when a space follows too ("the inn [1] stood"). */
function withoutMarks(text: string, labels: Set<string>): string {
  const mark = `\\[(?:${[...labels].map(escapeRegExp).join('|')})\\]`;
  return text.replace(new RegExp(`[ \\t]${mark}(?=[ \\t])`, 'g'), '').replace(new RegExp(mark, 'g'), '');
}

export function separateTextFootnotes(text: string): TextFootnotes {
  const notes: string[] = [];
  const labels = new Set<string>();
  let kept = '';
  let from = 0;
  // Many unclosed notes would each be read up to the limit: reading the text a few times over is the most spent.
  let budget = 4 * text.length + MAX_NOTE_LENGTH;
  for (const match of text.matchAll(NOTE_START)) {
    const lineStart = match.index + (text[match.index] === '\n' ? 1 : 0);
    if (lineStart < from) continue;
    const open = text.indexOf('[', lineStart);
    const limit = Math.min(text.length, open + MAX_NOTE_LENGTH, open + budget);
    const close = closingBracket(text, open, limit);
    budget -= (close < 0 ? limit : close) - open;
    if (budget <= 0) break;
    if (close < 0) continue;
    const body = text
      .slice(match.index + match[0].length, close)
      .trim()
      .replace(/\n[ \t]*\n\s*/g, '\n');
    if (body.length === 0) continue;
    notes.push(match[1] ? `[${match[1]}] ${body}` : body);
    if (match[1]) labels.add(match[1]);
    // The note's lines go, and the blank lines after it: the paragraphs around it stay as far apart as before.
    let end = close + 1;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (end === text.length || text[end] === '\n') while (end < text.length && /\s/.test(text[end])) end++;
    kept += text.slice(from, lineStart);
    from = end;
  }
  if (notes.length === 0) return { text, notes };
  kept += text.slice(from);
  return { text: labels.size > 0 ? withoutMarks(kept, labels) : kept, notes };
}
