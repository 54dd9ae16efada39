import { sameTitle } from './contents';
import { foldAccents } from './headings';
import type { Boundary } from './lineHeadings';
import type { ChapterType } from './manuscript';
import { genericTitle, isSpokenByDefault } from './sectionTypes';
import { countWords } from './stats';
import { gapsAreMeaningful, type LaidOutBlock, type TextLayout } from './textLayout';

/**
 * What stands before the first chapter (docs/manuscripts.md): split into pages — a plain-text book sets pages apart
 * with more blank lines than paragraphs; any book starts a new page at a named section or at a block shaped like a
 * dedication or a copyright notice — and each page gets a type: title page, half title, dedication, epigraph,
 * copyright, imprint. A page of no known kind joins the section before it; a long one becomes front matter named
 * by its first line.
 */
const BODY_TYPES: ReadonlySet<ChapterType> = new Set<ChapterType>(['chapter', 'part', 'prologue']);
const SHORT_PAGE_WORDS = 150;

const COPYRIGHT =
  /\bcopyright\b|©|\ball rights reserved\b|\bisbn\b|derechos reservados|direitos reservados|tous droits/i;
const IMPRINT =
  /\bprinted (?:by|at|in|for)\b|\btypographia\b|\btipografia\b|\btypografia\b|\bimprenta\b|\bimprimerie\b|\bimpress[oa]\b|\bimpres[oa]\b|\bpublishers?\b|\bpublished by\b|\beditora\b|\beditorial\b|\bpress\b|& co\b|\bsons\b|\bltd\b|\blimited\b/i;
const DEDICATION_WORD = /\bdedic|\bdedie/;
const DEDICATION_START =
  /^(?:to|for|para|pour|ao|aos|a la|a las|a los|a mi|a mis|as|in memory|em memoria|en memoria|a la memoire|dedicated|dedicado|dedicada)\b/;
const ATTRIBUTION = /^\s*(?:[—–]|--?)\s*\p{Lu}/u;

function pageType(text: string, words: number, isFirstPage: boolean, titleLine: string | undefined): ChapterType {
  const folded = foldAccents(text).trim();
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  if (titleLine && words <= 12 && sameTitle(lines[0] ?? '', titleLine)) return 'half_title';
  if (words <= 80 && (DEDICATION_WORD.test(folded) || (words <= 40 && DEDICATION_START.test(folded)))) {
    return 'dedication';
  }
  if (words <= 250 && COPYRIGHT.test(text)) return 'copyright';
  if (isFirstPage && words <= SHORT_PAGE_WORDS) return 'title_page';
  if (words <= 100 && lines.length >= 2 && ATTRIBUTION.test(lines[lines.length - 1])) return 'epigraph';
  if (words <= 80 && IMPRINT.test(text)) return 'colophon';
  return 'front_matter';
}

/** A block that starts a page of its own even without blank lines around it (structured formats). */
function startsOwnPage(block: LaidOutBlock): boolean {
  const folded = foldAccents(block.text).trim();
  return (block.words <= 30 && DEDICATION_START.test(folded)) || (block.words <= 250 && COPYRIGHT.test(block.text));
}

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
  for (const [index, page] of pages.entries()) {
    const text = layout.text.slice(page.start, page.end);
    if (page.boundary) {
      result.push(page.boundary);
      continue;
    }
    const words = countWords(text);
    if (words === 0) continue;
    const type = pageType(text, words, index === 0 && result.length === 0, titleLine);
    const firstLine = text.trim().split('\n')[0].trim();
    if (type === 'title_page') titleLine = firstLine;
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
      title: genericTitle(type, language, firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine),
      type,
      confidence: type === 'front_matter' ? 0.5 : 0.8,
    });
  }
  return [...result, ...boundaries.filter((boundary) => boundary.offset >= body.offset)];
}

function pagesBefore(layout: TextLayout, bodyStart: number, boundaries: Boundary[]): Page[] {
  const meaningfulGaps = gapsAreMeaningful(layout);
  const pages: Page[] = [];
  const boundaryAt = new Map(boundaries.map((boundary) => [boundary.offset, boundary]));
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
      (!insideContents && meaningfulGaps && block.blanksBefore >= layout.paragraphGap + 2) ||
      (!insideContents && startsOwnPage(block) && !startsOwnPage(layout.blocks[block.index - 1] ?? block));
    if (newPage) {
      if (pages.length > 0) pages[pages.length - 1].end = block.start;
      pages.push({ start: pages.length === 0 ? 0 : block.start, end: bodyStart, ...(boundary ? { boundary } : {}) });
    }
  }
  return pages;
}
