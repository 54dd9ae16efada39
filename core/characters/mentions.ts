/** Finding name mentions and named speech attributions in running text, and the capitalisation facts of a book. */
import { displayTitle, honorificOf, honorificPattern } from './honorifics';
import { findInterruptedTags } from './interruptedTags';
import { paragraphBetween } from './paragraphs';
import { SPEECH_VERBS, verbAlternatives } from './speechVerbs';
import { foldWord, isCalendarWord, isFunctionWord, TAG_ADVERB, type HeuristicLanguage } from './vocabulary';

const LOWER = '[\\p{Ll}\\p{M}]';
/**
 * "Darcy", "O’Connor", "M'Coy", "D’Arcy", "Nhã-loló", "Jean-Paul"; a short prefix before a second capital is one word
 * ("McCarthy", "MacDonald", "DeWitt", "FitzGerald"), or the name would be read as its prefix alone and lost.
 */
const SIMPLE_TOKEN = `(?!St(?!\\p{L}))(?:\\p{Lu}${LOWER}{1,3}\\p{Lu}${LOWER}+|\\p{Lu}(?:['’]\\p{Lu})?${LOWER}+)(?:-\\p{L}${LOWER}*)*`;
/**
 * "St. Clair" is one name (Saint), so "Lord St. Clair" and "Lord St. Vincent" stay two people, also when a line
 * breaks after "St."; a bare "St" (a name broken off: "Mr. Neville St.--") is no word of a name.
 */
const SAINT_TOKEN = `St\\.?(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)${SIMPLE_TOKEN}`;
export const NAME_TOKEN = `(?:${SAINT_TOKEN}|${SIMPLE_TOKEN})`;
const PARTICLE = '(?:de|da|do|dos|das|del|van|von|la|le|di|du)';
/** Between the words of one name: spaces, or a single line break of a wrapped line. */
const GAP = '(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)';
/**
 * A name of up to four words; a title followed by a name starts a mention of its own ("Send Mr Doran" is "Send",
 * then "Mr Doran"), and a possessive ends a name ("Marley's Ghost" is Marley and his ghost).
 */
function nameSource(language: HeuristicLanguage): string {
  const token = `(?!${honorificPattern(language)}${SPACE}\\p{Lu})${NAME_TOKEN}`;
  return `${token}(?:${GAP}(?:${PARTICLE}${GAP})?${token}){0,3}(?:['’]s)?`;
}
export const SPACE = '[ \\t]*(?:\\r?\\n)?[ \\t]*';

export interface NameForm {
  /** Title as written without its dot (`Mr`, `Doña`, `D`), or null. */
  honorific: string | null;
  /** The capitalised words; the first is the given name, the last the family name, when there are several. */
  tokens: string[];
  /** The name as written after the title, particles included ("de Bourgh", "Borba dos Santos"). */
  display?: string;
}

export interface Mention {
  form: NameForm;
  offset: number;
  length: number;
  /** Written with a possessive `'s` ("Scrooge's nephew"). */
  possessive: boolean;
}

export interface Attribution extends Mention {
  verb: string;
}

/** Epithets between a speech verb and a name: "cried old Fezziwig", "said little Bob". */
const EPITHET: Record<HeuristicLanguage, string> = {
  en: '(?:(?:old|young|little|poor|dear|good|big|fat|tall)[ \\t]+)?',
  es: '',
  pt: '',
};

/** A title, then (after a title only) a particle ("Miss de Bourgh"), then the name. */
function mentionSource(language: HeuristicLanguage): string {
  return `(?:(?<title>${honorificPattern(language)})${SPACE}(?:(?<particle>${PARTICLE})${GAP})?)?(?<name>${nameSource(language)})`;
}

/** In English "the Ghost", "the Spirit" is a role written as a title (roles.ts), not a personal name. */
function afterDefiniteArticle(text: string, offset: number, language: HeuristicLanguage): boolean {
  return language === 'en' && /(?:^|[^\p{L}])[Tt]he[ \t\r\n]+$/u.test(text.slice(Math.max(0, offset - 6), offset));
}

const TOKEN_SPLIT = new RegExp(`${NAME_TOKEN}(?:['’]s)?`, 'gu');
const POSSESSIVE = /['’]s$/u;

/** Splits a matched title and name into a form; leading function words ("Then Elizabeth") are dropped. */
export function parseNameForm(
  title: string | undefined,
  raw: string,
  language: HeuristicLanguage,
  particle?: string,
): { form: NameForm; possessive: boolean } | null {
  const written = raw.replace(/\s+/gu, ' ');
  const words = [...written.matchAll(TOKEN_SPLIT)].map((match) => ({ word: match[0], at: match.index }));
  const honorific = title ? title.replace(/\.$/u, '') : null;
  const notName = (word: string) => isFunctionWord(word, language) || honorificOf(word) !== undefined;
  // A month or a day opening a name may be a given name ("—dijo Julio", "Julio Ñahui"): `WordCase.plausible` keeps
  // it only where the book tags it as a speaker, and drops it elsewhere ("July Elizabeth" is "Elizabeth").
  const leadingName = (word: string) => honorific === null && isCalendarWord(word, language);
  while (honorific === null && words.length > 0 && notName(words[0].word) && !leadingName(words[0].word)) words.shift();
  if (words.length === 0) return null;
  const possessive = POSSESSIVE.test(words[words.length - 1].word);
  const tokens = words.map(({ word }) => word.replace(POSSESSIVE, ''));
  // "Scrooge\nScrooge" across a line break is the same word twice, not a name of two words.
  const repeat = tokens.findIndex((token, index) => index > 0 && token === tokens[index - 1]);
  if (repeat > 0) tokens.splice(repeat);
  // A function word inside ("Elizabeth And") ends the name there; right after a title, before another word of the
  // name, it is a given name that is also a common word ("licenciado Pero Pérez", "Mr. Will Turner").
  const end = tokens.findIndex(
    (token, index) =>
      notName(token) &&
      !(index === 0 && honorific !== null && tokens.length > 1 && !honorificOf(token)) &&
      !(index === 0 && leadingName(token)),
  );
  if (end >= 0) tokens.splice(end);
  if (tokens.length === 0) return null;
  const last = words[tokens.length - 1];
  const display = `${particle ? `${particle} ` : ''}${written.slice(words[0].at, last.at + tokens[tokens.length - 1].length)}`;
  return { form: { honorific, tokens, display }, possessive };
}

export function formLabel(form: NameForm): string {
  const name = form.display ?? form.tokens.join(' ');
  return form.honorific === null ? name : `${displayTitle(form.honorific)} ${name}`;
}

interface Patterns {
  mention: RegExp;
  after: RegExp;
  before: RegExp;
  /** A whole subject that is one name, perhaps after an article ("El Dutra"). */
  subject: RegExp;
}

const patternCache = new Map<HeuristicLanguage, Patterns>();

/** Articles a name may carry after a speech verb in Spanish and Portuguese ("disse o Cotrim", "dijo la Rosa"). */
const NAME_ARTICLE: Record<HeuristicLanguage, string> = { en: '', es: '(?:el|la)', pt: '(?:o|a)' };
/**
 * The article of a name that starts its sentence ("El Dutra, que…, dijo:"). English sets none before a name: "The
 * Hatter" is a role written as a title (roles.ts).
 */
const SENTENCE_NAME_ARTICLE: Record<HeuristicLanguage, string> = {
  en: '(?![Tt]he\\s)',
  es: '(?:(?:[Ee]l|[Ll]a)\\s+)?',
  pt: '(?:(?:[Oo]|[Aa])\\s+)?',
};
/** Clitics on a Portuguese speech verb ("disse-me o Dutra"). */
const CLITIC = '(?:-(?:me|te|lhe|nos|vos|lhes|se))?';

function patternsFor(language: HeuristicLanguage): Patterns {
  const cached = patternCache.get(language);
  if (cached) return cached;
  const verbs = verbAlternatives(SPEECH_VERBS[language].thirdPerson);
  const mention = mentionSource(language);
  const article = NAME_ARTICLE[language] ? `(?:${NAME_ARTICLE[language]}${SPACE})?` : '';
  const patterns = {
    mention: new RegExp(`(?<![\\p{L}'’])${mention}(?![\\p{L}])`, 'gud'),
    after: new RegExp(
      `(?<!\\p{L})(?<verb>${verbs})${CLITIC}${SPACE}(?:(?<adverb>${TAG_ADVERB[language]})${SPACE})?${article}${EPITHET[language]}${mention}(?![\\p{L}])`,
      'gud',
    ),
    before: new RegExp(`(?<![\\p{L}'’])${mention}${SPACE}(?<verb>${verbs})(?!\\p{L})`, 'gud'),
    subject: new RegExp(`^${SENTENCE_NAME_ARTICLE[language]}${mention}$`, 'ud'),
  };
  patternCache.set(language, patterns);
  return patterns;
}

/** Every name mention, titled or not; whether it is really a name is decided later from the book's statistics. */
export function findMentions(text: string, language: HeuristicLanguage): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(patternsFor(language).mention)) {
    const { title, particle, name } = match.groups!;
    const parsed = parseNameForm(title, name, language, particle);
    if (!parsed || (!title && afterDefiniteArticle(text, match.index, language))) continue;
    const offset = title ? match.index : match.indices!.groups!.name[0] + name.indexOf(parsed.form.tokens[0]);
    found.push({ ...parsed, offset, length: match.index + match[0].length - offset });
  }
  return found;
}

/**
 * "said Elizabeth", "Mr. Bennet replied", "—dijo Rosa", "disse-me o Dutra". Pronouns never match; a name followed by
 * "!" or "?" is what was cried ("cried Hurrah!"), and a possessive is someone else ("said Scrooge's nephew").
 */
export function findAttributions(text: string, language: HeuristicLanguage): Attribution[] {
  const { after, before } = patternsFor(language);
  const found: Attribution[] = [];
  for (const match of text.matchAll(after)) {
    const next = text[match.index + match[0].length] ?? '';
    if (next === '!' || next === '?') continue;
    const { title, particle, name, verb } = match.groups!;
    if (namesRatherThanSpeaks(text, match.indices!.groups!.verb, verb)) continue;
    if (match.groups!.adverb !== undefined && !reportsDialogue(text, match.index)) continue;
    if (language === 'en' && NOUN_SUBJECT_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const parsed = parseNameForm(title, name, language, particle);
    if (!parsed || parsed.possessive) continue;
    const offset = (match.indices!.groups!.title ?? match.indices!.groups!.name)[0];
    found.push({ ...parsed, verb, offset, length: match.index + match[0].length - offset });
  }
  const quoted = language === 'en' ? new QuotedParagraphs(text) : undefined;
  for (const match of text.matchAll(before)) {
    const { title, particle, name, verb } = match.groups!;
    const parsed = parseNameForm(title, name, language, particle);
    if (!parsed || parsed.possessive || (!title && afterDefiniteArticle(text, match.index, language))) continue;
    if (quoted && !quoted.holdsQuote(match.index, match.index + match[0].length)) continue;
    const end = match.indices!.groups!.name[1];
    const offset = title ? match.index : match.indices!.groups!.name[0] + name.indexOf(parsed.form.tokens[0]);
    found.push({ ...parsed, verb, offset, length: end - offset });
  }
  // "Holmes, turning to me, said:": a clause between the name and its verb (interruptedTags.ts).
  for (const tag of findInterruptedTags(text, language)) {
    const match = patternsFor(language).subject.exec(tag.subject);
    if (!match) continue;
    const { title, particle, name } = match.groups!;
    const parsed = parseNameForm(title, name, language, particle);
    if (!parsed || parsed.possessive) continue;
    const start = (match.indices!.groups!.title ?? match.indices!.groups!.name)[0];
    const offset = title
      ? tag.offset + start
      : tag.offset + match.indices!.groups!.name[0] + name.indexOf(parsed.form.tokens[0]);
    found.push({ ...parsed, verb: tag.verb, offset, length: tag.offset + match[0].length - offset });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * "was called John Hale", "se llamaba Garduña", "chamava-se Fulgêncio": a verb of calling in the passive or with
 * "se" gives a name, nobody speaks.
 */
/**
 * Whether the paragraph around a tag quotes anyone: "Biscuit sighed and rolled over." in a paragraph of narration
 * alone is no speech tag ("“Oh,” Meg sighed" is). The quotation marks are found once and searched by halves, so a
 * huge paragraph of tags is still read in linear time.
 */
class QuotedParagraphs {
  private readonly quotes: number[] = [];

  constructor(private readonly text: string) {
    for (const match of text.matchAll(/[“”"‘«»]/gu)) this.quotes.push(match.index);
  }

  holdsQuote(from: number, to: number): boolean {
    const [start, end] = paragraphBetween(this.text, from, to, BLANK_LINE);
    let low = 0;
    let high = this.quotes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.quotes[middle] < start) low = middle + 1;
      else high = middle;
    }
    return low < this.quotes.length && this.quotes[low] < end;
  }
}

/**
 * A noun with its determiner right before the verb is the verb's subject, and the name after it what was said or
 * written: "The postmark said Leeds", "the sign read Dover" report no line of Leeds or Dover.
 */
const NOUN_SUBJECT_BEFORE =
  /(?:^|[^\p{L}])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur|[Tt]his|[Tt]hat)\s+\p{Ll}+\s+$/u;

function namesRatherThanSpeaks(text: string, [start, end]: [number, number], verb: string): boolean {
  if (!NAMING_VERB.test(verb)) return false;
  return (
    PASSIVE_OR_REFLEXIVE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || /^-se\b/u.test(text.slice(end))
  );
}
const NAMING_VERB = /^(?:called|named|llam\p{L}*|cham\p{L}*)$/iu;
const PASSIVE_OR_REFLEXIVE_BEFORE = /(?:^|[^\p{L}])(?:was|were|is|are|be|been|being|se)\s+$/iu;

/**
 * A name addressed in dialogue: right after an opening quote or dialogue dash and before a comma or "!"
 * ("“Martha, …", "—Rosa, …"), or after a comma and closing the phrase ("…, Martha!", "…, Mr Henchy,” said", and in
 * a line of dash dialogue "--Vem cá, Eugenia, disse ella").
 * Places and things are rarely spoken to; people are.
 */
export function isVocative(text: string, offset: number, length: number): boolean {
  const before = text.slice(Math.max(0, offset - 4), offset);
  const after = text.slice(offset + length, offset + length + 4);
  if (
    /(?:[“"‘«]|^|\n)[ \t]*(?:—|–|--)?[ \t]*$/u.test(before) &&
    /^[ \t]*[,!]/u.test(after) &&
    /[“"‘«—–-]/u.test(before)
  )
    return true;
  if (!/,[ \t\r\n]*$/u.test(before)) return false;
  if (/^[ \t]*(?:[!?]|[.,][ \t]*[”"’»])/u.test(after)) return true;
  // Dash dialogue has no closing quote: "--Vem cá, Eugenia, disse ella" addresses Eugenia.
  return /^[ \t]*[,!?.]/u.test(after) && opensWithDialogueDash(text, offset);
}

/**
 * A name called inside a line of dialogue between commas or before the sentence's end ("He is better, Sam, thank
 * you.", "Nobody sees me, Sam. That is why…"): the caller knows the mention is in a line (in narration the same
 * shapes are lists and appositions). Weaker than a call at the line's edge: a pet name called so twice is no person.
 */
export function isCallInsideLine(text: string, offset: number, length: number): boolean {
  if (!/, $/u.test(text.slice(Math.max(0, offset - 2), offset))) return false;
  return /^(?:[.!?] \p{Lu}|, \p{Ll})/u.test(text.slice(offset + length, offset + length + 3));
}

/**
 * Whether a verb stands right after the line of dialogue it reports: a closing quotation mark, dash or parenthesis
 * before it ('”, said', '—preguntó', '(exclamó'), or a comma or stop inside a paragraph opened by a dialogue dash
 * ('--Ora, vivam! exclamou'). A tag whose verb and subject an adverb keeps apart ("exclamó entonces la navarra") is
 * read only there: elsewhere "dizia francamente a Pedro o mal que pensava" is narration with an object.
 */
export function reportsDialogue(text: string, verbAt: number): boolean {
  const before = text.slice(Math.max(0, verbAt - 8), verbAt);
  if (/[”"’'»—―–)(-][ \t]*(?:\r?\n[ \t]*)?$/u.test(before)) return true;
  return /[,;:!?…][ \t]*(?:\r?\n[ \t]*)?$/u.test(before) && opensWithDialogueDash(text, verbAt);
}

/** A blank line, as the dash reading has always told paragraphs apart (spaces on it are the paragraph's). */
const BLANK_LINE = /\n\r?\n/gu;

function opensWithDialogueDash(text: string, offset: number): boolean {
  // Found by halves among the chapter's blank lines: looking back for one at every tag was quadratic in a paragraph.
  const [paragraphStart] = paragraphBetween(text, offset, offset, BLANK_LINE);
  return /^\s*(?:—|–|--|-(?=\S))/u.test(text.slice(paragraphStart, offset));
}

/** A capitalised common word that is the subject of this many speech tags is a name ("said Five"). */
const MIN_SPEAKING_TAGS = 2;

/** A title's dot ("St. Clair", "Mr. Darcy") does not end a sentence. */
const ABBREVIATION_END = /(?:^|[^\p{L}])(?:St|Mr|Mrs|Ms|Dr|Sr|Sra|Srta|D|Mme|Mlle|Prof|Rev)\.\s*$/u;
const SENTENCE_END = /[.!?:;"“”‘’«»—–()[\]-]\s*$|^\s*$/u;

/**
 * How a book capitalises each word. A name is (almost) never written in lower case; a word written capitalised only
 * where a sentence starts says nothing, so mid-sentence capitals are counted apart.
 */
export class WordCase {
  private readonly lower = new Map<string, number>();
  private readonly capital = new Map<string, number>();
  private readonly midCapital = new Map<string, number>();
  private readonly speakers = new Set<string>();

  constructor(private readonly language: HeuristicLanguage) {}

  add(text: string): void {
    for (const match of text.matchAll(/\p{L}[\p{L}\p{M}]*/gu)) {
      const key = foldWord(match[0]);
      if (/^\p{Lu}/u.test(match[0])) {
        increment(this.capital, key);
        const before = text.slice(Math.max(0, match.index - 6), match.index);
        if (!SENTENCE_END.test(before.slice(-3)) || ABBREVIATION_END.test(before)) increment(this.midCapital, key);
      } else increment(this.lower, key);
    }
  }

  /**
   * Words the book also writes in lower case that are nonetheless someone's name, because they speak under it
   * again and again ("said Five", "Seven said"): a common word does not speak.
   */
  admitSpeakers(attributions: Attribution[]): void {
    const tags = new Map<string, number>();
    for (const { form } of attributions)
      if (form.honorific === null && form.tokens.length === 1) increment(tags, foldWord(form.tokens[0]));
    for (const [key, count] of tags)
      if (
        count >= MIN_SPEAKING_TAGS &&
        (this.midCapital.get(key) ?? 0) >= MIN_SPEAKING_TAGS &&
        (!isFunctionWord(key) || isCalendarWord(key, this.language))
      )
        this.speakers.add(key);
  }

  /** Whether the book writes the word in lower case at least once ("corregidor" beside "el Corregidor"). */
  writtenInLowerCase(word: string): boolean {
    return (this.lower.get(foldWord(word)) ?? 0) > 0;
  }

  /** Capitalised, almost never lower-case, seen mid-sentence at least once, and no function word. */
  looksLikeName(token: string): boolean {
    const words = token.split(/[ '’-]+/u).filter((word) => /^\p{Lu}/u.test(word));
    const main = words[words.length - 1] ?? token;
    const key = foldWord(main.replace(/\.$/u, ''));
    if (isFunctionWord(main, this.language)) return isCalendarWord(main, this.language) && this.speakers.has(key);
    if (this.speakers.has(key)) return true;
    const capital = this.capital.get(key) ?? 0;
    return capital > 0 && (this.midCapital.get(key) ?? 0) > 0 && (this.lower.get(key) ?? 0) <= capital * 0.1;
  }

  /**
   * The form with only the words the book writes as names; leading epithets ("Poor Dick") are dropped. A title makes
   * any word a name ("Mrs. Long", "Mr. Power"), except a rank before a common word ("Dame Street", "Lord Mayor").
   * Null when nothing is left.
   */
  plausible(form: NameForm): NameForm | null {
    const title = form.honorific ? honorificOf(form.honorific) : undefined;
    if (title && title.naming !== 'rank') return form;
    const tokens = [...form.tokens];
    while (tokens.length > 1 && !this.looksLikeName(tokens[0])) tokens.shift();
    if (!this.looksLikeName(tokens[0])) return null;
    // After a name, a capitalised word is part of it even when it is also a common word ("José Dias", "Tom Bell").
    if (tokens.slice(1).some((token) => isFunctionWord(token, this.language))) return null;
    return tokens.length === form.tokens.length ? form : { honorific: form.honorific, tokens };
  }
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
