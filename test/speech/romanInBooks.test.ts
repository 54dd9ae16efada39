/**
 * Roman numerals as whole books print them: a story's number before its title in capitals, a heading word in lower
 * case in running text, a king's number on the next line (docs/spoken-form.md, Roman numerals).
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';

/** Far above a linear read of the hostile inputs, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

describe('Roman numerals in running text of whole books', () => {
  it('reads a numeral and its period opening a line whose rest is a title in capitals', () => {
    // Short lines that no wrapper broke are said with a pause at each end, as verse is.
    expect(toSpokenForm('Contents\nIX. THE GREEN DOOR\nX. THE LAST LETTER', 'en')).toBe(
      'Contents,\nnine. THE GREEN DOOR,\nten. THE LAST LETTER',
    );
    expect(toSpokenForm('III. LA VENTA', 'es')).toBe('tres. LA VENTA');
    // Not a title in capitals, no period, or a letter that is also an initial: left as written.
    expect(toSpokenForm('IX. The green door', 'en')).toBe('IX. The green door');
    expect(toSpokenForm('IX THE GREEN DOOR', 'en')).toBe('IX THE GREEN DOOR');
    expect(toSpokenForm('C. DICKENS', 'en')).toBe('C. DICKENS');
    expect(toSpokenForm('I. WENT HOME', 'en')).toBe('one. WENT HOME');
  });

  it('reads a numeral of two letters or more after a heading word in lower case', () => {
    expect(toSpokenForm('as in chapter XII, he', 'en')).toBe('as in chapter twelve, he');
    expect(toSpokenForm('no capítulo XL, e', 'pt-BR')).toBe('no capítulo quarenta, e');
    expect(toSpokenForm('en el libro II', 'es')).toBe('en el libro dos');
    expect(toSpokenForm('the letter C and part I', 'en')).toBe('the letter C and part I');
    expect(toSpokenForm('ao fim do capitulo\nIX, e', 'pt-BR')).toBe('ao fim do capitulo\nnove, e');
  });

  it('reads a regnal number written on the line after the name', () => {
    expect(toSpokenForm('under Henry\nVIII, the', 'en')).toBe('under Henry\nthe Eighth, the');
    expect(toSpokenForm('el rey Alfonso\nXIII.', 'es')).toBe('el rey Alfonso\ntrece.');
    expect(toSpokenForm('then\nII was', 'en')).toBe('then\nII was');
    // A capitalised word of two letters opens a sentence; it is no king's name.
    expect(toSpokenForm('As I have said, Pedro I reinó.', 'es')).toBe('As I have said, Pedro primero reinó.');
  });

  it(
    'reads long hostile lines whole',
    async () => {
      const start = process.cpuUsage();
      // A line-title check that rescanned the line at each capital would be quadratic here.
      const line = `VII. ${'A '.repeat(50_000)}b\n${'XI.\n'.repeat(20_000)}${'Henry\n'.repeat(20_000)}VIII, the end`;
      const spoken = toSpokenForm(line, 'en');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(spoken.startsWith('VII. A A')).toBe(true);
      expect(spoken.endsWith('Henry\nHenry\nthe Eighth, the end')).toBe(true);
      expect(spoken).toContain('b\neleven.\neleven.\n');
    },
    HANG_LIMIT_MS,
  );
});
