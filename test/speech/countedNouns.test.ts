/** A number agrees with the feminine noun it counts, in Spanish and Portuguese; an unknown noun keeps the masculine. */
import { rulesForLanguage, toSpokenForm } from '../../core/speech/normalize';

describe('a number agrees with the feminine noun it counts', () => {
  it.each([
    ['es-ES', 'una', 'veintiuna', 'doscientas', 'dos'],
    ['pt-BR', 'uma', 'vinte e uma', 'duzentas', 'duas'],
    ['pt-PT', 'uma', 'vinte e uma', 'duzentas', 'duas'],
  ])('%s: every listed feminine noun', (locale, one, twentyOne, twoHundred, two) => {
    const nouns = rulesForLanguage(locale)?.feminineNouns ?? [];
    expect(nouns.length).toBeGreaterThan(30);
    for (const [singular, plural] of nouns) {
      expect(toSpokenForm(`1 ${singular}`, locale)).toBe(`${one} ${singular}`);
      expect(toSpokenForm(`21 ${plural}, 200 ${plural}`, locale)).toBe(
        `${twentyOne} ${plural}, ${twoHundred} ${plural}`,
      );
      expect(toSpokenForm(`2 ${plural.toUpperCase()}`, locale)).toBe(`${two} ${plural.toUpperCase()}`);
    }
  });

  it('takes the gender of units, currencies, old money and measure nouns from the tables that already know it', () => {
    expect(toSpokenForm('1 libra, 21 leguas, 300 millas y 1 peseta', 'es-ES')).toBe(
      'una libra, veintiuna leguas, trescientas millas y una peseta',
    );
    expect(toSpokenForm('2 libras, 1 légua, 2 arrobas e 500 polegadas', 'pt-BR')).toBe(
      'duas libras, uma légua, duas arrobas e quinhentas polegadas',
    );
  });

  it('agrees in the thousands too, never in the millions, which are masculine nouns', () => {
    expect(toSpokenForm('200000 pesetas, 201000 pesetas, 2200000 pesetas, 200000000 pesetas', 'es-ES')).toBe(
      'doscientas mil pesetas, doscientas una mil pesetas, dos millones doscientas mil pesetas, doscientos millones de pesetas',
    );
    expect(toSpokenForm('2000 libras, 2002000 libras, 200000000 libras', 'pt-BR')).toBe(
      'duas mil libras, dois milhões e duas mil libras, duzentos milhões de libras',
    );
  });

  it('keeps the masculine, the citation form, before a noun it does not know, a name, a decimal or another word', () => {
    expect(toSpokenForm('200 caballos, 2 Casas, 1,5 horas, 1 de mayo', 'es-ES')).toBe(
      'doscientos caballos, dos Casas, uno coma cinco horas, uno de mayo',
    );
    expect(toSpokenForm('2 cavalos, 200 soldados, 1 de maio', 'pt-BR')).toBe(
      'dois cavalos, duzentos soldados, um de maio',
    );
    expect(toSpokenForm('2 houses and 21 hours', 'en-GB')).toBe('two houses and twenty-one hours');
  });

  it('takes the form before a noun for a masculine noun the tables know, where the language has one', () => {
    expect(toSpokenForm('21 años, 1 día, 31 días, 1 kilo, 21 dólares y 21 metros', 'es-ES')).toBe(
      'veintiún años, un día, treinta y un días, un kilo, veintiún dólares y veintiún metros',
    );
    expect(toSpokenForm('21 anos e 1 dia', 'pt-BR')).toBe('vinte e um anos e um dia');
  });

  it('says "de" between a million or more and any noun, and not twice', () => {
    expect(toSpokenForm('3000000 pessoas e 2000000 de reais', 'pt-BR')).toBe(
      'três milhões de pessoas e dois milhões de reais',
    );
    expect(toSpokenForm('21000000 habitantes', 'es-ES')).toBe('veintiún millones de habitantes');
  });
});
