/**
 * A list of Roman numerals after a heading word ("Chapters IV and V", "incisos II e III", "capítulos IV a VI") is read
 * whole, every numeral as the first; a number grouped with the other language's mark ("1.234.567" in English) is one
 * number; a date written with points ("12.05.1890") is a date. Each family also reads a hostile line of a megabyte in
 * linear time.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';
import { HOSTILE_BUDGET_MS, HOSTILE_CPU_BUDGET_MS, megabyteOf } from './hostileAndHeldOut';

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

describe('numbers and dates joined by points', () => {
  it('reads thousands grouped with the other language’s mark as one number', () => {
    expect(toSpokenForm('1.234.567 people', 'en-US')).toBe(
      'one million two hundred thirty-four thousand five hundred sixty-seven people',
    );
    expect(toSpokenForm('$1.000.000', 'en-US')).toBe('one million dollars');
    expect(toSpokenForm('1.234 and 3.11.2', 'en-US')).toBe('one point two three four and three point eleven point two');
    expect(toSpokenForm('1,250,000 habitantes', 'es-PE')).toBe('un millón doscientos cincuenta mil habitantes');
  });

  it('reads an IPv4 address part by part with "dot", not as a number grouped in thousands', () => {
    expect(toSpokenForm('Ping 192.168.100.200 now.', 'en-US')).toBe(
      'Ping one hundred ninety-two dot one hundred sixty-eight dot one hundred dot two hundred now.',
    );
    expect(toSpokenForm('the server at 10.0.0.1', 'en-GB')).toBe('the server at ten dot zero dot zero dot one');
    expect(toSpokenForm('el servidor 192.168.1.20', 'es-ES')).toBe(
      'el servidor ciento noventa y dos punto ciento sesenta y ocho punto uno punto veinte',
    );
    expect(toSpokenForm('1.234.567.890 people', 'en-US')).toBe(
      'one billion two hundred thirty-four million five hundred sixty-seven thousand eight hundred ninety people',
    );
  });

  it('reads a dotted date day first in British English, by its parts or the locale in American English', () => {
    expect(toSpokenForm('on 12.05.1890 he', 'en-GB')).toBe('on the twelfth of May, eighteen ninety he');
    expect(toSpokenForm('on 12.05.1890.', 'en-US')).toBe('on December fifth, eighteen ninety.');
    expect(toSpokenForm('on 13.05.1890 and 05.13.1890', 'en-US')).toBe(
      'on May thirteenth, eighteen ninety and May thirteenth, eighteen ninety',
    );
    expect(toSpokenForm('el 12.05.1890 a las 12.05', 'es-ES')).toBe(
      'el doce de mayo de mil ochocientos noventa a las doce y cinco',
    );
    // No such day; a two-digit year may be a version or a section.
    expect(toSpokenForm('31.02.1890', 'en-GB')).not.toMatch(/February/);
    expect(toSpokenForm('3.11.22', 'en-GB')).not.toMatch(/November/);
  });
});

describe('a megabyte of each new rule family', () => {
  const families: ReadonlyArray<[family: string, language: string, lines: string[]]> = [
    ['lists of Roman numerals', 'en-US', ['Chapters IV and V, ', 'Chapters IV', ' and I', 'Chapters I, ', 'IV, ']],
    ['lists of Roman numerals', 'pt-BR', ['incisos II e III ', 'incisos ', 'II e ', 'capítulos IV a ']],
    ['numbers grouped by points', 'en-US', ['1.234.567 ', '1.234.', '1.2.3.4.5.', '1.234.567,']],
    ['dotted dates', 'en-GB', ['12.05.1890 ', '12.05.', '1.1.1890.1.', '12.05.1890.']],
  ];
  it.each(families)(
    '%s are read in linear time (%s)',
    (_family, language, lines) => {
      const start = process.cpuUsage();
      for (const line of lines) {
        expect(toSpokenForm(megabyteOf(line), language).length).toBeGreaterThan(0);
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      }
    },
    HOSTILE_BUDGET_MS,
  );
});
