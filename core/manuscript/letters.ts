/**
 * Letters in a book told in letters (an epistolary novel): where no heading names them, each letter opens with a line
 * giving its place and date ("Harrowgate, March 3rd, 1851.", "Lisboa, 3 de Março de 1851") and a salutation under it
 * ("My dear Sister,", "Querida amiga:"). That pair starts the letter, named by its date line. Letters without dates
 * open with the salutation alone, after the signature closing the letter before (or the book's first page).
 */
import type { LaidOutBlock } from './textLayout';

export const MONTHS = [
  // English, with the abbreviations letters date with
  'january|february|march|april|may|june|july|august|september|october|november|december',
  'jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec',
  // Spanish
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  // Portuguese
  'janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro',
  // French
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre',
].join('|');
/** A month beside a day or a year: "March 3rd", "3 de marzo", "Dec. 11th, 17—", "1er mai 1851". */
const DATE = new RegExp(
  String.raw`(?:\d{1,2}(?:st|nd|rd|th|d|º|er)?\.?\s+(?:de\s+)?(?:${MONTHS})\b|(?:${MONTHS})\.?\s+\d{1,4}|(?:${MONTHS})\b.*\b1\d{3}\b)`,
  'iu',
);
const MAX_DATE_LINE = 70;
const MAX_SALUTATION = 120;
/** "My dear Sister,", "Dearest Kitty,", "Sir,", "Querida amiga:", "Mi querido Juan:", "Meu caro amigo,". */
const SALUTATION =
  /^(?:(?:my|mi|meu|minha|mon|ma)\s+)?(?:dear(?:est)?|darling|beloved|querid[oa]s?|car[oa]s?|car[ií]ssim[oa]|estimad[oa]s?|prezad[oa]s?|cher|ch[èe]re|dear\s+\p{L}+)\b[^.!?]{0,50}[,:!]$|^(?:sir|madam|señor|señora|senhor|senhora|monsieur|madame)[^.!?]{0,40}[,:!]$/iu;

function isDateLine(block: LaidOutBlock): boolean {
  const line = block.lines[0].trim();
  return block.lines.length === 1 && line.length <= MAX_DATE_LINE && DATE.test(line) && !/[!?]$/.test(line);
}

export function isSalutation(block: LaidOutBlock | undefined): boolean {
  return block !== undefined && block.lines.length === 1 && isSalutationLine(block.lines[0]);
}

/** A line that greets a letter's addressee ("Querido Julián:", "Dear Walter,"); long lines never do. */
export function isSalutationLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= MAX_SALUTATION && SALUTATION.test(trimmed);
}

/** The blocks that open letters with a date line and a salutation under it; none unless there are two at least. */
export function letterOpenings(blocks: LaidOutBlock[]): LaidOutBlock[] {
  const openings = blocks.filter((block) => isDateLine(block) && isSalutation(blocks[block.index + 1]));
  return openings.length >= 2 ? openings : [];
}

/** A signature closing a letter ("Your loving sister,", "Anne"), or the book's first page: a few short lines. */
const MAX_CLOSING_LINES = 3;
const MAX_CLOSING_WORDS = 12;
/** Salutations alone are common enough in letters quoted in a story: a book of letters has three or more. */
const MIN_UNDATED_LETTERS = 3;

/**
 * The blocks that open undated letters: a salutation alone in its block right after a short one (the signature of
 * the letter before, or the title page); none unless there are three at least.
 */
export function undatedLetterOpenings(blocks: LaidOutBlock[]): LaidOutBlock[] {
  const openings = blocks.filter((block) => {
    const before = blocks[block.index - 1];
    return (
      isSalutation(block) &&
      before !== undefined &&
      before.lines.length <= MAX_CLOSING_LINES &&
      before.words <= MAX_CLOSING_WORDS &&
      !isDateLine(before)
    );
  });
  return openings.length >= MIN_UNDATED_LETTERS ? openings : [];
}
