import { isScript, isStageDirection, scriptLabel } from '../characters/scriptLabels';
import { heuristicLanguage } from '../characters/vocabulary';
import { classifyHeadingLine } from '../manuscript/headings';
import {
  dashLineBreaks,
  detectConventions,
  dialoguePieces,
  type DialogueConventions,
  type Piece,
} from './segmentation.dialogue';
import { undashedLinesBetweenDashLines } from './segmentation.undashed';
import { measureLineLayout, ownLineStarts } from './segmentation.lines';
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
  /**
   * How many characters at the start of `text` are shown but never spoken: a script's speaker label (`HAMLET. `).
   * Absent when the whole text is spoken, as in every chapter of prose.
   */
  unspokenChars?: number;
}

export interface SegmentationOptions {
  /** The chapter's heading as written; when the text starts with it, it becomes a heading segment. */
  headingText?: string;
  /** Pieces longer than this are split at sentence boundaries. */
  maxSegmentChars?: number;
  /**
   * The book's language (BCP-47 or bare: `en`, `es-MX`, `pt-BR`): speech tags are read with its verbs only. Without
   * it, the verbs of every language the engine knows apply at once.
   */
  language?: string;
}

export const DEFAULT_MAX_SEGMENT_CHARS = 1500;

interface Cut {
  at: number;
  kind: SegmentKind;
  boundary: SegmentBoundary;
  /** Where the text this cut opens stops being unspoken (a speaker label's end); absent when it is all spoken. */
  unspokenEnd?: number;
}

/** A piece of a paragraph; `unspoken` marks one that is shown but never said (a script's speaker label). */
type ScriptPiece = Piece & { unspoken?: true };

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

/** A block of lines cut where a line opens a new dialogue turn with a dash (books without blank lines between). */
function splitAtDashLines(text: string, block: Paragraph, conventions: DialogueConventions): Paragraph[] {
  const starts = dashLineBreaks(text.slice(block.start, block.end), conventions).map((at) => block.start + at);
  const bounds = [block.start, ...starts, block.end];
  return bounds.slice(0, -1).map((start, i) => {
    let end = bounds[i + 1];
    while (end > start && /\s/u.test(text[end - 1])) end--;
    return { start, end };
  });
}

const SCENE_BREAK = /^[*#~•·⁂=_\-–—\s]{1,40}$/u;

function isSceneBreak(content: string): boolean {
  return SCENE_BREAK.test(content) && /[*#~•·⁂=_]|[-–—]{3,}/u.test(content);
}

function isHeadingParagraph(content: string): boolean {
  return !/[\r\n]/.test(content) && classifyHeadingLine(content) !== null;
}

const SPEAKABLE = /[\p{L}\p{N}]/u;
const WITHIN_PARAGRAPH: ReadonlySet<SegmentBoundary> = new Set(['dialogue_turn', 'sentence']);

/**
 * A piece with nothing to speak (a lone "--", "—", or the punctuation between two quotations) joins a neighbour:
 * narration in the same paragraph first, then any piece of the same paragraph, then the segment before. Its text is
 * kept, so the segments still tile the chapter.
 */
function withoutUnspeakable(text: string, cuts: Cut[]): Cut[] {
  const result = [...cuts];
  const spanOf = (i: number) => text.slice(result[i].at, i + 1 < result.length ? result[i + 1].at : text.length);
  for (let i = 0; i < result.length && result.length > 1;) {
    if (SPEAKABLE.test(spanOf(i))) {
      i++;
      continue;
    }
    const previous = i > 0 && WITHIN_PARAGRAPH.has(result[i].boundary) ? result[i - 1] : undefined;
    const next = i + 1 < result.length && WITHIN_PARAGRAPH.has(result[i + 1].boundary) ? result[i + 1] : undefined;
    const intoNext =
      i === 0 ||
      (next !== undefined && next.kind === 'narration' && previous?.kind !== 'narration') ||
      (next !== undefined && previous === undefined);
    if (intoNext) {
      // The next piece starts earlier, where this one started, and keeps this one's boundary. A label it opens with
      // stays unspoken: what joins it before the label has nothing to say anyway.
      const { unspokenEnd } = result[i + 1];
      result[i] = { at: result[i].at, boundary: result[i].boundary, kind: result[i + 1].kind };
      if (unspokenEnd !== undefined) result[i].unspokenEnd = unspokenEnd;
      result.splice(i + 1, 1);
    } else {
      result.splice(i, 1);
      i = Math.max(0, i - 1);
    }
  }
  return result;
}

const INLINE_DIRECTION = /(?:\[[^[\]]{1,200}\]|\([^()]{1,200}\))[.,;:]?\s*/gu;

/**
 * A paragraph of a script: a speech opening with its speaker's label is the label (a piece of its own, which
 * attribution reads, shown but never spoken) and the speech, one dialogue piece whatever quotes or dashes it holds; a
 * stage direction is narration. Anything else is read as prose (null).
 */
function scriptPieces(paragraph: string): ScriptPiece[] | null {
  const label = scriptLabel(paragraph);
  if (label) {
    const pieces: ScriptPiece[] = [
      { start: 0, kind: 'narration', unspoken: true },
      { start: label.speechStart, kind: 'dialogue' },
    ];
    // A direction inside the speech ("[Calling.]", "(Entra.)") is narration too; the speech resumes after it.
    for (const match of paragraph.slice(label.speechStart).matchAll(INLINE_DIRECTION)) {
      const open = label.speechStart + match.index;
      const resume = open + match[0].length;
      const last = pieces[pieces.length - 1];
      if (last.start === open) last.kind = 'narration';
      else pieces.push({ start: open, kind: 'narration' });
      if (/[\p{L}\p{N}]/u.test(paragraph.slice(resume))) pieces.push({ start: resume, kind: 'dialogue' });
    }
    return pieces;
  }
  return isStageDirection(paragraph) ? [{ start: 0, kind: 'narration' }] : null;
}

/**
 * Splits a chapter into speakable segments at paragraph and dialogue-turn boundaries, separating dialogue from its
 * attribution, and long paragraphs at sentence boundaries. Every segment holds something to speak (a letter or a
 * digit) unless the whole chapter has none. Concatenating the segments' texts gives back `text`
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
  /** The paragraph before is narration ending with a colon: it introduces what follows. */
  let introducedByColon = false;
  const allParagraphs = paragraphs(text);
  const conventions = detectConventions(
    allParagraphs.map(({ start, end }) => text.slice(start, end)),
    options.language ? heuristicLanguage(options.language) : undefined,
  );
  const script = isScript(allParagraphs.map(({ start, end }) => text.slice(start, end)));
  const lineLayout = measureLineLayout(text);

  const cutParagraphs = allParagraphs.flatMap((block) => splitAtDashLines(text, block, conventions));
  const undashedLines = undashedLinesBetweenDashLines(
    cutParagraphs.map(({ start, end }) => text.slice(start, end)),
    conventions,
  );
  for (const [at, paragraph] of cutParagraphs.entries()) {
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
      introducedByColon = false;
      continue;
    }

    const pieces: ScriptPiece[] =
      (script && scriptPieces(content())) ||
      dialoguePieces(content(), conventions, {
        introducedByColon,
        undashedLine: undashedLines.has(at),
      });
    const ownLines = ownLineStarts(text.slice(paragraph.start, paragraph.end), lineLayout).map(
      (at) => paragraph.start + at,
    );
    pieces.forEach((piece, p) => {
      const pieceStart = start + piece.start;
      const pieceEnd = p + 1 < pieces.length ? start + pieces[p + 1].start : paragraph.end;
      const cut: Cut = { at: pieceStart, kind: piece.kind, boundary: p === 0 ? pendingBoundary : 'dialogue_turn' };
      if (piece.unspoken) cut.unspokenEnd = pieceEnd;
      cuts.push(cut);
      // A line that stands on its own (an item of a list, a line of verse) is read as a sentence of its own.
      const lineCuts = piece.unspoken ? [] : ownLines.filter((at) => at > pieceStart && at < pieceEnd);
      const within = sentenceCuts(text.slice(pieceStart, pieceEnd), maxChars).map((at) => pieceStart + at);
      for (const at of [...new Set([...lineCuts, ...within])].sort((a, b) => a - b)) {
        cuts.push({ at, kind: piece.kind, boundary: 'sentence' });
      }
    });
    pendingBoundary = 'paragraph';
    introducedByColon = pieces[pieces.length - 1].kind === 'narration' && /:\s*$/u.test(content());
  }

  if (cuts.length === 0) cuts.push({ at: 0, kind: 'narration', boundary: 'chapter_head' });
  cuts[0] = { ...cuts[0], at: 0 };
  const kept = withoutUnspeakable(text, cuts);
  return kept.map((cut, index) => {
    const endOffset = index + 1 < kept.length ? kept[index + 1].at : text.length;
    const segment: Segment = {
      index,
      kind: cut.kind,
      startOffset: cut.at,
      endOffset,
      text: text.slice(cut.at, endOffset),
      boundaryBefore: cut.boundary,
    };
    // Only a script's label sets it, so a chapter of prose has segments exactly as before.
    if (cut.unspokenEnd !== undefined) segment.unspokenChars = Math.min(cut.unspokenEnd, endOffset) - cut.at;
    return segment;
  });
}
