import fc from 'fast-check';
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';

/**
 * Jest's budget for a test on hostile inputs: far above what reading them in linear time takes, far below what a
 * quadratic read takes. Jest enforces it when its timer runs, hence a timer's turn after each read
 * (test/support/jestBudget.ts).
 */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

describe('spoken form', () => {
  it('English: abbreviations, currency, numbers, ordinals, percent, units, years', () => {
    expect(toSpokenForm('Mr. Darcy paid $5.50 for 3 km of road in 1813, a 50% rise; he was 1st.', 'en-US')).toBe(
      'Mister Darcy paid five dollars and fifty cents for three kilometers of road in eighteen thirteen, a fifty percent rise; he was first.',
    );
    expect(toSpokenForm('Dr. Smith lives on Baker St.\nHe met St. John at No. 5 on the 22nd, etc.', 'en-GB')).toBe(
      'Doctor Smith lives on Baker Street.\nHe met Saint John at number five on the twenty-second, et cetera.',
    );
    expect(toSpokenForm('It weighs 1 kg and costs €3.50 or £1; 1,000,000 people, 3.14 and -5.', 'en')).toBe(
      'It weighs one kilogram and costs three euros and fifty cents or one pound; one million people, three point one four and minus five.',
    );
  });

  it('Spanish: señora, currency with apocope, ordinals with gender, S/ soles, raya removed', () => {
    expect(toSpokenForm('—¿Llegaste? —preguntó la Sra. García—. Cuesta €3.50 o 1.500 €.', 'es-ES')).toBe(
      '¿Llegaste? preguntó la señora García. Cuesta tres euros con cincuenta céntimos o mil quinientos euros.',
    );
    expect(
      toSpokenForm(
        'El 1.º y la 2.ª, el 1.er día; 21 km, 1 km y 25%. Pagó S/ 20 al Dr. Paz y a la Srta. Ruiz.',
        'es-PE',
      ),
    ).toBe(
      'El primero y la segunda, el primer día; veintiún kilómetros, un kilómetro y veinticinco por ciento. Pagó veinte soles al doctor Paz y a la señorita Ruiz.',
    );
    expect(toSpokenForm('Tiene 3,5 kilos y 1.234 libros.', 'es')).toBe(
      'Tiene tres coma cinco kilos y mil doscientos treinta y cuatro libros.',
    );
  });

  it('Portuguese: "--" removed, reais, feminine ordinals, Brazilian teens', () => {
    expect(toSpokenForm('-- Vens? -- disse o Sr. Lopes. Custa R$ 10,50 e 2 kg, o 1º e a 1ª, 16 vezes.', 'pt-BR')).toBe(
      'Vens? disse o senhor Lopes. Custa dez reais e cinquenta centavos e dois quilogramas, o primeiro e a primeira, dezesseis vezes.',
    );
    expect(toSpokenForm('16 vezes, 2 h', 'pt-PT')).toBe('dezasseis vezes, duas horas');
  });

  it('reads heading numbers as the language says them, Roman numerals in running text only where no pronoun fits', () => {
    expect(toSpokenForm('Chapter XII', 'en', { isHeading: true })).toBe('Chapter twelve');
    expect(toSpokenForm('CAPÍTULO XII', 'es', { isHeading: true })).toBe('Capítulo doce');
    expect(toSpokenForm('Capítulo III', 'pt-BR', { isHeading: true })).toBe('Capítulo três');
    expect(toSpokenForm('IV.', 'en', { isHeading: true })).toBe('four.');
    expect(toSpokenForm('see Chapter XII', 'en')).toBe('see Chapter twelve');
    // A heading word in lower case takes a numeral of two letters or more; a single letter may be the letter itself.
    expect(toSpokenForm('the chapter XII', 'en')).toBe('the chapter twelve');
    expect(toSpokenForm('the letter C', 'en')).toBe('the letter C');
    expect(toSpokenForm('I went home.', 'en', { isHeading: true })).toBe('I went home.');
    expect(toSpokenForm('Part I was long', 'en')).toBe('Part I was long');
  });

  it('cleans typography: quotes, ellipsis, dashes, NBSP, zero-width and bidi controls, NFC', () => {
    expect(toSpokenForm('“Hello”\u00A0…\u200Bworld\u202E — ok', 'en')).toBe('"Hello" ...world, ok');
    expect(toSpokenForm('Cafe\u0301', 'fr')).toBe('Café');
    expect(toSpokenForm('Le 5 mai', 'fr')).toBe('Le 5 mai');
  });

  it('never turns the English pronoun "I" into a number (property)', () => {
    const word = fc.constantFrom('Then', 'So', 'Charles', 'Elizabeth', 'and', 'Chapter', 'Part', 'PART', 'said');
    const next = fc.constantFrom('went', 'was', 'knew', 'think', 'am', 'had', 'shall');
    fc.assert(
      fc.property(word, next, fc.boolean(), (before, after, heading) => {
        const spoken = toSpokenForm(`${before} I ${after} home.`, 'en-GB', { isHeading: heading });
        expect(spoken).toMatch(/ I /);
        expect(spoken).not.toMatch(/\bone\b|the First/);
      }),
    );
  });

  it('reads long hostile runs whole: number chains, endless digits, repeated abbreviations and numerals', () => {
    // Each input would take a regex or a number-to-words conversion quadratic in its length if one crept in; the test
    // then runs for minutes instead of milliseconds.
    const hostile = [
      `${'7.'.repeat(30_000)}45 p.m.`,
      '1'.repeat(100_000),
      `${'1'.repeat(100_000)}l. and ${'2'.repeat(50_000)}%`,
      `${'1 '.repeat(30_000)}1/2`,
      `14h${'3'.repeat(50_000)}`,
      `1$${'0'.repeat(50_000)}`,
      `5 ${'ft. '.repeat(20_000)}`,
      `A.D. ${'A.D. '.repeat(20_000)}1066`,
      `5 ${' '.repeat(100_000)}x — ${'— '.repeat(20_000)}6`,
      `${'12/'.repeat(30_000)}1890 ${'1/2/'.repeat(20_000)}90`,
      `${'1/2 '.repeat(20_000)}hora 2 1/2 ${'k'.repeat(100_000)}/h`,
      `${'21 horas '.repeat(20_000)}${'7.'.repeat(30_000)}7${' '.repeat(50_000)}casas ${'1 '.repeat(30_000)}`,
      `${'m/'.repeat(30_000)}s ${'and/'.repeat(30_000)}1 ${'50/'.repeat(20_000)}50 ${'ab'.repeat(50_000)}${' '.repeat(100_000)}/ x`,
      `${'10 km/'.repeat(20_000)}h ${'1/'.repeat(30_000)}7 ${' '.repeat(100_000)}x`,
    ];
    for (const language of ['en-GB', 'es-ES', 'pt-BR']) {
      for (const input of hostile) expect(toSpokenForm(input, language)).not.toMatch(/\d/);
    }
    const numerals = `siglo ${'XV y '.repeat(20_000)}XVa vol. ${'i'.repeat(50_000)}a 3 de ${'ago. '.repeat(20_000)}`;
    expect(toSpokenForm(numerals, 'es-ES')).toContain('siglo quince y quince y');
    expect(toSpokenForm('1'.repeat(100_000), 'en')).toBe(Array(100_000).fill('one').join(' '));
  });

  it(
    "reads long hostile runs of spaces before a degree sign and of digits before a law's year whole",
    async () => {
      const start = process.cpuUsage();
      // Both rules once looked behind for their words ("los", "n.º 12"): the look-behind rescanned a run of spaces or
      // digits at every position of it, so each of these took about twenty seconds.
      expect(toSpokenForm('no baja de los 26°.', 'es-ES')).toBe('no baja de los veintiséis grados.');
      expect(toSpokenForm('Lei n.º 1.234/1890', 'pt-BR')).toBe(
        'Lei número mil duzentos e trinta e quatro de mil oitocentos e noventa',
      );
      const hostile = [
        `${' '.repeat(100_000)}5°.`,
        `1°${' '.repeat(100_000)}x`,
        `${'1'.repeat(100_000)}/1890`,
        `n.º ${'1'.repeat(100_000)}/1890`,
      ];
      for (const language of ['es-ES', 'pt-BR']) {
        for (const input of hostile) {
          expect(toSpokenForm(input, language)).not.toMatch(/\d/);
          expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
        }
      }
    },
    HANG_LIMIT_MS,
  );

  it('never leaves digits or invisible controls in en/es/pt output, and never throws (property)', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '$5',
            '€3.50',
            '1.º',
            '21st',
            '50%',
            '3 km',
            '1,234.5',
            'Mr.',
            'Sra.',
            ' ',
            '\n',
            '—',
            '\u200B',
            '\u202E',
            'S/ 20',
            '2s. 6d.',
            '5l.',
            '5:15',
            '12B',
            '4½d.',
            '1960s',
            'XII',
            'Henry VIII',
          ),
          fc.integer({ min: -10_000_000, max: 10_000_000 }).map(String),
          fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => s.replace(/\d/g, '')),
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, fc.constantFrom('en-US', 'es-ES', 'es-PE', 'pt-BR', 'pt-PT'), (input, language) => {
        const spoken = toSpokenForm(input, language);
        expect(spoken).not.toMatch(/\d/);
        expect(spoken).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
      }),
      { numRuns: 300 },
    );
  });
});
