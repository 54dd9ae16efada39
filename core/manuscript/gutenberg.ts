/**
 * Project Gutenberg files wrap the book in a license header and footer that are not book text.
 * We locate the body and return its range, so offsets into the original stay computable.
 */
export interface BodyRange {
  start: number;
  end: number;
  /** True when Gutenberg markers were found. */
  stripped: boolean;
}

const START_MARKER = /^[ \t]*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$/im;
const END_MARKER = /^[ \t]*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$/im;
const OLD_END_LINE = /^[ \t]*End of (?:the )?Project Gutenberg(?:'s)? (?:E-?Book|E-?text|Etext)[^\n]*$/im;
const OLD_START_LINE = /^[ \t]*\*END\*\s*THE SMALL PRINT![^\n]*$/im;
/** A credit paragraph right after the start marker ("Produced by …") belongs to the boilerplate. */
const PRODUCER_CREDIT = /^(?:\s*\n)*[ \t]*(?:Produced|Prepared|Transcribed) by[^\n]*(?:\n[ \t]*\S[^\n]*)*/i;

export function findGutenbergBody(text: string): BodyRange {
  let start = 0;
  let end = text.length;
  let stripped = false;

  const startMatch = START_MARKER.exec(text) ?? OLD_START_LINE.exec(text);
  if (startMatch) {
    start = startMatch.index + startMatch[0].length;
    const credit = PRODUCER_CREDIT.exec(text.slice(start));
    if (credit && credit[0].length < 1000) start += credit[0].length;
    stripped = true;
  }

  const rest = text.slice(start);
  const endMatch = END_MARKER.exec(rest);
  const oldEnd = OLD_END_LINE.exec(rest);
  const endCandidates = [endMatch?.index, oldEnd?.index].filter((i): i is number => i !== undefined);
  if (endCandidates.length > 0) {
    end = start + Math.min(...endCandidates);
    stripped = true;
  }
  return { start, end: Math.max(start, end), stripped };
}
