import { isNameShaped, isUpperCaseTitle } from './headings';
import type { LaidOutBlock } from './textLayout';

/**
 * An anthology may head each story with its author's name set apart and the story's title right under it ("MARÍA
 * LUISA ORTEGA" over "EL POZO"). Which of the two lines is the title shows across the book, not in one story: every
 * set-apart line is shaped as a name (isNameShaped) and has a line in capitals under it over the story's text, and
 * at least half of those lines under them are not shaped as names. Then each head's title is the line under it;
 * undefined when the book is not laid out so.
 */
export function titlesUnderAuthors(
  blocks: LaidOutBlock[],
  heads: LaidOutBlock[],
): Map<number, LaidOutBlock> | undefined {
  if (heads.length < 2) return undefined;
  const titles = new Map<number, LaidOutBlock>();
  for (const head of heads) {
    const title = blocks[head.index + 1];
    const text = blocks[head.index + 2];
    const paired =
      head.lines.length === 1 &&
      isNameShaped(head.lines[0]) &&
      title !== undefined &&
      title.lines.length === 1 &&
      title.blanksBefore < head.blanksBefore &&
      isUpperCaseTitle(title.lines[0]) &&
      text !== undefined &&
      /\p{Ll}/u.test(text.text);
    if (!paired) return undefined;
    titles.set(head.index, title);
  }
  const namesUnder = [...titles.values()].filter((title) => isNameShaped(title.lines[0])).length;
  return namesUnder * 2 <= titles.size ? titles : undefined;
}
