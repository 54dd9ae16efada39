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
}

const START_MARKER =
  /^[ \t]*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)[^\n]*$|^[ \t]*\*END\*\s*THE SMALL PRINT![^\n]*$/im;
const END_MARKER =
  /^[ \t]*\*{0,3}\s*END OF (?:THE |THIS )?PROJECT GUTENBERG\b[^\n]*$|^[ \t]*End of (?:the |this )?Project Gutenberg(?:'s|’s)?\b[^\n]*$/im;
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

/** A transcriber's note as the last paragraph of the body. */
function trimTrailingNote(text: string, start: number, end: number): number {
  const body = text.slice(start, end).trimEnd();
  const lastBreak = body.search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/);
  if (lastBreak < 0) return end;
  const last = body.slice(lastBreak).trim();
  return /^\[?\s*(?:Transcriber'?s?|Transcriber’s) note/i.test(last) && last.length < MAX_NOTE_CHARS
    ? start + lastBreak
    : end;
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
  const endMatch = END_MARKER.exec(text.slice(start));
  if (endMatch) {
    end = start + endMatch.index;
    stripped = true;
  }
  if (stripped) {
    start = skipLeadingNotes(text, start, end);
    end = trimTrailingNote(text, start, end);
  }
  return { start, end: Math.max(start, end), stripped };
}
