/**
 * The spoken form of a text: what the speech engine is given to say. It never replaces the author's text, which is
 * stored and shown as written; the spoken-form preview and the SSML of every request are built from it.
 */
import { expandAbbreviations } from './normalize.abbreviations';
import { readBlanks } from './normalize.blanks';
import { readCapitalWords, readHeadingCapitals } from './normalize.capitals';
import { cleanTypography, speakDashes } from './normalize.cleanup';
import { expandCountedNouns } from './normalize.counted';
import { readAngles, readWindPoints } from './normalize.coordinates';
import { readDayParts } from './normalize.dayparts';
import { expandDayBeforeMonth, expandDottedDates, expandSlashDates } from './normalize.dates';
import { britishEnglishRules, englishRules } from './normalize.en';
import {
  mexicanSpanishRules,
  POINT_DECIMAL_SPANISH_REGIONS,
  pointDecimalSpanishRules,
  spanishRules,
} from './normalize.es';
import { expandFractions, readMeasureSizes } from './normalize.fractions';
import { expandBareCifrao, expandCurrencies, expandEscudos, expandOldMoney, expandReis } from './normalize.money';
import { portugueseRules } from './normalize.pt';
import { readInternationalPhones, readPhoneNumbers } from './normalize.phones';
import {
  readBloodPressures,
  readMilestones,
  readPowers,
  readRatios,
  readSectionNumbers,
  readVersions,
} from './normalize.science';
import { readSeasonRecords } from './normalize.records';
import { readAgeGroups, readBritishScores, readMatchMinutes } from './normalize.sport';
import {
  readDialledNumbers,
  readLabelledCodes,
  readLeadingZeroNumbers,
  readNumbersWrittenTwice,
  readOrdinalWeekdays,
  readPostalCodes,
} from './normalize.identifiers';
import {
  readBareVersions,
  readDimensions,
  readMoneyScaleLetters,
  readRatings,
  readTechnicalNames,
  readVariableComparisons,
  readWordAcronyms,
} from './normalize.technical';
import { pauseAtVerseLineEnds } from './normalize.verse';
import {
  expandClockTimes,
  expandDateDays,
  expandDecades,
  expandDegrees,
  expandEraYears,
  expandNumbers,
  expandOrdinals,
  expandPercent,
  expandRanges,
  readBareDecimals,
  expandUnits,
  expandUnitsWithoutCount,
  expandYears,
} from './normalize.quantities';
import {
  readCenturyNumerals,
  readCountedNumerals,
  readHeadingNumbers,
  readLabelledNumerals,
  readLoneNumerals,
  readRegnalNumerals,
} from './normalize.roman';
import type { LanguageRules } from './normalize.rules';
import { readWeekdaySpans } from './normalize.trade';
import {
  expandNumberPairs,
  expandRates,
  joinNumbersToYears,
  pauseBetweenNumbers,
  readSlashWords,
} from './normalize.slashes';
import {
  readAmpersands,
  readComparisonSigns,
  readNumberSigns,
  readPlusMinus,
  readPlusSigns,
  readSectionSigns,
  readWebAddresses,
} from './normalize.symbols';

export interface SpokenFormOptions {
  /** A chapter heading: its heading word and number are read as the language says them ("Chapter twelve"). */
  isHeading?: boolean;
}

const PORTUGAL = portugueseRules('PT');
const BRAZIL = portugueseRules('BR');

/** English regions that write dates day first ("12/05/1890" is the twelfth of May). */
const DAY_FIRST_ENGLISH_REGIONS: ReadonlySet<string> = new Set(['gb', 'uk', 'ie', 'au', 'nz', 'za', 'in']);

/**
 * Maps a BCP 47 tag to the rules we have; undefined for languages that only get the neutral cleanup. Portuguese is
 * Brazilian in Brazil and when no region is given (the variant most books and voices are in); every other region
 * (Portugal, Angola, Mozambique, Cape Verde, …) follows the European norm, long scale included.
 */
export function rulesForLanguage(tag: string): LanguageRules | undefined {
  const [language, ...subtags] = tag.toLowerCase().split(/[-_]/);
  // The region is the two-letter or three-digit subtag ("pt-BR", "pt-Latn-BR", "es-419"), after any script.
  const region = subtags.find((subtag) => /^(?:[a-z]{2}|\d{3})$/.test(subtag));
  if (language === 'en') return region && DAY_FIRST_ENGLISH_REGIONS.has(region) ? britishEnglishRules : englishRules;
  if (language === 'es') {
    if (region === 'mx') return mexicanSpanishRules;
    return region && POINT_DECIMAL_SPANISH_REGIONS.has(region) ? pointDecimalSpanishRules : spanishRules;
  }
  if (language === 'pt') return region === undefined || region === 'br' ? BRAZIL : PORTUGAL;
  return undefined;
}

/**
 * The spoken form of `text` for a BCP 47 language: typography cleaned; abbreviations, Roman numerals, money, clock
 * times, dates, numbers, units and ordinals written out. Pure: the stored manuscript text is never changed.
 * The order matters: a heading's word and number first, then abbreviations (so "No. 5" still sees its number), Roman
 * numerals before digits, money and times before the plain numbers they contain.
 */
export function toSpokenForm(text: string, language: string, options: SpokenFormOptions = {}): string {
  let spoken = cleanTypography(text);
  const rules = rulesForLanguage(language);
  if (rules) {
    // A heading's own word comes first, so "CAP. XII" is the heading "Capítulo doce", not the reference "capítulo".
    if (options.isHeading) spoken = readHeadingNumbers(spoken, rules);
    // Before the abbreviations and numbers, which would read the parts of an address as words of prose.
    // A number a contract writes twice, in digits and words, is said once, in the author's words.
    spoken = readNumbersWrittenTwice(spoken, rules);
    spoken = readWebAddresses(spoken, rules);
    // Before the abbreviations, which would take the "nº" between a code's label and its digits.
    spoken = readLabelledCodes(spoken, rules);
    spoken = readPostalCodes(spoken, rules);
    spoken = readTechnicalNames(spoken, rules);
    // Before the abbreviations, so a title before a blanked name ("Mr. ——") is read as before a name.
    spoken = readBlanks(spoken, rules);
    spoken = expandAbbreviations(readWeekdaySpans(spoken, rules), rules);
    // After the abbreviations, which read "&c." as et cetera.
    spoken = readAmpersands(spoken, rules);
    spoken = readSectionSigns(spoken, rules);
    spoken = readNumberSigns(spoken, rules);
    spoken = readPlusMinus(spoken, rules);
    spoken = readPlusSigns(spoken, rules);
    spoken = readVariableComparisons(spoken, rules);
    spoken = readWordAcronyms(spoken, rules);
    spoken = readComparisonSigns(spoken, rules);
    spoken = readOrdinalWeekdays(spoken, rules);
    // Before the money, clock times and plain numbers, which would read "10^6", "1:1000" and "v2.1.3" piece by piece.
    spoken = readPowers(spoken, rules);
    spoken = readRatios(spoken, rules);
    spoken = readBloodPressures(spoken, rules);
    spoken = readDimensions(spoken, rules);
    spoken = readMoneyScaleLetters(spoken, rules);
    spoken = readVersions(spoken, rules);
    spoken = readBareVersions(spoken, rules);
    spoken = readRatings(spoken, rules);
    spoken = readSectionNumbers(spoken, rules);
    spoken = readMilestones(spoken, rules);
    // After the abbreviations ("tel." → "telephone"), before any rule reads the groups as quantities.
    spoken = readInternationalPhones(spoken, rules);
    spoken = readDialledNumbers(spoken, rules);
    spoken = readPhoneNumbers(spoken, rules);
    // Before the capitals, which would keep "NO" as a word in capitals.
    spoken = readWindPoints(spoken, rules);
    if (!options.isHeading) spoken = readLoneNumerals(spoken, rules, false);
    spoken = readLabelledNumerals(spoken, rules);
    spoken = readCenturyNumerals(spoken, rules);
    spoken = readRegnalNumerals(spoken, rules);
    spoken = readCountedNumerals(spoken, rules);
    spoken = options.isHeading ? readHeadingCapitals(spoken, rules) : readCapitalWords(spoken, rules);
    spoken = expandReis(spoken, rules);
    spoken = expandEscudos(spoken, rules);
    spoken = expandBareCifrao(spoken, rules);
    spoken = expandCurrencies(spoken, rules);
    spoken = expandOldMoney(spoken, rules);
    // Before the clock times, which would take "12.05" of "12.05.1890" for a time.
    spoken = expandDottedDates(spoken, rules);
    // Before the clock times, which would say a whole hour before "p. m." without its part of the day.
    spoken = readDayParts(spoken, rules);
    // Before the angles and units, which would take a prime after a number for minutes of arc or feet.
    spoken = readMatchMinutes(spoken, rules);
    spoken = expandClockTimes(spoken, rules);
    spoken = expandPercent(spoken, rules);
    // Splits first ("30/70" is no fraction), dates before fractions: "12/05/1890" is a date, "3/8" a fraction.
    spoken = joinNumbersToYears(spoken, rules);
    spoken = expandNumberPairs(spoken, rules);
    spoken = expandSlashDates(spoken, rules);
    spoken = expandFractions(readMeasureSizes(spoken, rules), rules);
    spoken = pauseBetweenNumbers(spoken);
    spoken = readLeadingZeroNumbers(spoken, rules);
    // Ordinals before units: "the 1st." is first, not one stone; rates before units, which would take "10 m" of "10 m/s".
    // Degrees before ordinals, which Spanish and Portuguese also write with the sign ("2° andar").
    spoken = readAngles(spoken, rules);
    spoken = expandDegrees(spoken, rules);
    // Before the ordinals: "5th Sept." is "the fifth of September".
    spoken = expandDayBeforeMonth(spoken, rules);
    spoken = expandOrdinals(spoken, rules);
    spoken = expandRates(spoken, rules);
    spoken = expandUnits(spoken, rules);
    spoken = expandUnitsWithoutCount(spoken, rules);
    spoken = expandDateDays(spoken, rules);
    spoken = expandDecades(spoken, rules);
    spoken = readAgeGroups(spoken, rules);
    // A score that no range can be ("3–0", "2–2"), before the records and ranges, which would say "to".
    spoken = readBritishScores(spoken, rules);
    // A season's record is written like a range and said with "and".
    spoken = readSeasonRecords(spoken, rules);
    spoken = expandRanges(spoken, rules);
    spoken = expandEraYears(spoken, rules);
    spoken = expandYears(spoken, rules);
    // Counted nouns last before the plain numbers: units, money and times have agreed on their own.
    spoken = expandCountedNouns(spoken, rules);
    spoken = readBareDecimals(spoken, rules);
    spoken = expandNumbers(spoken, rules);
    spoken = readSlashWords(spoken, rules);
  }
  // Last, so a line's end is judged on the words that will be said, after the numbers are words.
  return speakDashes(pauseAtVerseLineEnds(spoken)).replace(/[ \t]{2,}/g, ' ');
}
