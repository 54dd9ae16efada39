import type { ChapterType } from './manuscript';
import { romanToNumber, wordsToNumber } from './numerals';

/**
 * Recognises a single line as a chapter-like heading (SPEC.md §4), in English, Spanish and Portuguese.
 * `family` groups headings of one convention so detection can prefer the book's dominant one.
 */
export type HeadingFamily = 'numbered' | 'part' | 'bare_roman' | 'special';

export interface HeadingMatch {
  type: ChapterType;
  family: HeadingFamily;
  number?: number;
  /** True when the line has nothing after the label and number, so a following title line may complete it. */
  expectsTitle: boolean;
}

const NUMBER_TOKEN = String.raw`(\d{1,4}|[IVXLCDM]{1,8}|[ivxlcdm]{1,8}|[\p{L}]+(?:[\s-]+(?:y|e|and)?[\s-]*[\p{L}]+){0,2})`;
const TRAILER = String.raw`(?:\s*[.:\-–—]\s*(.*))?`;

const CHAPTER_WORDS = String.raw`chapter|chap\.|cap[ií]tulo|cap\.|adventure|aventura|story|letter|carta`;
const PART_WORDS = String.raw`part|parte|book|libro|livro|volume|volumen|section|secci[oó]n|se[cç][aã]o`;

const NUMBERED = new RegExp(String.raw`^(?:${CHAPTER_WORDS})\s+${NUMBER_TOKEN}${TRAILER}$`, 'iu');
const PART = new RegExp(String.raw`^(?:${PART_WORDS})\s+${NUMBER_TOKEN}${TRAILER}$`, 'iu');
const BARE_ROMAN = /^([IVXLC]{1,7})\.?$/u;
const ROMAN_WITH_TITLE = /^([IVXLC]{1,7})\.\s+(\p{Lu}[\p{Lu}\s,'’-]{2,60})$/u;

const SPECIAL: Array<[RegExp, ChapterType]> = [
  [/^(?:prologue|pr[oó]logo)$/iu, 'prologue'],
  [/^(?:epilogue|ep[ií]logo)$/iu, 'epilogue'],
  [/^(?:preface|foreword|prefacio|pref[aá]cio|pre[aá]mbulo)$/iu, 'preface'],
  [/^(?:introduction|introducci[oó]n|introdu[cç][aã]o)$/iu, 'introduction'],
  [
    /^(?:afterword|postscript|posfacio|posf[aá]cio|nota final|author'?s note|nota del autor|nota do autor)$/iu,
    'afterword',
  ],
  [/^(?:acknowledge?ments|agradecimientos|agradecimentos)$/iu, 'acknowledgments'],
  [/^(?:about the author|sobre (?:el|la|o|a) autora?|acerca del autor|acerca de la autora)$/iu, 'about_the_author'],
  [/^(?:credits|cr[eé]ditos)$/iu, 'credits'],
  [
    /^(?:(?:table of )?contents|[ií]ndice|sum[aá]rio|dedication|dedicatoria|dedicat[oó]ria|copyright|title page|epigraph|ep[ií]grafe)$/iu,
    'front_matter',
  ],
];

function parseNumber(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  return romanToNumber(token) ?? wordsToNumber(token);
}

/** Classifies one trimmed line. Lines longer than a heading plausibly is are rejected outright. */
export function classifyHeadingLine(rawLine: string): HeadingMatch | null {
  const line = rawLine.trim().replace(/\s+/g, ' ');
  if (line.length === 0 || line.length > 90) return null;

  const chapterMatch = NUMBERED.exec(line);
  const numbered = chapterMatch ?? PART.exec(line);
  if (numbered) {
    const number = parseNumber(numbered[1]);
    if (number === undefined) return null;
    const isPart = chapterMatch === null;
    const trailer = (numbered[2] ?? '').trim();
    if (trailer.length > 70 || /[.!?]\s+\p{Ll}/u.test(trailer)) return null;
    return {
      type: isPart ? 'part' : 'chapter',
      family: isPart ? 'part' : 'numbered',
      number,
      expectsTitle: trailer === '',
    };
  }

  const bare = BARE_ROMAN.exec(line);
  if (bare) {
    const number = romanToNumber(bare[1]);
    return number === undefined ? null : { type: 'chapter', family: 'bare_roman', number, expectsTitle: true };
  }
  const romanTitled = ROMAN_WITH_TITLE.exec(line);
  if (romanTitled) {
    const number = romanToNumber(romanTitled[1]);
    return number === undefined ? null : { type: 'chapter', family: 'bare_roman', number, expectsTitle: false };
  }

  const label = line.replace(/[.:]\s*$/, '').split(/\s*[:.–—]\s+/)[0];
  for (const [pattern, type] of SPECIAL) {
    if (pattern.test(label)) return { type, family: 'special', expectsTitle: false };
  }
  return null;
}

/** Classifies a heading whose position already marks it as a heading (DOCX style, EPUB TOC, Markdown #). */
export function classifyHeadingTitle(title: string): ChapterType {
  return classifyHeadingLine(title)?.type ?? 'chapter';
}

/** A short line that can complete a heading as its title ("CHAPTER XII." followed by "The Ball"). */
export function looksLikeTitleLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  if (trimmed.split(/\s+/).length > 12) return false;
  if (!/^[\p{Lu}\p{N}"“'‘¿¡«]/u.test(trimmed)) return false;
  const isAllCaps = trimmed === trimmed.toUpperCase() && /\p{Lu}/u.test(trimmed);
  return (
    isAllCaps ||
    !/[.,;:!?…"”»]$/u.test(trimmed) ||
    (/^[^.!?]*[.!?]$/u.test(trimmed) && trimmed.split(/\s+/).length <= 6)
  );
}
