/**
 * Signs and marks as older and modern books print them (docs/spoken-form.md): British prices with a slash, the number
 * sign, the degree sign, note daggers and words spaced out for emphasis.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';

/** Far above a linear read of the hostile inputs, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

describe('signs and marks in books', () => {
  it('reads shillings and pence written with a slash where a price is meant, in day-first English', () => {
    expect(toSpokenForm('a seat at 2/6, a hat for 21/-', 'en-GB')).toBe(
      'a seat at two shillings and sixpence, a hat for twenty-one shillings',
    );
    expect(toSpokenForm('it cost 6/8', 'en-IE')).toBe('it cost six shillings and eightpence');
    expect(toSpokenForm('threepence ha’penny, 3/9½ in all', 'en-GB')).toBe(
      "threepence ha'penny, three shillings and ninepence halfpenny in all",
    );
    // Without a word a price follows, "12/5" may be a date; a fraction in lowest terms stays a fraction.
    expect(toSpokenForm('on 12/5 they met', 'en-GB')).toBe('on twelve, five they met');
    expect(toSpokenForm('it cost 1/2 as much', 'en-GB')).toBe('it cost a half as much');
    expect(toSpokenForm('open for 24/7', 'en-GB')).toBe('open for twenty-four seven');
    // An American book dates "10/6"; only the shillings' dash is unmistakable.
    expect(toSpokenForm('paid 10/6 and 5/-', 'en-US')).toBe('paid ten, six and five shillings');
  });

  it('reads Portuguese escudos written with the cifrão before two digits, and réis before three', () => {
    expect(toSpokenForm('custou 0$50, 1$00 e 2.000$00; 1$000 réis', 'pt-PT')).toBe(
      'custou cinquenta centavos, um escudo e dois mil escudos; mil réis',
    );
    const chain = toSpokenForm(`${'1$00'.repeat(50_000)} ${'1$00 '.repeat(50_000)}`, 'pt-PT');
    expect(chain.trim().endsWith('um escudo um escudo')).toBe(true);
  });

  it('reads the number sign before a number, and leaves it glued to a word', () => {
    expect(toSpokenForm('room #12', 'en')).toBe('room number twelve');
    expect(toSpokenForm('o quarto # 5', 'pt-BR')).toBe('o quarto número cinco');
    expect(toSpokenForm('el piso #3', 'es')).toBe('el piso número tres');
    expect(toSpokenForm('a C#5 note', 'en')).not.toContain('number');
  });

  it('reads the degree sign alone as degrees in English; Spanish and Portuguese write ordinals with it', () => {
    expect(toSpokenForm('at 1° and 45°', 'en')).toBe('at one degree and forty-five degrees');
    expect(toSpokenForm('o 1° andar', 'pt-BR')).toBe('o primeiro andar');
    // There it is degrees before minutes, a compass letter or a word that says so, and an ordinal elsewhere.
    expect(toSpokenForm("41° 23' N, a 1° abaixo de zero; o 2° e o 3°", 'pt-BR')).toBe(
      'quarenta e um graus vinte e três minutos norte, a um grau abaixo de zero; o segundo e o terceiro',
    );
    expect(toSpokenForm('a 38° de fiebre, el 5° día', 'es')).toBe('a treinta y ocho grados de fiebre, el quinto día');
  });

  it('drops note daggers glued to a word and opening the note, and keeps a dagger standing alone', () => {
    expect(toSpokenForm('the Hall,† he said‡.', 'en')).toBe('the Hall, he said.');
    expect(toSpokenForm('text\n‡ The note.', 'en')).toBe('text\nThe note.');
    expect(toSpokenForm('a † b', 'en')).toBe('a † b');
  });

  it('joins letters spaced out for emphasis into their word, and leaves lists and acronyms', () => {
    expect(toSpokenForm('She was n o t there.', 'en')).toBe('She was n o t there.');
    expect(toSpokenForm('She was N e v e r there, n u n c a.', 'es')).toBe('She was Never there, nunca.');
    expect(toSpokenForm('A B C D and x y z w and R S V P', 'en')).toBe('A B C D and xyzw and R S V P');
    expect(toSpokenForm('ABC, D E F G', 'en')).toBe('ABC, D E F G');
  });

  it('reads web and email addresses as people say them, leaving the punctuation of the sentence', () => {
    expect(toSpokenForm('Write to first.last@mail.example.co.uk.', 'en')).toBe(
      'Write to first dot last at mail dot example dot co dot uk.',
    );
    expect(toSpokenForm('See (http://example.com/a/b/), or www.x.org!', 'en')).toBe(
      'See (example dot com slash a slash b), or www dot x dot org!',
    );
    expect(toSpokenForm('o site www.editora.com.br', 'pt-BR')).toBe('o site www ponto editora ponto com ponto br');
    // Not an address: an at sign without a domain, a word glued to "www".
    expect(toSpokenForm('@home, user@ and awww.', 'en')).toBe('@home, user@ and awww.');
  });

  it(
    'reads long hostile runs of spaced letters and signs whole',
    async () => {
      const start = process.cpuUsage();
      const spaced = `${'a '.repeat(100_000)}b ${'# '.repeat(20_000)}${'a.'.repeat(20_000)}@x www.${'.,'.repeat(20_000)}x ${'1/- '.repeat(20_000)}`;
      const spoken = toSpokenForm(spaced, 'en-GB');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(spoken.startsWith('aaaa')).toBe(true);
      expect(spoken.trim().endsWith('one shilling one shilling')).toBe(true);
    },
    HANG_LIMIT_MS,
  );
});
