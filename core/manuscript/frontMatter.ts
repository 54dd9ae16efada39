import { isCopyrightNotice, pageType, SHORT_PAGE_WORDS, startsOwnPage, typedFrontSection } from './frontMatterTypes';
import { sameTitle, titleKey } from './titleMatch';
import type { Boundary } from './boundary';
import type { ChapterType } from './manuscript';
import { genericTitle, isSpokenByDefault } from './sectionTypes';
import { countWords } from './stats';
import { gapsAreMeaningful, type TextLayout } from './textLayout';

/**
 * What stands before the first chapter (docs/manuscripts.md): split into pages — a plain-text book sets pages apart
 * with more blank lines than paragraphs; any book starts a new page at a named section or at a block shaped like a
 * dedication or a copyright notice — and each page gets a type: title page, half title, dedication, epigraph,
 * copyright, imprint. A page of no known kind joins the section before it; a long one becomes front matter named
 * by its first line — or, when the book's numbering starts at 2, the first chapter, whose heading is missing.
 */
const BODY_TYPES: ReadonlySet<ChapterType> = new Set<ChapterType>(['chapter', 'part', 'prologue']);
interface Page {
  start: number;
  end: number;
  /** The section already found at the page's start (a named section, a contents list), if any. */
  boundary?: Boundary;
}

export function withFrontMatter(layout: TextLayout, boundaries: Boundary[], language: string | undefined): Boundary[] {
  const body = boundaries.find((boundary) => BODY_TYPES.has(boundary.type));
  if (!body) return boundaries;
  const before = boundaries.filter((boundary) => boundary.offset < body.offset);
  const pages = pagesBefore(layout, body.offset, before);
  const result: Boundary[] = [];
  let titleLine: string | undefined;
  const sectionTitles = titlesOfSections(boundaries.filter((boundary) => boundary.offset >= body.offset));
  const typed = pages.map((page, index) => {
    const text = layout.text.slice(page.start, page.end);
    const words = countWords(text);
    const known = page.boundary || words === 0 ? undefined : pageType(text, words, index === 0, titleLine);
    const type = known === 'front_matter' && listsSections(text, sectionTitles) ? 'contents' : known;
    const firstLine = text.trim().split('\n')[0].trim();
    if (type === 'title_page' || page.boundary?.type === 'title_page') titleLine ??= firstLine;
    return { page, words, type, firstLine };
  });
  // The book's numbering starts at 2: the unknown pages right before it are chapter 1, whose heading is missing.
  let firstChapterPage = typed.length;
  if (body.firstNumberMissing) {
    while (firstChapterPage > 0 && typed[firstChapterPage - 1].type === 'front_matter') firstChapterPage--;
  }
  for (const [index, { page, words, type, firstLine }] of typed.entries()) {
    if (page.boundary) {
      result.push(typedFrontSection(page.boundary, layout.text.slice(page.start, page.end), words));
      continue;
    }
    if (type === undefined) continue;
    const untitled = firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine;
    if (index >= firstChapterPage) {
      result.push({ offset: page.start, headingEnd: page.start, title: untitled, type: 'chapter', confidence: 0.5 });
      break;
    }
    const previous = result[result.length - 1];
    // An unknown page continues the section before it, unless that would leave prose unspoken.
    const joinsPrevious =
      type === 'front_matter' &&
      previous !== undefined &&
      (isSpokenByDefault(previous.type) || (previous.type === 'title_page' && words <= SHORT_PAGE_WORDS));
    if (joinsPrevious) continue;
    result.push({
      offset: page.start,
      headingEnd: page.start,
      title: genericTitle(type, language, untitled),
      type,
      confidence: type === 'front_matter' ? 0.5 : 0.8,
    });
  }
  return [...result, ...boundaries.filter((boundary) => boundary.offset >= body.offset)];
}

/**
 * The keys of the sections' titles, and of a joined title's own part ("Chapter 1: The Keeper" → "The Keeper"), which a
 * contents list may give alone.
 */
function titlesOfSections(sections: Boundary[]): Set<string> {
  const keys = new Set<string>();
  for (const { title } of sections) {
    keys.add(titleKey(title));
    const colon = title.indexOf(': ');
    if (colon > 0) keys.add(titleKey(title.slice(colon + 2)));
  }
  keys.delete('');
  return keys;
}

/** A title key without the page number that ends it ("the ferry 15", "prefacio ix"): dot leaders are gone already. */
function withoutPageNumber(key: string): string {
  const space = key.lastIndexOf(' ');
  return space > 0 && /^(?:\d{1,4}|[ivxlcdm]{1,7})$/iu.test(key.slice(space + 1)) ? key.slice(0, space) : key;
}

/** Entries of a contents list are short; a page holding a sentence longer than this is not one. */
const MAX_ENTRY_LENGTH = 100;
const MIN_LISTED = 3;

/**
 * A page of short lines, three or more and at least half of which name sections of the book after it (page numbers
 * and dot leaders aside): a contents list typed with no heading above it, as a manuscript's author types one.
 */
function listsSections(text: string, sectionTitles: Set<string>): boolean {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length < MIN_LISTED || lines.some((line) => line.length > MAX_ENTRY_LENGTH)) return false;
  const listed = lines.filter((line) => {
    const key = titleKey(line);
    return sectionTitles.has(key) || sectionTitles.has(withoutPageNumber(key));
  }).length;
  return listed >= MIN_LISTED && listed * 2 >= lines.length;
}

function pagesBefore(layout: TextLayout, bodyStart: number, boundaries: Boundary[]): Page[] {
  const meaningfulGaps = gapsAreMeaningful(layout);
  const pages: Page[] = [];
  const boundaryAt = new Map(boundaries.map((boundary) => [boundary.offset, boundary]));
  const first = layout.blocks[0];
  const bookTitle = first && first.words <= 12 ? first.lines[0] : '';
  // A copyright page's later lines (the rights reserved, the ISBN under a publication note) start no page of their own.
  let copyrightOnPage = false;
  for (const block of layout.blocks) {
    if (block.start >= bodyStart) break;
    const boundary = boundaryAt.get(block.start);
    const current = pages[pages.length - 1]?.boundary;
    // A contents list keeps its entries together however they are spaced, and ends where its entries end.
    const insideContents = current?.extentEnd !== undefined && block.start < current.extentEnd;
    const afterContents = current?.extentEnd !== undefined && block.start >= current.extentEnd;
    const newPage =
      pages.length === 0 ||
      boundary !== undefined ||
      afterContents ||
      // A heading repeating the book's title is a half-title page, even inside a section an EPUB's nav names.
      (block.kind === 'heading' && block.index > 0 && block.words <= 12 && sameTitle(block.text, bookTitle)) ||
      (!insideContents && meaningfulGaps && block.blanksBefore >= layout.paragraphGap + 2) ||
      (!insideContents &&
        !(copyrightOnPage && isCopyrightNotice(block)) &&
        startsOwnPage(layout.blocks, block, meaningfulGaps) &&
        !startsOwnPage(layout.blocks, layout.blocks[block.index - 1] ?? block, meaningfulGaps));
    if (newPage) {
      if (pages.length > 0) pages[pages.length - 1].end = block.start;
      pages.push({ start: pages.length === 0 ? 0 : block.start, end: bodyStart, ...(boundary ? { boundary } : {}) });
      copyrightOnPage = false;
    }
    copyrightOnPage ||= isCopyrightNotice(block);
  }
  return pages;
}
