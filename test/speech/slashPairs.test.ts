/** Slashes that are neither dates nor fractions: alternatives, rates, splits, set phrases and lists, never "slash". */
import fc from 'fast-check';
import { rulesForLanguage, toSpokenForm } from '../../core/speech/normalize';

describe('slashes between words and numbers', () => {
  it('reads words joined by a slash as alternatives, without saying an "or" already written twice', () => {
    expect(toSpokenForm('his/her and/or he/she/they', 'en-GB')).toBe('his or her and or he or she or they');
    expect(toSpokenForm('él/ella y/o usted; siete/ocho, mujer/hombre', 'es-ES')).toBe(
      'él o ella y o usted; siete u ocho, mujer u hombre',
    );
    expect(toSpokenForm('ele/ela e/ou você', 'pt-BR')).toBe('ele ou ela e ou você');
  });

  it('reads a pause where a part is not a word of the language, and for a slash between spaces', () => {
    expect(toSpokenForm('precio c/u', 'es-ES')).toBe('precio c, u');
    expect(toSpokenForm('the rose / the thorn', 'en-GB')).toBe('the rose, the thorn');
  });

  it('leaves web addresses and paths alone', () => {
    expect(toSpokenForm('see example.com/news/today', 'en-GB')).toBe('see example.com/news/today');
  });

  it.each([
    ['en-GB', 'per', 'hour'],
    ['es-ES', 'por', 'hora'],
    ['pt-PT', 'por', 'hora'],
  ])('%s: every unit of the table per hour and per second, with and without a number', (locale, per, hour) => {
    const rules = rulesForLanguage(locale);
    const units = Object.entries(rules?.units ?? {}).filter(([symbol]) => !symbol.includes('/'));
    expect(units.length).toBeGreaterThan(10);
    for (const [symbol, [singular, plural]] of units) {
      expect(toSpokenForm(`${symbol}/h`, locale)).toBe(`${plural} ${per} ${hour}`);
      expect(toSpokenForm(`1 ${symbol}/s`, locale)).toMatch(new RegExp(` ${singular} ${per} \\S+$`));
      expect(toSpokenForm(`5 ${symbol}/h`, locale)).toMatch(new RegExp(` ${plural} ${per} ${hour}$`));
    }
  });

  it('reads units that need their period alone as units in a rate, and other words as alternatives', () => {
    expect(toSpokenForm('60 mi/h, 3 ft/s, in/out', 'en-US')).toBe(
      'sixty miles per hour, three feet per second, in or out',
    );
    expect(toSpokenForm('20 ptas/kg', 'es-ES')).toBe('veinte pesetas por kilogramo');
  });

  it('says a split that adds up to a hundred as the language does, and 24/7 as an English set phrase', () => {
    expect(toSpokenForm('50/50, 40/60, 75/25 and 24/7', 'en-US')).toBe(
      'fifty-fifty, forty-sixty, seventy-five twenty-five and twenty-four seven',
    );
    expect(toSpokenForm('50/50, 30/70 y 24/7', 'es-ES')).toBe(
      'cincuenta cincuenta, treinta setenta y veinticuatro, siete',
    );
    expect(toSpokenForm('50/50 e 24/7', 'pt-BR')).toBe('cinquenta cinquenta e vinte e quatro, sete');
  });

  it('reads numbers left with slashes as a list, after dates and fractions have taken theirs', () => {
    expect(toSpokenForm('1/2/3, 12/5, 1/2 and 12/05/1890', 'en-GB')).toBe(
      'one, two, three, twelve, five, a half and the twelfth of May, eighteen ninety',
    );
  });

  it('never leaves a slash between words or numbers (property)', () => {
    const part = fc.constantFrom(
      'and',
      'or',
      'his',
      'her',
      'y',
      'o',
      'e',
      'ou',
      'km',
      'h',
      'm',
      's',
      '50',
      '24',
      '7',
      '3',
      'c',
      'u',
      '12',
    );
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 2, maxLength: 5 }),
        fc.constantFrom('en-GB', 'es-ES', 'pt-BR'),
        (parts, locale) => {
          expect(toSpokenForm(`x ${parts.join('/')} y`, locale)).not.toContain('/');
        },
      ),
      { numRuns: 300 },
    );
  });
});
