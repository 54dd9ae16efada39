/**
 * A pronoun after a name votes for it up to the next name of someone; a role the book makes speak, written in
 * between with the pronoun's gender ("Pedro suspirou. Não adiantava discutir com a mãe; ela ganhava sempre"), may be
 * whom the pronoun is about, so the pronoun votes for nobody. A role of the other gender, or of none ("Dr. Lamb had
 * been the doctor… He"), leaves the pronoun to the name. The roles are found in one pass over each chapter, whatever
 * their number. Small books written for the purpose.
 */
import { cpuMsSince } from '../support/jestBudget';
import { castOf, chapters } from './smallBooks';

/** A megabyte of this scene takes about 7 s of processor time to cast; the budget leaves room for a busy machine. */
const HOSTILE_CPU_BUDGET_MS = 60_000;
const HANG_LIMIT_MS = 180_000;

const MOTHER = chapters(
  'pt',
  [
    'Pedro suspirou. Não adiantava discutir com a mãe; ela ganhava sempre.',
    '— Eu vou à festa — disse o Pedro.',
    '— Vais depois do jantar — disse a mãe.',
    '— Está bem — disse Pedro.',
  ].join('\n\n'),
);

const FATHER = chapters(
  'pt',
  [
    'Rosa sorriu. Não adiantava discutir com o pai; ela sabia esperar.',
    '— Eu vou à festa — disse Rosa.',
    '— Vais depois do jantar — disse o pai.',
    '— Está bem — disse Rosa.',
  ].join('\n\n'),
);

describe('a pronoun after a name and a role', () => {
  it('gives no vote past a speaking role of the same gender', () => {
    expect(castOf(MOTHER).one('Pedro')?.gender).toBe('male');
  });

  it('still votes past a speaking role of the other gender', () => {
    expect(castOf(FATHER).one('Rosa')?.gender).toBe('female');
  });

  it(
    'reads a megabyte of roles and names in one pass over the chapter',
    async () => {
      const start = process.cpuUsage();
      const scene =
        'Pedro suspirou com a mãe; ela ganhava. — Sim — disse a mãe. — Pois — disse Pedro. — Não — disse a velha criada. ' +
        'Rosa olhou para o pai e para o velho criado. — Talvez — disse o pai.\n\n';
      const { one } = castOf(chapters('pt', scene.repeat(Math.ceil(1_000_000 / scene.length))));
      expect(one('Pedro')).toBeDefined();
      expect(one('Pedro')?.gender).not.toBe('female');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
