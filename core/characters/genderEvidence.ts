/**
 * Gender evidence around a mention, never a guess from how a name ends: the first gendered pronoun after the name in
 * the same stretch of narration (stopping at the next name, a paragraph break or a line of dialogue, where a pronoun
 * would belong to someone else), and in Spanish and Portuguese the article before the name ("o Cotrim", "a
 * Virgilia", "da Sabina") and the one that opens a phrase set in apposition after it ("Andrés, el menor,"). Titles are decisive and counted apart (clusters.ts, honorifics.ts).
 */
import type { AgeBand, Gender } from './character';
import {
  FEMININE_AFTER_EL,
  foldWord,
  GENDERED_ARTICLES,
  GENDERED_NOUNS,
  isFunctionWord,
  PRONOUNS,
  type HeuristicLanguage,
} from './vocabulary';

/** How far after a mention a pronoun may still refer to it. */
const PRONOUN_WINDOW = 150;
const WINDOW_STOP = /\r?\n[ \t]*\r?\n|["“«]|—|–|--/u;

export interface Votes {
  female: number;
  male: number;
}

export function emptyVotes(): Votes {
  return { female: 0, male: 0 };
}

export function addVote(votes: Votes, gender: Gender, weight = 1): void {
  if (gender === 'female') votes.female += weight;
  else if (gender === 'male') votes.male += weight;
}

export function genderOf(votes: Votes): Gender {
  if (votes.female === votes.male) return 'unknown';
  return votes.female > votes.male ? 'female' : 'male';
}

/** The gender of the first pronoun between `from` and `until` (the next mention), within the same narration. */
export function pronounAfter(text: string, from: number, until: number, language: HeuristicLanguage): Gender {
  let window = text.slice(from, Math.min(until, from + PRONOUN_WINDOW));
  const stop = WINDOW_STOP.exec(window);
  if (stop) window = window.slice(0, stop.index);
  const { female, male } = PRONOUNS[language];
  for (const [word] of window.matchAll(/\p{L}+/gu)) {
    const lower = word.toLowerCase();
    if (female.includes(lower)) return 'female';
    if (male.includes(lower)) return 'male';
  }
  return 'unknown';
}

/**
 * The gender the article before a mention marks (Spanish, Portuguese), right before it ("o Cotrim") or before one
 * adjective or noun that goes with the name ("la hermosa Marcela", "la pastora Marcela", "o velho Cotrim"): the
 * article agrees with the whole phrase, whose person the name is. Unknown in English.
 */
export function articleBefore(text: string, offset: number, language: HeuristicLanguage): Gender {
  const window = text.slice(Math.max(0, offset - 30), offset);
  const right = /(\p{L}+)[ \t]+$/u.exec(window)?.[1];
  if (right === undefined) return 'unknown';
  const adjacent = articleGender(right, language);
  if (adjacent !== 'unknown' || isFunctionWord(right, language) || !/^\p{Ll}/u.test(right)) return adjacent;
  // One lower-case word between: "de la hermosa Marcela", "la pastora Marcela"; "la carta que leyó Marcela" has
  // no plain article two words back.
  const article = /(?:^|[^\p{L}])(\p{L}+)[ \t]+\p{L}+[ \t]+$/u.exec(window)?.[1];
  return article !== undefined && PLAIN_ARTICLES.has(foldWord(article)) ? articleGender(article, language) : 'unknown';
}

/** "her daughter Katherine", "the widow Douglas": a determiner and a noun of one sex right before an English name. */
const NOUN_BEFORE =
  /(?:^|[^\p{L}])(?:the|his|her|their|my|our|your)[ \t\r\n]+(?:\p{Ll}+[ \t\r\n]+)?(\p{Ll}+)[ \t\r\n]+$/u;
/** A possessive on the name, written with it or after it ("the man Tom's hat"), makes the noun someone else. */
const POSSESSIVE_AFTER = /['’]s(?!\p{L})/u;

/**
 * The gender a noun of one sex right before an English name says ("her daughter Katherine", "his old friend
 * Tom", "the widow Douglas"); Spanish and Portuguese say it with the article (`articleBefore`). Unknown otherwise.
 */
export function nounBefore(text: string, offset: number, end: number, language: HeuristicLanguage): Gender {
  if (language !== 'en') return kinNounBefore(text, offset, language);
  if (POSSESSIVE_AFTER.test(text.slice(Math.max(offset, end - 2), end + 3))) return 'unknown';
  const noun = NOUN_BEFORE.exec(text.slice(Math.max(0, offset - 40), offset))?.[1];
  if (noun === undefined) return 'unknown';
  const { female, male } = GENDERED_NOUNS.en;
  return female.has(foldWord(noun)) ? 'female' : male.has(foldWord(noun)) ? 'male' : 'unknown';
}

/**
 * "su nieta Rosa", "mi hermano Tomás", "sua filha Maria": a possessive, which in Spanish does not agree with the
 * person, then a word of kin that says the person's sex, right before the name. After an article the article already
 * votes (`articleBefore`).
 */
const KIN_NOUN_BEFORE: Partial<Record<HeuristicLanguage, RegExp>> = {
  es: /(?:^|[^\p{L}])(?:su|mi|tu|nuestr[oa]|vuestr[oa])[ \t\r\n]+(\p{Ll}+)[ \t\r\n]+$/u,
  pt: /(?:^|[^\p{L}])(?:seu|sua|meu|minha|teu|tua|noss[oa]|voss[oa])[ \t\r\n]+(\p{Ll}+)[ \t\r\n]+$/u,
};
const kinWords = (words: string) => new Set(words.split(' ').map(foldWord));
// "avó" and "avô" fold to one word, so Portuguese grandparents are left out.
const KIN_NOUNS: Partial<Record<HeuristicLanguage, { female: Set<string>; male: Set<string> }>> = {
  es: {
    female: kinWords('madre hija hermana abuela nieta esposa mujer tia prima sobrina viuda novia'),
    male: kinWords('padre hijo hermano abuelo nieto esposo marido tio primo sobrino viudo novio'),
  },
  pt: {
    female: kinWords('mae filha irma neta esposa mulher tia prima sobrinha viuva noiva'),
    male: kinWords('pai filho irmao neto esposo marido tio primo sobrinho viuvo noivo'),
  },
};

function kinNounBefore(text: string, offset: number, language: HeuristicLanguage): Gender {
  const noun = KIN_NOUN_BEFORE[language]?.exec(text.slice(Math.max(0, offset - 30), offset))?.[1];
  const nouns = KIN_NOUNS[language];
  if (noun === undefined || nouns === undefined) return 'unknown';
  return nouns.female.has(foldWord(noun)) ? 'female' : nouns.male.has(foldWord(noun)) ? 'male' : 'unknown';
}

/**
 * "un preto velho chamado Benedito", "una niña llamada Rosa", "conocida como la Chata": a participle of naming agrees
 * with the person it names. After a form of "tener"/"ter"/"haber"/"haver" the participle is invariable ("había
 * llamado Rosa", "tinha chamado Maria": someone called her) and says nothing.
 */
const NAMING_PARTICIPLE: Partial<Record<HeuristicLanguage, RegExp>> = {
  es: /(?:^|[^\p{L}])(?:(\p{L}+)[ \t\r\n]+)?(?:llamad|apodad|conocid)([oa])[ \t\r\n]+(?:(?:como|por)[ \t\r\n]+)?(?:(?:el|la)[ \t\r\n]+)?$/u,
  pt: /(?:^|[^\p{L}])(?:(\p{L}+)[ \t\r\n]+)?(?:chamad|apelidad|conhecid)([oa])[ \t\r\n]+(?:(?:como|por)[ \t\r\n]+)?(?:(?:o|a)[ \t\r\n]+)?$/u,
};
const AUXILIARY =
  /^(?:ter|tenho|tens|tem|têm|temos|tinha|tinhas|tinham|tínhamos|tive|teve|tiveram|teria|tivesse|tendo|haver|havia|haviam|há|hei|haber|he|has|ha|hemos|habéis|han|había|habías|habían|habíamos|hubo|habría|haya|hubiera|hubiese|habiendo|havendo)$/iu;

/** The gender the participle of naming right before a mention agrees in (Spanish, Portuguese). */
export function namingParticipleBefore(text: string, offset: number, language: HeuristicLanguage): Gender {
  const pattern = NAMING_PARTICIPLE[language];
  const found = pattern?.exec(text.slice(Math.max(0, offset - 50), offset));
  if (!found || (found[1] !== undefined && AUXILIARY.test(found[1]))) return 'unknown';
  return found[2] === 'a' ? 'female' : 'male';
}

/**
 * "Paquito era el mozo de cuadra.", "O Juca era o velho jardineiro que…": a name opening its sentence, the past of
 * "ser" and a noun phrase after its article (up to two words before the noun, which ends at a stop, a comma, "que" or
 * its complement, as roleNames.ts reads such a sentence for a role). The article agrees with the person.
 */
const COPULA_ARTICLE: Partial<Record<HeuristicLanguage, RegExp>> = {
  es: /^[ \t]+era[ \t]+(el|la)[ \t]+(?:\p{Ll}+[ \t]+){0,2}(\p{Ll}+)(?=[ \t]*[,.;]|[ \t]+(?:que|del?)[ \t])/u,
  pt: /^[ \t]+era[ \t]+(o|a)[ \t]+(?:\p{Ll}+[ \t]+){0,2}(\p{Ll}+)(?=[ \t]*[,.;]|[ \t]+(?:que|d[oa]s?|de)[ \t])/u,
};
const SENTENCE_OPENS_BEFORE = /(?:^|[.!?][ \t]+|\n[ \t]*)(?:(?:O|A|El|La)[ \t]+)?$/u;
/**
 * Nouns of a quality, a state or an act, known by their ending ("alegría", "tristeza", "bondad", "perdição",
 * "ternura", "tormento"): "Pedro era a alegria da casa" is a figure of speech, whose article agrees with the noun,
 * not with Pedro. At least three letters before the ending, so that "tia" stays a person. Matched folded.
 */
const QUALITY_NOUN = /^\p{L}{3,}(?:ia|eza|dade|dad|tude|tud|cao|cion|sao|sion|encia|ancia|mento|miento|ismo|ura)$/u;

/** The gender the article of "<Name> era el/la …" says of the name written at [offset, end) (Spanish, Portuguese). */
export function copulaArticleAfter(text: string, offset: number, end: number, language: HeuristicLanguage): Gender {
  const pattern = COPULA_ARTICLE[language];
  if (pattern === undefined || !SENTENCE_OPENS_BEFORE.test(text.slice(Math.max(0, offset - 12), offset)))
    return 'unknown';
  const found = pattern.exec(text.slice(end, end + 80));
  if (found === null || isFunctionWord(found[2], language)) return 'unknown';
  // Any word of the phrase after its article: "a alegria da casa" ends on "casa".
  const words = found[0]
    .trim()
    .split(/[ \t]+/u)
    .slice(2);
  if (words.some((word) => QUALITY_NOUN.test(foldWord(word)))) return 'unknown';
  // "Rosa era el ama de la casa": a feminine noun that takes "el".
  if (FEMININE_AFTER_EL.has(foldWord(found[2]))) return 'female';
  return articleGender(found[1], language);
}

/** Words after which "a" is a preposition, not an article ("Pedro, a quem…", "Ana, a cuja casa…"). */
const RELATIVES = new Set([
  'quem',
  'que',
  'qual',
  'quais',
  'cujo',
  'cuja',
  'cujos',
  'cujas',
  'quien',
  'cual',
  'cuyo',
  'cuya',
]);

/**
 * A phrase set in apposition right after a name: its determiner and up to three words, to the next stop. A word may
 * be a compound ("the kitchen-maid", "the ferry-man").
 */
const APPOSED = /^,[ \t]+(\p{L}+)[ \t]+((?:\p{Ll}[\p{Ll}\p{M}]*(?:-\p{Ll}[\p{Ll}\p{M}]*)*[ \t]*){1,3})/u;

/**
 * The gender a phrase set in apposition after a name in narration says: in Spanish and Portuguese its article
 * ("Andrés, el menor,", "Pedro, o filho mais novo,"), in English a noun of the phrase that carries a gender
 * ("Arthur, the youngest son,"). An article before a relative pronoun is a preposition ("Pedro, a quem…"). Unknown
 * when there is no such phrase.
 */
export function appositionAfter(text: string, end: number, language: HeuristicLanguage): Gender {
  const phrase = APPOSED.exec(text.slice(end, end + 60));
  if (phrase === null) return 'unknown';
  const [, determiner, rest] = phrase;
  const words = rest.trim().split(/[ \t]+/u);
  if (language === 'en') {
    if (!/^(?:the|his|her|their)$/iu.test(determiner)) return 'unknown';
    const nouns = GENDERED_NOUNS.en;
    // A compound's gender is its last part's: "kitchen-maid" is a maid.
    const noun = words
      .map((word) => foldWord(word.split('-').at(-1) ?? word))
      .find((word) => nouns.female.has(word) || nouns.male.has(word));
    return noun === undefined ? 'unknown' : nouns.female.has(noun) ? 'female' : 'male';
  }
  if (!PLAIN_ARTICLES.has(foldWord(determiner)) || RELATIVES.has(foldWord(words[0]))) return 'unknown';
  return articleGender(determiner, language);
}

function articleGender(word: string, language: HeuristicLanguage): Gender {
  return GENDERED_ARTICLES[language][foldWord(word)] ?? GENDERED_ARTICLES[language][word.toLowerCase()] ?? 'unknown';
}
const PLAIN_ARTICLES = new Set(['el', 'la', 'o', 'a']);

/** An age word right before a mention ("old Fezziwig", "la joven Rosa"). */
export function ageBefore(text: string, offset: number): AgeBand | null {
  const before = text.slice(Math.max(0, offset - 24), offset);
  if (/\b(old|elderly|aged|viej[oa]|anciano|anciana|velh[oa]|idos[oa])\s*$/iu.test(before)) return 'elderly';
  if (/\b(little|child|boy|girl|niñ[oa]|pequeñ[oa]|menin[oa]|garot[oa])\s*$/iu.test(before)) return 'child';
  if (/\b(young|joven|jovem|moç[oa])\s*$/iu.test(before)) return 'young_adult';
  return null;
}
