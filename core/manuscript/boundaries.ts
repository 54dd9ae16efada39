import type { ChapterType, ParsedManuscript } from './manuscript';
import { classifyHeadingLine, looksLikeTitleLine, type HeadingMatch } from './headings';
import { countWords } from './stats';

/** A place where a chapter starts, with what we know about its heading. */
export interface ChapterBoundary {
  offset: number;
  /** End of the heading text (title line included); equals `offset` when the chapter has no heading in the text. */
  headingEnd: number;
  title: string;
  type: ChapterType;
}

interface LevelledItem {
  level: number;
  title: string;
  offset: number;
  headingEnd: number;
}

/**
 * Structured sources (TOC entries, heading styles) often have a book title or parts above the chapters and sections
 * below them. We pick the shallowest level that holds at least two non-part entries, keep unrecognised titles only at
 * that level, and keep recognised parts and special sections above it.
 */
function structuralBoundaries(items: LevelledItem[]): ChapterBoundary[] {
  const levels = [...new Set(items.map((item) => item.level))].sort((a, b) => a - b);
  const chosen =
    levels.find(
      (level) => items.filter((i) => i.level === level && classifyHeadingLine(i.title)?.type !== 'part').length >= 2,
    ) ?? levels[0];
  const result: ChapterBoundary[] = [];
  for (const item of items) {
    if (item.level > chosen) continue;
    const match = classifyHeadingLine(item.title);
    if (item.level < chosen && match === null) continue;
    result.push({
      offset: item.offset,
      headingEnd: item.headingEnd,
      title: item.title,
      type: match?.type ?? 'chapter',
    });
  }
  return result;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function boundariesFromToc(parsed: ParsedManuscript): ChapterBoundary[] {
  const entries = parsed.tocEntries ?? [];
  const items = entries.map((entry) => {
    const block = parsed.blocks.find((b) => b.startOffset === entry.offset && b.kind === 'heading');
    return {
      level: entry.depth,
      title: collapse(entry.title),
      offset: entry.offset,
      headingEnd: block ? block.endOffset : entry.offset,
    };
  });
  return structuralBoundaries(items.filter((item) => item.title.length > 0));
}

export function boundariesFromHeadingBlocks(parsed: ParsedManuscript): ChapterBoundary[] {
  const items = parsed.blocks
    .filter((block) => block.kind === 'heading')
    .map((block) => ({
      level: block.level ?? 1,
      title: collapse(parsed.text.slice(block.startOffset, block.endOffset)),
      offset: block.startOffset,
      headingEnd: block.endOffset,
    }))
    .filter((item) => item.title.length > 0);
  return items.length === 0 ? [] : structuralBoundaries(items);
}

interface LineCandidate extends ChapterBoundary {
  match: HeadingMatch;
  hasTitle: boolean;
}

function joinTitle(heading: string, title: string): string {
  if (heading.endsWith('.')) return `${heading} ${title}`;
  return `${heading.replace(/:$/, '')}: ${title}`;
}

/** Heading lines in plain text: a short block whose first line is chapter-like, optionally completed by a title line. */
export function boundariesFromLines(parsed: ParsedManuscript): ChapterBoundary[] {
  const { text, blocks } = parsed;
  const candidates: LineCandidate[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const blockText = text.slice(block.startOffset, block.endOffset);
    const lines = blockText.split('\n');
    const firstLine = lines[0];
    const match = classifyHeadingLine(firstLine);
    if (!match) continue;
    // A long block starting with a heading-like line is only trusted for explicit "Chapter N" style headings.
    if (lines.length > 2 && match.family !== 'numbered') continue;
    let headingEnd = block.startOffset + firstLine.replace(/\s+$/, '').length;
    let title = collapse(firstLine);
    let hasTitle = false;
    if (match.expectsTitle) {
      const next = blocks[b + 1];
      const nextText = next ? text.slice(next.startOffset, next.endOffset) : '';
      if (lines.length === 2 && looksLikeTitleLine(lines[1])) {
        headingEnd = block.startOffset + blockText.replace(/\s+$/, '').length;
        title = joinTitle(title, collapse(lines[1]));
        hasTitle = true;
      } else if (
        lines.length === 1 &&
        next &&
        blocks[b + 2] &&
        !nextText.includes('\n') &&
        looksLikeTitleLine(nextText) &&
        classifyHeadingLine(nextText) === null
      ) {
        headingEnd = next.startOffset + nextText.replace(/\s+$/, '').length;
        title = joinTitle(title, collapse(nextText));
        hasTitle = true;
      }
    }
    candidates.push({ offset: block.startOffset, headingEnd, title, type: match.type, match, hasTitle });
  }
  return dropTableOfContents(text, preferDominantFamily(candidates));
}

function preferDominantFamily(candidates: LineCandidate[]): LineCandidate[] {
  const numbered = candidates.filter((c) => c.match.family === 'numbered').length;
  if (numbered >= 2) return candidates.filter((c) => c.match.family !== 'bare_roman');
  const untitledRoman = candidates.filter((c) => c.match.family === 'bare_roman' && !c.hasTitle);
  const isSequence =
    untitledRoman.length >= 3 &&
    untitledRoman.every((c, i) => i === 0 || c.match.number === (untitledRoman[i - 1].match.number ?? 0) + 1);
  return candidates.filter((c) => c.match.family !== 'bare_roman' || c.hasTitle || isSequence);
}

const TOC_GAP_WORDS = 8;

/**
 * A run of three or more headings with almost no text between them is a table of contents, not chapters. The run's
 * last heading is the book's real first heading when the contents listed it already (same title earlier in the run).
 */
function dropTableOfContents(text: string, candidates: LineCandidate[]): LineCandidate[] {
  const closeToNext = (i: number) =>
    i >= 0 &&
    i + 1 < candidates.length &&
    countWords(text.slice(candidates[i].headingEnd, candidates[i + 1].offset)) < TOC_GAP_WORDS;
  const key = (c: LineCandidate) => c.title.toLowerCase().replace(/[.:]$/, '');
  return candidates.filter((candidate, index) => {
    let start = index;
    while (closeToNext(start - 1)) start--;
    let end = index;
    while (closeToNext(end)) end++;
    if (end - start + 1 < 3) return true;
    const isRealFirstHeading =
      index === end && candidates.slice(start, end).some((earlier) => key(earlier) === key(candidate));
    return isRealFirstHeading;
  });
}
