import { romanToNumber } from '../manuscript/numerals';
import { cleanTypography, speakDashes } from './normalize.cleanup';
import { englishRules } from './normalize.en';
import { spanishRules } from './normalize.es';
import { isOne, numberWords, parseNumber, quantityWords, type ParsedNumber } from './normalize.numbers';
import { portugueseRules } from './normalize.pt';
import type { Abbreviation, LanguageRules } from './normalize.rules';

export type SpeechLanguage = 'en' | 'es' | 'pt';

export interface SpokenFormOptions {
  /** Headings read Roman numerals as numbers ("Chapter XII" → "Chapter twelve"). */
  isHeading?: boolean;
}

const PORTUGAL = portugueseRules('PT');
const BRAZIL = portugueseRules('BR');

/** Maps a BCP 47 tag to the rules we have; undefined for languages that only get the neutral cleanup. */
export function rulesForLanguage(tag: string): LanguageRules | undefined {
  const [language, region] = tag.toLowerCase().split(/[-_]/);
  if (language === 'en') return englishRules;
  if (language === 'es') return spanishRules;
  if (language === 'pt') return region === 'pt' ? PORTUGAL : BRAZIL;
  return undefined;
}

const NUMBER = String.raw`[-−]?\d+(?:[.,]\d+)*`;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function expandAbbreviation(text: string, abbreviation: Abbreviation): string {
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}.])${escapeRegex(abbreviation.written)}(?![\p{L}\p{N}])`, 'gu');
  return text.replace(pattern, (match: string, offset: number) => {
    const rest = text.slice(offset + match.length);
    const beforeName = /^[ \t]+\p{Lu}/u.test(rest);
    if (abbreviation.beforeName && !beforeName) return match;
    if (abbreviation.notBeforeName && beforeName) return match;
    if (abbreviation.beforeNumber && !/^\s*\d/.test(rest)) return match;
    const endsLine = match.endsWith('.') && /^[ \t]*(?:\n|$)/.test(rest);
    return endsLine ? `${abbreviation.spoken}.` : abbreviation.spoken;
  });
}

const HEADING_LABEL = String.raw`chapter|chap\.|part|book|volume|section|adventure|letter|cap[ií]tulo|cap\.|parte|libro|livro|aventura|carta|secci[oó]n|se[cç][aã]o`;

function headingRomans(text: string, rules: LanguageRules): string {
  const labelled = new RegExp(String.raw`\b((?:${HEADING_LABEL})\s+)([IVXLCDM]+|[ivxlcdm]+)(?![\p{L}\p{N}'])`, 'giu');
  const bare = /^([ \t]*)([IVXLCDM]+)(?=\.?[ \t]*$)/gmu;
  const toWords = (match: string, prefix: string, roman: string) => {
    const value = romanToNumber(roman);
    return value === undefined ? match : `${prefix}${rules.cardinal(BigInt(value))}`;
  };
  return text.replace(labelled, toWords).replace(bare, toWords);
}

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

function expandCurrencies(text: string, rules: LanguageRules): string {
  const prefixed = new RegExp(String.raw`(US\$|R\$|S\/\.?|\$|€|£)[ \t]?(${NUMBER})(?![\p{L}\p{N}])`, 'gu');
  const suffixed = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NUMBER})[ \t]?(€|\$|£)`, 'gu');
  const replace = (match: string, symbol: string, token: string) => {
    const amount = parseNumber(token, rules);
    return amount ? currencyWords(amount, symbol, rules) : match;
  };
  return text
    .replace(prefixed, (match: string, symbol: string, token: string) => replace(match, symbol, token))
    .replace(suffixed, (match: string, token: string, symbol: string) => replace(match, symbol, token));
}

function expandPercent(text: string, rules: LanguageRules): string {
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NUMBER})[ \t]?%`, 'gu');
  return text.replace(pattern, (match: string, token: string) => {
    const value = parseNumber(token, rules);
    return value ? `${numberWords(value, rules)} ${rules.percentWord}` : match;
  });
}

function expandUnits(text: string, rules: LanguageRules): string {
  const symbols = Object.keys(rules.units)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex);
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(${NUMBER})[ \t]?(${symbols.join('|')}|L|mL)(?![\p{L}\p{N}])`,
    'gu',
  );
  return text.replace(pattern, (match: string, token: string, symbol: string) => {
    const unit = rules.units[symbol === 'L' ? 'l' : symbol === 'mL' ? 'ml' : symbol];
    const value = parseNumber(token, rules);
    if (!unit || !value) return match;
    const [singular, plural, feminine] = unit;
    return `${quantityWords(value, rules, feminine === true)} ${isOne(value) ? singular : plural}`;
  });
}

function expandOrdinals(text: string, rules: LanguageRules): string {
  return text.replace(rules.ordinalPattern, (match: string, digits: string, suffix: string) => {
    const value = Number(digits);
    if (!Number.isSafeInteger(value) || value === 0) return match;
    const words = rules.ordinal(value, rules.isFeminineOrdinal(suffix));
    if (/^\.er$/i.test(suffix)) return words.replace(/o$/, '');
    if (/^\.(os|as)$/i.test(suffix)) return `${words}s`;
    return words;
  });
}

function expandRanges(text: string, rules: LanguageRules): string {
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d+)[ \t]?[–-][ \t]?(\d+)(?![\p{L}\p{N}])`, 'gu');
  return text.replace(pattern, (_match: string, from: string, to: string) => `${from} ${rules.rangeWord} ${to}`);
}

function expandYears(text: string, rules: LanguageRules): string {
  const year = rules.year;
  if (!year) return text;
  return text.replace(
    /(?<![\p{L}\p{N}.,$€£])(\d{4})(?![\p{L}\p{N}]|[.,]\d)/gu,
    (match: string, digits: string) => year(Number(digits)) ?? match,
  );
}

function expandNumbers(text: string, rules: LanguageRules): string {
  // Digits glued to letters ("21st" in Spanish text, "A4") are still read: nothing numeric reaches the engine raw.
  const pattern = /(?:(?<=^|\s)[-−])?(?<!\d[.,]?)\d+(?:[.,]\d+)*(?!\d)/gmu;
  return text.replace(pattern, (match: string) => {
    const value = parseNumber(match, rules);
    if (value) return numberWords(value, rules);
    return match
      .split(/([.,])/)
      .map((part) => (/^\d+$/.test(part) ? rules.cardinal(BigInt(part)) : part === '.' ? ' ' : ', '))
      .join('');
  });
}

/**
 * The spoken form of `text` for a BCP 47 language: typography cleaned, numbers, currency, units, ordinals and
 * abbreviations written out. Pure: the stored manuscript text is never changed, this is only what will be spoken.
 */
export function toSpokenForm(text: string, language: string, options: SpokenFormOptions = {}): string {
  let spoken = cleanTypography(text);
  const rules = rulesForLanguage(language);
  if (rules) {
    for (const abbreviation of [...rules.abbreviations].sort((a, b) => b.written.length - a.written.length)) {
      spoken = expandAbbreviation(spoken, abbreviation);
    }
    if (options.isHeading) spoken = headingRomans(spoken, rules);
    spoken = expandCurrencies(spoken, rules);
    spoken = expandPercent(spoken, rules);
    spoken = expandUnits(spoken, rules);
    spoken = expandOrdinals(spoken, rules);
    spoken = expandRanges(spoken, rules);
    spoken = expandYears(spoken, rules);
    spoken = expandNumbers(spoken, rules);
  }
  return speakDashes(spoken).replace(/[ \t]{2,}/g, ' ');
}
