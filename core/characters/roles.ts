/**
 * Unnamed speakers known by their role: "said the old man", "the priest replied", "—dijo el cura", "disse o padre",
 * "said my aunt", "said Scrooge's nephew". A role is the noun phrase after a definite article, a first-person
 * possessive or a possessive name, when it is the subject of a speech verb, with the name of its possessor after
 * "of", "de", "do" ("the wife of Hale", "a mulher de Reed"); determiners and numerals ("said the other", "cried the
 * two") are not roles. The role's gender comes from the article (Spanish, Portuguese) or the noun
 * itself ("the old woman").
 */
import type { Gender } from './character';
import { honorificOf } from './honorifics';
import { occupationGender } from './occupationNouns';
import { findInterruptedTags } from './interruptedTags';
import { NAME_TOKEN, reportsDialogue, SPACE } from './mentions';
import {
  FEMININE_AFTER_EL,
  foldWord,
  GENDERED_ARTICLES,
  GENDERED_NOUNS,
  isFunctionWord,
  NOT_ROLES,
  TAG_ADVERB,
  type HeuristicLanguage,
} from './vocabulary';
import { SPEECH_VERBS, verbAlternatives } from './speechVerbs';

export interface RoleAttribution {
  /** Lower-case determiner and phrase: `the old man`, `o padre`, `scrooge's nephew`. */
  key: string;
  /** As first written: `the old man`, `Scrooge's nephew`. */
  phrase: string;
  offset: number;
  length: number;
  verb: string;
  gender: Gender;
}

/** Determiners that make a stable role: definite articles and the narrator's own "my" (never "his", "her"). */
const DETERMINERS: Record<HeuristicLanguage, string> = {
  en: '(?:the|The|my|My)',
  es: '(?:el|El|la|La|mi|Mi)',
  pt: '(?:o|O|a|A|meu|Meu|minha|Minha)',
};
const CLITIC = '(?:-(?:me|te|lhe|nos|vos|lhes|se))?';
/** A word, hyphenated or not; a trailing hyphen is dialogue punctuation ("-dijo el ventero-"). */
const WORD = "\\p{L}[\\p{L}\\p{M}'’]*(?:-\\p{L}[\\p{L}\\p{M}'’]*)*";
/** Between the words of a role: spaces, or one line break of a wrapped line ("said the Mock⏎Turtle"). */
const GAP = '(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)';
const PHRASE = `${WORD}(?:${GAP}${WORD}){0,3}`;

const NEGATIONS = new Set(['no', 'not', 'never', 'nunca', 'jamas', 'ni', 'nao', 'nem']);

interface Patterns {
  /** A whole subject that is one role with its determiner ("El labrador", "The old man"). */
  subject: RegExp;
  after: RegExp;
  before: RegExp;
  possessiveAfter: RegExp;
  possessiveBefore: RegExp;
}

const cache = new Map<HeuristicLanguage, Patterns>();

function patternsFor(language: HeuristicLanguage): Patterns {
  const cached = cache.get(language);
  if (cached) return cached;
  const verbs = verbAlternatives(SPEECH_VERBS[language].thirdPerson);
  const strictVerbs = verbAlternatives(SPEECH_VERBS[language].unambiguous);
  const determiner = DETERMINERS[language];
  const patterns = {
    subject: new RegExp(`^(${determiner})${GAP}(${PHRASE})$`, 'u'),
    after: new RegExp(
      `(?<!\\p{L})(${verbs})${CLITIC}${SPACE}(?:${TAG_ADVERB[language]}${SPACE})?(${determiner})${GAP}(${PHRASE})`,
      'gud',
    ),
    before: new RegExp(`(?<![\\p{L}'’])(${determiner})${GAP}(${PHRASE})${SPACE}(${strictVerbs})(?!\\p{L})`, 'gud'),
    possessiveAfter: new RegExp(`(?<!\\p{L})(${verbs})${SPACE}(${NAME_TOKEN})['’]s[ \\t]+(\\p{Ll}+)(?!\\p{L})`, 'gud'),
    possessiveBefore: new RegExp(
      `(?<![\\p{L}'’])(${NAME_TOKEN})['’]s[ \\t]+(\\p{Ll}+)${SPACE}(${strictVerbs})(?!\\p{L})`,
      'gud',
    ),
  };
  cache.set(language, patterns);
  return patterns;
}

/**
 * The role words of a phrase after its determiner: up to three lower-case words ending at a function word, an
 * adverb or a gerund ("the old man gravely" → "old man"). Capitalised words after the article are a role written
 * as a title ("the Ghost", "the Mock Turtle", "el Magistral"); a Spanish or Portuguese title before a name ("el Sr.
 * Juan López") is none. Null when nothing is left or the head is a determiner or numeral.
 */
function roleWords(raw: string, language: HeuristicLanguage, wholePhrase: boolean): string[] | null {
  const words = raw.split(/\s+/u);
  if (/^\p{Lu}/u.test(words[0])) {
    // "el Sr. Juan López", "la Sra. Gómez": a title before a name, not a role.
    if (language !== 'en' && honorificOf(words[0]) !== undefined) return null;
    // A title of one or more capitalised words: "the Ghost", "the Mock Turtle", "the March Hare".
    const title: string[] = [];
    for (const word of words) {
      if (!/^\p{Lu}/u.test(word)) break;
      title.push(word);
    }
    while (title.length > 0 && isFunctionWord(title[title.length - 1], language)) title.pop();
    // Before a verb, a negation says nobody spoke: "El Corregidor no contestó", "the King never said".
    if (wholePhrase && words.slice(title.length).some((word) => NEGATIONS.has(foldWord(word)))) return null;
    return title.length > 0 ? title : null;
  }
  const kept: string[] = [];
  for (const [index, word] of words.entries()) {
    // "la señá Frasquita", "el tío Lucas": a title before a name, not a role.
    if (honorificOf(word) !== undefined && /^\p{Lu}/u.test(words[index + 1] ?? '')) return null;
    if (!/^\p{Ll}/u.test(word) || isFunctionWord(word, language) || isModifier(word, language)) break;
    kept.push(word);
  }
  const possessor = possessorAfter(words, kept.length, language);
  const whole = possessor.length > 0 ? kept.length + 1 + possessor.length : kept.length;
  // Before a verb ("the old man said") the whole phrase must be the role, or "the man who said" would match.
  if (kept.length === 0 || (wholePhrase && whole !== words.length)) return null;
  const head = foldWord(kept[kept.length - 1]);
  if (NOT_ROLES.has(head) || NOT_ROLES.has(foldWord(kept[0])) || head.length < 3) return null;
  if (language === 'en' && /[^s]s$/u.test(head) && !/(?:us|is|ss)$/u.test(head)) return null;
  return possessor.length > 0 ? [...kept, words[kept.length], ...possessor] : kept;
}

/** The preposition that gives a role its possessor: "the wife of Hale", "la mujer de Hale", "o sobrinho do Cubas". */
const POSSESSIVE_PREPOSITION: Record<HeuristicLanguage, RegExp> = {
  en: /^of$/u,
  es: /^(?:de|del)$/u,
  pt: /^(?:de|do|da)$/u,
};

/**
 * The capitalised name after a role's possessive preposition ("the wife of Hale the carter" → Hale): whose the
 * role is belongs to its identity, so the wives of two men are two people. A title there ("the wife of Mr.") leaves
 * the role without a possessor, as before: its name is cut off at the title's full stop.
 */
function possessorAfter(words: string[], at: number, language: HeuristicLanguage): string[] {
  if (at === 0 || !POSSESSIVE_PREPOSITION[language].test(foldWord(words[at] ?? ''))) return [];
  const name: string[] = [];
  for (const word of words.slice(at + 1)) {
    if (!/^\p{Lu}/u.test(word) || isFunctionWord(word, language) || honorificOf(word) !== undefined) break;
    name.push(word);
  }
  return name;
}

/** A role's own words and its possessor's name: ["wife", "of", "Hale"] → ["wife"], "Hale". */
function splitPossessor(words: string[], language: HeuristicLanguage): { noun: string[]; possessor: string | null } {
  const at = words.findIndex((word) => POSSESSIVE_PREPOSITION[language].test(foldWord(word)));
  return at < 0
    ? { noun: words, possessor: null }
    : { noun: words.slice(0, at), possessor: words.slice(at + 1).join(' ') };
}

/** Adverbs (-ly, -mente) and gerunds (-ing, -ndo) follow a role, they are not part of it. */
function isModifier(word: string, language: HeuristicLanguage): boolean {
  const folded = foldWord(word);
  // "smiling", "gravely"; not "king" or "ring".
  if (language === 'en') return /ly$/u.test(folded) || (folded.length >= 6 && /ing$/u.test(folded));
  return /(?:mente|ndo)$/u.test(folded);
}

export function roleGender(determiner: string, words: string[], language: HeuristicLanguage): Gender {
  if (language === 'es' && words.length === 1 && FEMININE_AFTER_EL.has(foldWord(words[0]))) return 'female';
  const article = GENDERED_ARTICLES[language][foldWord(determiner)];
  if (article) return article;
  const possessive = foldWord(determiner);
  if (language === 'pt' && (possessive === 'meu' || possessive === 'minha'))
    return possessive === 'meu' ? 'male' : 'female';
  const head = foldWord(words[words.length - 1]);
  const nouns = GENDERED_NOUNS[language];
  if (nouns.female.has(head)) return 'female';
  if (nouns.male.has(head)) return 'male';
  if (language === 'en' && occupationGender(head) !== 'unknown') return occupationGender(head);
  // English morphology: -ess and -woman are women ("laundress", "charwoman"), -man men ("cabman").
  if (language === 'en' && /(?:ess|woman)$/u.test(head)) return 'female';
  if (language === 'en' && /man$/u.test(head)) return 'male';
  return 'unknown';
}

function role(
  determiner: string,
  words: string[],
  language: HeuristicLanguage,
): Omit<RoleAttribution, 'offset' | 'length' | 'verb'> {
  const phrase = `${determiner} ${words.join(' ')}`;
  const { noun, possessor } = splitPossessor(words, language);
  // English writes one role two ways, "the wife of Hale" and "Hale's wife": one key, the possessive's.
  const key = possessor !== null && language === 'en' ? `${possessor}'s ${noun.join(' ')}` : phrase;
  return { key: foldWord(key), phrase, gender: roleGender(determiner, noun, language) };
}

/**
 * A verb before its subject is a tag only right after the line it reports ('"…," said the man', '—dijo el cura—',
 * '(preguntó el cabrero)'), perhaps after an adverb; after a subject of its own the phrase that follows is its
 * object ("He repeated the question", "Mr. Wickham began the subject").
 */
function inTagPosition(text: string, verbAt: number): boolean {
  const before = text.slice(Math.max(0, verbAt - 40), verbAt);
  return /(?:^|[”"’'»—―–,;:!?(…-]|\n)[ \t]*(?:(?:then|presently|at\s+last|again|now|\p{L}+ly|\p{L}+mente|entonces|luego|então|depois)[ \t]+)?$/u.test(
    before,
  );
}

export function findRoleAttributions(text: string, language: HeuristicLanguage): RoleAttribution[] {
  const { subject, after, before, possessiveAfter, possessiveBefore } = patternsFor(language);
  const found: RoleAttribution[] = [];
  for (const match of text.matchAll(after)) {
    const words = roleWords(match[3], language, false);
    if (!words || !inTagPosition(text, match.index)) continue;
    // An adverb between the verb and its subject ("exclamó entonces la navarra"): a tag only right after dialogue.
    const between = text.slice(match.index + match[1].length, match.indices![2][0]).replace(/^-\p{L}+/u, '');
    if (/\p{L}/u.test(between) && !reportsDialogue(text, match.index)) continue;
    // A title at the end of a line, its name on the next ("la señá⏎Frasquita").
    const last = words[words.length - 1];
    if (honorificOf(last) !== undefined && /^\s*\p{Lu}/u.test(text.slice(match.indices![3][0] + match[3].length)))
      continue;
    const offset = match.indices![2][0];
    const phrase = role(match[2], words, language);
    found.push({ ...phrase, verb: match[1], offset, length: phrase.phrase.length });
  }
  for (const match of text.matchAll(before)) {
    const words = roleWords(match[2], language, true);
    if (!words) continue;
    const phrase = role(match[1], words, language);
    found.push({ ...phrase, verb: match[3], offset: match.index, length: phrase.phrase.length });
  }
  // "El labrador, que vio la prisa, respondió:": a clause between the role and its verb (interruptedTags.ts).
  for (const tag of findInterruptedTags(text, language)) {
    const match = subject.exec(tag.subject);
    const words = match ? roleWords(match[2], language, true) : null;
    if (!match || !words) continue;
    const phrase = role(match[1], words, language);
    found.push({ ...phrase, verb: tag.verb, offset: tag.offset, length: phrase.phrase.length });
  }
  if (language === 'en') {
    for (const match of text.matchAll(possessiveAfter))
      if (inTagPosition(text, match.index))
        found.push(possessiveRole(match[2], match[3], match[1], match.indices![2][0], text));
    for (const match of text.matchAll(possessiveBefore))
      found.push(possessiveRole(match[1], match[2], match[3], match.index, text));
  }
  return found.filter((entry) => entry.key.length > 0).sort((a, b) => a.offset - b.offset);
}

function possessiveRole(name: string, noun: string, verb: string, offset: number, text: string): RoleAttribution {
  const phrase = text.slice(offset, offset + name.length + 3 + noun.length).replace(/\s+/gu, ' ');
  return {
    key: foldWord(phrase),
    phrase,
    offset,
    length: phrase.length,
    verb,
    gender: roleGender('', [noun], 'en'),
  };
}
