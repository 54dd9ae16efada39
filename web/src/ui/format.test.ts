import { describe, expect, it } from 'vitest';
import { breakableOnlyBetweenDateAndTime, formatBytes, formatDuration } from './format';

const LATE_EVENING = new Date('2026-12-06T23:00:00Z');
const written = (locale: string, options: Intl.DateTimeFormatOptions) =>
  breakableOnlyBetweenDateAndTime(
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(LATE_EVENING),
  );
/** The pieces a browser may put on separate lines: split at ordinary spaces, no-break spaces shown as "_". */
const pieces = (text: string) => text.replace(/[\u00a0\u202f]/g, '_').split(' ');
const DATE_AND_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const;

describe('breakableOnlyBetweenDateAndTime', () => {
  it('keeps the Spanish day period "p. m." with its hour and the date whole, breaking only between the two', () => {
    expect(pieces(written('es-PE', DATE_AND_TIME))).toEqual(['6_dic._2026,', '11:00_p._m.']);
  });

  it('does the same in Portuguese and English', () => {
    expect(pieces(written('pt-BR', DATE_AND_TIME))).toEqual(['6_de_dez._de_2026,', '23:00']);
    expect(pieces(written('en-US', DATE_AND_TIME))).toEqual(['Dec_6,_2026,', '11:00_PM']);
  });

  it('keeps a date without a time in one piece', () => {
    expect(pieces(written('pt-BR', { dateStyle: 'medium' }))).toEqual(['6_de_dez._de_2026']);
  });
});

describe('formatBytes', () => {
  it('says bytes in the plural where there are several, in each language, the number held to its unit', () => {
    expect(['en-US', 'es-PE', 'pt-BR'].map((locale) => formatBytes(locale, 163))).toEqual([
      '163\u00a0bytes',
      '163\u00a0bytes',
      '163\u00a0bytes',
    ]);
    expect(['en-US', 'es-PE', 'pt-BR'].map((locale) => pieces(formatBytes(locale, 1)))).toEqual([
      ['1_byte'],
      ['1_byte'],
      ['1_byte'],
    ]);
  });

  it('keeps the short unit for larger sizes', () => {
    expect(pieces(formatBytes('es-PE', 301_773))).toEqual(['294.7_kB']);
    expect(pieces(formatBytes('pt-BR', 301_773))).toEqual(['294,7_kB']);
  });
});

describe('formatDuration', () => {
  it('keeps a length of two units in one piece in each language, so a table cell never wraps it', () => {
    expect(['en-US', 'es-PE', 'pt-BR'].map((locale) => pieces(formatDuration(locale, 200)))).toEqual([
      ['3_min_20_sec'],
      ['3_min_20_s'],
      ['3_min_20_s'],
    ]);
    expect(pieces(formatDuration('en-US', 3900))).toEqual(['1_hr_5_min']);
  });
});
