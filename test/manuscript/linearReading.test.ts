import { paragraphBlocks } from '../../adapters/manuscript/textBlocks';
import { findGutenbergBody } from '../../core/manuscript/gutenberg';

/**
 * The parse path reads text line by line where it once used patterns that backtrack (textBlocks.ts, gutenberg.ts).
 * On many small texts built from the characters that matter (line breaks, spaces, tabs, asterisks, marker words)
 * it finds exactly what those patterns found, written here as the reference.
 */
const REFERENCE_PARAGRAPH = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
const REFERENCE_END_MARKER =
  /^[ \t]*\*{0,3}\s*END OF (?:THE |THIS )?PROJECT GUTENBERG\b[^\n]*$|^[ \t]*End of (?:the |this )?Project Gutenberg(?:'s|’s)?\b[^\n]*$/im;
const REFERENCE_LAST_BREAK = /\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/;

/** A small deterministic generator, so a failure names a text that can be replayed. */
function texts(pieces: string[], count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 14) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
  );
}

describe('reading text without backtracking patterns', () => {
  it('paragraph blocks are the runs of lines holding a non-space, as the pattern found them', () => {
    for (const text of texts(['\n', '\n', ' ', '\t', 'a', 'b', '\u00a0', '\r', '\u2028'], 20_000, 7)) {
      const expected = [...text.matchAll(REFERENCE_PARAGRAPH)].map((match) => ({
        kind: 'paragraph',
        startOffset: match.index + match[0].length - match[0].trimStart().length,
        endOffset: match.index + match[0].trimEnd().length,
      }));
      expect({ text, blocks: paragraphBlocks(text) }).toEqual({ text, blocks: expected });
    }
  });

  it('the Gutenberg body ends where the end-marker pattern matched', () => {
    const pieces = [
      '\n',
      '\n\n',
      ' ',
      '\t',
      '*',
      'x',
      '\u2028',
      'END OF THE PROJECT GUTENBERG EBOOK',
      '[Transcriber’s note: x]',
    ];
    for (const text of texts(
      [...pieces, 'End of Project Gutenberg’s X', 'end of this project gutenberg'],
      20_000,
      11,
    )) {
      const marker = REFERENCE_END_MARKER.exec(text);
      const body = findGutenbergBody(text);
      expect({ text, stripped: body.stripped }).toEqual({ text, stripped: marker !== null });
      // The start (after credits and notes leading the body) is found as before; the end is what is compared.
      if (marker) {
        expect({ text, end: body.end }).toEqual({ text, end: expectedEnd(text, body.start, marker.index) });
      }
    }
  });
});

/** Where the body ends before the marker: before a transcriber's note standing last, as the old pattern found it. */
function expectedEnd(text: string, start: number, marker: number): number {
  const body = text.slice(start, marker).trimEnd();
  const lastBreak = body.search(REFERENCE_LAST_BREAK);
  if (lastBreak < 0) return Math.max(start, marker);
  const last = body.slice(lastBreak).trim();
  const end =
    /^\[?\s*(?:Transcriber'?s?|Transcriber’s) note/i.test(last) && last.length < 1500 ? start + lastBreak : marker;
  return Math.max(start, end);
}
