import type { ChapterType } from './manuscript';
import { romanToNumber, wordsToNumber } from './numerals';

/**
 * Reads one line as a heading by its shape alone (docs/manuscripts.md): "CHAPTER XII.", "Capítulo primero",
 * "STAVE I: MARLEY'S GHOST", "BOOK THE FIRST", "PRIMERA PARTE", "IV.", "I. A SCANDAL IN BOHEMIA", "Prologue",
 * "Contents". Whether such a line really starts a chapter depends on the rest of the book (lineHeadings.ts).
 */
export type HeadingFamily = 'labelled' | 'part' | 'numeral' | 'special';

export interface HeadingMatch {
  type: ChapterType;
  family: HeadingFamily;
  /** The heading word, lower case without accents ('chapter', 'capitulo', 'stave'); '' for numerals and specials. */
  label: string;
  number?: number;
  /** Title written on the same line after the number ('' when none). */
  trailer: string;
  /** True when nothing follows the number, so a title line after it may complete the heading. */
  expectsTitle: boolean;
  /**
   * The words after the number run on without a separator ("Primera parte del ingenioso hidalgo …", "Part one of the
   * journey"): a heading only when the line stands alone in its block, since prose can start the same way.
   */
  runOn?: boolean;
  /**
   * Numbered by its place rather than a number ("CHAPTER THE LAST", "Capítulo último", "THE LAST CHAPTER"): `number`
   * is 0 here and becomes one more than the heading's before it once the book is read (lineHeadings.ts).
   */
  last?: boolean;
}

export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const DAY_LABELS = ['day', 'dia', 'jour', 'journee', 'giornata', 'giorno'];
const DAY_WORDS: ReadonlySet<string> = new Set(DAY_LABELS);
const CHAPTER_LABELS = new Set([
  'chapter',
  'chap',
  'chapitre',
  'capitulo',
  'cap',
  'capitolo',
  'kapitel',
  'stave',
  'letter',
  'lettre',
  'lettera',
  'carta',
  'adventure',
  'aventura',
  'aventure',
  'story',
  'tale',
  'episode',
  'episodio',
  'canto',
  // A frame tale's days ("Primeiro Dia", "Day the Second", "Giornata prima"): a title after the number must look
  // like one, since "Day 1: the harbour. Day 4: …" is an itinerary (labelled()).
  ...DAY_LABELS,
  // A play's scenes; its acts are parts here, and become its chapters once the book is read as a play (plays.ts).
  'scene',
  'escena',
  'cena',
]);
/** The words that say "chapter" and nothing else. */
const CHAPTER_WORDS = new Set(['chapter', 'chap', 'chapitre', 'capitulo', 'cap', 'capitolo', 'kapitel']);

/** A heading word saying "chapter", whole or abbreviated ("CAPÍTULO", "Cap."), folded as HeadingMatch.label is. */
export function isChapterWord(label: string): boolean {
  return CHAPTER_WORDS.has(label);
}
const PART_LABELS = new Set([
  'part',
  'parte',
  'partie',
  'book',
  'libro',
  'livro',
  'livre',
  'volume',
  'vol',
  'volumen',
  'tomo',
  'tome',
  'section',
  'seccion',
  'secao',
  'act',
  'acte',
  'acto',
  'ato',
  // The acts of a Spanish comedia of the Golden Age ("JORNADA PRIMERA").
  'jornada',
]);

/**
 * A note by the author is read by its place: after the chapters it closes the book (an afterword, as named below),
 * before them it opens it, a preface (chapters.ts).
 */
const AUTHORS_NOTES = ["author's note", 'nota del autor', 'nota do autor', "note de l'auteur"];

/** Section names, folded; a line is one of these, possibly followed by a qualifier ("Preface to the Second Edition"). */
const SPECIAL_NAMES: Array<[ChapterType, string[]]> = [
  ['prologue', ['prologue', 'prologo']],
  // An unnumbered piece between numbered chapters is a chapter of its own, named as written.
  ['chapter', ['interlude', 'interludio', 'intermede', 'intermezzo']],
  ['epilogue', ['epilogue', 'epilogo']],
  [
    'preface',
    [
      'preface',
      'foreword',
      'prefacio',
      'preambulo',
      'avant-propos',
      'prefazione',
      'to the reader',
      'ao leitor',
      'al lector',
      'au lecteur',
      'advertencia',
      'avis au lecteur',
      'proemio',
      'nota preliminar',
      'nota previa',
      'apresentacao',
      'presentacion',
      'prefatory note',
      "publisher's note",
      "editor's note",
      'nota del editor',
      'nota do editor',
      "note de l'editeur",
    ],
  ],
  ['introduction', ['introduction', 'introductory note', 'introduccion', 'introducao', 'introduzione']],
  ['afterword', ['afterword', 'postscript', 'posfacio', 'postface', 'postfazione', 'nota final', ...AUTHORS_NOTES]],
  [
    'acknowledgments',
    ['acknowledgments', 'acknowledgements', 'agradecimientos', 'agradecimentos', 'remerciements', 'ringraziamenti'],
  ],
  [
    'about_the_author',
    [
      'about the author',
      'sobre el autor',
      'sobre la autora',
      'sobre o autor',
      'sobre a autora',
      'acerca del autor',
      'acerca de la autora',
      "a propos de l'auteur",
    ],
  ],
  ['credits', ['credits', 'creditos']],
  [
    'contents',
    ['contents', 'table of contents', 'indice', 'sumario', 'table des matieres', 'table', 'list of chapters'],
  ],
  ['dedication', ['dedication', 'dedicatoria', 'dedicace', 'dedica']],
  ['epigraph', ['epigraph', 'epigrafe', 'epigraphe']],
  // Standard Ebooks call their public-domain dedication the "Uncopyright", their title page "Titlepage".
  ['copyright', ['copyright', 'copyright page', 'uncopyright']],
  [
    'title_page',
    [
      'title page',
      'titlepage',
      'cover',
      'portada',
      'capa',
      'couverture',
      'folha de rosto',
      'page de titre',
      'frontespizio',
    ],
  ],
  ['half_title', ['half title', 'half-title', 'halftitle', 'anteportada', 'faux-titre', 'occhiello']],
  [
    'also_by',
    [
      'by the same author',
      'also by the author',
      'other books by the author',
      'obras do autor',
      'obras del autor',
      'do mesmo autor',
      'del mismo autor',
      'du meme auteur',
    ],
  ],
  ['colophon', ['colophon', 'colofon', 'colofao', 'imprint']],
  // A play's list of its persons: read to the listener, who will hear their names, under its own heading.
  [
    'front_matter',
    [
      'dramatis personae',
      'persons represented',
      'persons of the drama',
      'persons of the play',
      'cast of characters',
      'characters',
      'cast',
      'personajes',
      'personas',
      'personas del drama',
      'personas que hablan en ella',
      'personagens',
      'personnages',
    ],
  ],
  [
    'back_matter',
    [
      'notes',
      'endnotes',
      'footnotes',
      'notas',
      'vocabulary',
      'vocabulario',
      'vocabulaire',
      'glossary',
      'glosario',
      'glossario',
      'glossaire',
      'index',
      'indice alfabetico',
      'indice onomastico',
      'indice remissivo',
      'bibliography',
      'bibliografia',
      'bibliographie',
      // A list of books to read next, as a modern edition closes with one.
      'further reading',
      'lecturas recomendadas',
      'lecturas complementarias',
      'leituras recomendadas',
      'appendix',
      'appendices',
      'apendice',
      'apendices',
      'appendice',
      'anexo',
      'anexos',
      'annexe',
    ],
  ],
];
/** Names that may carry a qualifier after them and still be the section's heading. */
const QUALIFIABLE: ReadonlySet<ChapterType> = new Set<ChapterType>([
  'prologue',
  'epilogue',
  'preface',
  'introduction',
  'afterword',
  'contents',
  'also_by',
  'back_matter',
]);
const ALSO_BY = /^(?:also by|other (?:books|works|titles) by|books by|otras obras de|outras obras de)\s/;

const SPECIAL_BY_NAME = new Map<string, ChapterType>(
  SPECIAL_NAMES.flatMap(([type, names]) => names.map((name) => [name, type] as const)),
);

/**
 * Decoration around a heading: underscores of italics, asterisks, brackets, rules ("— 12 —", "[Chapter 1]"), and the
 * section sign before a section's number ("§ 3"), which says what a bare number says.
 */
const LEADING_DECORATION = /^[\s_*=~#•·[(<{|–—§-]+/u;
const TRAILING_DECORATION = /[\s_*=~#•·\])>}|–—-]/u;
const PUNCTUATION_AFTER_NUMBER = /[.:;,)–—-]/u;

/**
 * `text` without the run of characters `oneChar` matches at its end. A regular expression anchored at the end (`[…]+$`)
 * tries every start inside a long run that something else follows, which is the run's length squared: a line of
 * 100,000 dashes before a word held chapter detection for minutes. This reads each character once, from the end.
 */
function withoutTrailing(text: string, oneChar: RegExp): string {
  let end = text.length;
  while (end > 0 && oneChar.test(text[end - 1]!)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

function endsWith(text: string, oneChar: RegExp): boolean {
  return text.length > 0 && oneChar.test(text[text.length - 1]!);
}
const SEPARATOR = /^[.:;,)–—-]+\s*/u;
const TITLE_START = /^[\p{Lu}\p{N}"“'‘«¿¡([]/u;

function clean(rawLine: string): string {
  return withoutTrailing(
    rawLine.replace(/\s+/g, ' ').trim().replace(LEADING_DECORATION, ''),
    TRAILING_DECORATION,
  ).trim();
}

interface NumberRead {
  number: number;
  /** Tokens consumed. */
  length: number;
  punctuated: boolean;
  /** "last", "último": the heading's place, not a number (HeadingMatch.last). */
  last?: boolean;
}

/** Ordinal words naming the last of a sequence (en, es, pt, fr), folded. */
const LAST_WORDS = new Set(['last', 'ultimo', 'ultima', 'dernier', 'derniere']);
/** Definite articles that may stand before an ordinal heading ("THE LAST CHAPTER", "O último capítulo"). */
const DEFINITE_ARTICLES = new Set(['the', 'el', 'la', 'o', 'a', 'le']);

/** The number at tokens[from…]: digits, a Roman numeral or up to three number words ("twenty-first", "treinta y dos"). */
function readNumber(tokens: string[], from: number): NumberRead | undefined {
  const first = tokens[from];
  if (first === undefined) return undefined;
  const bare = withoutTrailing(first, PUNCTUATION_AFTER_NUMBER);
  const punctuated = bare.length !== first.length;
  if (LAST_WORDS.has(foldAccents(bare))) return { number: 0, length: 1, punctuated, last: true };
  if (/^\d{1,4}$/.test(bare)) return { number: Number(bare), length: 1, punctuated };
  // A digit with the ordinal indicator, as Portuguese and Spanish write "first" in figures: "CAPÍTULO 1.º", "PARTE 2.ª".
  const withIndicator = /^(\d{1,4})\.?[ºª°]$/u.exec(bare);
  if (withIndicator) return { number: Number(withIndicator[1]), length: 1, punctuated };
  const roman = romanToNumber(bare);
  if (roman !== undefined && (bare === bare.toUpperCase() || bare === bare.toLowerCase())) {
    return { number: roman, length: 1, punctuated };
  }
  for (let length = Math.min(3, tokens.length - from); length >= 1; length--) {
    const span = tokens.slice(from, from + length);
    // Only the last word of a spelled-out number may carry punctuation.
    if (span.slice(0, -1).some((token) => endsWith(token, PUNCTUATION_AFTER_NUMBER))) continue;
    const last = span[span.length - 1];
    const words = [...span.slice(0, -1), withoutTrailing(last, PUNCTUATION_AFTER_NUMBER)].join(' ');
    const number = wordsToNumber(words);
    if (number !== undefined) return { number, length, punctuated: endsWith(last, PUNCTUATION_AFTER_NUMBER) };
  }
  return undefined;
}

/** What follows the number: a title when separated or capitalised, otherwise the line is prose and not a heading. */
function readTrailer(rest: string, punctuated: boolean, dashOnly: boolean): string | undefined {
  const separated = punctuated || SEPARATOR.test(rest);
  const trailer = rest.replace(SEPARATOR, '').trim();
  if (trailer === '') return '';
  // A dash alone after the number may open an aside in prose ("Chapter one--so he said--was …"); a title after it
  // starts with a capital, as one after no separator does.
  const dashed = dashOnly || /^[–—-]/u.test(rest.trim());
  if ((!separated || dashed) && !TITLE_START.test(trailer)) return undefined;
  if (trailer.length > 150 || /[.!?]\s+\p{Ll}/u.test(trailer)) return undefined;
  return trailer;
}

/** "of the …", "del …", "da …": the words that let a part heading run on into the work's name. */
const RUN_ON = /^(?:of|del|de|da|do|das|dos|du|des|della|dello)\s+\p{L}/u;

function runOnTrailer(rest: string): string | undefined {
  const trailer = rest.trim();
  if (!RUN_ON.test(foldAccents(trailer)) || trailer.length > 120 || /[.!?;,]\s|[,;:]$/u.test(trailer)) return undefined;
  return trailer;
}

/** Articles that are also the number one (es, pt, fr): before a heading word they are articles. */
const INDEFINITE_ARTICLES = new Set(['un', 'una', 'um', 'uma', 'une']);

function labelled(tokens: string[]): HeadingMatch | null {
  const word = (index: number) => foldAccents(tokens[index] ?? '').replace(/[.:,]+$/, '');
  let label = word(0);
  let read: NumberRead | undefined;
  let restFrom: number;
  if (CHAPTER_LABELS.has(label) || PART_LABELS.has(label)) {
    const from = word(1) === 'the' ? 2 : 1;
    read = readNumber(tokens, from);
    restFrom = from + (read?.length ?? 0);
  } else {
    // An ordinal before the word: "FIRST PART", "Primera parte", "Première partie", "THE LAST CHAPTER". An indefinite
    // article is no number there: "Uma carta" is "A letter", not "Letter one".
    if (INDEFINITE_ARTICLES.has(label)) return null;
    const from = DEFINITE_ARTICLES.has(label) ? 1 : 0;
    read = readNumber(tokens, from);
    if (!read || read.punctuated || /\d/.test(tokens[from])) return null;
    label = word(from + read.length);
    if (!CHAPTER_LABELS.has(label) && !PART_LABELS.has(label)) return null;
    restFrom = from + read.length + 1;
    read = { ...read, punctuated: endsWith(tokens[from + read.length] ?? '', PUNCTUATION_AFTER_NUMBER) };
    // After an article, or with "last" first, only the word chapter, and alone or separated from its title: "THE
    // LAST LETTER", "Última carta" are a story's title, "The last chapter I read" is prose.
    if ((from === 1 || read.last) && !CHAPTER_WORDS.has(label)) return null;
    if (from === 1 && restFrom < tokens.length && !read.punctuated) return null;
  }
  if (!read) return null;
  const rest = tokens.slice(restFrom).join(' ');
  const isPart = PART_LABELS.has(label);
  const numberToken = tokens[restFrom - 1] ?? '';
  const trailer = readTrailer(rest, read.punctuated, /^[^.:;,)]*(?:[–—]|--?)$/u.test(numberToken));
  const runOn = trailer === undefined && isPart && !read.punctuated && !read.last ? runOnTrailer(rest) : undefined;
  if (trailer === undefined && runOn === undefined) return null;
  if (DAY_WORDS.has(label) && trailer && (!TITLE_START.test(trailer) || !isOneSentence(trailer))) return null;
  return {
    type: isPart ? 'part' : 'chapter',
    family: isPart ? 'part' : 'labelled',
    label,
    number: read.number,
    trailer: trailer ?? runOn ?? '',
    expectsTitle: trailer === '',
    ...(runOn !== undefined ? { runOn: true } : {}),
    ...(read.last ? { last: true } : {}),
  };
}

const NUMERAL_ALONE = /^(\d{1,3}|[IVXLCDM]{1,9})[.)]?$/u;
const NUMERAL_WITH_TITLE = /^(\d{1,3}|[IVXLCDM]{1,9})(?:[.:)]\s*(?:[–—]|--)?\s*|\s*[–—-]+\s*|\s{2,})(\S.*)$/u;

function numeral(line: string): HeadingMatch | null {
  const alone = NUMERAL_ALONE.exec(line);
  const titled = alone ? null : NUMERAL_WITH_TITLE.exec(line);
  const token = (alone ?? titled)?.[1];
  if (!token) return null;
  const number = /^\d+$/.test(token) ? Number(token) : romanToNumber(token);
  if (number === undefined || number === 0) return null;
  const trailer = titled ? titled[2].trim() : '';
  if (titled && (!TITLE_START.test(trailer) || trailer.length > 150 || /[.!?]\s+\p{Ll}/u.test(trailer))) return null;
  // "D. Pedro", "M. Dupont", "C. Smith": a lone L, C, D or M before a name is an initial or a title, not 50 … 1000.
  if (titled && /^[LCDM]$/.test(token)) return null;
  return { type: 'chapter', family: 'numeral', label: '', number, trailer, expectsTitle: trailer === '' };
}

const namePhrase = (line: string) =>
  foldAccents(line)
    .replace(/[’‘]/g, "'")
    .replace(/[.:;,!]+$/, '')
    .trim();

/** "Author's Note", "NOTA DO AUTOR", "Note de l'auteur à la seconde édition". */
export function isAuthorsNote(title: string): boolean {
  const phrase = namePhrase(title);
  return AUTHORS_NOTES.some((name) => phrase === name || phrase.startsWith(`${name} `));
}

function special(line: string): HeadingMatch | null {
  const phrase = namePhrase(line);
  const exact = SPECIAL_BY_NAME.get(phrase);
  const found = (type: ChapterType): HeadingMatch => ({
    type,
    family: 'special',
    label: '',
    trailer: '',
    expectsTitle: false,
  });
  if (exact) return found(exact);
  // "THE PERSONS OF THE PLAY", "The Epilogue": a section's name after a definite article is the same name.
  const [article, ...named] = phrase.split(' ');
  const afterArticle = DEFINITE_ARTICLES.has(article) ? SPECIAL_BY_NAME.get(named.join(' ')) : undefined;
  if (afterArticle) return found(afterArticle);
  if (ALSO_BY.test(phrase) && phrase.split(' ').length <= 8) return found('also_by');
  const words = phrase.split(/\s+/);
  if (words.length > 8 || /[.!?;]\s/.test(phrase)) return null;
  for (let length = Math.min(3, words.length - 1); length >= 1; length--) {
    const type = SPECIAL_BY_NAME.get(
      words
        .slice(0, length)
        .join(' ')
        .replace(/[:.,]$/, ''),
    );
    if (type && QUALIFIABLE.has(type)) return found(type);
  }
  return null;
}

/** A chapter number written as digits, a Roman numeral or words ("XXIV", "24", "twenty-four"), or undefined. */
export function readChapterNumber(token: string): number | undefined {
  const read = readNumber(token.trim().split(/\s+/), 0);
  return read?.last ? undefined : read?.number;
}

/**
 * The line's words, a dash written against the number taken as the separator it is: "CAPÍTULO PRIMERO.—De cómo …",
 * "BOOK THE FIRST.--THE RIVER" (a double hyphen for the dash in plain-text editions). A single hyphen joins words
 * ("TWENTY-ONE") and stays.
 */
function headingTokens(line: string): string[] {
  return line.split(' ').flatMap((token) => token.split(/(?<=\S(?:[–—]|--))(?=[^\s–—-])/u));
}

/** A heading without the decoration around it ("— 7 —" → "7", "_Chapter I_" → "Chapter I"). */
export const headingWithoutDecoration = (line: string): string => clean(line);

/**
 * A heading word standing alone, with no number ("SCENE" over a play's setting, "CHAPTER" set over a large number):
 * no title of the heading above it.
 */
export function isHeadingWordAlone(line: string): boolean {
  const word = foldAccents(clean(line)).replace(/[.:]+$/, '');
  return CHAPTER_LABELS.has(word) || PART_LABELS.has(word);
}

/** Classifies one line. Lines longer than a heading plausibly is are rejected outright. */
export function classifyHeadingLine(rawLine: string): HeadingMatch | null {
  const line = clean(rawLine);
  if (line.length === 0 || line.length > 160) return null;
  return labelled(headingTokens(line)) ?? numeral(line) ?? special(line);
}

/** A short line written all in capitals ("THE SISTERS", "ARABY"): in a story collection, a title on its own. */
export function isUpperCaseTitle(line: string): boolean {
  const trimmed = clean(line);
  if (trimmed.length < 2 || trimmed.length > 80 || trimmed.split(' ').length > 12) return false;
  if (!/\p{Lu}.*\p{Lu}/u.test(trimmed) || /\p{Ll}/u.test(trimmed)) return false;
  return !/[,;]$/.test(trimmed);
}

/** Short words a title leaves in lower case ("A Letter from Harrow", "Noche de San Juan", "O Fim da Rua"). */
const MINOR_TITLE_WORDS = new Set(
  (
    'a an the and or nor but of in on at to for from by with as into upon ' +
    'el la lo los las y e o u de del al en con por para sin sobre un una ' +
    'da do das dos na no nas nos em um uma ao aos ' +
    'le les des du et au aux un une sur dans pour ' +
    'il di della del dei e ed per con'
  ).split(' '),
);

/**
 * A short line in title case ("The First Snow", "What the River Kept"): every word capitalised but the small ones,
 * some letters in lower case (a line in capitals is isUpperCaseTitle's), no punctuation ending it as a sentence or
 * a clause does.
 */
export function isTitleCaseLine(line: string): boolean {
  const trimmed = clean(line);
  if (trimmed.length < 2 || trimmed.length > 60 || !/\p{Ll}/u.test(trimmed) || /[.,;:!?]$/.test(trimmed)) return false;
  const words = trimmed.split(' ');
  return (
    words.length <= 8 &&
    words.every((word, i) => /^[\p{Lu}\p{N}"“'‘«¿¡]/u.test(word) || (i > 0 && MINOR_TITLE_WORDS.has(word)))
  );
}

/**
 * A line shaped as a person's name ("MARÍA LUISA ORTEGA", "Anne Cole", "J. R. HALE"): two to four capitalised words,
 * none of the small words a title has.
 */
export function isNameShaped(line: string): boolean {
  const words = clean(line).split(' ');
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !MINOR_TITLE_WORDS.has(foldAccents(word)))
  );
}

/** An initial or a title of address before a name, in the languages we read (en, es, pt, fr). */
const TITLE_ABBREVIATION =
  /(^|[\s(«"“'‘¿¡])(\p{Lu}|D[ªº]|Mrs?|Ms|Drs?|Sts?|Sr|Sra|Srta|Sto|Sta|Snr|Prof|Rev|Gen|Col|Capt|Lt|Mme|Mlle|Mgr|Fr|Pe|Exmo|Exma|Ilmo|Ilma|Vv?Ex)\.(?=\s+\p{Lu})/gu;

/**
 * The line with the full stops of abbreviations before a name taken out ("D. Gloria", "Mr. Hyde", "St. Simon",
 * "Sr. Lobato"), so that its sentences can be counted.
 */
export function withoutAbbreviationStops(line: string): string {
  return line.replace(TITLE_ABBREVIATION, '$1$2');
}

/** One sentence at most: no full stop, question or exclamation mark before its end (abbreviations aside). */
export function isOneSentence(line: string): boolean {
  return /^[^.!?]*[.!?…]*$/u.test(withoutAbbreviationStops(line.trim()));
}

/** A short line that can complete a heading as its title ("CHAPTER XII." followed by "The Ball"). */
export function looksLikeTitleLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  if (trimmed.split(/\s+/).length > 12) return false;
  if (!/^[\p{Lu}\p{N}"“'‘¿¡«_]/u.test(trimmed)) return false;
  const isAllCaps = trimmed === trimmed.toUpperCase() && /\p{Lu}/u.test(trimmed);
  return isAllCaps || !/[.,;:!?…"”»]$/u.test(trimmed) || (isOneSentence(trimmed) && trimmed.split(/\s+/).length <= 6);
}

const END_MARKERS = new Set([
  'the end',
  'end',
  'fin',
  'fim',
  'finis',
  'fine',
  'ende',
  'la fin',
  'fin del libro',
  // A play's last line: the curtain falls ("CURTAIN", "TELÓN", "RIDEAU", "Cai o pano"), the comedia ends.
  'curtain',
  'telon',
  'rideau',
  'cai o pano',
  'fin de la comedia',
  'fin del drama',
]);

/** A line that closes the work ("THE END", "FIN.", "FIM", "Finis"): what follows it is not part of the story. */
export function isEndMarker(line: string): boolean {
  return END_MARKERS.has(
    foldAccents(clean(line))
      .replace(/[.!]+$/, '')
      .trim(),
  );
}
