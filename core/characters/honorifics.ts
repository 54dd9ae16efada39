/**
 * Titles written before a name, per language, and what they say about the person (docs/characters.md):
 * the gender they imply, whether they go with a surname ("Mr. Darcy"), a given name ("Don Julián", "Sir William",
 * "D. Placida") or either ("Miss Bingley", "Miss Lydia"), or are ranks that stay with their own form ("Lady
 * Catherine", "Lord Byron"). Equivalent titles share a class: "Sr. Cubas" and "Senhor Cubas" are one form.
 */
import type { Gender } from './character';
import type { HeuristicLanguage } from './vocabulary';

/**
 * `surname`: "Mr. Darcy" — the name is a family name. `given`: "Don Julián" — the name is a given name, the same
 * person as the bare "Julián". `either`: "Miss Bingley" / "Miss Lydia" — decided by how the word is used elsewhere.
 * `rank`: "Lady Catherine", "Lord Byron" — a person of rank keeps the title; only the same title links forms.
 */
export type Naming = 'surname' | 'given' | 'either' | 'rank';

export interface Honorific {
  /** Equivalent titles share a class (`mr` for Mr, Sr, Señor, Senhor). */
  cls: string;
  gender: Gender;
  naming: Naming;
  /** Written in lower case before names in this language's orthography ("don Quijote", "tio João"). */
  lowerCaseIn?: HeuristicLanguage[];
  /** Shown with a dot when it is an abbreviation. */
  abbreviation?: boolean;
  /**
   * A surname title that Spanish and Portuguese also put before given names ("señor Juan", "señora Dulcinea",
   * "Sr. Juan López"): it names a given name when the book uses the word as one elsewhere.
   */
  givenWhenKnown?: boolean;
  /**
   * A kin word before a given name ("tia Justina", "mana Gloria", "Aunt Polly"): it says how the speaker is related
   * to the person, so different people write the same person with different kin words.
   */
  kin?: boolean;
}

const ROMANCE: HeuristicLanguage[] = ['es', 'pt'];

/** Keys are the title as written, lower-case, without its dot. */
export const HONORIFICS: Record<string, Honorific> = {
  mr: { cls: 'mr', gender: 'male', naming: 'surname', abbreviation: true },
  mister: { cls: 'mr', gender: 'male', naming: 'surname' },
  mrs: { cls: 'mrs', gender: 'female', naming: 'surname', abbreviation: true },
  ms: { cls: 'ms', gender: 'female', naming: 'surname', abbreviation: true },
  miss: { cls: 'miss', gender: 'female', naming: 'either' },
  master: { cls: 'master', gender: 'male', naming: 'either' },
  dr: { cls: 'dr', gender: 'unknown', naming: 'surname', abbreviation: true },
  doctor: { cls: 'dr', gender: 'unknown', naming: 'surname' },
  professor: { cls: 'professor', gender: 'unknown', naming: 'surname' },
  prof: { cls: 'professor', gender: 'unknown', naming: 'surname', abbreviation: true },
  rev: { cls: 'reverend', gender: 'male', naming: 'surname', abbreviation: true },
  reverend: { cls: 'reverend', gender: 'male', naming: 'surname' },
  father: { cls: 'father', gender: 'male', naming: 'either' },
  colonel: { cls: 'colonel', gender: 'male', naming: 'surname' },
  captain: { cls: 'captain', gender: 'male', naming: 'surname' },
  major: { cls: 'major', gender: 'male', naming: 'surname' },
  general: { cls: 'general', gender: 'male', naming: 'surname' },
  lieutenant: { cls: 'lieutenant', gender: 'male', naming: 'surname' },
  sergeant: { cls: 'sergeant', gender: 'male', naming: 'surname' },
  madame: { cls: 'mrs', gender: 'female', naming: 'surname' },
  madam: { cls: 'mrs', gender: 'female', naming: 'surname' },
  mme: { cls: 'mrs', gender: 'female', naming: 'surname', abbreviation: true },
  mlle: { cls: 'miss', gender: 'female', naming: 'either', abbreviation: true },
  monsieur: { cls: 'mr', gender: 'male', naming: 'surname' },
  lord: { cls: 'lord', gender: 'male', naming: 'rank' },
  lady: { cls: 'lady', gender: 'female', naming: 'rank' },
  sir: { cls: 'sir', gender: 'male', naming: 'rank' },
  dame: { cls: 'dame', gender: 'female', naming: 'rank' },
  king: { cls: 'king', gender: 'male', naming: 'rank' },
  queen: { cls: 'queen', gender: 'female', naming: 'rank' },
  prince: { cls: 'prince', gender: 'male', naming: 'rank' },
  princess: { cls: 'princess', gender: 'female', naming: 'rank' },
  count: { cls: 'count', gender: 'male', naming: 'rank' },
  countess: { cls: 'countess', gender: 'female', naming: 'rank' },
  duke: { cls: 'duke', gender: 'male', naming: 'rank' },
  duchess: { cls: 'duchess', gender: 'female', naming: 'rank' },
  baron: { cls: 'baron', gender: 'male', naming: 'rank' },
  baroness: { cls: 'baroness', gender: 'female', naming: 'rank' },
  earl: { cls: 'earl', gender: 'male', naming: 'rank' },
  marquis: { cls: 'marquis', gender: 'male', naming: 'rank' },
  marquess: { cls: 'marquis', gender: 'male', naming: 'rank' },
  viscount: { cls: 'viscount', gender: 'male', naming: 'rank' },
  emperor: { cls: 'emperor', gender: 'male', naming: 'rank' },
  empress: { cls: 'empress', gender: 'female', naming: 'rank' },
  inspector: { cls: 'inspector', gender: 'unknown', naming: 'surname' },
  constable: { cls: 'constable', gender: 'unknown', naming: 'surname' },
  aunt: { cls: 'aunt', gender: 'female', naming: 'given', kin: true },
  uncle: { cls: 'uncle', gender: 'male', naming: 'given', kin: true },
  /** "Cousin Jane": English gives a cousin no gender. */
  cousin: { cls: 'cousin-any', gender: 'unknown', naming: 'given', kin: true },
  sr: { cls: 'mr', gender: 'male', naming: 'surname', abbreviation: true, givenWhenKnown: true },
  sra: { cls: 'mrs', gender: 'female', naming: 'surname', abbreviation: true, givenWhenKnown: true },
  srta: { cls: 'miss', gender: 'female', naming: 'either', abbreviation: true },
  señor: { cls: 'mr', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE, givenWhenKnown: true },
  señora: { cls: 'mrs', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE, givenWhenKnown: true },
  señorita: { cls: 'miss', gender: 'female', naming: 'either', lowerCaseIn: ROMANCE },
  senhor: { cls: 'mr', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE, givenWhenKnown: true },
  senhora: { cls: 'mrs', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE, givenWhenKnown: true },
  senhorita: { cls: 'miss', gender: 'female', naming: 'either', lowerCaseIn: ROMANCE },
  don: { cls: 'don', gender: 'male', naming: 'given', lowerCaseIn: ROMANCE },
  doña: { cls: 'dona', gender: 'female', naming: 'given', lowerCaseIn: ROMANCE },
  dom: { cls: 'don', gender: 'male', naming: 'given', lowerCaseIn: ROMANCE },
  dona: { cls: 'dona', gender: 'female', naming: 'given', lowerCaseIn: ROMANCE },
  /** "D. Placida" (Dona) or "D. Pedro" (Dom): the gender comes from the text around it. */
  d: { cls: 'd', gender: 'unknown', naming: 'given', abbreviation: true },
  tío: { cls: 'uncle', gender: 'male', naming: 'given', kin: true, lowerCaseIn: ROMANCE },
  tía: { cls: 'aunt', gender: 'female', naming: 'given', kin: true, lowerCaseIn: ROMANCE },
  tio: { cls: 'uncle', gender: 'male', naming: 'given', kin: true, lowerCaseIn: ROMANCE },
  tia: { cls: 'aunt', gender: 'female', naming: 'given', kin: true, lowerCaseIn: ROMANCE },
  padre: { cls: 'father', gender: 'male', naming: 'either', lowerCaseIn: ROMANCE },
  /** Brazilian colloquial "Sinhá Rosa", "sinhá Joana" (senhora before a given name). */
  sinhá: { cls: 'dona', gender: 'female', naming: 'given', lowerCaseIn: ['pt'] },
  /** Spanish colloquial "señá Frasquita" (señora before a given name). */
  señá: { cls: 'dona', gender: 'female', naming: 'given', lowerCaseIn: ROMANCE },
  maese: { cls: 'maese', gender: 'male', naming: 'given', lowerCaseIn: ROMANCE },
  sor: { cls: 'sister', gender: 'female', naming: 'given', lowerCaseIn: ROMANCE },
  primo: { cls: 'cousin-m', gender: 'male', naming: 'given', kin: true, lowerCaseIn: ROMANCE },
  prima: { cls: 'cousin-f', gender: 'female', naming: 'given', kin: true, lowerCaseIn: ROMANCE },
  /** Portuguese "mano Cosme", "mana Rita" (brother, sister before a given name). */
  mano: { cls: 'sibling', gender: 'male', naming: 'given', kin: true, lowerCaseIn: ['pt'] },
  mana: { cls: 'sibling-f', gender: 'female', naming: 'given', kin: true, lowerCaseIn: ['pt'] },
  licenciado: { cls: 'licenciado', gender: 'male', naming: 'either', lowerCaseIn: ROMANCE },
  bachiller: { cls: 'bachiller', gender: 'male', naming: 'either', lowerCaseIn: ROMANCE },
  bacharel: { cls: 'bachiller', gender: 'male', naming: 'either', lowerCaseIn: ROMANCE },
  frei: { cls: 'friar', gender: 'male', naming: 'given', lowerCaseIn: ROMANCE },
  fray: { cls: 'friar', gender: 'male', naming: 'given', lowerCaseIn: ROMANCE },
  coronel: { cls: 'colonel', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  capitão: { cls: 'captain', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  capitán: { cls: 'captain', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  doutor: { cls: 'dr', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  conego: { cls: 'canon', gender: 'male', naming: 'given', lowerCaseIn: ROMANCE },
  cônego: { cls: 'canon', gender: 'male', naming: 'given', lowerCaseIn: ROMANCE },
  conselheiro: { cls: 'councillor', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  /**
   * Brazilian colloquial "seu Juvêncio" (senhor before a given name), the male of "sinhá". Only before a capitalised
   * word is it a title at all: the possessive before a common noun ("seu livro") never opens a name.
   */
  seu: { cls: 'don', gender: 'male', naming: 'given', lowerCaseIn: ['pt'] },
  /** Professions and offices written before a surname; Spanish and Portuguese give them a gender. */
  ingeniero: { cls: 'engineer', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  ingeniera: { cls: 'engineer', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE },
  engenheiro: { cls: 'engineer', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  engenheira: { cls: 'engineer', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE },
  arquitecto: { cls: 'architect', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  arquitecta: { cls: 'architect', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE },
  arquiteto: { cls: 'architect', gender: 'male', naming: 'surname', lowerCaseIn: ROMANCE },
  arquiteta: { cls: 'architect', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE },
  licenciada: { cls: 'licenciado', gender: 'female', naming: 'either', lowerCaseIn: ROMANCE },
  doctora: { cls: 'dr', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE },
  doutora: { cls: 'dr', gender: 'female', naming: 'surname', lowerCaseIn: ROMANCE },
};

export function honorificOf(title: string): Honorific | undefined {
  return HONORIFICS[title.replace(/\.$/u, '').toLowerCase()];
}

/** The title that defines a class (`mr` for Mr, Sr, Señor, Senhor): its gender and naming are the class's. */
export function honorificClass(cls: string): Honorific | undefined {
  return HONORIFICS[cls] ?? Object.values(HONORIFICS).find((honorific) => honorific.cls === cls);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

const patternCache = new Map<HeuristicLanguage, string>();

/**
 * A regular-expression source matching a title of the language as written before a name, with its dot when it is an
 * abbreviation ("Mr.", "Mr", "D."). Lower-case spellings only where the language writes titles in lower case.
 */
export function honorificPattern(language: HeuristicLanguage): string {
  const cached = patternCache.get(language);
  if (cached) return cached;
  const alternatives = Object.entries(HONORIFICS)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([key, honorific]) => {
      const first = key[0];
      const rest = escape(key.slice(1));
      const initial = honorific.lowerCaseIn?.includes(language)
        ? `[${first.toUpperCase()}${first}]`
        : first.toUpperCase();
      // A one-letter title ("D.") needs its dot, or every initial would be a title; the "D." of a postscript
      // ("P. D. Encarna te manda…") is none.
      const dot = key.length === 1 ? '\\.' : honorific.abbreviation ? '\\.?' : '';
      const postscript = key.length === 1 ? '(?<!(?<!\\p{L})P\\.[ \\t]?)' : '';
      return `${postscript}${initial}${rest}${dot}`;
    });
  const pattern = `(?:${alternatives.join('|')})(?!\\p{L})`;
  patternCache.set(language, pattern);
  return pattern;
}

/** How a title is shown in a name: abbreviations with their dot ("Mr. Darcy", "D. Placida"), others as written. */
export function displayTitle(title: string): string {
  const honorific = honorificOf(title);
  const bare = title.replace(/\.$/u, '');
  return honorific?.abbreviation ? `${bare}.` : bare;
}
