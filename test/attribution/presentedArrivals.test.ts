/**
 * A narrated sentence that only presents someone ("Bateram à porta. Era o Henrique, de gabardina molhada.", "It was
 * Mr. Crane.") brings that person in: the line after it is likeliest theirs, as after a sentence opening with them.
 */
import { cpuMsSince } from '../support/jestBudget';
import { attributedDialogue, person } from './chapterFixture';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

describe('a person presented by the narration before a line', () => {
  it('speaks the line after "Era o Henrique…" (Portuguese)', () => {
    const cast = [
      person('leonor', 'Dona Leonor', 'female', ['Leonor']),
      person('artur', 'Artur', 'male'),
      person('henrique', 'Henrique', 'male'),
    ];
    const text = [
      'Dona Leonor e Artur esperavam na sala. O relógio deu as dez.',
      '— Já são horas — disse Dona Leonor.',
      'Bateram à porta. Era o Henrique, de gabardina molhada e cara de quem dormira pouco.',
      '— Bom dia a todos. O comboio parou meia hora em Ermesinde.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual(['leonor', 'henrique']);
  });

  it('speaks the line after "It was Mr. Crane." (English)', () => {
    const cast = [
      person('eleanor', 'Mrs. Whitcomb', 'female'),
      person('george', 'Mr. Whitcomb', 'male'),
      person('crane', 'Mr. Crane', 'male', ['Crane']),
    ];
    const text = [
      'Mrs. Whitcomb and her husband sat by the fire.',
      '"They will be late," said Mrs. Whitcomb.',
      'The bell rang. It was Mr. Crane, in a gray overcoat, with a letter in his hand.',
      '"Good evening. I have brought a letter, and I should not like it crushed."',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'en').map((line) => line.speakerId)).toEqual(['eleanor', 'crane']);
  });

  it(
    'reads a megabyte of presenting words in linear time',
    async () => {
      const start = process.cpuUsage();
      const cast = [person('leonor', 'Dona Leonor', 'female'), person('henrique', 'Henrique', 'male')];
      const spaced = [`Era${' '.repeat(1_000_000)}o Henrique.`, '— Bom dia.'].join('\n\n');
      const repeated = [`${'Era o era a it was '.repeat(50_000)}Henrique.`, '— Bom dia.'].join('\n\n');
      expect(attributedDialogue(spaced, cast, 'pt')).toHaveLength(1);
      expect(attributedDialogue(repeated, cast, 'pt')).toHaveLength(1);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
