import { isEndMarker, isUpperCaseTitle, looksLikeTitleLine, type HeadingMatch } from './headings';
import { namesBackMatter, noteNumber } from './endNotes';
import type { LaidOutBlock, TextLayout } from './textLayout';

/**
 * What follows the work (docs/manuscripts.md, "Back matter"): after a line that closes it ("THE END", "FIN.", "FIM")
 * the rest of the book is back matter — notes, a vocabulary, an index — and after the last chapter a heading that
 * names such a section ("NOTES", "VOCABULARY", "ÍNDICE ALFABÉTICO") starts one even without that line. The closing
 * line stays with the chapter it closes.
 */
export interface BackMatterStart {
  block: LaidOutBlock;
  title: string;
  /** End of the section's heading; the block's start when it has none. */
  headingEnd: number;
}

const MAX_UNTITLED_TITLE = 80;

function sectionAt(block: LaidOutBlock, match: HeadingMatch | null): BackMatterStart {
  const line = block.lines[0].trim();
  const isHeading =
    namesBackMatter(match, block) ||
    (block.lines.length === 1 &&
      line.length <= 60 &&
      noteNumber(line) === undefined &&
      (isUpperCaseTitle(line) || looksLikeTitleLine(line)));
  if (isHeading) return { block, title: line, headingEnd: block.start + block.lines[0].length };
  const title = line.length > MAX_UNTITLED_TITLE ? `${line.slice(0, MAX_UNTITLED_TITLE - 3)}…` : line;
  return { block, title, headingEnd: block.start };
}

/**
 * The back matter sections after block `lastBodyBlock` (the last section of the work found so far). `headingAt`
 * reads a block's first line as a heading; blocks for which `excluded` holds (a contents list) are left alone.
 * `notesStart` is the block the book's notes start at, when they were told by their numbering (endNotes.ts).
 */
export function findBackMatter(
  layout: TextLayout,
  lastBodyBlock: number,
  headingAt: (blockIndex: number) => HeadingMatch | null,
  excluded: (blockIndex: number) => boolean,
  notesStart?: number,
): BackMatterStart[] {
  const after = layout.blocks.filter((block) => block.index > lastBodyBlock && !excluded(block.index));
  const closes = (block: LaidOutBlock) => block.lines.length === 1 && isEndMarker(block.lines[0]);
  const marker = after.find(closes);
  const starts: BackMatterStart[] = [];
  // Closing lines in a row close the work together: "(Telón.)" then "FIN".
  const first = marker
    ? after.find((block) => block.index > marker.index && block.words > 0 && !closes(block))
    : undefined;
  const notes = notesStart === undefined ? undefined : layout.blocks[notesStart];
  const opening = first && notes ? (first.index < notes.index ? first : notes) : (first ?? notes);
  if (opening) starts.push(sectionAt(opening, headingAt(opening.index)));
  for (const block of after) {
    if (starts.some((start) => start.block.index >= block.index)) continue;
    if (namesBackMatter(headingAt(block.index), block)) starts.push(sectionAt(block, headingAt(block.index)));
  }
  return starts;
}
