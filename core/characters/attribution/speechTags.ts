/**
 * Speech tags: the short clauses that say who speaks ("said Elizabeth", "he replied", "—dijo Rosa", "disse-lhe eu",
 * "respondi"). Segmentation uses them to cut a tag out of a dash-led paragraph that has no closing dash; attribution
 * uses them to read the speaker. The verbs are the language's (speechVerbs.ts); where a text's language is not
 * known, the three languages' verbs apply together.
 */
import { firstPersonPronouns, speechVerbsOf, verbAlternatives } from '../speechVerbs';
import { honorificOf } from '../honorifics';
import type { HeuristicLanguage } from '../vocabulary';

/** Pronouns that name the speaker of a tag. */
const FIRST_PERSON_PRONOUNS = new Set(firstPersonPronouns());
/**
 * Spanish and Portuguese demonstratives stand for a person as a tag's subject ("respondió éste", "añadió ésta",
 * "continuó aquél": the latter, the former), with the gender of the person they stand for.
 */
const MALE_DEMONSTRATIVES = ['éste', 'este', 'aquél', 'aquel', 'aquele', 'aquelle'];
const FEMALE_DEMONSTRATIVES = ['ésta', 'esta', 'aquélla', 'aquella', 'aquela'];
const MALE_PRONOUNS = new Set(['he', 'él', 'ele', 'elle', ...MALE_DEMONSTRATIVES]);
const FEMALE_PRONOUNS = new Set(['she', 'ella', 'ela', ...FEMALE_DEMONSTRATIVES]);

/** Portuguese (and old Spanish) clitics glued to the verb: "disse-lhe", "interrompeu-me". */
const CLITIC = '(?:-(?:lhe|lhes|lh[ao]s?|me|te|se|nos|vos|o|a|os|as))?';

/**
 * A Spanish or Portuguese gerund (with a clitic): "voltando-se", "sonriendo". English ones ("said, smiling") follow
 * a comma, which ends the tag anyway, and "-ing" words are not all gerunds ("said nothing").
 */
const GERUND =
  /^(?:\p{L}{2,}(?:ando|endo|indo|ondo|ándo|éndo|índo)|rindo|vindo|indo|lendo|vendo|dando|pondo|yendo|viendo|dándo|yéndo)(?:(?:se|le|les|lo|la|los|las|me|te|nos)(?<=[áéí]\p{L}+))?(?:-\p{L}+)?(?![\p{L}\p{N}])/iu;

/** Spanish and Portuguese clitics before the verb: "le respondió Sancho", "me dijo Pedro", "se dijo", "lhe disse". */
const PROCLITIC = '(?:se|me|te|le|les|nos|lhe|lhes)';

const WORD = "[\\p{L}\\p{N}'’.-]+";
/** Words that may stand between a subject and its verb ("he then said", "Mr. Bennet coolly replied"). */
const ADVERB =
  '(?:\\p{L}+ly|then|now|again|at\\s+last|only|aloud|rather|quite|very|entonces|luego|então|depois|logo|ainda)';

/** A gerund of speech, with the accent a clitic glued to it brings ("diciéndose", "gritándole", "dizendo-lhe"). */
const SPEECH_GERUND =
  '(?:dici[eé]ndo|grit[aá]ndo|exclam[aá]ndo|murmur[aá]ndo|pregunt[aá]ndo|respondi[eé]ndo|contest[aá]ndo|' +
  'repiti[eé]ndo|gruñ[eé]ndo|refunfuñ[aá]ndo|mascull[aá]ndo|solloz[aá]ndo|gimi[eé]ndo|rez[aá]ndo|pens[aá]ndo|' +
  'dizendo|perguntando|respondendo|repetindo|resmungando|soluçando|gemendo|murmurando)(?:se|le|les|-se|-lhe|-lhes)?';
const SPEECH_INFINITIVE =
  '(?:decir|responder|contestar|preguntar|exclamar|gritar|murmurar|replicar|añadir|observar|dizer|perguntar|' +
  'acrescentar|accrescentar)(?:le|les|-lhe|-lhes)?';
/**
 * A verb of going on or hurrying and a speech verb after it stand for the speech verb in a Spanish or Portuguese tag:
 * a gerund after "iba", "seguía", "entró" ("iba gritando la criada", "iban diciéndose los arrieros", "entró
 * diciendo el alcalde", "ia dizendo o padre"), an infinitive after "se apresuró a", "volvió a", "tornou a" ("se
 * apresuró a contestar el posadero", "tornou a perguntar o barbeiro"). Any other gerund goes on with the narration.
 */
const PERIPHRASIS =
  `(?:(?:iba|iban|seguía|seguían|siguió|continuó|entró|salió|venía|ia|iam|seguia|continuou|entrou|saiu|vinha)\\s+${SPEECH_GERUND}|` +
  `(?:apresuró|apresuraron|apressou|volvió|volvieron|tornó|tornou|voltou)\\s+a\\s+${SPEECH_INFINITIVE})`;

/** A language's speech verbs compiled for reading tags; `any` when the text's language is not known. */
interface TagLexicon {
  verb: string;
  verbFirst: RegExp;
  subjectFirst: RegExp;
  /** Forms that are first person only (Spanish "decía" is first and third person alike). */
  onlyFirstPerson: Set<string>;
  /** Forms that are third person only ("perguntou", "respondió"); none where the forms do not say the person. */
  onlyThirdPerson: Set<string>;
  verbAnywhere: RegExp;
}

const lexicons = new Map<HeuristicLanguage | 'any', TagLexicon>();

function lexiconFor(language?: HeuristicLanguage): TagLexicon {
  const key = language ?? 'any';
  const cached = lexicons.get(key);
  if (cached) return cached;
  const { firstPerson, eitherPerson, ...verbs } = speechVerbsOf(language);
  // A line read out ("—leyó Rosa—") is tagged as one said.
  const thirdPerson = [...verbs.thirdPerson, ...verbs.reading];
  const verb = `(?:${verbAlternatives([...thirdPerson, ...firstPerson])})${CLITIC}`;
  const lexicon: TagLexicon = {
    verb,
    verbFirst: new RegExp(
      `^((?:${ADVERB}\\s+)?(?:${PROCLITIC}\\s+)?)(${language === 'en' ? '' : `${PERIPHRASIS}|`}${verb})(?![\\p{L}\\p{N}])`,
      'iu',
    ),
    subjectFirst: new RegExp(
      `^((?:${WORD}\\s+){0,3}?${WORD})\\s+(?:${ADVERB}\\s+)?(?:${PROCLITIC}\\s+)?(${verb})(?![\\p{L}\\p{N}])`,
      'iu',
    ),
    onlyFirstPerson: new Set(firstPerson.filter((form) => !thirdPerson.includes(form))),
    // A language that lists no first-person forms (English) does not say the person by the verb.
    onlyThirdPerson: new Set(
      firstPerson.length === 0
        ? []
        : thirdPerson.filter((form) => !firstPerson.includes(form) && !eitherPerson.includes(form)),
    ),
    verbAnywhere: new RegExp(`(?<![\\p{L}\\p{N}])(?:${verb})(?![\\p{L}\\p{N}])`, 'giu'),
  };
  lexicons.set(key, lexicon);
  return lexicon;
}

/** Clause punctuation, a closing parenthesis, a dash, or a hyphen used as a dash (not one joining two words). */
const CLAUSE_PUNCTUATION = /[,;:.!?…—―–)]|--|-(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])-/gu;
/** A full stop after these ends an abbreviation or an initial, not the clause ("said Mr. Bennet"). */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Dra|St|Sr|Sra|Srta|Sto|Sta|D|Jr|Prof|Rev|Capt|Col|Gen|Lt|Hon|(?!I)\p{Lu})$/u;
const MAX_TAG_CHARS = 90;

/** Where the clause that starts `text` ends. */
export function clauseEnd(text: string): number {
  CLAUSE_PUNCTUATION.lastIndex = 0;
  for (let match = CLAUSE_PUNCTUATION.exec(text); match !== null; match = CLAUSE_PUNCTUATION.exec(text)) {
    if (match[0] === '.' && ABBREVIATION.test(text.slice(0, match.index))) continue;
    return match.index;
  }
  return text.length;
}

const AFTER_SUBJECT_FIRST = new RegExp(
  `^(?:\\s+(?:${ADVERB}|\\p{L}+mente|(?:to|a|ao|à|á)\\s+${WORD}|me|him|her|them|us))*\\s*$`,
  'iu',
);
/**
 * An English clause of time, a phrase of manner or one of place after the verb ("I asked when we were alone", "he
 * remarked as we paced", "he asked with a deep harsh voice", "I exclaimed in unfeigned admiration", "Dale said
 * through his open window", "she called from the landing", "he said across the table").
 */
const WHEN_CLAUSE =
  /^\s+(?:after|before|when|as|while|until|with|in|through|from|across|over|into|behind|beside|without)\s+\p{L}/iu;
const DETERMINER =
  /^(?:este|esta|aquel|aquella|aquele|aquela|aquelle|the|my|his|her|their|our|your|a|an|o|os|as|el|la|los|las|meu|minha|seu|sua|nosso|nossa|mi|su|nuestro|nuestra|un|una|uno|unos|unas|um|uma|one|some|old|young|little|poor|several|many|varios|varias|muchos|muchas|vários|várias|muitos|muitas)$/iu;

export interface SpeechTag {
  /** Where the tag clause ends in the text given (at its terminating punctuation or dash, or the text's end). */
  end: number;
  verb: string;
  /** The words around the verb that may name the speaker (the subject side of the clause). */
  subject: string;
  /** The tag's own words say the narrator speaks: "said I", "I said", "disse eu", "respondi". */
  firstPerson: boolean;
  /** A subject pronoun of the tag ("he said", "disse ella"), lower-cased, or null. */
  pronoun: string | null;
  /** The verb's own form says someone other than the narrator speaks ("perguntou-me", "respondió"): never "I". */
  thirdPersonVerb: boolean;
}

function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}'’]+/gu) ?? []).map((word) => word.toLowerCase());
}

/**
 * A tag at the very start of `text`: verb first ("said Elizabeth", "replicou o animal", "disse-lhe eu", "exclamou.")
 * or subject first ("he said", "my aunt said piously", "Mr. Bennet coolly replied"). The clause runs to the first
 * clause punctuation or dash. The checks keep speech that merely contains a verb from passing for a tag: a
 * verb-first tag names a person right after the verb or ends there, and a subject-first tag ends within a few
 * adverbs or an addressee after its verb ("I said nothing" is speech, "I said to him" a tag).
 *
 * Leading spaces, dashes and an opening parenthesis are allowed; null when `text` does not open with a tag.
 */
export function readSpeechTag(text: string, language?: HeuristicLanguage): SpeechTag | null {
  const lexicon = lexiconFor(language);
  const lead = /^[\s—―–(-]*/u.exec(text)![0].length;
  const body = text.slice(lead);
  const end = clauseEnd(body);
  const clause = body.slice(0, end);
  if (clause.length === 0 || clause.length > MAX_TAG_CHARS) return null;

  let verb: string;
  let subject: string;
  const verbFirst = lexicon.verbFirst.exec(clause);
  if (verbFirst) {
    verb = verbFirst[2];
    subject = clause.slice(verbFirst[0].length).trim();
    // "continuou voltando-se para mim", "dijo sonriendo el cura": the narration goes on with a gerund.
    if (subject.length > 0 && !namesSomeone(subject) && !GERUND.test(subject.replace(LEADING_ADVERBS, ''))) return null;
  } else {
    const subjectFirst = lexicon.subjectFirst.exec(clause);
    if (!subjectFirst || !plausibleSubject(subjectFirst[1])) return null;
    const rest = clause.slice(subjectFirst[0].length);
    if (!AFTER_SUBJECT_FIRST.test(rest) && !(language !== 'es' && language !== 'pt' && WHEN_CLAUSE.test(rest)))
      return null;
    verb = subjectFirst[2];
    subject = subjectFirst[1];
  }
  const subjectWords = words(subject);
  const verbWord = verb.toLowerCase();
  const firstPerson =
    subjectWords.slice(0, 3).some((word) => FIRST_PERSON_PRONOUNS.has(word)) ||
    (lexicon.onlyFirstPerson.has(verbWord.replace(/-.*$/u, '')) && !subjectWords.some(isThirdPersonSubject));
  const pronoun = subjectWords.slice(0, 3).find((word) => MALE_PRONOUNS.has(word) || FEMALE_PRONOUNS.has(word)) ?? null;
  const thirdPersonVerb = !firstPerson && lexicon.onlyThirdPerson.has(verbWord.replace(/-.*$/u, ''));
  return { end: lead + end, verb, subject: subject.trim(), firstPerson, pronoun, thirdPersonVerb };
}

function isThirdPersonSubject(word: string): boolean {
  return MALE_PRONOUNS.has(word) || FEMALE_PRONOUNS.has(word);
}

const isPronoun = (word: string) => FIRST_PERSON_PRONOUNS.has(word) || isThirdPersonSubject(word);

/**
 * Adverbial phrases that may stand between a tag's verb and its subject, or end a tag ("dijeron al fin las madres",
 * "preguntó al cabo de un rato.", "he said after a pause").
 */
const ADVERBIAL_PHRASE =
  '(?:(?:al|ao)\\s+cabo\\s+de\\s+(?:un|una|algún|alguna|um|uma|algum|alguma|poco|pouco)\\s+(?:rato|tiempo|momento|instante|tempo|minuto)|' +
  '(?:after|depois\\s+de|despu[ée]s\\s+de|tras)\\s+(?:a|an|uma?|una?)\\s+(?:moment|pause|while|minute|silence|momento|pausa|rato|instante|minuto|silencio|silêncio)|' +
  '(?:en|em|a|in\\s+a)\\s+(?:(?:alta|baja|baixa|media|meia|low|loud|high)\\s+(?:voz|voice)|voz\\s+(?:alta|baja|baixa))|' +
  // How it was said: a preposition of manner and one noun ("con dureza", "com impaciência", "with a smile").
  // To oneself ("pensei commigo", "dijo para sí").
  '(?:comigo|commigo|consigo|conmigo|para\\s+(?:si|sí|mim|consigo))|' +
  '(?:con|com|with)\\s+(?:(?:un|una|um|uma|a|an)\\s+)?\\p{Ll}+|' +
  '(?:no|ao)\\s+fim|al\\s+cabo|al\\s+mismo\\s+tiempo|ao\\s+mesmo\\s+tempo|en\\s+tanto|entretanto|al\\s+final|afinal|por\\s+[úu]ltimo|al\\s+fin|por\\s+fin|en\\s+esto|en\\s+seguida|otra\\s+vez|a\\s+su\\s+vez|at\\s+last|at\\s+length|in\\s+turn|em\\s+seguida|por\\s+fim|de\\s+novo|outra\\s+vez|[áa]\\s+sua\\s+vez|de\\s+repente)';
const LEADING_ADVERBS = new RegExp(`^(?:(?:${ADVERBIAL_PHRASE}|${ADVERB}|\\p{L}+mente)(?![\\p{L}\\p{N}])\\s*)+`, 'iu');

/**
 * After a verb-first tag's verb: the speaker, possibly after adverbs and adverbial phrases ("retorquia modestamente o
 * Villaça", "dijeron al fin consistorialmente las madres").
 */
function namesSomeone(subject: string): boolean {
  const tokens = subject
    .replace(LEADING_ADVERBS, '')
    .split(/\s+/u)
    .filter((token) => token.length > 0);
  // Only adverbs: a tag without a subject ("dijo luego.", "said quietly.").
  if (tokens.length === 0) return true;
  const first = tokens[0].replace(/[^\p{L}'’.]/gu, '');
  const lower = first.toLowerCase();
  if (isPronoun(lower)) return true;
  // "añadió otro.", "repitieron todos.", "added another, …", "acrescentou um dos rapazes" (after the determiner).
  if (INDEFINITE_SUBJECT.test(lower) && (tokens.length === 1 || /^(?:de|of|do|da|dos|das)$/iu.test(tokens[1])))
    return true;
  if (DETERMINER.test(lower)) return tokens.length > 1 && /^\p{L}/u.test(tokens[1]);
  if (lowerCaseTitle(first)) return tokens.length > 1 && /^\p{Lu}/u.test(tokens[1]);
  return /^\p{Lu}/u.test(first);
}

/** Someone unnamed by an indefinite pronoun, alone or before a partitive ("otro", "todos", "alguno de ellos"). */
const INDEFINITE_SUBJECT =
  /^(?:uno|una|otro|otra|otros|otras|todos|todas|alguno|alguna|algunos|algunas|alguien|ambos|ambas|one|another|others|all|both|someone|somebody|everyone|everybody|um|uma|outro|outra|outros|outras|alguém)$/iu;

/** A title Spanish and Portuguese write in lower case before a name ("don Quijote", "tío Lucas", "señá Frasquita"). */
function lowerCaseTitle(word: string): boolean {
  return /^\p{Ll}/u.test(word) && honorificOf(word)?.lowerCaseIn !== undefined;
}

/**
 * A subject before the verb must look like a person: a pronoun, a capitalised name, or a determiner and noun ("the
 * old man", "my aunt", "o capitão"), never a clause of speech ("It was what I said").
 */
function plausibleSubject(subject: string): boolean {
  const tokens = subject.trim().split(/\s+/u);
  const lower = tokens[0].toLowerCase();
  if (tokens.length === 1 && isPronoun(lower)) return true;
  if (DETERMINER.test(lower)) return tokens.length <= 4 && tokens.slice(1).every((token) => /^\p{L}/u.test(token));
  if (lowerCaseTitle(tokens[0])) tokens.shift();
  return (
    tokens.length > 0 &&
    tokens.every((token) => /^\p{Lu}/u.test(token) || /^(?:de|da|do|dos|das|del|van|von)$/u.test(token))
  );
}

/** The gender a tag's subject pronoun says, if any. */
export function pronounGender(pronoun: string | null): 'female' | 'male' | null {
  if (pronoun === null) return null;
  if (FEMALE_PRONOUNS.has(pronoun)) return 'female';
  return MALE_PRONOUNS.has(pronoun) ? 'male' : null;
}

/** A verb form that is the speaker's own person only ("respondi", "emendei", "dije"; not Spanish "decía"). */
export function isOnlyFirstPersonVerb(word: string, language?: HeuristicLanguage): boolean {
  return lexiconFor(language).onlyFirstPerson.has(word.toLowerCase().replace(/-.*$/u, ''));
}

/** Offsets and forms of the speech verbs in a text ("Mrs. Bennet said only," → said at 12). */
export function speechVerbsIn(text: string, language?: HeuristicLanguage): { offset: number; verb: string }[] {
  return [...text.matchAll(lexiconFor(language).verbAnywhere)].map((match) => ({
    offset: match.index,
    verb: match[0],
  }));
}

const PRONOUN_WORD = /(?<![\p{L}\p{N}])(I|he|she|yo|él|ella|eu|ele|elle|ela)(?![\p{L}\p{N}])/giu;

/** Subject pronouns in a text with their offsets ("Then he said:" → he at 5). */
export function subjectPronounsIn(text: string): { offset: number; pronoun: string }[] {
  return [...text.matchAll(PRONOUN_WORD)]
    .filter((match) => match[1] !== 'i')
    .map((match) => ({ offset: match.index, pronoun: match[1] === 'I' ? 'i' : match[1].toLowerCase() }));
}

export function isFirstPersonPronoun(pronoun: string): boolean {
  return FIRST_PERSON_PRONOUNS.has(pronoun);
}

/** The sentences of a narration with their offsets; a full stop after an abbreviation or initial ends none. */
export function sentencesOf(text: string): { offset: number; text: string }[] {
  const result: { offset: number; text: string }[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?…;:]+["'”’»)]*\s+/gu)) {
    const end = match.index + match[0].length;
    if (/^\.\S*\s+$/u.test(match[0]) && ABBREVIATION.test(text.slice(0, match.index))) continue;
    result.push({ offset: start, text: text.slice(start, end) });
    start = end;
  }
  if (start < text.length) result.push({ offset: start, text: text.slice(start) });
  return result;
}
