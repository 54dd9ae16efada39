/**
 * Plain-text books (Project Gutenberg's among them) mark italics with underscores: "_that_", "_El Sombrero de tres
 * picos_", "_deficit._". An underscore that opens a word or closes one is markup, never read; one inside a word
 * ("snake_case") is kept. The spoken form drops the markup (normalize.cleanup.ts); the studio shows it as italics
 * (web), so both read the same underscores as markup.
 */
export const ITALICS_OPENING = /(?<![\p{L}\p{N}_])_+(?=["'(¿¡]{0,3}[\p{L}\p{N}])/gu;
export const ITALICS_CLOSING = /(?<=[\p{L}\p{N}.,;:!?'")\]])_+(?![\p{L}\p{N}_])/gu;

/** A piece of a line's text as it is shown: the typed text without its italics underscores, `start` its offset. */
export interface TextRun {
  text: string;
  italic: boolean;
  start: number;
}

interface Mark {
  at: number;
  length: number;
  opens: boolean;
  closes: boolean;
}

function marksIn(text: string): Mark[] {
  const marks = new Map<number, Mark>();
  const note = (match: RegExpMatchArray, side: 'opens' | 'closes') => {
    const at = match.index ?? 0;
    const mark = marks.get(at) ?? { at, length: match[0].length, opens: false, closes: false };
    mark[side] = true;
    marks.set(at, mark);
  };
  for (const match of text.matchAll(ITALICS_OPENING)) note(match, 'opens');
  for (const match of text.matchAll(ITALICS_CLOSING)) note(match, 'closes');
  return [...marks.values()].sort((a, b) => a.at - b.at);
}

/**
 * The line's text in runs of roman and italic type, every markup underscore left out. A line is often a piece of a
 * paragraph, so italics may have opened in the line before or close in the next one: a closing underscore with none
 * before it sets the line's start in italics, an opening one never closed sets the rest of the line.
 */
export function italicRuns(text: string): TextRun[] {
  if (!text.includes('_')) return text === '' ? [] : [{ text, italic: false, start: 0 }];
  const runs: TextRun[] = [];
  const push = (start: number, end: number, italic: boolean) => {
    if (end > start) runs.push({ text: text.slice(start, end), italic, start });
  };
  const marks = marksIn(text);
  let italic = false;
  let from = 0;
  marks.forEach((mark, index) => {
    if (italic ? mark.closes : mark.opens) {
      push(from, mark.at, italic);
      italic = !italic;
    } else {
      // A closing underscore first in the line ends italics opened before it; any other stray one is only hidden.
      push(from, mark.at, index === 0 && mark.closes);
    }
    from = mark.at + mark.length;
  });
  push(from, text.length, italic);
  return runs;
}
