import { classifyHeadingLine } from '../manuscript/headings';
import { dialoguePieces } from './segmentation.dialogue';
import { sentenceCuts } from './segmentation.sentences';

export type SegmentKind = 'narration' | 'dialogue' | 'heading';
export type SegmentBoundary = 'chapter_head' | 'paragraph' | 'sentence' | 'dialogue_turn' | 'scene_break';

export interface Segment {
  index: number;
  kind: SegmentKind;
  /** Half-open range into the chapter text; segments tile the text exactly. */
  startOffset: number;
  endOffset: number;
  text: string;
  /** What separates this segment from the one before (drives the pause policy). */
  boundaryBefore: SegmentBoundary;
}

export interface SegmentationOptions {
  /** The chapter's heading as written; when the text starts with it, it becomes a heading segment. */
  headingText?: string;
  /** Pieces longer than this are split at sentence boundaries. */
  maxSegmentChars?: number;
}

export const DEFAULT_MAX_SEGMENT_CHARS = 1500;

interface Cut {
  at: number;
  kind: SegmentKind;
  boundary: SegmentBoundary;
}

interface Paragraph {
  start: number;
  end: number;
}

/** Runs of lines with visible text; any of CRLF, CR, LF ends a line. */
function paragraphs(text: string): Paragraph[] {
  const result: Paragraph[] = [];
  const pattern = /[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*/gu;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const leading = match[0].length - match[0].trimStart().length;
    const trailing = match[0].length - match[0].trimEnd().length;
    result.push({ start: match.index + leading, end: match.index + match[0].length - trailing });
  }
  return result;
}

const SCENE_BREAK = /^[*#~•·⁂=_\-–—\s]{1,40}$/u;

function isSceneBreak(content: string): boolean {
  return SCENE_BREAK.test(content) && /[*#~•·⁂=_]|[-–—]{3,}/u.test(content);
}

function isHeadingParagraph(content: string): boolean {
  return !/[\r\n]/.test(content) && classifyHeadingLine(content) !== null;
}

/**
 * Splits a chapter into speakable segments at paragraph and dialogue-turn boundaries, separating dialogue from its
 * attribution, and long paragraphs at sentence boundaries. Concatenating the segments' texts gives back `text`
 * exactly: whitespace between segments belongs to the segment before it, leading whitespace to the first.
 */
export function segmentChapter(text: string, options: SegmentationOptions = {}): Segment[] {
  if (text.length === 0) return [];
  const maxChars = options.maxSegmentChars ?? DEFAULT_MAX_SEGMENT_CHARS;
  const cuts: Cut[] = [];
  let pendingBoundary: SegmentBoundary = 'chapter_head';
  let inHeading = true;
  const heading = options.headingText?.trim() ?? '';
  let consumedUntil = 0;

  for (const paragraph of paragraphs(text)) {
    if (paragraph.end <= consumedUntil) continue;
    let start = Math.max(paragraph.start, consumedUntil);
    while (start < paragraph.end && /\s/u.test(text[start])) start++;
    const content = () => text.slice(start, paragraph.end);

    if (inHeading && heading.length > 0 && text.startsWith(heading, start)) {
      cuts.push({ at: start, kind: 'heading', boundary: 'chapter_head' });
      pendingBoundary = 'paragraph';
      const afterHeading = start + heading.length;
      consumedUntil = afterHeading;
      const rest = text.slice(afterHeading, paragraph.end);
      if (rest.trim().length === 0) {
        inHeading = false;
        continue;
      }
      start = afterHeading + (rest.length - rest.trimStart().length);
    } else if (inHeading && isHeadingParagraph(content()) && heading.length === 0) {
      cuts.push({ at: start, kind: 'heading', boundary: 'chapter_head' });
      pendingBoundary = 'paragraph';
      continue;
    } else if (
      inHeading &&
      heading.length > 0 &&
      isHeadingParagraph(content()) &&
      text.indexOf(heading, start) > start
    ) {
      // A part title merged ahead of the chapter heading is spoken as a heading too.
      cuts.push({ at: start, kind: 'heading', boundary: 'chapter_head' });
      pendingBoundary = 'paragraph';
      continue;
    }
    inHeading = false;

    if (isSceneBreak(content())) {
      if (cuts.length > 0) pendingBoundary = 'scene_break';
      continue;
    }

    const pieces = dialoguePieces(content());
    pieces.forEach((piece, p) => {
      const pieceStart = start + piece.start;
      const pieceEnd = p + 1 < pieces.length ? start + pieces[p + 1].start : paragraph.end;
      cuts.push({ at: pieceStart, kind: piece.kind, boundary: p === 0 ? pendingBoundary : 'dialogue_turn' });
      for (const cut of sentenceCuts(text.slice(pieceStart, pieceEnd), maxChars)) {
        cuts.push({ at: pieceStart + cut, kind: piece.kind, boundary: 'sentence' });
      }
    });
    pendingBoundary = 'paragraph';
  }

  if (cuts.length === 0) cuts.push({ at: 0, kind: 'narration', boundary: 'chapter_head' });
  cuts[0] = { ...cuts[0], at: 0 };
  return cuts.map((cut, index) => {
    const endOffset = index + 1 < cuts.length ? cuts[index + 1].at : text.length;
    return {
      index,
      kind: cut.kind,
      startOffset: cut.at,
      endOffset,
      text: text.slice(cut.at, endOffset),
      boundaryBefore: cut.boundary,
    };
  });
}
