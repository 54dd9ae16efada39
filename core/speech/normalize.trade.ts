/**
 * The vocabulary of commerce, contracts and technology per language: the units of electronics and networks, the
 * abbreviations of opening hours and companies, the words for signs and sizes, and the labels that announce a code
 * of digits. Kept apart from the languages' main tables, which hold the vocabulary of books.
 */
import type { Abbreviation, LanguageRules, UnitWords } from './normalize.rules';

type TradeWords = Pick<
  LanguageRules,
  | 'dimensionWord'
  | 'scoresWithX'
  | 'moneyScaleLetters'
  | 'codeLabels'
  | 'numberingWords'
  | 'ordinalWeekdays'
  | 'ratings'
  | 'postalCodeBeforeTown'
  | 'wordAcronymsBeforeDecimals'
>;

/** Frequency, power and data rates: "2.4 GHz", "100 W", "10 Gbps". */
export const ENGLISH_TRADE_UNITS: Record<string, UnitWords> = {
  Hz: ['hertz', 'hertz'],
  kHz: ['kilohertz', 'kilohertz'],
  MHz: ['megahertz', 'megahertz'],
  GHz: ['gigahertz', 'gigahertz'],
  W: ['watt', 'watts'],
  kW: ['kilowatt', 'kilowatts'],
  kWh: ['kilowatt-hour', 'kilowatt-hours'],
  mAh: ['milliamp-hour', 'milliamp-hours'],
  kbps: ['kilobit per second', 'kilobits per second'],
  Mbps: ['megabit per second', 'megabits per second'],
  Gbps: ['gigabit per second', 'gigabits per second'],
};

export const SPANISH_TRADE_UNITS: Record<string, UnitWords> = {
  Hz: ['hercio', 'hercios'],
  kHz: ['kilohercio', 'kilohercios'],
  MHz: ['megahercio', 'megahercios'],
  GHz: ['gigahercio', 'gigahercios'],
  W: ['vatio', 'vatios'],
  kW: ['kilovatio', 'kilovatios'],
  kWh: ['kilovatio hora', 'kilovatios hora'],
  mAh: ['miliamperio hora', 'miliamperios hora'],
  kbps: ['kilobit por segundo', 'kilobits por segundo'],
  Mbps: ['megabit por segundo', 'megabits por segundo'],
  Gbps: ['gigabit por segundo', 'gigabits por segundo'],
};

export const PORTUGUESE_TRADE_UNITS: Record<string, UnitWords> = {
  Hz: ['hertz', 'hertz'],
  kHz: ['quilohertz', 'quilohertz'],
  MHz: ['megahertz', 'megahertz'],
  GHz: ['gigahertz', 'gigahertz'],
  W: ['watt', 'watts'],
  kW: ['quilowatt', 'quilowatts'],
  kWh: ['quilowatt-hora', 'quilowatts-hora'],
  mAh: ['miliampere-hora', 'miliamperes-hora'],
  kbps: ['quilobit por segundo', 'quilobits por segundo'],
  Mbps: ['megabit por segundo', 'megabits por segundo'],
  Gbps: ['gigabit por segundo', 'gigabits por segundo'],
};

/** Only after these does "Sat." or "Sun." name a day: alone they may be a verb or a newspaper. */
const BEFORE_A_WEEKEND_DAY: ReadonlySet<string> = new Set([
  ...['to', 'through', 'thru', 'and', 'or', 'from', 'until', 'till'],
  ...['on', 'every', 'by', 'before', 'after', 'closed'],
]);

const ENGLISH_WEEKDAYS: ReadonlyArray<readonly [written: string, spoken: string]> = [
  ['Mon.', 'Monday'],
  ['Tue.', 'Tuesday'],
  ['Tues.', 'Tuesday'],
  ['Wed.', 'Wednesday'],
  ['Thu.', 'Thursday'],
  ['Thur.', 'Thursday'],
  ['Thurs.', 'Thursday'],
  ['Fri.', 'Friday'],
  ['Sat.', 'Saturday'],
  ['Sun.', 'Sunday'],
];

/** Opening hours and dates: "Mon. to Fri.", "Wed., Oct. 2". */
export const ENGLISH_TRADE_ABBREVIATIONS: Abbreviation[] = [
  // Before its date ("Wed. Oct. 2", "Sat. 14 Dec.") a weekday's period ends no sentence, and "Sat." is no verb.
  ...ENGLISH_WEEKDAYS.map(([written, spoken]): Abbreviation => ({ written, spoken, when: 'beforeDate', title: true })),
  { written: 'Mon.', spoken: 'Monday' },
  { written: 'Tue.', spoken: 'Tuesday' },
  { written: 'Tues.', spoken: 'Tuesday' },
  { written: 'Wed.', spoken: 'Wednesday' },
  { written: 'Thu.', spoken: 'Thursday' },
  { written: 'Thur.', spoken: 'Thursday' },
  { written: 'Thurs.', spoken: 'Thursday' },
  { written: 'Fri.', spoken: 'Friday' },
  { written: 'Sat.', spoken: 'Saturday', after: BEFORE_A_WEEKEND_DAY },
  { written: 'Sun.', spoken: 'Sunday', after: BEFORE_A_WEEKEND_DAY },
  // A business page's comparisons, which engines say as one word ("yoy") or spell.
  { written: 'YoY', spoken: 'year over year' },
  { written: 'YTD', spoken: 'year to date' },
];

const WEEKDAY = ENGLISH_WEEKDAYS.map(([written]) => written.slice(0, -1)).join('|');
/** "Mon.–Sat.": a dash between two weekdays spans them. */
const WEEKDAY_SPAN = new RegExp(String.raw`(?<![\p{L}])((?:${WEEKDAY})\.)[ \t]?[–-][ \t]?(?=(?:${WEEKDAY})\.)`, 'gu');

/** "Mon.–Sat." → "Mon. to Sat.", so the second day, after "to", is read as a day. */
export function readWeekdaySpans(text: string, rules: LanguageRules): string {
  if (!rules.abbreviations.includes(ENGLISH_TRADE_ABBREVIATIONS[0])) return text;
  return text.replace(WEEKDAY_SPAN, (_match: string, first: string) => `${first} to `);
}

/** Companies, flats and rates in Brazilian and Portuguese contracts. */
export const PORTUGUESE_TRADE_ABBREVIATIONS: Abbreviation[] = [
  { written: 'Ltda.', spoken: 'limitada' },
  // Portugal's spelling: "Lopes & Filhos, Lda.".
  { written: 'Lda.', spoken: 'limitada' },
  { written: 'apto.', spoken: 'apartamento', when: 'beforeNumber', title: true },
  { written: 'ap.', spoken: 'apartamento', when: 'beforeNumber', title: true },
];

/** "0,5 p.p." → "zero vírgula cinco ponto percentual": a difference between two rates, after its number. */
export const PORTUGUESE_TRADE_DOTTED_UNITS: Record<string, UnitWords> = {
  'p.p': ['ponto percentual', 'pontos percentuais'],
};

export const ENGLISH_TRADE_WORDS: TradeWords = {
  dimensionWord: 'by',
  moneyScaleLetters: { K: 'thousand', k: 'thousand', M: 'million', m: 'million', B: 'billion', bn: 'billion' },
  // Also the registries of trials and papers ("ISRCTN 12345678", "PMID 31415926").
  codeLabels: ['ZIP', 'ZIP code', 'SSN', 'serial number', 'account number', 'routing number', 'ISRCTN', 'PMID'],
  ratings: { words: ['verdict', 'rating', 'rated', 'score', 'scored', 'grade', 'mark'], outOf: 'out of' },
  wordAcronymsBeforeDecimals: ['OR'],
};

export const SPANISH_TRADE_WORDS: TradeWords = {
  dimensionWord: 'por',
  // Spain's identity and tax numbers, and America's: Peru's RUC, Chile's RUT, Argentina's CUIT and CUIL, Colombia's NIT.
  codeLabels: ['DNI', 'NIF', 'NIE', 'CIF', 'C.P.', 'código postal', 'expediente', 'RUC', 'RUT', 'CUIT', 'CUIL', 'NIT'],
  numberingWords: ['inciso', 'incisos', 'apartado', 'apartados', 'anexo', 'anexos'],
};

/** "R$ 32,6 bi" → "R$ 32,6 bilhões", "1,2 mi de unidades" → "1,2 milhão de unidades": singular under two. */
export const BRAZILIAN_SCALE_LETTERS: Readonly<Record<string, readonly [string, string]>> = {
  mi: ['milhão', 'milhões'],
  bi: ['bilhão', 'bilhões'],
  tri: ['trilhão', 'trilhões'],
};

export const PORTUGUESE_TRADE_WORDS: TradeWords = {
  dimensionWord: 'por',
  scoresWithX: true,
  codeLabels: [
    ...['CPF', 'CNPJ', 'CEP', 'RG', 'NIF', 'NIPC', 'PIS', 'código postal', 'processo', 'protocolo'],
    // Identity documents, whose numbers are read out digit by digit.
    ...['cartão de cidadão', 'bilhete de identidade', 'passaporte'],
  ],
  postalCodeBeforeTown: true,
  numberingWords: ['inciso', 'incisos', 'anexo', 'anexos'],
  ordinalWeekdays: { noun: 'feira', names: { 2: 'segunda', 3: 'terça', 4: 'quarta', 5: 'quinta', 6: 'sexta' } },
};
