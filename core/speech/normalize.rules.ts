/** What a language contributes to the spoken form: number words and the vocabulary around numbers and abbreviations. */
export interface CurrencyWords {
  one: string;
  many: string;
  centOne: string;
  centMany: string;
  feminine?: boolean;
}

export interface Abbreviation {
  /** As written, including its period(s), e.g. "Mr." or "EE. UU.". */
  written: string;
  spoken: string;
  /** Only expanded when a capitalised word follows (titles before names). */
  beforeName?: boolean;
  /** Only expanded when the following text is not a capitalised word (e.g. "St." meaning street). */
  notBeforeName?: boolean;
  /** Only expanded when a number follows ("No. 5"). */
  beforeNumber?: boolean;
}

export interface LanguageRules {
  cardinal(value: bigint, feminine?: boolean): string;
  ordinal(value: number, feminine: boolean): string;
  /** Number words used right before a noun ("un euro", "uma libra"). */
  beforeNoun(value: bigint, feminine: boolean): string;
  /** Reads the digits after the decimal separator. */
  fraction(digits: string): string;
  /** Optional special reading for four-digit years (English "eighteen thirteen"). */
  year?(value: number): string | undefined;
  decimalWord: string;
  minusWord: string;
  percentWord: string;
  rangeWord: string;
  /** Connects whole units and cents: "and", "con", "e". */
  andWord: string;
  /** Separator read as thousands when followed by exactly three digits. */
  thousandsSeparator: ',' | '.';
  currencies: Record<string, CurrencyWords>;
  /** Unit symbol → [singular, plural, feminine?]. */
  units: Record<string, [string, string, boolean?]>;
  abbreviations: Abbreviation[];
  /** Ordinal forms like "21st" or "1.º": a regex with the number in group 1 and the suffix in group 2. */
  ordinalPattern: RegExp;
  isFeminineOrdinal(suffix: string): boolean;
}

export function digitsOneByOne(digits: string, rules: Pick<LanguageRules, 'cardinal'>): string {
  return [...digits].map((digit) => rules.cardinal(BigInt(digit))).join(' ');
}
