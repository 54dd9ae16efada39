/**
 * Money: amounts with currency symbols, the pre-decimal British pounds, shillings and pence of older books, and the
 * Portuguese and Brazilian réis written with the cifrão ("1$000").
 */
import { digitWords, isOne, numberWords, parseNumber, quantityWords, type ParsedNumber } from './normalize.numbers';
import { perLanguage, type LanguageRules } from './normalize.rules';

const NUMBER = String.raw`[-−]?\d+(?:[.,]\d+)*`;
/** Where a number may start: not inside a word, nor inside a longer number, so a long "7.7.7…" is scanned once. */
const NUMBER_START = String.raw`(?<![\p{L}\p{N}]|\d[.,])`;

function currencyWords(amount: ParsedNumber, symbol: string, rules: LanguageRules): string {
  const key = symbol.replace(/\.$/, '');
  const currency = rules.currencies[key];
  if (!currency || amount.fraction.length > 2) {
    return `${numberWords(amount, rules, currency?.feminine)} ${currency?.many ?? symbol}`;
  }
  const cents = BigInt((amount.fraction + '00').slice(0, 2));
  const whole: ParsedNumber = { negative: amount.negative, integer: amount.integer, fraction: '' };
  const parts: string[] = [];
  if (amount.integer > 0n || cents === 0n) {
    parts.push(
      `${quantityWords(whole, rules, currency.feminine === true)} ${isOne(whole) ? currency.one : currency.many}`,
    );
  }
  if (cents > 0n) {
    const centWords = quantityWords({ negative: false, integer: cents, fraction: '' }, rules, false);
    parts.push(`${centWords} ${cents === 1n ? currency.centOne : currency.centMany}`);
  }
  return parts.join(` ${rules.andWord} `);
}

/**
 * "$2.5 million" → "two point five million dollars", "R$ 3 milhões" → "três milhões de reais": the amount is a number
 * of millions, said before the currency.
 */
function scaledCurrencyWords(amount: ParsedNumber, symbol: string, scale: string, rules: LanguageRules): string {
  const currency = rules.currencies[symbol.replace(/\.$/, '')];
  // "mil milhões": the last name says whether "de" comes before the currency.
  const names = scale.split(/[ \t]+/);
  const of = rules.moneyScales?.[names[names.length - 1].toLowerCase()] ?? '';
  // "duas mil libras": a thousand agrees with the currency; a million is a noun of its own.
  const feminine = of === '' && currency?.feminine === true;
  const name = currency?.many ?? symbol;
  return `${quantityWords(amount, rules, feminine)} ${names.join(' ')} ${of ? `${of} ` : ''}${name}`;
}

/** Up to two words (and a comma) may stand between the determiner and the amount: "a 5-year, $82.5 million contract". */
const WORDS_BETWEEN = 2;
const WORD_AFTER = /^[ \t]{1,3}(\p{Ll}[\p{L}-]*)(?![\p{L}\p{N}'’])/u;

/**
 * An amount standing before its noun, after a determiner ("a $5 million contract", "his £2 note"): a narrator says
 * the currency in the singular, joined to the amount ("a five million-dollar contract", "his two-pound note"). Not
 * when a function word or a past participle follows ("the $5 million for", "the $5 million raised"), nor for an
 * amount with cents and no scale ("a $19.99 ticket").
 */
function modifierWords(
  amount: ParsedNumber,
  symbol: string,
  scale: string | undefined,
  around: { before: string; after: string },
  rules: LanguageRules,
): string | undefined {
  const determiners = rules.moneyModifierDeterminers;
  const currency = rules.currencies[symbol.replace(/\.$/, '')];
  if (!determiners || !currency || (!scale && amount.fraction !== '')) return undefined;
  if (!/[ \t]$/.test(around.before)) return undefined;
  const words = around.before
    .split(/[ \t]+/)
    .filter(Boolean)
    .slice(-(WORDS_BETWEEN + 1));
  const at = words.map((word) => word.toLowerCase()).findLastIndex((word) => determiners.has(word));
  if (at === -1) return undefined;
  const between = words.slice(at + 1);
  // Only modifiers between ("a 5-year,"), no function word ("a fine of $5 million") nor a sentence's end.
  if (between.some((word) => rules.functionWords.has(word.replace(/,$/, '').toLowerCase()) || /[.;:!?]$/.test(word))) {
    return undefined;
  }
  const noun = WORD_AFTER.exec(around.after)?.[1];
  if (!noun || rules.functionWords.has(noun) || noun.endsWith('ed')) return undefined;
  const value = scale ? `${quantityWords(amount, rules, false)} ${scale}` : quantityWords(amount, rules, false);
  return `${value}-${currency.one.replace(/ /g, '-')}`;
}

const currencyPatterns = perLanguage((rules) => {
  const scales = Object.entries(rules.moneyScales ?? {});
  // On the long scale a thousand may stand before a million's name ("€2,5 mil milhões", "mil millones").
  const thousands = scales.filter(([, of]) => of === '').map(([name]) => name);
  const nouns = scales.filter(([, of]) => of !== '').map(([name]) => name);
  const compound =
    thousands.length > 0 && nouns.length > 0 ? `(?:${thousands.join('|')})[ \t]{1,3}(?:${nouns.join('|')})|` : '';
  const names = scales.map(([name]) => name);
  const scale = names.length > 0 ? String.raw`(?:[ \t]+(${compound}${names.join('|')})(?![\p{L}\p{N}]))?` : '()';
  return {
    prefixed: new RegExp(
      String.raw`(US\$|R\$|MXN\$|MX\$|S\/\.?|\$|€|£)[ \t]?(${NUMBER})${scale}(?![\p{L}\p{N}])`,
      'gu',
    ),
    suffixed: new RegExp(String.raw`${NUMBER_START}(${NUMBER})[ \t]?(€|\$|£)`, 'gu'),
  };
});

export function expandCurrencies(text: string, rules: LanguageRules): string {
  const { prefixed, suffixed } = currencyPatterns(rules);
  const replace = (match: string, symbol: string, token: string, scale?: string) => {
    const amount = parseNumber(token, rules);
    if (!amount) return match;
    return scale ? scaledCurrencyWords(amount, symbol, scale, rules) : currencyWords(amount, symbol, rules);
  };
  return readCurrencyRates(text, rules)
    .replace(
      prefixed,
      (match: string, symbol: string, token: string, scale: string | undefined, offset: number, source: string) => {
        const amount = parseNumber(token, rules);
        const around = {
          // A word cut by the slice's start is no determiner.
          before: source.slice(Math.max(0, offset - 40), offset).replace(offset > 40 ? /^\S*/ : /^/, ''),
          after: source.slice(offset + match.length, offset + match.length + 40),
        };
        const modifier = amount && modifierWords(amount, symbol, scale, around, rules);
        return modifier || replace(match, symbol, token, scale);
      },
    )
    .replace(suffixed, (match: string, token: string, symbol: string) => replace(match, symbol, token));
}

const currencyRatePattern = perLanguage((rules) => {
  const units = [...Object.keys(rules.units), ...Object.keys(rules.perUnitsOnly ?? {})]
    .filter((unit) => !unit.includes('/'))
    .sort((a, b) => b.length - a.length)
    .map((unit) => unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  if (units.length === 0) return null;
  // The amount before the slash, symbol first or last and bounded, so a long run of digits is not looked over again;
  // after the slash a unit, or a word in lower case that the price is per ("12,50 €/persona").
  return new RegExp(
    String.raw`(?<=(?:US\$|R\$|\$|€|£)[ \t]?\d[\d.,]{0,20}|\d[ \t]?(?:€|\$|£))\/(${units.join('|')}|\p{Ll}{3,20})(?![\p{L}\p{N}/])`,
    'gu',
  );
});

/**
 * "1,589 €/l" → "1,589 € por litro", "$5/kg" → "$5 per kilogram", "12,50 €/persona" → "12,50 € por persona": a price
 * per unit, or per anything a word names, read before the currencies.
 */
function readCurrencyRates(text: string, rules: LanguageRules): string {
  const pattern = currencyRatePattern(rules);
  if (!pattern || !text.includes('/')) return text;
  const unitOf = (symbol: string) => rules.units[symbol] ?? rules.perUnitsOnly?.[symbol];
  return text.replace(pattern, (match: string, unit: string) => {
    const words = unitOf(unit);
    if (words) return ` ${rules.perWord} ${words[0]}`;
    return /^\p{Ll}+$/u.test(unit) ? ` ${rules.perWord} ${unit}` : match;
  });
}

/**
 * "1$000" → "mil réis", "2$500" → "dois mil e quinhentos réis", "1:500$000" → "um conto e quinhentos mil réis": the
 * cifrão stands where thousands of réis end, a colon where contos (a million réis) end. Runs before the currency
 * symbols, where "$" is a dollar.
 */
export function expandReis(text: string, rules: LanguageRules): string {
  const reis = rules.reis;
  if (!reis || !text.includes('$')) return text;
  return text.replace(
    /(?<![\p{L}\p{N}$:.,])(?:(\d{1,3}(?:\.\d{3})*):)?(\d{1,3})\$(\d{3})(?![\p{L}\p{N}$]|[.,]\d)/gu,
    (match: string, contos: string | undefined, thousands: string, units: string, offset: number, source: string) => {
      // "1$000 réis": the word is already written after the amount.
      const reisWritten = new RegExp(String.raw`^[ \t]+${reis.reis}(?![\p{L}])`, 'u').test(
        source.slice(offset + match.length, offset + match.length + 12),
      );
      const contoCount = BigInt((contos ?? '0').replace(/\./g, ''));
      return reisWords(contoCount, BigInt(thousands) * 1000n + BigInt(units), reisWritten, rules);
    },
  );
}

/** Contos and réis under a conto as said: "um conto e quinhentos mil réis", "dois contos de réis". */
function reisWords(contoCount: bigint, rest: bigint, reisWritten: boolean, rules: LanguageRules): string {
  const reis = rules.reis;
  if (!reis) return '';
  const reisWord = reisWritten ? '' : ` ${reis.reis}`;
  const parts: string[] = [];
  if (contoCount > 0n) {
    parts.push(`${rules.beforeNoun(contoCount, false)} ${contoCount === 1n ? reis.conto[0] : reis.conto[1]}`);
  }
  if (rest > 0n) parts.push(`${rules.beforeNoun(rest, false)}${reisWord}`);
  // "dois contos de réis": whole contos take "de réis".
  if (rest === 0n) return `${parts.join('')} de${reisWord}`;
  return parts.join(` ${rules.andWord} `);
}

/**
 * "20$00" → "vinte escudos", "2$50" → "dois escudos e cinquenta centavos", "1.500$00" → "mil e quinhentos escudos":
 * the cifrão before two digits parts escudos from centavos (three digits after it are réis, read by expandReis).
 */
export function expandEscudos(text: string, rules: LanguageRules): string {
  const escudos = rules.escudos;
  if (!escudos || !text.includes('$')) return text;
  const counted = (value: bigint, [one, many]: [string, string]) =>
    `${rules.beforeNoun(value, false)} ${value === 1n ? one : many}`;
  return text.replace(
    /(?<![\p{L}\p{N}$:.,])(\d{1,3}(?:\.\d{3})+|\d+)\$(\d{2})(?![\p{L}\p{N}$]|[.,]\d)/gu,
    (_match: string, whole: string, cents: string) => {
      const value = BigInt(whole.replace(/\./g, ''));
      const centavos = BigInt(cents);
      const parts = [];
      if (value > 0n || centavos === 0n) parts.push(counted(value, escudos.escudo));
      if (centavos > 0n) parts.push(counted(centavos, escudos.centavo));
      return parts.join(` ${rules.andWord} `);
    },
  );
}

/**
 * A cifrão after a whole number with no digits after it ("20$", "1.500$"), as Portuguese and Brazilian books write
 * round sums: in Brazil thousands of réis ("vinte mil réis"), in Portugal escudos ("vinte escudos"). Read after the
 * réis and escudos written in full and before the currency symbols, where "$" is a dollar; "$20" stays a dollar.
 */
export function expandBareCifrao(text: string, rules: LanguageRules): string {
  const unit = rules.bareCifrao;
  if (!unit || !text.includes('$')) return text;
  return text.replace(
    /(?<![\p{L}\p{N}$:.,])(\d{1,3}(?:\.\d{3}){1,5}|\d{1,15})\$(?![\p{L}\p{N}$]|[.,]\d)/gu,
    (match: string, whole: string, offset: number, source: string) => {
      const value = BigInt(whole.replace(/\./g, ''));
      if (value === 0n) return match;
      if (unit === 'escudos' && rules.escudos) {
        const [one, many] = rules.escudos.escudo;
        return `${rules.beforeNoun(value, false)} ${value === 1n ? one : many}`;
      }
      if (!rules.reis) return match;
      // "20$ réis": the word is already written after the amount.
      const reisWritten = new RegExp(String.raw`^[ \t]+${rules.reis.reis}(?![\p{L}])`, 'u').test(
        source.slice(offset + match.length, offset + match.length + 12),
      );
      // A thousand mil-réis make a conto ("1.500$" is "um conto e quinhentos mil réis").
      return reisWords(value / 1000n, (value % 1000n) * 1000n, reisWritten, rules);
    },
  );
}

/** "the 20s", "his 30s.": a decade, not twenty or thirty shillings. */
const DECADE_BEFORE = /\b(?:the|his|her|their|my|your|our|its|early|late|mid)[ \t-]*$/i;
/** The abbreviation's period may also end the sentence: then the spoken form keeps a stop. */
const SENTENCE_MAY_END = /^(?:[ \t]*(?:\n|$)|\s+["'(]?\p{Lu})/u;

/** Shillings and pence with a slash, as British prices were written: "2/6", "10/6", "3/9½", "5/-" (five shillings). */
const SLASHED = /(?<![\p{L}\p{N}/⁄.,:])(\d{1,2})\/(?:(-)(?![\p{N}-])|(\d{1,2})(½)?(?![\p{L}\p{N}/⁄]|[.,:]\d))/gu;

const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b));

/** Words a price follows ("paid 10/6", "at 2/6"): without one, "12/5" may as well be the twelfth of May. */
const PRICE_BEFORE =
  /(?<!\p{L})(?:cost|costs|paid|pay|pays|price|priced|worth|sold|bought|charged|fare|fee|rent|at|for)[ \t]+$/iu;

/**
 * Whether "n/d" is a price rather than a fraction, a date or a set phrase: only where dates are written day first (so
 * "10/6" is no American 6 October), pence from 1 to 11, not a fraction as books print them, in lowest terms and below
 * one ("1/2", "5/6" stay fractions; "2/6", "10/6", "6/8" are prices), and with a halfpenny or after a word a price
 * follows.
 */
function isSlashedPrice(price: SlashedPrice, before: string, rules: LanguageRules): boolean {
  const { shillings, penny, half } = price;
  if (rules.numericDates?.order !== 'day-month' || penny < 1 || penny > 11) return false;
  if (rules.slashIdioms?.[`${shillings}/${penny}`]) return false;
  if (half === undefined && shillings < penny && greatestCommonDivisor(shillings, penny) === 1) return false;
  return half !== undefined || PRICE_BEFORE.test(before);
}

interface SlashedPrice {
  shillings: number;
  penny: number;
  half: string | undefined;
}

/**
 * "2s. 6d." → "two shillings and sixpence", "£5 10s." → "five pounds ten shillings", "5l." → "five pounds", "1d." →
 * "one penny". Shillings and pence need their period unless they come as a pair ("2s 6d"); "l." (librae) follows
 * its number directly or after a space ("10,000 l."): in a book that counts in pounds it is never litres.
 */
export function expandOldMoney(text: string, rules: LanguageRules): string {
  const money = rules.oldMoney;
  if (!money) return text;
  const count = (digits: string, [one, many]: [string, string]) =>
    `${digitWords(digits, rules)} ${BigInt(digits) === 1n ? one : many}`;
  const pence = (digits: string, half = '') => {
    if (!half) return money.pence(Number(digits));
    return digits ? `${money.pence(Number(digits))} ${money.halfpenny}` : `a ${money.halfpenny}`;
  };
  const stop = (source: string, end: number) => (SENTENCE_MAY_END.test(source.slice(end)) ? '.' : '');
  let spoken = text.replace(
    SLASHED,
    (match: string, shillings: string, dash?: string, penny?: string, half?: string, offset = 0) => {
      if (dash) return count(shillings, money.shilling);
      const price = { shillings: Number(shillings), penny: Number(penny), half };
      if (!penny || !isSlashedPrice(price, text.slice(Math.max(0, offset - 12), offset), rules)) return match;
      return `${count(shillings, money.shilling)} ${rules.andWord} ${pence(penny, half)}`;
    },
  );
  spoken = spoken.replace(
    /(?<![\p{L}\p{N}.,])(\d{1,2})s\.?[ \t]+(\d{1,2})d(\.|(?![\p{L}\p{N}]))/gu,
    (match: string, shillings: string, penny: string, dot: string, offset: number, source: string) =>
      `${count(shillings, money.shilling)} ${rules.andWord} ${pence(penny)}${dot ? stop(source, offset + match.length) : ''}`,
  );
  spoken = spoken.replace(
    /(?<![\p{L}\p{N}.,])(\d{1,2})s\.(?=[\s,;:)]|$)/gu,
    (match: string, shillings: string, offset: number, source: string) =>
      DECADE_BEFORE.test(source.slice(Math.max(0, offset - 12), offset))
        ? match
        : `${count(shillings, money.shilling)}${stop(source, offset + match.length)}`,
  );
  spoken = spoken.replace(
    /(?<![\p{L}\p{N}.,])(\d{1,3})?(½)?d\.(?=[\s,;:)]|$)/gu,
    (match: string, penny: string | undefined, half: string | undefined, offset: number, source: string) =>
      penny || half ? `${pence(penny ?? '', half)}${stop(source, offset + match.length)}` : match,
  );
  if (money.guinea) {
    const guinea = money.guinea;
    // "2 gns.", "1 gn.", "5 gns": guineas, with their period or in the plural.
    spoken = spoken.replace(
      /(?<![\p{L}\p{N}.,])(\d+(?:,\d{3})*)[ \t]?(?:gns?\.(?=[\s,;:)]|$)|gns(?![\p{L}\p{N}]))/gu,
      (match: string, guineas: string, offset: number, source: string) =>
        `${count(guineas.replace(/,/g, ''), guinea)}${match.endsWith('.') ? stop(source, offset + match.length) : ''}`,
    );
  }
  return spoken.replace(
    /(?<![\p{L}\p{N}.,])(\d+(?:,\d{3})*)[ \t]?l\.(?=[\s,;:)]|$)/gu,
    (match: string, pounds: string, offset: number, source: string) =>
      `${count(pounds.replace(/,/g, ''), money.pound)}${stop(source, offset + match.length)}`,
  );
}
