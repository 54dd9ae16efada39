/**
 * Navigation in HTML, EPUB, DOCX and Markdown (docs/manuscripts.md, "Navigation lines"): what a web page puts around a chapter
 * to go elsewhere in the book is not the book's text. The markup says so (`<nav>`, `role="navigation"`), or a
 * paragraph is nothing but links to other places of the same book ("« Précédent | Sommaire | Suivant »"), or its
 * words are shaped as navigation and come back at every chapter as plain text does.
 */
import { navigationLines } from '../../core/manuscript/navigationLines';
import type { RawBlock } from './assemble';

type Attributes = Record<string, string>;

/** The most text a navigation element holds: longer, it is a contents list (or marked wrongly) and is read as before. */
export const NAVIGATION_MAX_LENGTH = 400;
/** A bar of links between chapters has a few: previous, contents, next, the top of the page. */
const MAX_BAR_LINKS = 4;
const MAX_BAR_LENGTH = 160;
/** This many paragraphs of links in a row are a contents list, whose entries are not navigation around a chapter. */
const MIN_CONTENTS_RUN = 4;
/** EPUB's own navigation document marks its contents so; a spine that includes it reads it as a contents page. */
const EPUB_NAVIGATION_LISTS = new Set(['toc', 'landmarks', 'page-list', 'lot', 'loi']);

const tokens = (value: string | undefined) => (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** A navigation element: `<nav>` or `role="navigation"`, not an EPUB's table of contents. */
export function isNavigation(name: string, attributes: Attributes): boolean {
  if (tokens(attributes['epub:type']).some((type) => EPUB_NAVIGATION_LISTS.has(type))) return false;
  return name === 'nav' || tokens(attributes.role).includes('navigation');
}

/**
 * The target of a link to elsewhere in the same book (`#contents`, `chapter3.xhtml`, `../text/c2.xhtml#top`), or
 * undefined for a link leaving it (`https:`, `mailto:`, `//host`) or no link at all.
 */
export function internalLinkTarget(href: string | undefined): string | undefined {
  const target = href?.trim();
  if (!target || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return undefined;
  return target;
}

/** A paragraph made only of a few links to elsewhere in the book, on one line. */
function isLinkBar(block: RawBlock): boolean {
  return (
    block.kind === 'paragraph' &&
    block.linkTargets !== undefined &&
    block.linkTargets.length <= MAX_BAR_LINKS &&
    block.text.length <= MAX_BAR_LENGTH &&
    !block.text.includes('\n')
  );
}

/**
 * The blocks with the navigation's text emptied (an empty block produces no text, and the blocks keep their indexes,
 * which anchors point at). A paragraph of links goes when it comes back (the same words twice or more: "[Contents]"
 * before every chapter) or links two places or more (previous and next); either way not inside a run of such
 * paragraphs, which is a contents list. A paragraph of words shaped as navigation goes when it recurs, as in text.
 */
export function withoutNavigationBlocks(blocks: RawBlock[]): RawBlock[] {
  const shaped = navigationLines(blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')));
  const bars = blocks.map(isLinkBar);
  const counts = new Map<string, number>();
  blocks.forEach((block, index) => {
    if (bars[index]) counts.set(block.text, (counts.get(block.text) ?? 0) + 1);
  });
  // The length of the run of link paragraphs each one stands in (blocks without text do not break a run).
  const runs = new Array<number>(blocks.length).fill(0);
  let runStart = 0;
  let runLength = 0;
  const closeRun = (end: number) => {
    for (let index = runStart; index < end; index++) if (bars[index]) runs[index] = runLength;
  };
  blocks.forEach((block, index) => {
    if (block.text.trim().length === 0) return;
    if (bars[index]) {
      if (runLength === 0) runStart = index;
      runLength++;
    } else if (runLength > 0) {
      closeRun(index);
      runLength = 0;
    }
  });
  if (runLength > 0) closeRun(blocks.length);

  return blocks.map((block, index) => {
    const bar =
      bars[index] &&
      runs[index] < MIN_CONTENTS_RUN &&
      ((counts.get(block.text) ?? 0) >= 2 || new Set(block.linkTargets).size >= 2);
    return bar || shaped[index] ? { ...block, text: '' } : block;
  });
}
