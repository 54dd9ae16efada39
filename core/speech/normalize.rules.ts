/** What a language contributes to the spoken form: number words and the vocabulary around numbers and abbreviations. */
export interface CurrencyWords {
  one: string;
  many: string;
  centOne: string;
  centMany: string;
  feminine?: boolean;
}

/**
 * Where an abbreviation may be expanded, judged from the words around it (see normalize.abbreviations.ts):
 * - `beforeName`: a capitalised word follows (titles: "Dr. Smith");
 * - `afterName`: a name (a capitalised word that is not a title or a function word) comes right before, and no name
 *   follows ("Baker St.", "Baker St. He", but not "Fort St. George");
 * - `notAfterName`: like `beforeName`, but not right after a name inside a sentence, where a lone capital and
 *   period is a middle initial ("o senhor José D. Silva"); a capitalised word opening the sentence is taken for a
 *   verb or other word ("Chegou D. Placida"); nor after another initial ("J. D. Salinger");
 * - `beforeSaint`: like `notAfterName`, and not after a title, where a capital and period is an initial ("o doutor
 *   S. Ferreira"): "S. Paulo", "a festa de S. João";
 * - `amongWords`: neither another initial nor a capital and period next to it, for abbreviations made of initials
 *   ("V. M.", Vossa Majestade; "J. V. M. Silva" is a name);
 * - `beforeNumber`: a number follows ("No. 5");
 * - `afterNumber`: a number, or an ordinal ("1.º"), stands right before ("1.º esq.", the side of a floor);
 * - `inDate`: a number stands within two short words before or after ("3 de ago. de 1857", "ago. 3"), as a month
 *   does;
 * - `amidWords`: a word of its own line stands before or after it, but no name and no heading word ("capítulo"),
 *   as around a pronoun: the older Spanish "V." (usted) in "¿No tenga V. tantos celos?", while "V. Hugo" is an
 *   initial, "Carlos V." a king and a line "V." a section number;
 * - `beforePlaceName`: a name follows, directly or after one or two short lower-case words ("R. Direita", "R. da
 *   Matriz", "c/ de la Iglesia"), and no initial stands before it;
 * - `beforeParticleName`: a short lower-case word and then a name follow ("N. S. da Conceição", not "N. S. Pereira"),
 *   and no initial stands before it.
 */
export type AbbreviationContext =
  | 'beforeName'
  | 'afterName'
  | 'notAfterName'
  | 'beforeSaint'
  | 'amongWords'
  | 'beforeNumber'
  | 'afterNumber'
  | 'inDate'
  | 'amidWords'
  | 'beforePlaceName'
  | 'beforeAddress'
  | 'afterPlace'
  | 'beforeParticleName'
  | 'beforeDate'
  /** A sentence ended (or nothing was written) before it: a letter's "P. D." after its signature. */
  | 'afterSentence';

export interface Abbreviation {
  /** As written, including its period(s), e.g. "Mr." or "EE. UU."; the all-capitals spelling matches too. */
  written: string;
  /** The words to say; a function chooses them from the word that follows (Portuguese "D." → Dona or Dom). */
  spoken: string | ((nextWord: string | undefined) => string);
  when?: AbbreviationContext;
  /**
   * The lower-case words one of which must stand right before it: "na R. Direita" is a street where "R. Silva" is an
   * initial.
   */
  after?: ReadonlySet<string>;
  /**
   * A title before a name ("Mr.", "Sra."): its period never ends a sentence, and a line break between it and the name
   * is read as a space. Other abbreviations keep a period when a sentence could end there ("… on Baker Street. He").
   */
  title?: boolean;
}

/** [singular, plural, feminine?] */
export type UnitWords = [singular: string, plural: string, feminine?: boolean];

export interface RomanNumeralWords {
  /**
   * "Henry VIII" → "Henry the Eighth", "Felipe II" → "Felipe segundo"; `feminine` when the name is a woman's, for
   * languages whose ordinals agree ("Isabel segunda", "D. Maria primeira").
   */
  regnal(value: number, feminine?: boolean): string;
  /** Whether a lone "I" may be a regnal numeral in running text (English: it is usually the pronoun). */
  loneIIsPronoun: boolean;
  /** Lower-case words after which Roman numerals number centuries ("siglo XVII" → "siglo diecisiete"). */
  centuryWords?: ReadonlySet<string>;
}

/** The order of day and month in a numeric date when both parts could be either ("05/06/1890"). */
export type NumericDateOrder = 'day-month' | 'month-day';

export interface NumericDates {
  /** The usual order in the language (or its variant); a part over 12 is the day whatever the order. */
  order: NumericDateOrder;
  /** A date as the language says it; a two-digit year is said as written ("del noventa", "ninety"). */
  say(day: number, month: number, year: { value: number; twoDigits: boolean }): string;
  /**
   * Words that say a date follows ("on", "el", "em"): after one, a dotted date with a two-digit year ("on 3.11.22")
   * is read as a date, where elsewhere it may be a section or a version.
   */
  wordsBefore?: ReadonlySet<string>;
}

export interface LanguageRules extends RomanNumeralWords {
  cardinal(value: bigint, feminine?: boolean): string;
  ordinal(value: number, feminine: boolean): string;
  /** Number words used right before a noun ("un euro", "uma libra"). */
  beforeNoun(value: bigint, feminine: boolean): string;
  /** Reads the digits after the decimal separator. */
  fraction(digits: string): string;
  /** Optional special reading for four-digit years (English "eighteen thirteen"). */
  year?(value: number): string | undefined;
  /**
   * Words after which a four-digit number is a year even before a word in lower case ("by 1852 nobody"), unless that
   * word looks like the plural noun it counts ("in 1500 ships").
   */
  yearPrepositions?: ReadonlySet<string>;
  /**
   * A verb in -s right after a year is its sentence's verb, not the plural noun a count takes ("his ledger for 1815
   * survives", against "1813 soldiers"): verbs that a dated record or a year commonly takes and that are no countable
   * noun, and the possessives that open a verb's object ("the census for 1851 lists their servants").
   */
  verbsAfterYear?: { verbs: ReadonlySet<string>; objectOpeners: ReadonlySet<string> };
  /**
   * Era marks before or after a year (English "A.D. 1066", "55 BC"), as written: the number next to one is a year
   * whatever its size, read by `eraYear` ("ten sixty-six", "fifty-five").
   */
  eraMarkers?: readonly string[];
  eraYear?(value: number): string;
  /**
   * Brazilian usage: a unit after a number whose absolute value is under two stays singular, decimals included ("0,5
   * ponto percentual", "1,8 quilômetro"); elsewhere only a whole one takes the singular ("1.5 kilometers").
   */
  singularBelowTwo?: boolean;
  /** Optional plural of number words for decades ("the 1960s" → "the nineteen sixties"). */
  plural?(words: string): string;
  /**
   * How a score says nothing and a level score, where a pair joined by a dash that falls to nothing or stays level is
   * a score and not a range (British English: "3–0" → "three-nil", "2–2" → "two-all").
   */
  scoreWords?: { nil: string; all: string };
  /** Pre-decimal British money ("2s. 6d.", "5l."), for languages whose books use it. */
  oldMoney?: {
    pound: [string, string];
    shilling: [string, string];
    /** Guineas, "2 gns." (twenty-one shillings, the fees and prices of older books). */
    guinea?: [string, string];
    pence(value: number): string;
    halfpenny: string;
  };
  /**
   * Portuguese and Brazilian money before 1942, written with the cifrão between thousands and units of réis ("1$000" is
   * a thousand réis, "2:500$000" two contos and five hundred thousand réis): [conto, contos], the joining word and réis.
   */
  reis?: { conto: [string, string]; reis: string };
  /**
   * Portuguese escudos (1911–2001), written with the cifrão before two digits of centavos ("20$00", "2$50"):
   * [escudo, escudos] and [centavo, centavos].
   */
  escudos?: { escudo: [string, string]; centavo: [string, string] };
  /** Dates written with numbers and slashes ("12/05/1890"). */
  numericDates?: NumericDates;
  /** Month names after which a day number is read as an ordinal ("August 2" → "August second"). */
  monthsWithOrdinalDays?: ReadonlySet<string>;
  /**
   * A day written before its month's name ("3 March", "5th Sept."), said as the language says it: "the third of
   * March". The months are `monthsWithOrdinalDays`.
   */
  dayBeforeMonth?(day: number, month: string): string;
  /**
   * A season's record, wins and losses joined by a dash ("are 47-32", "went 10-6", "a 47-32 record"), which a reader
   * says with `joiner` ("forty-seven and thirty-two") where a range or a score says "to". Words (in lower case) a
   * record follows, nouns it stands before, and the words that may follow it while it is still a record.
   */
  seasonRecords?: {
    after: readonly string[];
    /**
     * Words of `after` that also lead a range ("the children were 5-7", "went 5-7 miles"). A range always rises, so a
     * pair after one of them is a record only when it does not ("were 47-32"); a rising one stays a range.
     */
    rangeLeads: ReadonlySet<string>;
    before: readonly string[];
    followers: ReadonlySet<string>;
    /** Words near before the record that make the pair a score ("the score was 3-1"). */
    scoreWords: readonly string[];
    joiner: string;
  };
  /**
   * Words that make an amount of money stand before its noun as a modifier ("a $5 million contract"): said with the
   * currency's singular joined by a hyphen, "a five million-dollar contract".
   */
  moneyModifierDeterminers?: ReadonlySet<string>;
  /**
   * Words after which an ordinal from `from` on is said as a cardinal, as laws number their articles ("o art. 64.º"
   * → "o artigo sessenta e quatro"; "art. 5.º" stays "artigo quinto").
   */
  cardinalOrdinalsAfter?: { words: ReadonlySet<string>; from: number };
  /**
   * The point a wind blows from, written in capitals after a word that says so ("vento de NO", "viento del SE", "the
   * wind blew NNE", "10 km NW"): said as its name ("noroeste", "north-northeast"), never as a word in capitals ("no")
   * or letters spelled. The words before, in lower case, and the points.
   */
  windPoints?: {
    after: readonly string[];
    points: Readonly<Record<string, string>>;
    /** Words after which a point of two letters or more is one wherever it stands ("10 km NW of town"). */
    before?: readonly string[];
  };
  /**
   * Words that announce a telephone number ("tel.", "telefone"), after which groups of digits are said digit by digit,
   * a pause between groups.
   */
  phoneWords?: readonly string[];
  /** A clock time ("5:15" → "five fifteen", "cinco y quince", "cinco e quinze"). */
  clock(hours: number, minutes: number): string;
  /**
   * Words after which hours and minutes written with a dot are a clock time ("7.45 p.m."), as written; without one of
   * them "7.45" is a decimal number.
   */
  clockMarkers?: readonly string[];
  /**
   * Lower-case words before which hours and minutes written with a dot are a clock time ("at 10.40", "a las 10.40",
   * "às 10.40"): they name an hour, never a quantity.
   */
  clockLeadIns?: readonly string[];
  /**
   * A span of two times written with a dot ("from 11.20 to 11.45", "entre 11.20 y 11.45"): the words that open it and
   * the words that join its ends. Both ends are times of day, the second later than the first, and no noun follows.
   */
  clockSpanWords?: { opening: readonly string[]; joining: readonly string[] };
  /**
   * Hours and minutes written with the hour's symbol ("14h30", "14 h 30 min") → "catorze horas e trinta (minutos)";
   * the word that joins them. Languages that do not write times this way leave it out.
   */
  hoursAndMinutesWord?: string;
  /**
   * Common fractions, by their Unicode character: the words alone ("a half"), after a whole number ("two and a half")
   * and after a feminine one where they differ (Spanish "las tres y media").
   */
  vulgarFractions: Record<string, { alone: string; after: string; afterFeminine?: string; aloneFeminine?: string }>;
  /**
   * Languages where a fraction follows the measure noun after a whole number and the half agrees with it ("dos kilos y
   * medio", "media hora", "un cuarto de hora"): nouns of measure and time by gender; the noun takes the number of the
   * whole ("un kilo y medio", "dos kilos y medio").
   * Unit symbols and words from `units` count too, with the units' gender. English leaves it out ("two and a half").
   */
  measureNouns?: {
    /** [singular, plural] */
    feminine: readonly (readonly [string, string])[];
    masculine: readonly (readonly [string, string])[];
    /** Joins a fraction other than a half to its noun ("un cuarto de hora"). */
    partOf: string;
    /**
     * The sizes a recipe puts in brackets after a measure ("1 xícara (chá)", "2 colheres (sopa)"), said as part of
     * it with `partOf` ("uma xícara de chá").
     */
    sizes?: readonly string[];
  };
  /**
   * Languages that keep a fraction before its measure ("one and a half teaspoons"), where a fraction alone measures
   * one of it ("three quarters of a cup", "half a teaspoon"): the measure nouns, [singular, plural], besides the unit
   * symbols and words of `units`, and the words a fraction alone says before a measure in the singular.
   */
  measuresAfterFraction?: {
    nouns: readonly (readonly [string, string])[];
    ofOne(fraction: string, isHalf: boolean, measure: string): string;
  };
  /**
   * Common feminine nouns counted with numbers, [singular, plural] ("casa", "vez", "noche"): a number right before one
   * agrees with it ("21 horas" → "veintiuna horas", "2 casas" → "duas casas"), as it does before a feminine unit,
   * currency or measure noun. Other nouns are not guessed at and keep the masculine, the citation form.
   */
  feminineNouns?: readonly (readonly [string, string])[];
  /**
   * Endings only feminine nouns have ("-ção", "-dade"; "-ción", "-dad"), singular and plural: a number right before
   * such a word agrees with it too ("1 abstenção" → "uma abstenção", "21 ciudades" → "veintiuna ciudades").
   */
  feminineEndings?: readonly string[];
  /**
   * Words joined by a slash are alternatives: the language's "or" before the next word ("his/her" → "his or her";
   * Spanish "u" before an o sound: "uno/otro" → "uno u otro").
   */
  or(nextWord: string): string;
  /**
   * The language's "and" before the next word, said for an ampersand ("Crosbie & Alleyne"); Spanish says "e" before
   * an i sound ("Pérez & Hijos" → "Pérez e Hijos").
   */
  and(nextWord: string): string;
  /** The section sign before a number, said as a word: one `§`, and the doubled `§§` of several sections. */
  sectionSign: { one: string; many: string };
  /** The words for the marks of a web or email address: "info@example.com" → "info at example dot com". */
  webWords: { at: string; dot: string; slash: string };
  /** The number sign before a number, said as a word ("#5" → "number five", "n.º 5" spoken). */
  numberSign: string;
  /** Said for a plus-minus sign before a number ("± 15 %", a margin of error). */
  plusOrMinus: string;
  /**
   * Signs said as words before a number: the plus of an international telephone number ("+44 20 7946 0958"), an
   * approximate "~1 in 10" and the comparisons "≥ 5", "≤ 5", "> 5", "< 5".
   */
  signWords: {
    plus: string;
    about: string;
    atLeast: string;
    atMost: string;
    moreThan: string;
    lessThan: string;
    /** Said for "=" between a variable and its number ("N = 1,250", "p=0.05"). */
    equals: string;
  };
  /** Between the sides of a size written with an "x" ("4.7 x 2.9 in." → "four point seven by two point nine inches"). */
  dimensionWord: string;
  /**
   * Languages that write a match's score with an "x" ("venceu por 3 x 1", "Flamengo 3x1 Vasco"): there two whole
   * numbers joined so are a size only when a unit follows ("3 x 4 m"); three numbers or a decimal are always one.
   */
  scoresWithX?: boolean;
  /**
   * Letters glued to an amount of money for the name of a large number ("$1.2M", "$45K", "$3bn"), and that name; the
   * money rules then read "$1.2 million" as any other amount. A name given in the singular and the plural agrees with
   * the amount ("R$ 1,5 mi" → "R$ 1,5 milhão"), and such letters also count things before "de" ("1,2 mi de unidades").
   */
  moneyScaleLetters?: Readonly<Record<string, string | readonly [singular: string, plural: string]>>;
  /**
   * Words that announce a code made of digits (a tax number, a postal code, a case number: "CPF 123.456.789-00", "CEP
   * 01310-100"), after which its groups are said digit by digit, a pause between them; as written, any case.
   */
  codeLabels?: readonly string[];
  /**
   * Portugal's postal code before its town ("1000-009 Lisboa"): four digits said as a number, then three, digit by
   * digit when they open with a zero; never a range.
   */
  postalCodeBeforeTown?: boolean;
  /**
   * Lower-case words after which a Roman numeral in running text is a cardinal, even a single letter, as laws number
   * their clauses ("inciso II" → "inciso dois", "inciso I").
   */
  numberingWords?: readonly string[];
  /**
   * Portuguese names the weekdays by ordinals before "feira" ("3ª feira" → "terça-feira"): the ordinals' names, by
   * number, and the noun.
   */
  ordinalWeekdays?: { noun: string; names: Readonly<Record<number, string>> };
  /**
   * A mark out of ten or a hundred after a word that gives one ("Verdict: 8/10", "rated 4/5") is said with the
   * language's "out of" ("eight out of ten"), not as a fraction.
   */
  ratings?: { words: readonly string[]; outOf: string };
  /**
   * Joins a law's or a decree's number to its year after "número" ("Lei n.º 1.234/1890" → "… mil duzentos e trinta e
   * quatro de mil oitocentos e noventa"), in languages that say so.
   */
  numberOfYearWord?: string;
  /** The minute of a match written with a prime ("aos 27'"): the words before it, in lower case, and the unit's words. */
  matchMinutes?: { after: ReadonlySet<string>; words: UnitWords };
  /**
   * The part of the day said after an hour of the twelve-hour clock in place of "a. m." and "p. m." ("de la mañana",
   * "de la tarde", "de la noche"), by the hour and whether it is after noon.
   */
  dayPart?: (hour: number, afterNoon: boolean) => string;
  /**
   * Acronyms in capitals that are also words of the language, spelled before a decimal ("OR 2.14", an odds ratio):
   * an engine would say the word.
   */
  wordAcronymsBeforeDecimals?: readonly string[];
  /** The names of acts, in lower case, after which a number and a year are joined as after "número" ("Ley 39/2015"). */
  numberedActs?: readonly string[];
  /**
   * The noun a fraction names parts of with feminine ordinals, in languages that say so ("las 3/4 partes" → "las tres
   * cuartas partes", "dois terços" but "as duas terceiras partes"): [singular, plural].
   */
  partsNoun?: [string, string];
  /** Joins a unit and the unit it is counted by ("km/h" → "kilometers per hour", "metros por segundo"). */
  perWord: string;
  /** Powers: the word for a multiplication before a power of ten, and a base raised to its exponent. */
  powers: { times: string; raise(base: string, exponent: number): string };
  /** A point on a road named by its kilometre ("en el km 23"): the articles before it and the word said. */
  milestone?: { after: ReadonlySet<string>; word: string };
  /** A blood pressure's two numbers ("120/80 mm Hg"): the word between them and the unit's name. */
  bloodPressureWords: { over: string; unit: string };
  /** Between the two numbers of a ratio ("1:1000" → "one to one thousand"). */
  ratioWord: string;
  /** A software version: the word, in lower case, and the point between its parts ("version two point one"). */
  versionWords: { word: string; point: string };
  /** English writes a measure before its noun with a hyphen ("a 70-kg adult"), said in the singular. */
  unitModifiers?: boolean;
  /**
   * Units read only as the second part of a per-unit pair ("m/s"): alone the letter is too short to trust.
   */
  perUnitsOnly?: Record<string, UnitWords>;
  /**
   * Joins the two parts of a split that adds up to a hundred ("50/50"): "-" where the language says it as one word
   * ("fifty-fifty"), " " where it says the two numbers side by side ("cincuenta cincuenta").
   */
  splitJoiner: '-' | ' ';
  /** Numbers with a slash that the language says as a set phrase ("24/7" → "twenty-four seven"). */
  slashIdioms?: Record<string, string>;
  /** Any other fraction ("3/8" → "three eighths", "tres octavos", "três oitavos"). */
  fractionName(numerator: number, denominator: number): string;
  /** Joins a whole number and its fraction ("2 3/8" → "two and three eighths"), also as books write it ("3 y 1/2"). */
  mixedNumberWord: string;
  /** Words before a number that make it feminine ("las 3 y 1/2" → "las tres y media"). */
  feminineArticles?: ReadonlySet<string>;
  decimalWord: string;
  /**
   * Where the language names the decimal mark as it is printed (Spanish says a comma "coma" and a point "punto", and
   * both marks are in print): the word for each. Without it `decimalWord` is said for either mark.
   */
  decimalMarkWords?: { point: string; comma: string };
  /**
   * Where both conventions are in print (Spanish regions that write a decimal point, whose books and press also group
   * thousands with a point as Spain does): one point before exactly three final digits groups thousands ("1.500
   * personas" → "mil quinientas"), as a decimal of three digits is rare in running text. Two digits or fewer stay
   * decimals ("9.62 km²").
   */
  pointBeforeThreeDigitsGroupsThousands?: boolean;
  minusWord: string;
  percentWord: string;
  /** The per mille sign's words ("‰": "per mille", "por mil"). */
  perMilleWord: string;
  rangeWord: string;
  /** Connects whole units and cents: "and", "con", "e". */
  andWord: string;
  /** Separator read as thousands when followed by exactly three digits. */
  thousandsSeparator: ',' | '.';
  currencies: Record<string, CurrencyWords>;
  /**
   * Names of large numbers an amount of money may be followed by ("$2.5 million"), each with the word said before the
   * currency's name ("dos millones de dólares"; none in "dois mil reais").
   */
  moneyScales?: Readonly<Record<string, string>>;
  /** Unit symbol → [singular, plural, feminine?]; a period after the symbol is the abbreviation's, not a full stop. */
  units: Record<string, UnitWords>;
  /**
   * Languages that write ordinals with the degree sign ("1°", "2° andar") read "N°" as degrees only before what says
   * so: minutes ("23° 27'"), a compass letter, or one of these words ("de latitude", "à sombra"). [words, unit].
   */
  degreesBefore?: { words: readonly string[]; unit: UnitWords };
  /**
   * Angles in degrees, minutes and seconds and the compass letter after them ("33° 2' S."): the words for each part
   * and each capital letter a compass point is written with.
   */
  angles?: {
    degree: [string, string];
    minute: [string, string];
    second: [string, string];
    compass: Record<string, string>;
  };
  /**
   * Units read only when written with their period, because the bare letters are also words ("5 in." is inches,
   * "5 in the box" is not); old currencies written so count the same way ("25 ptas." → "veinticinco pesetas").
   */
  dottedUnits?: Record<string, UnitWords>;
  /**
   * Units that name another measure in a recipe, told by another kitchen measure a few words away ("4 oz rice, 2 pts
   * milk": pints, where "5 pts clear" is points), and the pattern that finds such a measure.
   */
  recipeUnits?: { units: Record<string, UnitWords>; kitchenMeasure: RegExp };
  /**
   * Plural nouns of things a measure describes rather than counts ("50 µL samples", "5 mg tablets"): the measure
   * before one is said as a modifier, "fifty-microliter samples".
   */
  measuredItems?: ReadonlySet<string>;
  /** Dotted units read only after a number with decimals ("2.5 s." is seconds; "10s." is old money). */
  dottedUnitsAfterDecimalsOnly?: ReadonlySet<string>;
  abbreviations: Abbreviation[];
  /** Said for a name the author blanked after a title or name ("General ----'s" → "General Blank's"). */
  blankName?: string;
  /**
   * Censored words said in full where the letters left tell them for certain, keyed by the letters before and after
   * the dash, in lower case: "d-d" for "d—d" (damned).
   */
  censoredWords?: Record<string, string>;
  /**
   * What a cifrão after a whole number with no digits after it counts ("20$"): thousands of réis (Brazil, and
   * Portugal before 1911: "vinte mil réis") or escudos (Portugal: "vinte escudos"). Languages without it read "$" as
   * dollars.
   */
  bareCifrao?: 'reis' | 'escudos';
  /**
   * Words that engines spell when printed in capitals, taking them for acronyms ("US", "IT"): inside a title or a
   * shout in capitals they are the words, and are given in lower case.
   */
  spelledInCapitals?: ReadonlySet<string>;
  /**
   * Lower-case words that stand before a name without being one ("lord", "senhora", "el-rei"), so the name is what
   * follows them: "Mrs. St. Clair" is Saint, "Senhora D. Eusebia" is Dona.
   */
  titles: ReadonlySet<string>;
  /**
   * Lower-case words that are capitalised only because a sentence starts with them ("at", "then", "en"): a
   * capitalised function word is not a name.
   */
  functionWords: ReadonlySet<string>;
  /** Heading words as written (lower case, accents optional) → how the language says them ("capitulo" → "Capítulo"). */
  headingLabels: Record<string, string>;
  /** Ordinal forms like "21st" or "1.º": a regex with the number in group 1 and the suffix in group 2. */
  ordinalPattern: RegExp;
  isFeminineOrdinal(suffix: string): boolean;
}

/** Builds something from a language's rules once (compiled patterns), since the spoken form runs per paragraph. */
export function perLanguage<T>(build: (rules: LanguageRules) => T): (rules: LanguageRules) => T {
  const built = new WeakMap<LanguageRules, T>();
  return (rules) => {
    const known = built.get(rules);
    if (known !== undefined) return known;
    const value = build(rules);
    built.set(rules, value);
    return value;
  };
}

export function digitsOneByOne(digits: string, rules: Pick<LanguageRules, 'cardinal'>): string {
  return [...digits].map((digit) => rules.cardinal(BigInt(digit))).join(' ');
}

/** "vez veces, casa casas" → [["vez", "veces"], ["casa", "casas"]]: word lists kept short to read. */
/** Months' abbreviations read as the month after one of `prepositions` ("até set." → "até setembro"). */
export function monthsAfter(
  prepositions: ReadonlySet<string>,
  months: ReadonlyArray<readonly [written: string, spoken: string]>,
): Abbreviation[] {
  return months.map(([written, spoken]) => ({ written, spoken, after: prepositions }));
}

export function nounPairs(list: string): (readonly [singular: string, plural: string])[] {
  return list.split(/,\s*/).map((pair) => {
    const [singular, plural] = pair.trim().split(/\s+/);
    return [singular, plural ?? singular] as const;
  });
}

export function capitalize(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
