/**
 * A list of Roman numerals after a heading word ("Chapters IV and V", "incisos II e III", "capítulos IV a VI") is read
 * whole, every numeral as the first. Each family also reads a hostile line of a megabyte in linear time.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { jestBudgetCheck } from '../support/jestBudget';

const HOSTILE_BUDGET_MS = 120_000;
const MEGABYTE = 1_000_000;
const megabyteOf = (unit: string) => unit.repeat(Math.ceil(MEGABYTE / unit.length));

describe('a list of Roman numerals after a heading word', () => {
  it('reads every numeral of the list as the first is read', () => {
    expect(toSpokenForm('Chapters IV and V', 'en-US')).toBe('Chapters four and five');
    expect(toSpokenForm('see Chapter IV and V, then Parts I, II, and III.', 'en-GB')).toBe(
      'see Chapter four and five, then Parts one, two, and three.',
    );
    expect(toSpokenForm('CHAPTERS XII TO XIV', 'en-US')).toBe('CHAPTERS twelve TO fourteen');
    expect(toSpokenForm('os incisos II e III', 'pt-BR')).toBe('os incisos dois e três');
    expect(toSpokenForm('os capítulos IV a VI', 'pt-BR')).toBe('os capítulos quatro a seis');
    expect(toSpokenForm('los capítulos IV a VI y las secciones II y III', 'es-ES')).toBe(
      'los capítulos cuatro a seis y las secciones dos y tres',
    );
  });

  it('stops at the pronoun, at a lower-case numeral and at letters', () => {
    expect(toSpokenForm('Chapters IV and I went home', 'en-US')).toBe('Chapters four and I went home');
    expect(toSpokenForm('Chapter IV, I think', 'en-US')).toBe('Chapter four, I think');
    expect(toSpokenForm('Chapter IV and vi', 'en-US')).toBe('Chapter four and vi');
    expect(toSpokenForm('the letters C and D', 'en-US')).toBe('the letters C and D');
    expect(toSpokenForm('Part I was long', 'en-US')).toBe('Part I was long');
    // A lower-case heading word takes a lone letter when a longer numeral follows in its list.
    expect(toSpokenForm('parts I and II', 'en-US')).toBe('parts one and two');
    expect(toSpokenForm('los capítulos V y D. Quijote', 'es-ES')).toBe('los capítulos V y don Quijote');
  });
});

describe('a megabyte of each new rule family', () => {
  const families: ReadonlyArray<[family: string, language: string, lines: string[]]> = [
    ['lists of Roman numerals', 'en-US', ['Chapters IV and V, ', 'Chapters IV', ' and I', 'Chapters I, ', 'IV, ']],
    ['lists of Roman numerals', 'pt-BR', ['incisos II e III ', 'incisos ', 'II e ', 'capítulos IV a ']],
  ];
  it.each(families)(
    '%s are read in linear time (%s)',
    async (_family, language, lines) => {
      for (const line of lines) {
        expect(toSpokenForm(megabyteOf(line), language).length).toBeGreaterThan(0);
        await jestBudgetCheck();
      }
    },
    HOSTILE_BUDGET_MS,
  );
});
