import type { HeadingMatch } from './headings';
import type { LaidOutBlock } from './textLayout';

/**
 * How a book numbers its chapters when some of its numbers stand without a heading word (docs/manuscripts.md,
 * "Heading lines in plain text"). A number is read as a chapter start only as part of a sequence, and a book may have two: stories and
 * the sections inside them, or an introduction's sections and the work's chapters. The sequence that numbers the
 * book is the one that does not start again inside the other and spans more of the book; a sequence may change its
 * style half-way ("ADVENTURE VI. …" then "VII. THE …") and is still one sequence.
 */
export interface NumberedHeading {
  block: LaidOutBlock;
  match: HeadingMatch;
}

/** A numeral alone on its line ("IV.") or followed by its title on the same line ("IV. THE STORM"). */
type NumeralStyle = 'titled' | 'bare';

const styleOf = (heading: NumberedHeading): NumeralStyle => (heading.match.trailer ? 'titled' : 'bare');

/** Of the headings a sequence must hold, in a style of their own, to compete for numbering the book. */
const MIN_SEQUENCE = 3;
/** Share of a style's numerals its sequence must hold: a few stray numbers are tolerated, a jumble is not. */
const SEQUENCE_SHARE = 0.6;

/** Headings that count up from 1 by one; a count may start again at 1, as books restart numbering per part. */
export function numberedSequence<T extends NumberedHeading>(headings: T[]): T[] {
  const sequence: T[] = [];
  let last = 0;
  for (const heading of headings) {
    const number = heading.match.number!;
    if (number === last + 1 || (number === 1 && last > 1)) {
      sequence.push(heading);
      last = number;
    }
  }
  return sequence;
}

function byStyle<T extends NumberedHeading>(headings: T[]): Map<NumeralStyle, T[]> {
  const styles = new Map<NumeralStyle, T[]>();
  for (const heading of headings) {
    const style = styles.get(styleOf(heading));
    if (style) style.push(heading);
    else styles.set(styleOf(heading), [heading]);
  }
  return styles;
}

/**
 * Numerals that carry on a sequence written in another style: after its last heading, the first numeral of a style
 * is numbered one more and those of that style after it count on; before its first heading (numbered above 1), the
 * numerals of a style count down to it from 1. `sequence` is in reading order.
 */
export function continuation<T extends NumberedHeading>(sequence: NumberedHeading[], numerals: T[]): T[] {
  if (sequence.length === 0) return [];
  const first = sequence[0];
  const last = sequence[sequence.length - 1];
  const found: T[] = [];
  for (const members of byStyle(numerals).values()) {
    let expected = last.match.number! + 1;
    for (const numeral of members.filter((m) => m.block.index > last.block.index)) {
      if (numeral.match.number !== expected) break;
      found.push(numeral);
      expected++;
    }
    const before = members.filter((m) => m.block.index < first.block.index).reverse();
    const countingDown: T[] = [];
    expected = first.match.number! - 1;
    for (const numeral of before) {
      if (expected < 1 || numeral.match.number !== expected) break;
      countingDown.push(numeral);
      expected--;
    }
    // Only a whole beginning counts: a stray "IV." before "CHAPTER V" is not chapters one to four.
    if (expected === 0) found.push(...countingDown);
  }
  return found.sort((a, b) => a.block.index - b.block.index);
}

function restartsPerHeading(sequence: NumberedHeading[]): number {
  return sequence.filter((heading, i) => i > 0 && heading.match.number === 1).length / sequence.length;
}

function span(sequence: NumberedHeading[]): number {
  return sequence[sequence.length - 1].block.start - sequence[0].block.start;
}

export interface NumeralChapters<T> {
  /** The numerals that start chapters, in reading order. */
  chapters: T[];
  /** The numerals of the book's numbering style: those not in `chapters` are out of sequence. */
  numbering: T[];
}

/**
 * The numerals that number a book without worded chapter headings, or null when they number nothing (too few, or
 * not a sequence). With one numbering style (or a second one too rare to be a level of its own) they form one
 * sequence, whatever their style; with two, the book's is the one that restarts less inside the other and, among
 * equals, spans more of the book, and the other style's numerals are sections (of a story, of an introduction)
 * unless they carry its numbering on.
 */
export function numeralChapters<T extends NumberedHeading>(numerals: T[]): NumeralChapters<T> | null {
  const contenders = [...byStyle(numerals).values()]
    .map((members) => ({ members, sequence: numberedSequence(members) }))
    .filter(
      ({ members, sequence }) => sequence.length >= MIN_SEQUENCE && sequence.length >= members.length * SEQUENCE_SHARE,
    );
  if (contenders.length < 2) {
    const sequence = numberedSequence(numerals);
    if (sequence.length < MIN_SEQUENCE || sequence.length < numerals.length * SEQUENCE_SHARE) return null;
    return { chapters: sequence, numbering: numerals };
  }
  const [book] = contenders.sort(
    (a, b) => restartsPerHeading(a.sequence) - restartsPerHeading(b.sequence) || span(b.sequence) - span(a.sequence),
  );
  const members = new Set(book.members);
  const others = numerals.filter((numeral) => !members.has(numeral));
  const chapters = [...book.sequence, ...continuation(book.sequence, others)];
  return { chapters: chapters.sort((a, b) => a.block.index - b.block.index), numbering: book.members };
}

/** Other numerals of its style a numeral under a part heading needs beside it to be read as the book's numbering. */
const MIN_OTHER_NUMERALS = 2;

/**
 * Numerals standing right under a part heading that open the part's first chapter rather than title the part
 * ("PRIMEIRA PARTE" over "I", then "II" …): each counts on from the numeral of its style before it, or starts again
 * at 1, in a book with other numerals of that style. A number that counts with nothing ("BOOK ONE" over "1851") may
 * be the part's title. `headings` are the book's heading lines in reading order; the answer holds block indexes.
 */
export function numeralsOpeningParts<T extends NumberedHeading>(headings: T[]): Set<number> {
  const opening = new Set<number>();
  const partAt = new Set(headings.filter((h) => h.match.family === 'part').map((h) => h.block.index));
  for (const members of byStyle(headings.filter((h) => h.match.family === 'numeral')).values()) {
    if (members.length <= MIN_OTHER_NUMERALS) continue;
    members.forEach((numeral, i) => {
      if (!partAt.has(numeral.block.index - 1)) return;
      const number = numeral.match.number;
      const previous = members[i - 1]?.match.number ?? 0;
      if (number === 1 || number === previous + 1) opening.add(numeral.block.index);
    });
  }
  return opening;
}
