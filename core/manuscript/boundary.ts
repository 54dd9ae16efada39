import type { ChapterType } from './manuscript';

/**
 * Chapter starts in a book whose headings are lines of text (docs/manuscripts.md). Lines are not accepted one by one:
 * the book's own conventions decide — the heading word it numbers its chapters with, whether numbers follow each
 * other, whether a title line follows the number, the blank lines it sets headings apart with, and its contents list.
 */
export interface Boundary {
  offset: number;
  /** End of the heading as written, title line included; equals `offset` for a section without a heading. */
  headingEnd: number;
  title: string;
  type: ChapterType;
  confidence: number;
  /** Where the section's own text ends when it is known to end before the next section (a contents list). */
  extentEnd?: number;
  /** On a letter's start found by its opening (a date line over a salutation, or a salutation after a signature). */
  letter?: boolean;
  /**
   * On the book's first numbered chapter when it is numbered 2 and no heading numbered 1 precedes it: the text
   * before it holds chapter 1, whose heading is missing.
   */
  firstNumberMissing?: boolean;
  /** On a chapter opened by an ornament alone ("❦"): it has no words to be named by (ornaments.ts). */
  ornament?: boolean;
}
