import { classifyHeadingLine, isHeadingWordAlone } from './headings';
import type { Boundary } from './boundary';
import type { Block, ParsedManuscript } from './manuscript';
import { wordsToNumber } from './numerals';

/**
 * Chapter starts marked by the file's structure: the table of contents of an EPUB (nav or NCX) and heading styles
 * (DOCX Heading 1…6, Markdown #, HTML h1…h6). Such a book often has its title or parts above the chapters and
 * sections below them: we pick the shallowest level that holds at least two entries that are not parts, keep
 * unrecognised titles only at that level, and keep recognised parts and named sections above it.
 */
interface LevelledItem {
  level: number;
  title: string;
  offset: number;
  headingEnd: number;
}

function structuralBoundaries(items: LevelledItem[], confidence: number): Boundary[] {
  const levels = [...new Set(items.map((item) => item.level))].sort((a, b) => a - b);
  const chosen =
    levels.find(
      (level) => items.filter((i) => i.level === level && classifyHeadingLine(i.title)?.type !== 'part').length >= 2,
    ) ?? levels[0];
  const result: Boundary[] = [];
  const lastChosen = items.findLastIndex((item) => item.level <= chosen);
  for (const [index, item] of items.entries()) {
    const match = classifyHeadingLine(item.title);
    // Below the chapters' level only notes, an index … after the last chapter: back matter under a lesser heading.
    if (item.level > chosen && !(index > lastChosen && match?.type === 'back_matter')) continue;
    if (item.level < chosen && match === null) continue;
    result.push({
      offset: item.offset,
      headingEnd: item.headingEnd,
      title: item.title,
      type: match?.type ?? 'chapter',
      confidence,
    });
  }
  return result;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function boundariesFromToc(parsed: ParsedManuscript): Boundary[] {
  const entries = parsed.tocEntries ?? [];
  const headingAt = new Map<number, Block>();
  for (const block of entries.length > 0 ? parsed.blocks : []) {
    if (block.kind === 'heading' && !headingAt.has(block.startOffset)) headingAt.set(block.startOffset, block);
  }
  const items = entries.map((entry) => {
    const block = headingAt.get(entry.offset);
    return {
      level: entry.depth,
      title: collapse(entry.title),
      offset: entry.offset,
      headingEnd: block ? block.endOffset : entry.offset,
    };
  });
  return structuralBoundaries(
    items.filter((item) => item.title.length > 0),
    0.97,
  );
}

/**
 * A heading that waits for its title: a label and number ("Chapter 1"), a numeral, or — as a heading of the file,
 * where the markup already says it is one — a number in words alone ("ONE", "Doce", "Vinte e um"), as book-design
 * tools set a chapter's number over its title.
 */
function waitsForTitle(heading: string): boolean {
  return (
    classifyHeadingLine(heading)?.expectsTitle === true || wordsToNumber(heading.replace(/[.:]$/u, '')) !== undefined
  );
}

/**
 * Heading blocks; a number-only heading directly followed by a deeper heading takes it as its title
 * ("Chapter 1" in Heading 1, "The Beginning" in Heading 2; "ONE" over "The Crossing"), unless that heading is a
 * heading of its own kind.
 */
export function boundariesFromHeadingBlocks(parsed: ParsedManuscript): Boundary[] {
  const { blocks, text } = parsed;
  const items: LevelledItem[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== 'heading') continue;
    let title = collapse(text.slice(block.startOffset, block.endOffset));
    let headingEnd = block.endOffset;
    let level = block.level ?? 1;
    // A heading word set as a heading of its own over its number's ("Chapter" over "1", as a design template sets a
    // chapter's opening): one heading, "Chapter 1", at the word.
    const numberBlock = blocks[i + 1];
    if (isHeadingWordAlone(title) && numberBlock?.kind === 'heading') {
      const joined = `${title} ${collapse(text.slice(numberBlock.startOffset, numberBlock.endOffset))}`;
      const match = classifyHeadingLine(joined);
      if (match && match.family !== 'special' && match.expectsTitle) {
        title = joined;
        headingEnd = numberBlock.endOffset;
        level = Math.min(level, numberBlock.level ?? 1);
        i++;
      }
    }
    const next = blocks[i + 1];
    const subtitle = next ? collapse(text.slice(next.startOffset, next.endOffset)) : '';
    if (
      waitsForTitle(title) &&
      next?.kind === 'heading' &&
      (next.level ?? 1) > level &&
      // A heading of its own is no title: a part's first chapter ("Part One", then "Chapter 1") starts under it.
      classifyHeadingLine(subtitle) === null
    ) {
      title = /[.:]$/.test(title) ? `${title} ${subtitle}` : `${title}: ${subtitle}`;
      headingEnd = next.endOffset;
      i++;
    }
    if (title.length > 0) items.push({ level, title, offset: block.startOffset, headingEnd });
  }
  return items.length === 0 ? [] : structuralBoundaries(items, 0.95);
}
