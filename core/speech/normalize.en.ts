import { toCardinal, toOrdinal } from 'n2words/en-US';
import { capitalize, digitsOneByOne, nounPairs, type LanguageRules, type NumericDates } from './normalize.rules';
import { ENGLISH_TRADE_ABBREVIATIONS, ENGLISH_TRADE_UNITS, ENGLISH_TRADE_WORDS } from './normalize.trade';
import {
  ENGLISH_DOTTED_MEASURE_UNITS,
  ENGLISH_MEASURE_UNITS,
  ENGLISH_MEASURED_ITEMS,
  ENGLISH_RECIPE_UNITS,
} from './normalize.measures';

function pairWords(value: number): string {
  return value < 10 ? `oh ${toCardinal(value)}` : toCardinal(value);
}

/**
 * Words that start sentences without being names (so "At St. James's" is Saint, "Then I" is the pronoun), and that
 * follow a year rather than a counted noun ("in 1813 the", but "1813 men").
 */
const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'yet', 'for', 'if', 'then', 'than', 'as', 'because'],
  ...['at', 'in', 'on', 'of', 'to', 'by', 'from', 'with', 'without', 'into', 'upon', 'about', 'after', 'before'],
  ...['since', 'until', 'till', 'during', 'through', 'between', 'among', 'against', 'towards', 'toward', 'near'],
  ...['over', 'under', 'up', 'down', 'off', 'out', 'across', 'along', 'around', 'behind', 'beyond', 'within'],
  ...['i', 'you', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'her', 'us', 'them', 'my', 'your', 'his', 'its'],
  ...['our', 'their', 'this', 'that', 'these', 'those', 'there', 'here', 'who', 'whom', 'whose', 'which', 'what'],
  ...['when', 'where', 'why', 'how', 'while', 'whilst', 'though', 'although', 'unless', 'whether', 'not', 'no'],
  ...['yes', 'oh', 'ah', 'well', 'now', 'still', 'only', 'even', 'also', 'too', 'very', 'all', 'both', 'each'],
  ...['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will'],
  ...['would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'said', 'says', 'say', 'cried', 'asked'],
  ...['replied', 'answered', 'thought', 'knew', 'saw', 'came', 'went', 'never', 'ever', 'again', 'perhaps'],
]);

/** Pre-decimal pence: "one penny", "sixpence" (two to eleven are single words), "twelve pence". */
function pence(value: number): string {
  if (value === 1) return 'one penny';
  if (value >= 2 && value <= 11) return `${toCardinal(value)}pence`;
  return `${toCardinal(value)} pence`;
}

const MONTHS = [
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'],
  ...['November', 'December'],
];

/**
 * British (and Commonwealth) usage says "and" before the last part under a hundred: "three hundred and twelve", "one
 * thousand and five", "two thousand and twenty"; American usage does not.
 */
const britishCardinal = (value: number | bigint) => toCardinal(value, { and: true });

/** "three hundred and twelfth": the British cardinal with its last word made ordinal. */
function britishOrdinal(value: number | bigint): string {
  const cardinal = britishCardinal(value);
  const ordinal = toOrdinal(value);
  const lastSpace = cardinal.lastIndexOf(' ');
  return lastSpace < 0 ? ordinal : `${cardinal.slice(0, lastSpace)} ${ordinal.slice(ordinal.lastIndexOf(' ') + 1)}`;
}

/** "1890" → "eighteen ninety", "1066" → "ten sixty-six", "2005" → "two thousand five"; a two-digit year as said: "ninety", "oh five". */
function yearWords(value: number, twoDigits: boolean, cardinal: (value: number) => string = toCardinal): string {
  if (twoDigits) return pairWords(value);
  return englishRules.year?.(value) ?? eraYearWords(value, cardinal);
}

/** A year of any size: "476" → "four seventy-six", "1066" → "ten sixty-six"; round hundreds and 2000–2009 whole. */
function eraYearWords(value: number, cardinal: (value: number) => string): string {
  if (value < 100 || value % 100 === 0 || (value >= 2000 && value < 2010)) return cardinal(value);
  return `${toCardinal(Math.floor(value / 100))} ${pairWords(value % 100)}`;
}

const WORDS_BEFORE_A_DATE: ReadonlySet<string> = new Set(['on', 'dated', 'since', 'until', 'till', 'from', 'by']);

/** American usage: month first, read "December fifth, eighteen ninety". */
const AMERICAN_DATES: NumericDates = {
  order: 'month-day',
  wordsBefore: WORDS_BEFORE_A_DATE,
  say: (day, month, year) => `${MONTHS[month - 1]} ${toOrdinal(day)}, ${yearWords(year.value, year.twoDigits)}`,
};

/** British usage (and most of the Commonwealth): day first, read "the twelfth of May, eighteen ninety". */
const BRITISH_DATES: NumericDates = {
  order: 'day-month',
  wordsBefore: WORDS_BEFORE_A_DATE,
  say: (day, month, year) =>
    `the ${toOrdinal(day)} of ${MONTHS[month - 1]}, ${yearWords(year.value, year.twoDigits, britishCardinal)}`,
};

function plural(words: string): string {
  return words.replace(/(\p{L}+)$/u, (last: string) =>
    last.endsWith('y') ? `${last.slice(0, -1)}ies` : last.endsWith('x') ? `${last}es` : `${last}s`,
  );
}

export const englishRules: LanguageRules = {
  cardinal: (value) => toCardinal(value),
  ordinal: (value) => toOrdinal(value),
  beforeNoun: (value) => toCardinal(value),
  fraction: (digits) => digitsOneByOne(digits, englishRules),
  // After "a" the number names one thing, so no count: "a 2021 laptop", "a 1500 word essay" ("fifteen hundred").
  yearPrepositions: new Set(['in', 'by', 'since', 'until', 'till', 'before', 'after', 'during', 'from', 'a']),
  verbsAfterYear: {
    verbs: new Set([
      ...['survives', 'shows', 'remains', 'reveals', 'covers', 'includes', 'contains', 'mentions', 'describes'],
      ...['suggests', 'confirms', 'reads', 'begins', 'lasts', 'tells', 'gives', 'proves', 'seems', 'appears'],
      ...['exists', 'becomes', 'brings', 'lies', 'rests', 'sits', 'hangs', 'belongs', 'opens', 'closes'],
    ]),
    // Possessives only: "the" and "a" open times after a count ("1500 horses the first winter"), "that" a clause.
    objectOpeners: new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']),
  },
  year(value) {
    if (value < 1100 || value > 2099 || (value >= 2000 && value < 2010)) return undefined;
    const high = Math.floor(value / 100);
    const low = value % 100;
    return low === 0 ? `${toCardinal(high)} hundred` : `${toCardinal(high)} ${pairWords(low)}`;
  },
  eraMarkers: ['A.D.', 'AD', 'B.C.', 'BC', 'B.C.E.', 'BCE', 'C.E.', 'CE'],
  eraYear: (value) => eraYearWords(value, toCardinal),
  plural,
  clock(hours, minutes) {
    if (minutes === 0) return `${toCardinal(hours)} o'clock`;
    return `${toCardinal(hours)} ${pairWords(minutes)}`;
  },
  clockMarkers: ['a.m.', 'p.m.', 'A.M.', 'P.M.', 'am', 'pm', 'AM', 'PM', "o'clock"],
  clockLeadIns: ['at'],
  clockSpanWords: { opening: ['from', 'between'], joining: ['to', 'till', 'until', 'and'] },
  oldMoney: {
    pound: ['pound', 'pounds'],
    shilling: ['shilling', 'shillings'],
    guinea: ['guinea', 'guineas'],
    pence,
    halfpenny: 'halfpenny',
  },
  monthsWithOrdinalDays: new Set(MONTHS),
  dayBeforeMonth: (day, month) => `the ${toOrdinal(day)} of ${month}`,
  seasonRecords: {
    after: [
      ...['record of', 'record', 'records', 'went', 'go', 'goes', 'are', 'is', 'was', 'were', 'be', 'stand at'],
      ...['stands at', 'stood at', 'fell to', 'falls to', 'dropped to', 'drops to', 'slipped to', 'slips to'],
      ...['improved to', 'improves to', 'moved to', 'moves to', 'rose to', 'climbed to', 'finished', 'finishes'],
      ...['improve to', 'move to', 'fall to', 'drop to', 'slip to', 'rise to', 'rises to', 'climb to', 'climbs to'],
    ],
    rangeLeads: new Set(['are', 'is', 'was', 'were', 'be', 'went', 'go', 'goes', 'finished', 'finishes']),
    before: ['record', 'records', 'mark', 'season'],
    followers: new Set([
      ...['at', 'in', 'on', 'versus', 'against', 'with', 'since', 'this', 'last', 'overall', 'and', 'when'],
      ...['after', 'before', 'under', 'away', 'record', 'records', 'mark', 'season', 'so', 'all', 'over', 'through'],
    ]),
    scoreWords: ['score', 'scores', 'lead', 'led', 'scoreline', 'halftime', 'half-time', 'odds'],
    joiner: 'and',
  },
  moneyModifierDeterminers: new Set([
    'a',
    'an',
    'the',
    'his',
    'her',
    'its',
    'their',
    'our',
    'my',
    'your',
    'this',
    'that',
  ]),
  phoneWords: ['tel.', 'tel', 'telephone', 'phone', 'ph.'],
  // Without a region, American: the language's commonest reading of an ambiguous "05/06/1890".
  numericDates: AMERICAN_DATES,
  regnal: (value) => `the ${capitalize(toOrdinal(value))}`,
  loneIIsPronoun: true,
  vulgarFractions: {
    '½': { alone: 'a half', after: 'and a half' },
    '¼': { alone: 'a quarter', after: 'and a quarter' },
    '¾': { alone: 'three quarters', after: 'and three quarters' },
    '⅓': { alone: 'a third', after: 'and a third' },
    '⅔': { alone: 'two thirds', after: 'and two thirds' },
    '⅛': { alone: 'an eighth', after: 'and an eighth' },
  },
  measuresAfterFraction: {
    nouns: nounPairs(
      'cup cups, teaspoon teaspoons, tablespoon tablespoons, pint pints, quart quarts, gallon gallons, pound pounds, ounce ounces, inch inches, foot feet, yard yards, mile miles, hour hours, minute minutes, stick sticks, can cans, dozen dozen',
    ),
    ofOne(fraction, isHalf, measure) {
      const article = /^(?:[aeio]|hour)/.test(measure) ? 'an' : 'a';
      return isHalf ? `half ${article} ${measure}` : `${fraction} of ${article} ${measure}`;
    },
  },
  fractionName(numerator, denominator) {
    // "hundredths", not "one hundredths".
    const ordinal = toOrdinal(denominator).replace(/^one /, '');
    const part = denominator === 2 ? 'half' : denominator === 4 ? 'quarter' : ordinal;
    const parts = numerator === 1 ? part : denominator === 2 ? 'halves' : `${part}s`;
    return `${toCardinal(numerator)} ${parts}`;
  },
  or: () => 'or',
  and: () => 'and',
  sectionSign: { one: 'section', many: 'sections' },
  numberSign: 'number',
  plusOrMinus: 'plus or minus',
  windPoints: {
    after: [
      ...['wind', 'winds', 'breeze', 'gale', 'blew', 'blowing', 'blows', 'blow', 'heading', 'headed', 'bearing'],
      ...['course', 'steering', 'steered', 'toward', 'towards', 'veered', 'backed', 'from the', 'to the', 'due'],
      // A distance before the point: "10 km NW of town", "20 miles SSE".
      ...['km', 'mi', 'mile', 'miles', 'kilometres', 'kilometers', 'nm', 'leagues', 'yards', 'metres', 'meters'],
    ],
    before: ['of'],
    points: {
      N: 'north',
      S: 'south',
      E: 'east',
      W: 'west',
      NE: 'northeast',
      NW: 'northwest',
      SE: 'southeast',
      SW: 'southwest',
      NNE: 'north-northeast',
      ENE: 'east-northeast',
      ESE: 'east-southeast',
      SSE: 'south-southeast',
      SSW: 'south-southwest',
      WSW: 'west-southwest',
      WNW: 'west-northwest',
      NNW: 'north-northwest',
    },
  },
  signWords: {
    plus: 'plus',
    about: 'about',
    atLeast: 'greater than or equal to',
    atMost: 'less than or equal to',
    moreThan: 'more than',
    lessThan: 'less than',
    equals: 'equals',
  },
  webWords: { at: 'at', dot: 'dot', slash: 'slash' },
  perWord: 'per',
  unitModifiers: true,
  powers: {
    times: 'times',
    raise(base, exponent) {
      if (exponent === 2) return `${base} squared`;
      if (exponent === 3) return `${base} cubed`;
      const ordinal = toOrdinal(Math.abs(exponent));
      return `${base} to the ${exponent < 0 ? `minus ${ordinal}` : ordinal}`;
    },
  },
  ratioWord: 'to',
  bloodPressureWords: { over: 'over', unit: 'millimeters of mercury' },
  versionWords: { word: 'version', point: 'point' },
  perUnitsOnly: { s: ['second', 'seconds'] },
  // "fifty-fifty", "sixty-forty": a split is said as one word.
  splitJoiner: '-',
  // Hours a day, days a week: said as the two numbers.
  slashIdioms: { '24/7': 'twenty-four seven' },
  mixedNumberWord: 'and',
  decimalWord: 'point',
  minusWord: 'minus',
  percentWord: 'percent',
  perMilleWord: 'per mille',
  rangeWord: 'to',
  andWord: 'and',
  thousandsSeparator: ',',
  moneyScales: { thousand: '', million: '', billion: '', trillion: '' },
  currencies: {
    $: { one: 'dollar', many: 'dollars', centOne: 'cent', centMany: 'cents' },
    US$: { one: 'US dollar', many: 'US dollars', centOne: 'cent', centMany: 'cents' },
    '€': { one: 'euro', many: 'euros', centOne: 'cent', centMany: 'cents' },
    '£': { one: 'pound', many: 'pounds', centOne: 'penny', centMany: 'pence' },
    'S/': { one: 'sol', many: 'soles', centOne: 'céntimo', centMany: 'céntimos' },
    R$: { one: 'real', many: 'reais', centOne: 'centavo', centMany: 'centavos' },
  },
  angles: {
    degree: ['degree', 'degrees'],
    minute: ['minute', 'minutes'],
    second: ['second', 'seconds'],
    compass: { N: 'north', S: 'south', E: 'east', W: 'west' },
  },
  ...ENGLISH_TRADE_WORDS,
  units: {
    ...ENGLISH_TRADE_UNITS,
    ...ENGLISH_MEASURE_UNITS,
    'km/h': ['kilometer per hour', 'kilometers per hour'],
    // Areas and volumes: the power is part of the unit ("1 km³", "300 m²").
    'km²': ['square kilometer', 'square kilometers'],
    'm²': ['square meter', 'square meters'],
    'cm²': ['square centimeter', 'square centimeters'],
    'km³': ['cubic kilometer', 'cubic kilometers'],
    'm³': ['cubic meter', 'cubic meters'],
    'cm³': ['cubic centimeter', 'cubic centimeters'],
    km: ['kilometer', 'kilometers'],
    cm: ['centimeter', 'centimeters'],
    mm: ['millimeter', 'millimeters'],
    m: ['meter', 'meters'],
    kg: ['kilogram', 'kilograms'],
    kcal: ['kilocalorie', 'kilocalories'],
    mg: ['milligram', 'milligrams'],
    g: ['gram', 'grams'],
    ml: ['milliliter', 'milliliters'],
    dL: ['deciliter', 'deciliters'],
    dl: ['deciliter', 'deciliters'],
    kB: ['kilobyte', 'kilobytes'],
    KB: ['kilobyte', 'kilobytes'],
    MB: ['megabyte', 'megabytes'],
    GB: ['gigabyte', 'gigabytes'],
    TB: ['terabyte', 'terabytes'],
    l: ['liter', 'liters'],
    mph: ['mile per hour', 'miles per hour'],
    lbs: ['pound', 'pounds'],
    lb: ['pound', 'pounds'],
    oz: ['ounce', 'ounces'],
    ft: ['foot', 'feet'],
    yd: ['yard', 'yards'],
    yds: ['yard', 'yards'],
    cwt: ['hundredweight', 'hundredweight'],
    '°C': ['degree Celsius', 'degrees Celsius'],
    '°F': ['degree Fahrenheit', 'degrees Fahrenheit'],
    // Spanish and Portuguese write ordinals with the sign too ("1°"), so only English reads it as degrees alone.
    '°': ['degree', 'degrees'],
    h: ['hour', 'hours'],
    hr: ['hour', 'hours'],
    hrs: ['hour', 'hours'],
    mins: ['minute', 'minutes'],
    min: ['minute', 'minutes'],
  },
  // Bare, these are words ("5 in the box", "12 st" hardly; "mi" and "s" too short to trust without their period).
  dottedUnits: {
    in: ['inch', 'inches'],
    st: ['stone', 'stone'],
    mi: ['mile', 'miles'],
    sec: ['second', 'seconds'],
    s: ['second', 'seconds'],
    ...ENGLISH_DOTTED_MEASURE_UNITS,
  },
  dottedUnitsAfterDecimalsOnly: new Set(['s']),
  recipeUnits: ENGLISH_RECIPE_UNITS,
  measuredItems: ENGLISH_MEASURED_ITEMS,
  abbreviations: [
    ...ENGLISH_TRADE_ABBREVIATIONS,
    { written: 'Mr.', spoken: 'Mister', title: true },
    { written: 'Mrs.', spoken: 'Missus', title: true },
    // After a name ("John Smith, Esq."); its period may end the sentence.
    { written: 'Esq.', spoken: 'Esquire' },
    { written: 'Ms.', spoken: 'Miz', title: true },
    { written: 'Mr', spoken: 'Mister', when: 'beforeName', title: true },
    { written: 'Mrs', spoken: 'Missus', when: 'beforeName', title: true },
    { written: 'Ms', spoken: 'Miz', when: 'beforeName', title: true },
    { written: 'Dr.', spoken: 'Doctor', when: 'beforeName', title: true },
    { written: 'Dr.', spoken: 'Drive', when: 'afterName' },
    // Streets and roads after their name: "1 Center Ct., Suite 200", "Didcot Pkwy".
    { written: 'Ct.', spoken: 'Court', when: 'afterName' },
    { written: 'Pkwy.', spoken: 'Parkway', when: 'afterName' },
    { written: 'Pkwy', spoken: 'Parkway', when: 'afterName' },
    { written: 'Plat.', spoken: 'platform', when: 'beforeNumber', title: true },
    { written: 'Dr', spoken: 'Doctor', when: 'beforeName', title: true },
    // "Baker St. He" is a street at a sentence end; "Mrs. St. Clair" and "at St. James's" are saints.
    { written: 'St.', spoken: 'Street', when: 'afterName' },
    { written: 'St.', spoken: 'Saint', when: 'beforeName', title: true },
    { written: 'St.', spoken: 'Street' },
    { written: 'St', spoken: 'Saint', when: 'notAfterName', title: true },
    { written: 'Prof.', spoken: 'Professor', title: true },
    { written: 'Mt.', spoken: 'Mount', when: 'beforeName', title: true },
    { written: 'Capt.', spoken: 'Captain', title: true },
    { written: 'Col.', spoken: 'Colonel', title: true },
    { written: 'Gen.', spoken: 'General', title: true },
    { written: 'Lt.', spoken: 'Lieutenant', title: true },
    { written: 'Sgt.', spoken: 'Sergeant', title: true },
    { written: 'Rev.', spoken: 'Reverend', title: true },
    { written: 'Hon.', spoken: 'Honourable', when: 'beforeName', title: true },
    { written: 'Messrs.', spoken: 'Messieurs', title: true },
    { written: 'Lieut.', spoken: 'Lieutenant', title: true },
    { written: 'Mme.', spoken: 'Madame', title: true },
    { written: 'Mlle.', spoken: 'Mademoiselle', title: true },
    { written: 'Mons.', spoken: 'Monsieur', when: 'beforeName', title: true },
    // Older prints shorten first names before a surname ("Wm. Collins", "Geo. Wickham").
    { written: 'Wm.', spoken: 'William', when: 'beforeName', title: true },
    { written: 'Chas.', spoken: 'Charles', when: 'beforeName', title: true },
    { written: 'Geo.', spoken: 'George', when: 'beforeName', title: true },
    { written: 'Jas.', spoken: 'James', when: 'beforeName', title: true },
    { written: 'Thos.', spoken: 'Thomas', when: 'beforeName', title: true },
    { written: 'Jno.', spoken: 'John', when: 'beforeName', title: true },
    { written: 'Benj.', spoken: 'Benjamin', when: 'beforeName', title: true },
    { written: 'Robt.', spoken: 'Robert', when: 'beforeName', title: true },
    { written: 'Richd.', spoken: 'Richard', when: 'beforeName', title: true },
    { written: 'Saml.', spoken: 'Samuel', when: 'beforeName', title: true },
    { written: 'Edw.', spoken: 'Edward', when: 'beforeName', title: true },
    { written: 'Jr.', spoken: 'Junior' },
    { written: 'Sr.', spoken: 'Senior' },
    { written: 'Ave.', spoken: 'Avenue' },
    // Numbering words before a number or a Roman numeral: "vol. ii, p. 23" → "volume two, page twenty-three".
    { written: 'no.', spoken: 'number', when: 'beforeNumber', title: true },
    { written: 'nos.', spoken: 'numbers', when: 'beforeNumber', title: true },
    { written: 'vol.', spoken: 'volume', when: 'beforeNumber', title: true },
    { written: 'vols.', spoken: 'volumes', when: 'beforeNumber', title: true },
    // "in two vols.": no other word is written so.
    { written: 'vols.', spoken: 'volumes' },
    { written: 'p.', spoken: 'page', when: 'beforeNumber', title: true },
    { written: 'pp.', spoken: 'pages', when: 'beforeNumber', title: true },
    { written: 'ch.', spoken: 'chapter', when: 'beforeNumber', title: true },
    { written: 'chap.', spoken: 'chapter', when: 'beforeNumber', title: true },
    { written: 'col.', spoken: 'column', when: 'beforeNumber', title: true },
    { written: 'cols.', spoken: 'columns', when: 'beforeNumber', title: true },
    { written: 'tel.', spoken: 'telephone', when: 'beforeNumber', title: true },
    // "c. 1850": about the year.
    { written: 'c.', spoken: 'circa', when: 'beforeNumber', title: true },
    { written: 'ca.', spoken: 'circa', when: 'beforeNumber', title: true },
    { written: 'Jan.', spoken: 'January' },
    { written: 'Feb.', spoken: 'February' },
    { written: 'Mar.', spoken: 'March', when: 'beforeNumber' },
    { written: 'Apr.', spoken: 'April' },
    { written: 'Aug.', spoken: 'August' },
    { written: 'Sept.', spoken: 'September' },
    { written: 'Sep.', spoken: 'September', when: 'beforeNumber' },
    { written: 'Oct.', spoken: 'October' },
    { written: 'Nov.', spoken: 'November' },
    { written: 'Dec.', spoken: 'December' },
    // Between two sides ("Arsenal vs. Chelsea"): its period ends no sentence.
    { written: 'vs.', spoken: 'versus', title: true },
    { written: 'art.', spoken: 'article', when: 'beforeNumber', title: true },
    { written: 'lat.', spoken: 'latitude', when: 'beforeNumber', title: true },
    { written: 'long.', spoken: 'longitude', when: 'beforeNumber', title: true },
    // Older prints abbreviate "per cent." ("20 per cent. more"): no sentence ends at its period.
    { written: 'cent.', spoken: 'cent', after: new Set(['per']) },
    { written: 'etc.', spoken: 'et cetera' },
    { written: '&c.', spoken: 'et cetera' },
    { written: 'e.g.', spoken: 'for example' },
    { written: 'i.e.', spoken: 'that is' },
    { written: 'viz.', spoken: 'namely' },
    { written: 'cf.', spoken: 'compare' },
    // Letters date by the month: "the 3rd ult." is of last month, "inst." of this one, "prox." of the next.
    { written: 'ult.', spoken: 'ultimo' },
    { written: 'inst.', spoken: 'instant' },
    { written: 'prox.', spoken: 'proximo' },
    { written: 'approx.', spoken: 'approximately' },
    { written: 'fig.', spoken: 'figure', when: 'beforeNumber', title: true },
    { written: 'figs.', spoken: 'figures', when: 'beforeNumber', title: true },
    // A US state after its town and a comma, as US papers print them ("Tulsa, Okla."). The ones that are also words
    // ("Pa.", "Me.", "Mo.", "Miss.", "La.") are left out: "Goodbye, Pa." is a father.
    { written: 'Ala.', spoken: 'Alabama', when: 'afterPlace' },
    { written: 'Ariz.', spoken: 'Arizona', when: 'afterPlace' },
    { written: 'Ark.', spoken: 'Arkansas', when: 'afterPlace' },
    { written: 'Calif.', spoken: 'California', when: 'afterPlace' },
    { written: 'Colo.', spoken: 'Colorado', when: 'afterPlace' },
    { written: 'Conn.', spoken: 'Connecticut', when: 'afterPlace' },
    { written: 'Del.', spoken: 'Delaware', when: 'afterPlace' },
    { written: 'Fla.', spoken: 'Florida', when: 'afterPlace' },
    { written: 'Ga.', spoken: 'Georgia', when: 'afterPlace' },
    { written: 'Ill.', spoken: 'Illinois', when: 'afterPlace' },
    { written: 'Ind.', spoken: 'Indiana', when: 'afterPlace' },
    { written: 'Kan.', spoken: 'Kansas', when: 'afterPlace' },
    { written: 'Kans.', spoken: 'Kansas', when: 'afterPlace' },
    { written: 'Ky.', spoken: 'Kentucky', when: 'afterPlace' },
    { written: 'Mass.', spoken: 'Massachusetts', when: 'afterPlace' },
    { written: 'Md.', spoken: 'Maryland', when: 'afterPlace' },
    { written: 'Mich.', spoken: 'Michigan', when: 'afterPlace' },
    { written: 'Minn.', spoken: 'Minnesota', when: 'afterPlace' },
    { written: 'Mont.', spoken: 'Montana', when: 'afterPlace' },
    { written: 'Neb.', spoken: 'Nebraska', when: 'afterPlace' },
    { written: 'Nebr.', spoken: 'Nebraska', when: 'afterPlace' },
    { written: 'Nev.', spoken: 'Nevada', when: 'afterPlace' },
    { written: 'Okla.', spoken: 'Oklahoma', when: 'afterPlace' },
    { written: 'Ore.', spoken: 'Oregon', when: 'afterPlace' },
    { written: 'Oreg.', spoken: 'Oregon', when: 'afterPlace' },
    { written: 'Penn.', spoken: 'Pennsylvania', when: 'afterPlace' },
    { written: 'Tenn.', spoken: 'Tennessee', when: 'afterPlace' },
    { written: 'Tex.', spoken: 'Texas', when: 'afterPlace' },
    { written: 'Vt.', spoken: 'Vermont', when: 'afterPlace' },
    { written: 'Va.', spoken: 'Virginia', when: 'afterPlace' },
    { written: 'Wash.', spoken: 'Washington', when: 'afterPlace' },
    { written: 'Wis.', spoken: 'Wisconsin', when: 'afterPlace' },
    { written: 'Wyo.', spoken: 'Wyoming', when: 'afterPlace' },
    { written: 'N.Y.', spoken: 'New York', when: 'afterPlace' },
    { written: 'N.J.', spoken: 'New Jersey', when: 'afterPlace' },
    { written: 'N.H.', spoken: 'New Hampshire', when: 'afterPlace' },
    { written: 'N.M.', spoken: 'New Mexico', when: 'afterPlace' },
    { written: 'N.C.', spoken: 'North Carolina', when: 'afterPlace' },
    { written: 'N.D.', spoken: 'North Dakota', when: 'afterPlace' },
    { written: 'S.C.', spoken: 'South Carolina', when: 'afterPlace' },
    { written: 'S.D.', spoken: 'South Dakota', when: 'afterPlace' },
    { written: 'R.I.', spoken: 'Rhode Island', when: 'afterPlace' },
    { written: 'W.Va.', spoken: 'West Virginia', when: 'afterPlace' },
  ],
  titles: new Set([
    ...['mister', 'missus', 'miz', 'miss', 'master', 'madam', 'madame', 'mistress', 'doctor', 'professor', 'sir'],
    ...['dame', 'lord', 'lady', 'saint', 'captain', 'colonel', 'general', 'lieutenant', 'sergeant', 'major'],
    ...['reverend', 'father', 'brother', 'sister', 'mother', 'uncle', 'aunt', 'cousin', 'king', 'queen', 'prince'],
    ...['princess', 'duke', 'duchess', 'earl', 'count', 'countess', 'baron', 'baroness', 'emperor', 'empress'],
    ...['pope', 'bishop', 'archbishop', 'cardinal', 'honourable', 'messieurs', 'mr', 'mrs', 'ms', 'dr', 'st'],
  ]),
  functionWords: ENGLISH_FUNCTION_WORDS,
  // How readers of older novels say "Mr. ——": a stand-in name, not a pause that leaves the title hanging.
  blankName: 'Blank',
  // Only the cuts no other word fits; "d—l" (devil or deal?) and the like stay a pause.
  censoredWords: {
    'd-n': 'damn',
    'd-mn': 'damn',
    'd-d': 'damned',
    'd-nd': 'damned',
    "d-n'd": 'damned',
    'h-l': 'hell',
    'h-ll': 'hell',
  },
  spelledInCapitals: new Set(['us', 'it']),
  headingLabels: {
    chapter: 'Chapter',
    'chap.': 'Chapter',
    'ch.': 'Chapter',
    part: 'Part',
    book: 'Book',
    volume: 'Volume',
    'vol.': 'Volume',
    section: 'Section',
    stave: 'Stave',
    letter: 'Letter',
    adventure: 'Adventure',
    story: 'Story',
    canto: 'Canto',
    act: 'Act',
    scene: 'Scene',
  },
  // Older prints write "2d" and "3d" for second and third ("the 2d edition", "May 23d"); "2d" is also twopence, so
  // only after "the" or a month.
  ordinalPattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}.,])(\d+)(st|nd|rd|th|(?<=(?<!\p{L})(?:the|${MONTHS.join('|')})[ \t]+(?:\d*[02-9])?[23])d)(?![\p{L}\p{N}])`,
    'giu',
  ),
  isFeminineOrdinal: () => false,
};

/** English where dates are written day first ("12/05/1890" is the twelfth of May). */
export const britishEnglishRules: LanguageRules = {
  ...englishRules,
  numericDates: BRITISH_DATES,
  cardinal: britishCardinal,
  ordinal: britishOrdinal,
  beforeNoun: britishCardinal,
  eraYear: (value) => eraYearWords(value, britishCardinal),
  scoreWords: { nil: 'nil', all: 'all' },
};
