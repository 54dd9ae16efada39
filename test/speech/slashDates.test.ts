/** Numeric dates with slashes: a part over 12 fixes the order, otherwise the language's (or region's) usual order. */
import fc from 'fast-check';
import { toSpokenForm } from '../../core/speech/normalize';
import { dayAndMonth } from '../../core/speech/normalize.dates';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

describe('dates written with slashes', () => {
  it('takes a part over 12 for the day whatever the usual order, and the usual order when both could be either', () => {
    expect(dayAndMonth(25, 12, 'month-day')).toEqual({ day: 25, month: 12 });
    expect(dayAndMonth(12, 25, 'day-month')).toEqual({ day: 25, month: 12 });
    expect(dayAndMonth(5, 6, 'day-month')).toEqual({ day: 5, month: 6 });
    expect(dayAndMonth(5, 6, 'month-day')).toEqual({ day: 6, month: 5 });
    expect(dayAndMonth(31, 2, 'day-month')).toBeUndefined();
    expect(dayAndMonth(13, 13, 'day-month')).toBeUndefined();
    expect(dayAndMonth(0, 5, 'month-day')).toBeUndefined();
  });

  it('reads an unambiguous date with the same month in every English region, day first or month first (property)', () => {
    const date = fc
      .integer({ min: 1, max: 9 })
      .chain((month) =>
        fc.record({ month: fc.constant(month), day: fc.integer({ min: 13, max: DAYS_IN_MONTH[month - 1] }) }),
      );
    fc.assert(
      fc.property(
        date,
        fc.boolean(),
        fc.constantFrom('en', 'en-US', 'en-GB', 'en-AU'),
        ({ month, day }, dayFirst, locale) => {
          const written = dayFirst ? `${day}/${month}/1890` : `${month}/${day}/1890`;
          const spoken = toSpokenForm(`on ${written}.`, locale);
          expect(spoken).toContain(MONTHS_EN[month - 1]);
          expect(spoken).toContain('eighteen ninety');
          expect(spoken).not.toMatch(/[\d/]/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves fractions, short pairs, impossible dates and dates inside longer runs to the other rules', () => {
    expect(toSpokenForm('3/8 and 12/5', 'en-US')).toBe('three eighths and twelve, five');
    expect(toSpokenForm('on 31/02/1890', 'es-ES')).toBe('on treinta y uno, dos, mil ochocientos noventa');
    expect(toSpokenForm('1/2/3', 'pt-BR')).not.toContain('fevereiro');
    expect(toSpokenForm('12/05/1890/3', 'en-GB')).not.toContain('May');
    expect(toSpokenForm('12/05/189', 'en-GB')).not.toContain('May');
    expect(toSpokenForm('12/05/0890', 'es-ES')).not.toContain('mayo');
  });
});
