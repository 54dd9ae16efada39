/**
 * Abbreviations in context. Whether "St." is Saint or Street, "D." Dona, Dom or a middle initial, and whether a period
 * ends the sentence, depend on the words around the abbreviation; books also wrap lines anywhere ("Mr.⏎Darcy") and
 * print whole lines in capitals ("MR. DARCY"), so both count as the same abbreviation.
 */
import { foldAccents } from '../manuscript/headings';
import { romanToNumber } from '../manuscript/numerals';
import { BLANK } from './normalize.blanks';
import { NUMERAL_RUN, numeralRun } from './normalize.roman';
import type { Abbreviation, LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Spaces and at most one line break: a blank line (a new paragraph) separates an abbreviation from what follows. */
const GAP = String.raw`[ \t]*(?:\n[ \t]*)?`;
const NEXT_WORD = new RegExp(String.raw`^${GAP}["'(]?(\p{L}[\p{L}\p{M}'’-]*)`, 'u');
/** A name the author blanked out ("D. —— y"): a title before it is read as before a name. */
const NEXT_BLANK = new RegExp(String.raw`^[ \t]+${BLANK}`, 'u');
/** A number, or a year after its era mark ("c. AD 43"). */
// A telephone's area code may stand in brackets: "tel. (11) 3456-7890".
const NEXT_NUMBER = new RegExp(String.raw`^${GAP}(?:A\.?D\.?[ \t]{1,3}|\()?\d`, 'u');
const ROMAN = String.raw`[IVXLCDM]+|[ivxlcdm]+`;
/** A numeral's period followed by a pause or a lower-case word: no sentence ends there. */
const NUMERAL_PERIOD_MIDSENTENCE = String.raw`(\.(?=[ \t]*[,;:]|[ \t]*\n?[ \t]*["'(]?\p{Ll}))?`;
/**
 * The word right before, separated only by spaces (a comma or any other mark in between cuts the link), and whether
 * it opens its sentence (nothing but a stop, a quote, a dash or the start of the text before it).
 */
const PREVIOUS_WORD = /(\p{L}[\p{L}\p{M}'’-]*)[ \t]*\n?[ \t]*$/u;
/**
 * A number at most two short words away, as in dates: "3 de ago.", "3º dia de ago.", "ago. de 1857", "ago. 3";
 * not "3 barcos ao mar." (a longer word in between is no date).
 */
const NUMBER_BEFORE = /\d[ºª°]?\.?(?:[ \t]+\p{Ll}{1,3}){0,2}[ \t]+$/u;
/** A number or an ordinal; the ground floor of a Portuguese address ("r/c Dto.") is a floor too. */
const NUMBER_JUST_BEFORE = /(?:\d(?:\.?[ºª°])?|(?<![\p{L}])r\/c)[ \t]+$/iu;
const NUMBER_AFTER = /^[ \t]+(?:\p{Ll}{1,3}[ \t]+)?\d/u;
const INITIAL_BEFORE = /(?<![\p{L}\p{N}.])\p{Lu}\.[ \t]*\n?[ \t]*$/u;
/** One or two short lower-case words (particles: "da", "de la") and then a capitalised word. */
const NAME_AFTER_PARTICLE = new RegExp(String.raw`^${GAP}(?:\p{Ll}{1,3}[ \t]+){1,2}\p{Lu}`, 'u');
/**
 * A place's name and its number, as an address gives them: "Augusta, 1.508", "da Quitanda, 48", "do Ouvidor, n.º 12";
 * not an age or a count ("Mendes, 45 anos"). Read over a bounded slice after the abbreviation.
 */
const ADDRESS_AFTER = new RegExp(
  String.raw`^${GAP}(?:\p{Ll}{1,3}[ \t]+){0,2}\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:\p{Ll}{1,3}[ \t]+){0,2}\p{Lu}[\p{L}\p{M}'’-]*){0,3},[ \t]*(?:n\.?[º°o][ \t]*)?\d[\d.]*(?!\d|[ \t]*\p{Ll})`,
  'u',
);
/** A place's name and a comma right before: "Tulsa, Okla.", "Springfield, Ill.". */
// A dateline prints the town in capitals: "SAN JOSE, Calif.".
const PLACE_AND_COMMA_BEFORE = /(?<![\p{L}\p{N}.])(\p{Lu}(?:\p{Ll}[\p{L}'’-]*|\p{Lu}[\p{Lu}'’-]*)),[ \t]+$/u;
const INITIAL_AFTER = /^[ \t]*\n?[ \t]*\p{Lu}\.(?![\p{L}\p{N}])/u;
const OPENS_SENTENCE = /(?:^|[.!?:;"'«(—–-]|\n)[ \t]*$/u;
const AFTER_SENTENCE = /[.!?»"”][ \t]*(?:\n[ \t]*)*$/u;
const ONLY_SPACE = /^\s*$/u;
const SENTENCE_MAY_END = new RegExp(String.raw`^(?:[ \t]*$|\s*\n[ \t]*\n|${GAP}["'(]?\p{Lu})`, 'u');

const LETTER_BEFORE_ON_LINE = /\p{L}[^\n]*$/u;
const LETTER_AFTER_ON_LINE = /^[^\n]*\p{L}/u;
const SENTENCE_GOES_ON = /^(?:\.\.|[ \t]*(?:[,;:?!]|["'(]?\p{Ll}))/u;

const isCapitalised = (word: string | undefined): word is string => !!word && /^\p{Lu}/u.test(word);

function isName(word: string | undefined, rules: LanguageRules): boolean {
  if (!isCapitalised(word)) return false;
  const lower = word.toLowerCase();
  return !rules.titles.has(lower) && !rules.functionWords.has(lower);
}

/** A month's name or its abbreviation, three letters or more ("October", "Oct", "Sept"). */
function isMonth(word: string | undefined, rules: LanguageRules): boolean {
  if (!isCapitalised(word) || word.length < 3) return false;
  const lower = word.toLowerCase();
  return [...(rules.monthsWithOrdinalDays ?? [])].some((month) => month.toLowerCase().startsWith(lower));
}

interface Surroundings {
  previousWord: string | undefined;
  previousOpensSentence: boolean;
  nextWord: string | undefined;
  nextIsBlank: boolean;
  /** A name follows after a particle or two ("da Matriz", "de la Iglesia"). */
  nameAfterParticle: boolean;
  /** A place's name and a number follow, as in an address ("Augusta, 1.508"). */
  addressFollows: boolean;
  /** A place's name and a comma stand right before ("Tulsa, Okla."). */
  placeBefore: boolean;
  nextIsNumber: boolean;
  /** A number or an ordinal stands right before ("1.º esq."). */
  numberJustBefore: boolean;
  numberNearby: boolean;
  /** Another initial stands right before ("J. S. Bach", "o conde B. V."). */
  afterInitial: boolean;
  /** Another initial follows ("V. M. Silva"). */
  beforeInitial: boolean;
  /** A letter stands on the same line before or after the abbreviation. */
  wordsOnItsLine: boolean;
  /** What follows is a lower-case word, a pause or an ellipsis: no new sentence starts. */
  sentenceGoesOn: boolean;
  /** Only a stop, a closing quote and spaces or line breaks stand before it, or nothing at all. */
  afterSentence: boolean;
}

function applies(abbreviation: Abbreviation, around: Surroundings, rules: LanguageRules): boolean {
  const nameFollows = isCapitalised(around.nextWord) || around.nextIsBlank;
  if (abbreviation.after && !abbreviation.after.has(around.previousWord?.toLowerCase() ?? '')) return false;
  switch (abbreviation.when) {
    case undefined:
      return true;
    case 'beforeName':
      return nameFollows;
    case 'notAfterName':
      // "Juan D. Pérez" has a middle initial; "Llegó D. Quijote" opens with a verb, not a first name; "J. S. Bach"
      // has two initials.
      return (
        nameFollows && !around.afterInitial && (around.previousOpensSentence || !isName(around.previousWord, rules))
      );
    case 'amongWords':
      return !around.afterInitial && !around.beforeInitial;
    case 'beforeSaint':
      return (
        applies({ ...abbreviation, when: 'notAfterName' }, around, rules) &&
        !(around.previousWord !== undefined && rules.titles.has(around.previousWord.toLowerCase()))
      );
    case 'afterName':
      return isName(around.previousWord, rules) && !isName(around.nextWord, rules);
    case 'beforeNumber':
      return around.nextIsNumber;
    case 'afterNumber':
      return around.numberJustBefore;
    case 'inDate':
      return around.numberNearby;
    case 'beforePlaceName':
      return (nameFollows || around.nameAfterParticle) && !around.afterInitial;
    case 'beforeAddress':
      return around.addressFollows && !around.afterInitial;
    case 'afterPlace':
      return around.placeBefore;
    case 'beforeParticleName':
      return around.nameAfterParticle && !around.afterInitial;
    case 'beforeDate':
      return around.nextIsNumber || isMonth(around.nextWord, rules);
    case 'afterSentence':
      return around.afterSentence;
    case 'amidWords':
      // A capitalised word opening the sentence is a verb when the sentence goes on ("Dígame V., señor"), a name
      // when it stops ("Carlos V.").
      return (
        around.wordsOnItsLine &&
        !nameFollows &&
        (!isName(around.previousWord, rules) || (around.previousOpensSentence && around.sentenceGoesOn)) &&
        !(around.previousWord !== undefined && foldAccents(around.previousWord.toLowerCase()) in rules.headingLabels)
      );
  }
}

interface Spelling {
  /** The spellings matched: as written and in capitals. */
  forms: string[];
  pattern: RegExp;
  /** Several readings of one spelling ("St." as Saint and as Street), narrowest context first. */
  readings: Abbreviation[];
}

const compiled = new WeakMap<LanguageRules, Spelling[]>();

function spellingsOf(rules: LanguageRules): Spelling[] {
  const known = compiled.get(rules);
  if (known) return known;
  const bySpelling = new Map<string, Abbreviation[]>();
  for (const abbreviation of rules.abbreviations) {
    bySpelling.set(abbreviation.written, [...(bySpelling.get(abbreviation.written) ?? []), abbreviation]);
  }
  // Longer spellings first, so "V. Exa." is read before "Exa." and "Mrs." is never seen as "Mr." + "s".
  const spellings = [...bySpelling.entries()]
    .sort(([a], [b]) => b.length - a.length)
    .map(([written, readings]) => {
      // As written, in capitals, and capitalised at a sentence start ("Vol. II" for "vol.").
      const forms = [...new Set([written, written.toUpperCase(), written.charAt(0).toUpperCase() + written.slice(1)])];
      // An abbreviation that may stand before a number also takes a Roman numeral after it ("vol. ii", "No. IV"),
      // and a list of them ("vols. I, II and III", "incs. I a III"). Its period, where no sentence ends ("vol. ii.
      // p. 34"), is the numeral's own and goes with it.
      const numeral = readings.some((reading) => reading.when === 'beforeNumber')
        ? String.raw`(?:([ \t]+|[ \t]*\n[ \t]*)(${ROMAN})(?![\p{L}\p{N}'’])(${NUMERAL_RUN})${NUMERAL_PERIOD_MIDSENTENCE})?`
        : '()()()()';
      const pattern = new RegExp(
        String.raw`(?<![\p{L}\p{N}.])(${forms.map(escapeRegex).join('|')})(?![\p{L}\p{N}])${numeral}([ \t]*\n[ \t]*(?=\S))?`,
        'gu',
      );
      return { forms, pattern, readings };
    });
  compiled.set(rules, spellings);
  return spellings;
}

/**
 * A Roman numeral after an abbreviation that numbers things ("vol. ii" → 2). Not a lone initial that is also a
 * letter (L, C, D, M), nor an English "I" that a word follows ("No. I think") unless more numerals of a list do
 * ("vols. I and II").
 */
function numeralValue(
  numeral: string | undefined,
  after: string,
  rules: LanguageRules,
  listFollows: boolean,
): number | undefined {
  if (!numeral || /^[LCDMlcdm]$/.test(numeral)) return undefined;
  if (rules.loneIIsPronoun && numeral === 'I' && !listFollows && /^[ \t]*["'(]?\p{L}/u.test(after)) return undefined;
  return romanToNumber(numeral);
}

/** The first reading whose context applies wins; none applies, the text stays as written. */
function expandSpelling(text: string, spelling: Spelling, rules: LanguageRules): string {
  return text.replace(
    spelling.pattern,
    (
      match: string,
      abbreviation: string,
      numeralGap: string | undefined,
      numeral: string | undefined,
      numeralList: string | undefined,
      numeralPeriod: string | undefined,
      lineBreak: string | undefined,
      offset: number,
    ) => {
      const before = text.slice(Math.max(0, offset - 80), offset);
      const after = text.slice(offset + abbreviation.length, offset + abbreviation.length + 80);
      const listStart =
        offset + match.length - (lineBreak?.length ?? 0) - (numeralPeriod?.length ?? 0) - (numeralList?.length ?? 0);
      const run = numeralRun(numeralList ?? '', listStart, text, rules);
      const value = numeralValue(numeral, text.slice(listStart, listStart + 80), rules, run.numerals.length > 0);
      const previous = before.match(PREVIOUS_WORD);
      const around: Surroundings = {
        previousWord: previous?.[1],
        previousOpensSentence:
          !!previous &&
          (previous.index! > 0 || offset <= before.length) &&
          OPENS_SENTENCE.test(before.slice(0, previous.index)),
        afterInitial: INITIAL_BEFORE.test(before),
        beforeInitial: INITIAL_AFTER.test(after),
        nextWord: after.match(NEXT_WORD)?.[1],
        nextIsBlank: NEXT_BLANK.test(after),
        nameAfterParticle: NAME_AFTER_PARTICLE.test(after),
        addressFollows: ADDRESS_AFTER.test(after),
        placeBefore: isName(PLACE_AND_COMMA_BEFORE.exec(before)?.[1], rules),
        nextIsNumber: NEXT_NUMBER.test(after) || value !== undefined,
        numberJustBefore: NUMBER_JUST_BEFORE.test(before),
        numberNearby: NUMBER_BEFORE.test(before) || NUMBER_AFTER.test(after),
        wordsOnItsLine: LETTER_BEFORE_ON_LINE.test(before) || LETTER_AFTER_ON_LINE.test(after),
        sentenceGoesOn: SENTENCE_GOES_ON.test(after),
        afterSentence: AFTER_SENTENCE.test(before) || (offset === before.length && ONLY_SPACE.test(before)),
      };
      const reading = spelling.readings.find((candidate) => applies(candidate, around, rules));
      if (!reading) return match;
      const spoken = typeof reading.spoken === 'function' ? reading.spoken(around.nextWord) : reading.spoken;
      if (reading.when === 'beforeNumber' && value !== undefined) {
        // The list read as far as it holds numerals; what follows ("Chapters IV and I went") stays as written.
        const unread = (numeralList ?? '').slice(run.written.length);
        const period = unread === '' ? '' : (numeralPeriod ?? '');
        return `${spoken} ${rules.cardinal(BigInt(value))}${run.spoken}${unread}${period}${lineBreak ?? ''}`;
      }
      const writtenNumeral = numeral ? `${numeralGap ?? ''}${numeral}${numeralList ?? ''}${numeralPeriod ?? ''}` : '';
      // A title and the name after it are one phrase, even when the book wrapped the line between them.
      if (reading.title) return `${spoken}${writtenNumeral}${lineBreak ? ' ' : ''}`;
      // "V..." is the abbreviation's period and an ellipsis's last two: the ellipsis stays whole.
      const period = abbreviation.endsWith('.') && (SENTENCE_MAY_END.test(after) || after.startsWith('..')) ? '.' : '';
      return `${spoken}${period}${writtenNumeral}${lineBreak ?? ''}`;
    },
  );
}

export function expandAbbreviations(text: string, rules: LanguageRules): string {
  let spoken = text;
  for (const spelling of spellingsOf(rules)) {
    if (spelling.forms.some((form) => spoken.includes(form))) spoken = expandSpelling(spoken, spelling, rules);
  }
  return spoken;
}
