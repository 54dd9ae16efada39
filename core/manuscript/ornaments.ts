/**
 * Chapters marked by an ornament alone (docs/manuscripts.md): some books open each chapter under a centred fleuron
 * ("❦", "⁂", "* * *") with no word or number, and use another ornament, or the same one less often, for the scene
 * breaks inside a chapter. The kind that opens the book's text, before its first paragraph of prose, is the one that
 * divides chapters: a scene break never comes before the story has started.
 */
import type { Boundary } from './boundary';
import { titleLanguage, type TitleLanguage } from './sectionTypes';
import type { LaidOutBlock } from './textLayout';

/** An ornament is short: a fleuron or a few stars, not a line of symbols pasted as a picture. */
const MAX_ORNAMENT_MARKS = 12;
/** A rule of dashes or underscores closes a chapter's text off from its notes; it opens nothing. */
const RULE = /^[-–—_=.\s]+$/u;
/** Two chapters at least, so a single ornament before the text (a headpiece) cuts nothing. */
const MIN_ORNAMENT_CHAPTERS = 2;
/** A block this long is prose: the title page's lines are shorter. */
const PROSE_WORDS = 15;

/** The ornament a block is, spaces aside (`* * *` and `***` are one kind), or undefined when it holds words. */
function ornamentOf(block: LaidOutBlock): string | undefined {
  if (block.lines.length !== 1) return undefined;
  const marks = block.lines[0].replace(/\s+/g, '');
  if (marks === '' || marks.length > MAX_ORNAMENT_MARKS || RULE.test(marks)) return undefined;
  return /[\p{L}\p{N}]/u.test(marks) ? undefined : marks;
}

/**
 * The blocks opening chapters under an ornament: those of the kind that stands before the book's first prose
 * paragraph, when it recurs and every section it opens holds prose. None when the book has no such kind.
 */
export function ornamentChapterStarts(blocks: LaidOutBlock[]): LaidOutBlock[] {
  const firstProse = blocks.findIndex((block) => block.words >= PROSE_WORDS);
  if (firstProse < 0) return [];
  let opening: string | undefined;
  for (let i = firstProse - 1; i >= 0 && opening === undefined; i--) opening = ornamentOf(blocks[i]);
  if (opening === undefined) return [];
  const starts = blocks.filter((block) => ornamentOf(block) === opening);
  if (starts.length < MIN_ORNAMENT_CHAPTERS) return [];
  const holdsProse = starts.every((start, i) => {
    const end = starts[i + 1]?.index ?? blocks.length;
    return blocks.slice(start.index + 1, end).some((block) => block.words >= PROSE_WORDS);
  });
  return holdsProse ? starts : [];
}

const CHAPTER: Record<TitleLanguage, string> = {
  en: 'Chapter',
  es: 'Capítulo',
  pt: 'Capítulo',
  fr: 'Chapitre',
  it: 'Capitolo',
};

/** Chapters opened by an ornament have no words to be named by: they are named by their place, in the book's language. */
export function withOrnamentChapterNumbers(boundaries: Boundary[], language: string | undefined): Boundary[] {
  const word = CHAPTER[titleLanguage(language)];
  let count = 0;
  return boundaries.map((boundary) => (boundary.ornament ? { ...boundary, title: `${word} ${++count}` } : boundary));
}
