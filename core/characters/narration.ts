/**
 * Who tells the book. A first-person book is one whose narration (the text outside dialogue) refers to "I" far more
 * than a third-person book ever does; its narrator is then a character: gender from grammatical evidence about
 * "I" (Spanish and Portuguese adjectives agreeing with the speaker, "I was a boy", "my wife"), name from the
 * narrator naming himself or herself ("I, Braz Cubas,", "my name is …"), lines from first-person speech tags.
 * Unknown when there is no evidence. See docs/characters.md.
 */
import { segmentChapter } from '../planning/segmentation';
import type { ChapterInput, Gender } from './character';
import { NAME_TOKEN } from './mentions';
import { SPEECH_VERBS, verbAlternatives } from './speechVerbs';
import {
  FIRST_PERSON_VERB_FORMS,
  FIRST_PERSON_WORDS,
  foldWord,
  heuristicLanguage,
  isFunctionWord,
  THIRD_PERSON_VERB_FORMS,
  THIRD_PERSON_WORDS,
  type HeuristicLanguage,
} from './vocabulary';

export interface Narration {
  firstPerson: boolean;
  gender: Gender;
  /** The name the narrator gives himself or herself, if the text says it. */
  name: string | null;
  /** Names the narrator says others call him or her ("alcunhando-me Dom Casmurro", "they called me Pip"). */
  nicknames: string[];
  /** Dialogue lines tagged as the narrator's own ("said I", "disse eu", "respondi"). */
  lines: number;
  /** First-person words per hundred personal pronouns in the narration, for the record. */
  firstPersonShare: number;
}

/**
 * A third-person book's narration still holds some "I" (letters, an intrusive narrator, quotations the dialogue
 * scanner missed): on the development books third-person narration measured 0 to 9 first-person words per hundred
 * personal pronouns, the first-person novel 83.
 */
const FIRST_PERSON_SHARE = 0.25;
const MIN_PRONOUNS = 8;
/**
 * A third-person book whose narrator still speaks of himself now and then (an intrusive narrator: "de cuyo nombre
 * no quiero acordarme", "quedé atónito") says "I" more often than the development books' third-person narration
 * (0 to 9 per hundred); what that "I" says of itself, with at least this many votes, is the narrating voice's gender.
 */
const INTRUSIVE_SHARE = 0.12;
const MIN_INTRUSIVE_VOTES = 3;

/**
 * Where a chapter's dialogue is, as segmentation cuts it (quotations of every kind, single quotes beside
 * apostrophes, dash paragraphs, speeches over several paragraphs): half-open ranges in reading order.
 */
export function dialogueSpans(text: string, language?: HeuristicLanguage): [number, number][] {
  return segmentChapter(text, { language })
    .filter((segment) => segment.kind === 'dialogue')
    .map((segment) => [segment.startOffset, segment.endOffset]);
}

/** Text outside dialogue (dialogue blanked out, offsets kept). */
export function narrationOnly(text: string, language?: HeuristicLanguage): string {
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of dialogueSpans(text, language)) {
    parts.push(text.slice(at, from), ' '.repeat(to - from));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function detectNarration(chapters: ChapterInput[]): Narration {
  const language = heuristicLanguage(chapters[0]?.language ?? 'en');
  const first = new Set([...FIRST_PERSON_WORDS[language], ...FIRST_PERSON_VERB_FORMS[language]]);
  const third = new Set([...THIRD_PERSON_WORDS[language], ...THIRD_PERSON_VERB_FORMS[language]]);
  let firstCount = 0;
  let thirdCount = 0;
  const narrations = chapters.map((chapter) => narrationOnly(chapter.text, language));
  for (const narration of narrations)
    for (const [word] of narration.matchAll(/\p{L}+/gu)) {
      const folded = word === 'I' ? 'i' : word.toLowerCase();
      if (first.has(folded) && (language !== 'en' || folded !== 'i' || word === 'I')) firstCount++;
      else if (third.has(folded)) thirdCount++;
    }
  const total = firstCount + thirdCount;
  const share = total === 0 ? 0 : firstCount / total;
  const firstPerson = total >= MIN_PRONOUNS && share >= FIRST_PERSON_SHARE;
  const base = { firstPersonShare: Math.round(share * 100) };
  if (!firstPerson) {
    const intrusive = total >= MIN_PRONOUNS && share >= INTRUSIVE_SHARE;
    const gender = intrusive ? narratorGender(narrations.join('\n\n'), language, MIN_INTRUSIVE_VOTES) : 'unknown';
    return { firstPerson, gender, name: null, nicknames: [], lines: 0, ...base };
  }
  const allText = chapters.map((chapter) => chapter.text).join('\n\n');
  const narration = narrations.join('\n\n');
  return {
    firstPerson,
    gender: narratorGender(narration, language),
    name: narratorName(narration, language),
    nicknames: narratorNicknames(narration, language),
    lines: firstPersonLines(allText, language),
    ...base,
  };
}

/** Gender votes about "I" in the narration; a clear majority of at least `minVotes` decides. */
export function narratorGender(narration: string, language: HeuristicLanguage, minVotes = 1): Gender {
  let female = 0;
  let male = 0;
  const vote = (gender: Gender) => (gender === 'female' ? female++ : gender === 'male' ? male++ : undefined);
  for (const pattern of GENDER_PATTERNS[language])
    for (const match of narration.matchAll(pattern.regex)) vote(pattern.gender(match));
  if (female + male === 0 || female + male < minVotes) return 'unknown';
  if (female >= 2 * male && female > male) return 'female';
  if (male >= 2 * female && male > female) return 'male';
  return 'unknown';
}

interface GenderPattern {
  regex: RegExp;
  gender: (match: RegExpMatchArray) => Gender;
}

const FEMALE_SELF = 'woman|girl|lady|wife|mother|widow|daughter|sister|spinster|maid|schoolgirl|bride';
const MALE_SELF = 'man|boy|gentleman|husband|father|widower|son|brother|bachelor|lad|schoolboy|bridegroom';

/** An adjective or participle ending that agrees with its subject (-o/-os male, -a/-as female). */
function agreement(word: string, language: HeuristicLanguage): Gender {
  const folded = foldWord(word);
  if (folded.length < 4 || isFunctionWord(word, language) || /(?:ao|ão)$/u.test(word)) return 'unknown';
  if (/os?$/u.test(folded)) return 'male';
  if (/as?$/u.test(folded)) return 'female';
  return 'unknown';
}

const ROMANCE_DEGREE = '(?:(?:muito|tão|bem|já|mais|meio|assaz|muy|tan|ya|más|algo|medio)\\s+)?';
/** First-person forms of "to be", "to become", "to feel", unambiguous without a pronoun. */
const ROMANCE_BE = {
  pt: '(?:sou|estou|fui|fiquei|estive|sinto-me|senti-me|tornei-me|vi-me|achei-me|achava-me|eu\\s+(?:era|estava|ficava|ficara|andava|vivia))',
  es: '(?:soy|estoy|fui|quedé|estuve|me\\s+sentí|me\\s+siento|me\\s+quedé|yo\\s+(?:era|estaba|quedaba|andaba|vivía))',
};

const GENDER_PATTERNS: Record<HeuristicLanguage, GenderPattern[]> = {
  en: [
    {
      regex: new RegExp(
        `\\bI\\s+(?:was|am|had\\s+been|became)\\s+(?:a|an|the)\\s+(?:\\p{Ll}+\\s+)?(${FEMALE_SELF}|${MALE_SELF})\\b`,
        'gu',
      ),
      gender: (match) => (new RegExp(`^(?:${FEMALE_SELF})$`, 'u').test(match[1]) ? 'female' : 'male'),
    },
    {
      regex: /\b(?:[Ww]hen|[Ss]ince)\s+I\s+was\s+(?:a\s+)?(?:little\s+|young\s+|small\s+)?(girl|boy)\b/gu,
      gender: (match) => (match[1] === 'girl' ? 'female' : 'male'),
    },
    {
      regex: /\b[Mm]y\s+(husband|wife)\b/gu,
      gender: (match) => (match[1] === 'husband' ? 'female' : 'male'),
    },
  ],
  pt: [
    {
      regex: new RegExp(`(?<!\\p{L})${ROMANCE_BE.pt}\\s+${ROMANCE_DEGREE}(\\p{Ll}+)`, 'giu'),
      gender: (match) => agreement(match[1], 'pt'),
    },
    {
      regex: /(?<!\p{L})[Ee]u\s+(?:mesm|própri|propri)(o|a)(?!\p{L})/gu,
      gender: (match) => (match[1] === 'a' ? 'female' : 'male'),
    },
    {
      regex: /(?<!\p{L})(?:sou|era|fui)\s+(um|uma)\s+(?!\p{Ll}+\s+de\b)/gu,
      gender: (match) => (match[1] === 'uma' ? 'female' : 'male'),
    },
    {
      regex: /(?<!\p{L})(?:[Mm]eu\s+(marido|esposo)|[Mm]inha\s+(mulher|esposa))(?!\p{L})/gu,
      gender: (match) => (match[1] ? 'female' : 'male'),
    },
  ],
  es: [
    {
      regex: new RegExp(`(?<!\\p{L})${ROMANCE_BE.es}\\s+${ROMANCE_DEGREE}(\\p{Ll}+)`, 'giu'),
      gender: (match) => agreement(match[1], 'es'),
    },
    {
      regex: /(?<!\p{L})[Yy]o\s+mism(o|a)(?!\p{L})/gu,
      gender: (match) => (match[1] === 'a' ? 'female' : 'male'),
    },
    {
      regex: /(?<!\p{L})(?:soy|era|fui)\s+(un|una)\s+(?!\p{Ll}+\s+de\b)/gu,
      gender: (match) => (match[1] === 'una' ? 'female' : 'male'),
    },
    {
      regex: /(?<!\p{L})(?:[Mm]i\s+(marido|esposo)|[Mm]i\s+(mujer|esposa))(?!\p{L})/gu,
      gender: (match) => (match[1] ? 'female' : 'male'),
    },
  ],
};

const NAMED = `(${NAME_TOKEN}(?:[ \\t]+${NAME_TOKEN}){0,2})`;
const NAME_PATTERNS: Record<HeuristicLanguage, RegExp[]> = {
  en: [
    new RegExp(`(?<!\\p{L})I,\\s+${NAMED},`, 'gu'),
    new RegExp(`(?<!\\p{L})[Mm]y\\s+name\\s+(?:is|was)\\s+${NAMED}`, 'gu'),
    new RegExp(`(?<!\\p{L})(?:[Cc]all\\s+me|I\\s+am\\s+called|I\\s+was\\s+called)\\s+${NAMED}`, 'gu'),
  ],
  pt: [
    new RegExp(`(?<!\\p{L})[Ee]u,\\s+${NAMED},`, 'gu'),
    new RegExp(`(?<!\\p{L})(?:[Mm]eu\\s+nome\\s+(?:é|era)|[Cc]hamo-me|[Mm]e\\s+chamo)\\s+${NAMED}`, 'gu'),
  ],
  es: [
    new RegExp(`(?<!\\p{L})[Yy]o,\\s+${NAMED},`, 'gu'),
    new RegExp(`(?<!\\p{L})(?:[Mm]i\\s+nombre\\s+(?:es|era)|[Mm]e\\s+llamo)\\s+${NAMED}`, 'gu'),
  ],
};

/** The most frequent name the narrator gives himself or herself, or null. */
export function narratorName(text: string, language: HeuristicLanguage): string | null {
  const counts = new Map<string, number>();
  for (const pattern of NAME_PATTERNS[language])
    for (const match of text.matchAll(pattern)) {
      const name = match[1].replace(/\s+/gu, ' ');
      if (isFunctionWord(name.split(' ')[0], language)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** A nickname may be printed in italics or quotes: `alcunhando-me _Dom Casmurro_`. */
const NICKNAMED = `[_"“«']?${NAMED}`;
const NICKNAME_PATTERNS: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`(?<!\\p{L})(?:called|call|nicknamed|dubbed)\\s+me\\s+${NICKNAMED}`, 'gu'),
  pt: new RegExp(
    `(?<!\\p{L})(?:(?:alcunh|cham|apelid)(?:ando|am|avam|aram|ou|ava)-me|me\\s+(?:alcunh|cham|apelid)(?:am|avam|aram|ou|ava))\\s+(?:de\\s+)?${NICKNAMED}`,
    'gu',
  ),
  es: new RegExp(
    `(?<!\\p{L})(?:me\\s+(?:llam|apod)(?:an|aban|aron|ó|aba)|(?:llam|apod)(?:ándome|andome))\\s+${NICKNAMED}`,
    'gu',
  ),
};

/** The names the narrator says others call him or her, each once, in order of first use. */
export function narratorNicknames(text: string, language: HeuristicLanguage): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(NICKNAME_PATTERNS[language])) {
    const name = match[1].replace(/\s+/gu, ' ');
    if (!isFunctionWord(name.split(' ')[0], language)) names.add(name);
  }
  return [...names];
}

const linePatterns = new Map<HeuristicLanguage, RegExp>();

/** "said I", "I said", "disse eu", "respondi", "dije yo", "pregunté": the narrator's own dialogue tags. */
export function firstPersonTagPattern(language: HeuristicLanguage): RegExp {
  const cached = linePatterns.get(language);
  if (cached) return cached;
  const { firstPersonPronoun: pronoun, firstPerson: verbs, thirdPerson } = SPEECH_VERBS[language];
  const third = verbAlternatives(thirdPerson);
  const alternatives = [`(?:${third})(?:-(?:lhe|lhes|te|nos))?[ \\t]+${pronoun}(?!\\p{L})`];
  if (language === 'en') alternatives.push(`(?<=[,!?—-][ \\t"”’]*)I[ \\t]+(?:${third})(?!\\p{L})`);
  if (verbs.length > 0) alternatives.push(`(?:${verbAlternatives(verbs)})(?!\\p{L})`);
  const pattern = new RegExp(`(?<!\\p{L})(?:${alternatives.join('|')})`, 'gu');
  linePatterns.set(language, pattern);
  return pattern;
}

function firstPersonLines(text: string, language: HeuristicLanguage): number {
  return [...text.matchAll(firstPersonTagPattern(language))].length;
}
