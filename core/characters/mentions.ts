/** Finding name mentions and speech attributions in running text. */
import { HONORIFIC_PATTERN, NOT_NAMES, SPEECH_VERBS, type HeuristicLanguage } from './vocabulary';

const NAME_TOKEN = "\\p{Lu}[\\p{Ll}\\p{M}'’]+";
const PARTICLE = '(?:de|da|do|dos|das|del|van|von|la)';
const NAME = `${NAME_TOKEN}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${NAME_TOKEN}){0,2}`;
const SPACE = '[ \\t]*(?:\\r?\\n)?[ \\t]*';
const MENTION = `(?:${HONORIFIC_PATTERN}${SPACE})?${NAME}`;

export interface NameForm {
  /** Honorific as written without its dot (`Mr`, `Doña`), or null. */
  honorific: string | null;
  tokens: string[];
}

export interface Mention {
  form: NameForm;
  offset: number;
  length: number;
}

export interface Attribution extends Mention {
  verb: string;
}

const HONORIFIC_PREFIX = new RegExp(`^(${HONORIFIC_PATTERN})\\s+`, 'u');

/** Splits `Mr. Fitzwilliam Darcy` into its honorific and name tokens; leading non-names (`Then`) are dropped. */
export function parseNameForm(raw: string): NameForm | null {
  let text = raw.replace(/\s+/gu, ' ').trim();
  let honorific: string | null = null;
  const titled = HONORIFIC_PREFIX.exec(text);
  if (titled) {
    honorific = titled[1].replace(/\.$/, '');
    text = text.slice(titled[0].length);
  }
  const words = text.split(' ');
  while (honorific === null && words.length > 0 && NOT_NAMES.has(words[0].toLowerCase())) words.shift();
  const tokens = words.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word.replace(/['’]s?$/u, ''));
  if (tokens.length === 0) return null;
  if (tokens.length === 1 && NOT_NAMES.has(tokens[0].toLowerCase())) return null;
  return { honorific, tokens };
}

export function formLabel(form: NameForm): string {
  const name = form.tokens.join(' ');
  if (form.honorific === null) return name;
  const dotted = /^(Mrs|Mr|Ms|Dr|Sra|Sr|Srta)$/u.test(form.honorific) ? `${form.honorific}.` : form.honorific;
  return `${dotted} ${name}`;
}

const verbCache = new Map<HeuristicLanguage, { after: RegExp; before: RegExp }>();

function attributionPatterns(language: HeuristicLanguage): { after: RegExp; before: RegExp } {
  const cached = verbCache.get(language);
  if (cached) return cached;
  const verbs = SPEECH_VERBS[language].join('|');
  const patterns = {
    after: new RegExp(`(?<!\\p{L})(${verbs})${SPACE}(${MENTION})`, 'gu'),
    before: new RegExp(`(${MENTION})${SPACE}(${verbs})(?!\\p{L})`, 'gu'),
  };
  verbCache.set(language, patterns);
  return patterns;
}

/** "said Elizabeth", "Mr. Bennet replied", "—dijo Rosa", "-- disse Capitú". Pronouns and "his wife" never match. */
export function findAttributions(text: string, language: HeuristicLanguage): Attribution[] {
  const { after, before } = attributionPatterns(language);
  const found: Attribution[] = [];
  for (const match of text.matchAll(after)) {
    const raw = match[2];
    const form = parseNameForm(raw);
    if (form)
      found.push({ form, verb: match[1], offset: match.index + match[0].length - raw.length, length: raw.length });
  }
  for (const match of text.matchAll(before)) {
    const form = parseNameForm(match[1]);
    if (form) found.push({ form, verb: match[2], offset: match.index, length: match[1].length });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

const MENTION_PATTERN = new RegExp(`(?<!\\p{L})${MENTION}(?!\\p{L})`, 'gu');

export function findMentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const form = parseNameForm(match[0]);
    if (form) found.push({ form, offset: match.index, length: match[0].length });
  }
  return found;
}

/** Counts how often each word is written capitalised vs lower-case: names are (almost) never lower-case. */
export class WordCase {
  private readonly lower = new Map<string, number>();
  private readonly capital = new Map<string, number>();

  add(text: string): void {
    for (const [word] of text.matchAll(/\p{L}[\p{L}\p{M}'’]*/gu)) {
      const key = word.toLowerCase();
      const bucket = /^\p{Lu}/u.test(word) ? this.capital : this.lower;
      bucket.set(key, (bucket.get(key) ?? 0) + 1);
    }
  }

  looksLikeName(word: string): boolean {
    const key = word.toLowerCase();
    const capital = this.capital.get(key) ?? 0;
    return capital > 0 && (this.lower.get(key) ?? 0) <= capital * 0.1;
  }
}
