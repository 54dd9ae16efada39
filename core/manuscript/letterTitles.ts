/**
 * Letters are named by their opening (the date line, or the salutation of a letter without a date), and two letters to
 * the same person open alike: "Dear Tom," twice would be two chapters a listener cannot tell apart. When any two
 * letters of a book share a name, every letter is named by its place among the letters and its opening, "Letter 3:
 * Dear Tom", so the numbers count the book's letters as a reader would (docs/manuscripts.md).
 */
import type { Boundary } from './boundary';
import { titleLanguage, type TitleLanguage } from './sectionTypes';

const LETTER: Record<TitleLanguage, string> = { en: 'Letter', es: 'Carta', pt: 'Carta', fr: 'Lettre', it: 'Lettera' };

/** What makes two openings the same name: case, accents and the punctuation closing a salutation aside. */
const nameKey = (title: string) =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function withLetterNumbers(boundaries: Boundary[], language: string | undefined): Boundary[] {
  const letters = boundaries.filter((boundary) => boundary.letter);
  const keys = new Set(letters.map((letter) => nameKey(letter.title)));
  if (keys.size === letters.length) return boundaries;
  const word = LETTER[titleLanguage(language)];
  let count = 0;
  return boundaries.map((boundary) =>
    boundary.letter
      ? { ...boundary, title: `${word} ${++count}: ${boundary.title.replace(/[\s,:;.!]+$/u, '')}` }
      : boundary,
  );
}
