/** Spanish and Portuguese put a fraction after its measure noun and make the half agree with it. */
import { rulesForLanguage, toSpokenForm } from '../../core/speech/normalize';

describe('a half agrees with the measure noun it goes with', () => {
  it.each([
    ['es-ES', 'media', 'medio', 'dos', 'y media', 'y medio'],
    ['pt-BR', 'meia', 'meio', 'dois', 'e meia', 'e meio'],
  ])('%s: every listed measure noun, by its gender', (locale, halfFeminine, halfMasculine, two, andHalfF, andHalfM) => {
    const nouns = rulesForLanguage(locale)?.measureNouns;
    expect(nouns).toBeDefined();
    for (const [singular, plural] of nouns?.feminine ?? []) {
      expect(toSpokenForm(`1/2 ${singular}`, locale)).toBe(`${halfFeminine} ${singular}`);
      expect(toSpokenForm(`2 1/2 ${plural}`, locale)).toMatch(new RegExp(` ${plural} ${andHalfF}$`));
    }
    for (const [singular, plural] of nouns?.masculine ?? []) {
      expect(toSpokenForm(`1/2 ${singular}`, locale)).toBe(`${halfMasculine} ${singular}`);
      expect(toSpokenForm(`2 1/2 ${plural}`, locale)).toBe(`${two} ${plural} ${andHalfM}`);
    }
  });

  it('takes the gender of a unit from the units table and says the unit in the number of the whole', () => {
    expect(toSpokenForm('1/2 h y 2 1/2 h; 1 1/2 km y 1/2 km', 'es-ES')).toBe(
      'media hora y dos horas y media; un kilómetro y medio y medio kilómetro',
    );
    expect(toSpokenForm('1/2 lb e 2½ lb', 'pt-PT')).toBe('meia libra e duas libras e meia');
  });

  it('leaves words that are not measure nouns where they are, and English as it says it', () => {
    expect(toSpokenForm('2 1/2 más, 1/2 de ellos', 'es-ES')).toBe('dos y medio más, medio de ellos');
    // A fraction alone measures one of its measure: "half an hour".
    expect(toSpokenForm('2 1/2 hours and 1/2 hour', 'en-US')).toBe('two and a half hours and half an hour');
  });
});
