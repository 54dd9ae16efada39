/**
 * A role the narration says one person holds ("Vasconcelos, o advogado da família,", "The lawyer, Mr. Crane,",
 * "Crane was the lawyer.") names that person in a tag ("disse o advogado"), even when the role speaks too seldom for
 * detection to keep a record of it; a role stated of two people names neither, and kinship names nobody.
 */
import { statedRoles } from '../../core/characters/attribution/statedRoles';
import { attributedDialogue, person } from './chapterFixture';
import { cpuMsSince } from '../support/jestBudget';

/** Far above a linear read of the hostile inputs, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

describe('a role the narration states of one person', () => {
  it('Portuguese: "Vasconcelos, o advogado da família," makes "disse o advogado" his line, heard without review', () => {
    const cast = [person('vasconcelos', 'Vasconcelos', 'male'), person('rosa', 'Tia Rosa', 'female', ['Rosa'])];
    const text = [
      'Vasconcelos, o advogado da família, chegou às dez horas. A tia Rosa fechou a porta atrás dele.',
      '— Bom dia, minha senhora — disse o advogado.',
      '— Bom dia. Sente-se.',
      '— Obrigado.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    expect(lines.map((line) => line.speakerId)).toEqual(['vasconcelos', 'rosa', 'vasconcelos']);
    expect(lines[0].confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('English: "The lawyer, Mr. Crane," and "Crane was the lawyer." both name him', () => {
    const cast = [person('crane', 'Mr. Crane', 'male', ['Crane']), person('ruth', 'Ruth', 'female')];
    for (const statement of [
      'The lawyer, Mr. Crane, came in out of the rain. Ruth took his hat.',
      'Mr. Crane came in out of the rain. Crane was the lawyer. Ruth took his hat.',
    ]) {
      const text = [statement, '"Good evening," said the lawyer.', '"Good evening. Sit down."'].join('\n\n');
      const lines = attributedDialogue(text, cast, 'en');
      expect(lines.map((line) => line.speakerId)).toEqual(['crane', 'ruth']);
      expect(lines[0].confidence).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('a role stated of two people names neither', () => {
    const cast = [person('crane', 'Crane', 'male'), person('pike', 'Pike', 'male'), person('ruth', 'Ruth', 'female')];
    const roles = statedRoles(cast, ['Crane was the lawyer of the family. Pike was the lawyer of the bank.'], 'en');
    expect(roles.has('lawyer')).toBe(false);
    const one = statedRoles(cast, ['Crane was the lawyer of the family. Pike was the clerk of the bank.'], 'en');
    expect(Object.fromEntries(one)).toEqual({ lawyer: 'crane', clerk: 'pike' });
  });

  it('kinship, ties and a word set beside a name without an article name no role', () => {
    const cast = [person('tomas', 'Tomás', 'male'), person('ze', 'Zé', 'male'), person('zulmira', 'Zulmira', 'female')];
    const narration = [
      'O Tomás, o filho mais velho, entrou. Zulmira, a comadre da vizinha, veio atrás. O Zé, esbaforido, chegou por último.',
    ];
    expect(statedRoles(cast, narration, 'pt').size).toBe(0);
  });

  it(
    'reads a megabyte of names and statements in linear time',
    async () => {
      const start = process.cpuUsage();
      const cast = [person('crane', 'Mr. Crane', 'male', ['Crane']), person('ruth', 'Ruth', 'female')];
      const statements = 'Crane was the the the lawyer, Mr. Crane, the a an the '.repeat(20_000);
      const articles = `Crane, ${'the '.repeat(250_000)}lawyer.`;
      const pronouns = `Mr. Crane.${' He was the'.repeat(90_000)} lawyer.`;
      expect(statedRoles(cast, [statements, articles, pronouns], 'en').get('lawyer')).toBe('crane');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
