/**
 * Speech tags whose subject stands apart from its verb: a clause or a phrase set off by commas comes between them
 * ("The man, who had risen from his chair, answered:", "El labrador, que vio la prisa, respondió:", "O padre,
 * voltando-se para mim, disse:"). The subject is a name or a role with its article (read by mentions.ts and roles.ts);
 * this module finds where it is written and which verb is its tag.
 */
import { SPEECH_VERBS, verbAlternatives } from './speechVerbs';
import type { HeuristicLanguage } from './vocabulary';

export interface InterruptedTag {
  /** The subject as written, from the start of its sentence to the comma that opens the clause. */
  subject: string;
  /** Where the subject starts in the text. */
  offset: number;
  verb: string;
}

/** At most this many words between the subject and its verb: a longer stretch is narration, not one tag. */
const MAX_CLAUSE_WORDS = 25;
/** At most this many words in the subject itself: a name or a role with its article. */
const MAX_SUBJECT_WORDS = 5;

/**
 * Words that open an interpolated clause or phrase: relative pronouns, articles and possessives of an apposition,
 * prepositions of a phrase of manner or time. A gerund or a participle opens one too (checked by its ending), and
 * an adverb in -ly or -mente. Anything else after the comma ("Holmes, you said", "Pedro, Juan, dijo") is no clause.
 */
const CLAUSE_OPENERS: Record<HeuristicLanguage, ReadonlySet<string>> = {
  en: new Set(
    `who whom whose which that the a an his her their with without after before in on at for from having still now
      then still rising turning looking`.split(/\s+/u),
  ),
  es: new Set(
    `que quien quienes cual cuyo cuya el la los las un una su sus con sin tras después despues antes en al por para
      entre sobre hasta todavía todavia ya aún aun viendo`.split(/\s+/u),
  ),
  pt: new Set(
    `que quem qual cujo cuja o a os as um uma seu sua seus suas com sem após apos depois antes em no na ao à por para
      entre sobre até ate ainda já ja`.split(/\s+/u),
  ),
};
const GERUND_OR_PARTICIPLE: Record<HeuristicLanguage, RegExp> = {
  en: /^\p{Ll}{3,}(?:ing|ed|ly)$/u,
  es: /^\p{Ll}{2,}(?:ndo|ndose|ado|ido|ada|ida|ados|idos|adas|idas|mente)$/u,
  pt: /^\p{Ll}{2,}(?:ndo|ndo-se|ado|ido|ada|ida|ados|idos|adas|idas|mente)$/u,
};

/** Conjunctions that may join the tag's sentence to the one before ("…; y el cura, volviéndose, dijo:"). */
const CONJUNCTION: Record<HeuristicLanguage, string> = { en: 'and', es: '(?:y|e)', pt: 'e' };

const cache = new Map<HeuristicLanguage, { tag: RegExp; innerVerb: RegExp }>();

function patternsFor(language: HeuristicLanguage) {
  const cached = cache.get(language);
  if (cached) return cached;
  const verbs = verbAlternatives(SPEECH_VERBS[language].unambiguous);
  const allVerbs = verbAlternatives(SPEECH_VERBS[language].thirdPerson);
  const patterns = {
    // The comma that closes the clause, then the verb (a Portuguese clitic allowed: "voltando-se, disse-me").
    tag: new RegExp(`,[ \\t]*(?:\\r?\\n[ \\t]*)?(?<verb>${verbs})(?:-(?:me|te|lhe|nos|vos|lhes|se))?(?!\\p{L})`, 'gu'),
    innerVerb: new RegExp(`(?<!\\p{L})(?:${allVerbs})(?!\\p{L})`, 'iu'),
  };
  cache.set(language, patterns);
  return patterns;
}

/** How far back a tag's sentence may start: a subject of a few words and a clause of at most 25. */
const SENTENCE_REACH = 400;
/** What ends the sentence before a tag: a stop, a quotation mark, a dash, a parenthesis, a blank line. */
const SENTENCE_START = /(?:^|[.!?…;:"“”«»‘’()—–[\]]|\n[ \t]*\r?\n)(?<rest>[^.!?…;:"“”«»‘’()—–[\]]*)$/u;

/**
 * Every tag "Subject, clause, verb" standing right before a line of dialogue (the verb followed by a colon, a dash or
 * an opening quotation mark) or right after one (the subject's sentence opened by a closing quotation mark or a
 * dash). The subject runs from its sentence's start to the first comma; the clause, from there to the comma before
 * the verb, is bounded: at most 25 words, no sentence end, no other speech verb, no capitalised word (no second
 * candidate subject), and it opens as a clause does (a relative pronoun, an article, a preposition, a gerund or
 * participle).
 */
export function findInterruptedTags(text: string, language: HeuristicLanguage): InterruptedTag[] {
  const { tag, innerVerb } = patternsFor(language);
  const found: InterruptedTag[] = [];
  for (const match of text.matchAll(tag)) {
    const from = Math.max(0, match.index - SENTENCE_REACH);
    const sentence = SENTENCE_START.exec(text.slice(from, match.index));
    if (!sentence || (sentence.index === 0 && from > 0)) continue;
    const sentenceAt = titleBefore(text, match.index - sentence.groups!.rest.length);
    const firstComma = text.indexOf(',', sentenceAt);
    if (firstComma < 0 || firstComma >= match.index) continue;
    const clause = text.slice(firstComma + 1, match.index);
    if (!isBoundedClause(clause, language, innerVerb)) continue;
    const subject = subjectOf(text, sentenceAt, firstComma, language);
    if (!subject) continue;
    const verbEnd = match.index + match[0].length;
    if (!opensDialogue(text, verbEnd) && !(subject.afterDialogue && closesSentence(text, verbEnd))) continue;
    found.push({ subject: subject.text, offset: subject.offset, verb: match.groups!.verb });
  }
  return found;
}

function isBoundedClause(clause: string, language: HeuristicLanguage, innerVerb: RegExp): boolean {
  const words = clause
    .trim()
    .split(/[\s,]+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_CLAUSE_WORDS) return false;
  // A name inside is an object ("que vio a don Quijote", "drawing near Elizabeth"); where the clause or a segment of
  // it starts, it would be a second subject ("Holmes, Watson, said").
  if (/(?:^|,)[ \t]*(?:\r?\n[ \t]*)?\p{Lu}/u.test(clause) || innerVerb.test(clause)) return false;
  const first = words[0].toLowerCase();
  return CLAUSE_OPENERS[language].has(first) || GERUND_OR_PARTICIPLE[language].test(first);
}

/**
 * The subject, from its sentence's start (after a conjunction that joins it to the sentence before: "…; y el cura,
 * volviéndose, dijo:") to the first comma. Null when the sentence opens a line of dialogue (there the first word is
 * a vocative: "—Sancho, hijo mío, dijo…" is no tag of Sancho's) or the stretch is too long to be a name or a role.
 */
function subjectOf(
  text: string,
  sentenceAt: number,
  commaAt: number,
  language: HeuristicLanguage,
): { text: string; offset: number; afterDialogue: boolean } | null {
  const raw = text.slice(sentenceAt, commaAt);
  const lead = new RegExp(`^\\s*(?:(?:${CONJUNCTION[language]})\\s+)?`, 'u').exec(raw)![0];
  const subject = raw.slice(lead.length).trimEnd();
  const words = subject.split(/\s+/u).filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS) return null;
  const before = text.slice(Math.max(0, sentenceAt - 40), sentenceAt);
  // A dash or quotation mark that opens a paragraph starts a line of dialogue: its first word is spoken to.
  if (/(?:^|\n)[ \t]*(?:—|–|-|[“"«‘])$/u.test(before)) return null;
  const afterDialogue = /[”"’»—–)][ \t]*$/u.test(before) || /[”"’»—–)][ \t]*[.!?…][ \t]*$/u.test(before);
  return { text: subject, offset: sentenceAt + lead.length, afterDialogue };
}

/**
 * After the verb comes the line it reports: a colon, or a dash or an opening quotation mark (after a comma), perhaps
 * after the person spoken to ("said to her:", "preguntó a su amo:", "disse ao padre:").
 */
function opensDialogue(text: string, verbEnd: number): boolean {
  return OPENS_DIALOGUE.test(text.slice(verbEnd, verbEnd + 60));
}
const OPENS_DIALOGUE =
  /^(?:[ \t]+(?:to|a|al|ao|à|aos|às)[ \t]+(?:[^.!?;:,\n"“”«»—–()]|(?<=(?:Mr|Mrs|Ms|Dr|Sr|Sra|D))\.){1,30}?)?[ \t]*(?::|,?[ \t]*(?:\r?\n[ \t]*)*(?:[“"«‘—–]|--))/u;

/** A title's dot is no sentence end: the subject "Mr. Darcy" starts at the title. */
function titleBefore(text: string, sentenceAt: number): number {
  const title = /(?:^|[^\p{L}])((?:Mr|Mrs|Ms|Dr|St|Sr|Sra|Srta|D|Mme|Mlle|Prof|Rev)\.)[ \t]*$/u.exec(
    text.slice(Math.max(0, sentenceAt - 8), sentenceAt),
  );
  return title ? sentenceAt - (title[0].length - title[0].indexOf(title[1])) : sentenceAt;
}

function closesSentence(text: string, verbEnd: number): boolean {
  return /^[ \t]*[.,;]/u.test(text.slice(verbEnd, verbEnd + 4));
}
