/**
 * What plain-text books print for the eye and a listener must not hear: italics underscores, note marks, withheld
 * names, ampersands, and the older Spanish "V." for usted (docs/spoken-form.md, typography and abbreviations).
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';

/** Far above a linear read of the hostile inputs, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

describe('book markup in the spoken form', () => {
  it.each([
    ['en-GB', 'It was _not_ _my_ fault, said _Mr. Hale_.', 'It was not my fault, said Mister Hale.'],
    ['en-GB', 'the novel _Great Expectations,_ then', 'the novel Great Expectations, then'],
    ['es-ES', 'Leyó _El Eco_ y dijo: _"¡Basta!"_', 'Leyó El Eco y dijo: "¡Basta!"'],
    ['pt-BR', "a _cousa_ e o _l'homme_ do livro", "a cousa e o l'homme do livro"],
  ])('drops the underscores that mark italics (%s)', (language, text, spoken) => {
    expect(toSpokenForm(text, language)).toBe(spoken);
  });

  it('keeps an underscore inside a word and a line of underscores is a scene break', () => {
    expect(toSpokenForm('set max_value now', 'en')).toBe('set max_value now');
    expect(toSpokenForm('end.\n_____\nNext', 'en')).toBe('end.\n\nNext');
  });

  it('drops note marks glued to a word and reads a withheld name as a pause', () => {
    expect(toSpokenForm('It was late* and cold.** Then[12] he left.', 'en')).toBe(
      'It was late and cold. Then he left.',
    );
    expect(toSpokenForm('in the county of *** there lived', 'en')).toBe('in the county of, there lived');
    expect(toSpokenForm('na vila de ***.', 'pt-BR')).toBe('na vila de.');
    expect(toSpokenForm('2 * 3 and a * b', 'en')).toBe('two * three and a * b');
  });

  it('says an ampersand between words with the language\'s "and", Spanish "e" before an i sound', () => {
    expect(toSpokenForm('Dodd & Mead, and R&D', 'en')).toBe('Dodd and Mead, and R&D');
    expect(toSpokenForm('Ruiz & Iglesias, Ruiz & Hierro, Ruiz & Hijos', 'es')).toBe(
      'Ruiz e Iglesias, Ruiz y Hierro, Ruiz e Hijos',
    );
    expect(toSpokenForm('Lopes & Filhos', 'pt-PT')).toBe('Lopes e Filhos');
    expect(toSpokenForm('the ships, &c.', 'en')).toBe('the ships, et cetera.');
  });

  it('reads the older Spanish "V." as usted between words, never an initial, a king or a section number', () => {
    expect(toSpokenForm('Si V. quiere, vaya V. con Dios.', 'es')).toBe('Si usted quiere, vaya usted con Dios.');
    expect(toSpokenForm('Mire V., señor; Oiga V... Y VV. callen.', 'es')).toBe(
      'Mire usted, señor; Oiga usted... Y ustedes callen.',
    );
    expect(toSpokenForm('Lo escribió V. Blasco.', 'es')).toBe('Lo escribió V. Blasco.');
    expect(toSpokenForm('Reinó Fernando V.', 'es')).toBe('Reinó Fernando quinto.');
    expect(toSpokenForm('Final.\nV.\nEra de noche.', 'es')).toBe('Final.\ncinco.\nEra de noche.');
    expect(toSpokenForm('véase el tomo V. Allí', 'es')).toBe('véase el tomo V. Allí');
    // Not a Portuguese or English abbreviation.
    expect(toSpokenForm('Se V. quiser', 'pt-BR')).toBe('Se V. quiser');
  });

  it('reads older print conventions: "2d"/"3d" ordinals after "the" or a month, "Esq.", "n." before a number', () => {
    expect(toSpokenForm('the 3d day of June; June 22d; the 102d year', 'en')).toBe(
      'the third day of June; June twenty-second; the one hundred second year',
    );
    // "2d" is also twopence: only "the" or a month makes it an ordinal, and 12 and 13 take "th".
    expect(toSpokenForm('4s. 2d. and 1s 3d', 'en-GB')).toBe(
      'four shillings and twopence and one shilling and threepence',
    );
    expect(toSpokenForm('the 12d', 'en')).not.toContain('twelfth');
    expect(toSpokenForm('John Hale, Esq., of Leeds. Paid', 'en')).toBe('John Hale, Esquire, of Leeds. Paid');
    expect(toSpokenForm('na casa n. 40.', 'pt-BR')).toBe('na casa número quarenta.');
    expect(toSpokenForm('o n. de casas', 'pt-BR')).toBe('o n. de casas');
  });

  it(
    'reads long hostile runs of markup whole',
    async () => {
      const start = process.cpuUsage();
      // A rule that rescanned its rejections would be quadratic here and run for minutes.
      const hostile = [
        `a${'_'.repeat(100_000)}b ${'_a'.repeat(30_000)} ${'a_ '.repeat(30_000)}`,
        `x${' '.repeat(100_000)}${'*'.repeat(50_000)}y ${'a* '.repeat(30_000)}`,
        `x${' '.repeat(100_000)}& ${'& '.repeat(30_000)}y ${'a&'.repeat(30_000)}`,
        `${'V. '.repeat(30_000)}x ${'Dígame V. '.repeat(10_000)}`,
        `the ${'2'.repeat(100_000)}d ${'the 2d '.repeat(20_000)}${'n. '.repeat(20_000)}1`,
      ];
      for (const language of ['en-GB', 'es-ES', 'pt-BR']) {
        for (const input of hostile) {
          expect(toSpokenForm(input, language).length).toBeGreaterThan(0);
          expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
        }
      }
      expect(toSpokenForm(`${'a & '.repeat(20_000)}b`, 'en')).toBe(`${'a and '.repeat(20_000)}b`);
    },
    HANG_LIMIT_MS,
  );
});
