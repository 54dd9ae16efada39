/**
 * A sentence that says who a named person is with the past of "to be" ("O Juca era o velho jardineiro que…", "El
 * Tuerto era el hortelano.", "Hale was the blacksmith of the village.") names the role: "disse o jardineiro" is that
 * person; Spanish and Portuguese may leave the office without its article ("era tabelião em Lamego"). Kinship and ranking words ("era o filho do moleiro", "era o mais velho") name no role. Small books written
 * for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const scene = (intro: string, name: string, role: string, other: string, language: 'pt' | 'es' | 'en') => {
  const [said, answered] = { pt: ['disse', 'respondeu'], es: ['dijo', 'respondió'], en: ['said', 'answered'] }[
    language
  ];
  const dash = (line: string, tag: string) => (language === 'en' ? `"${line}," ${tag}.` : `— ${line} — ${tag}.`);
  return chapters(
    language,
    [
      intro,
      '',
      `${other} ${language === 'en' ? 'came in.' : language === 'es' ? 'entró en la casa.' : 'entrou na sala.'}`,
      '',
      dash('Bom dia', `${said} ${role}`),
      '',
      dash('Bom dia', `${answered} ${other}`),
      '',
      dash('Adeus', `${said} ${name}`),
    ].join('\n'),
  );
};

describe('a role the narration gives a name with "era" / "was"', () => {
  it('Portuguese: "O Juca era o velho jardineiro que…" makes "disse o jardineiro" Juca', () => {
    const { named, cast } = castOf(
      scene(
        'O Juca chegou cedo. O Juca era o velho jardineiro que cuidava das rosas.',
        'Juca',
        'o jardineiro',
        'Pedro Lima',
        'pt',
      ),
    );
    expect(named('o jardineiro').map((character) => character.name)).toEqual(['Juca']);
    expect(cast.filter((character) => /jardineiro/iu.test(character.name))).toHaveLength(0);
  });

  it('Spanish: "Blas era el hortelano." makes "dijo el hortelano" Blas', () => {
    const { named } = castOf(
      scene('Blas vino del río. Blas era el hortelano.', 'Blas', 'el hortelano', 'Pedro Gil', 'es'),
    );
    expect(named('el hortelano').map((character) => character.name)).toEqual(['Blas']);
  });

  it('English: "Hale was the blacksmith of the village." makes "said the blacksmith" Hale', () => {
    const { named } = castOf(
      scene(
        'Hale lived by the bridge. Hale was the blacksmith of the village.',
        'Hale',
        'the blacksmith',
        'Tom Reed',
        'en',
      ),
    );
    expect(named('the blacksmith').map((character) => character.name)).toEqual(['Hale']);
  });

  it('Portuguese and Spanish: an office without its article ("O Dr. Falcão era tabelião em Lamego") names the role', () => {
    const pt = castOf(
      scene(
        'O Dr. Anselmo Falcão era tabelião em Lamego havia trinta anos.',
        'Dr. Falcão',
        'o tabelião',
        'Pedro Lima',
        'pt',
      ),
    );
    expect(pt.named('o tabelião').map((character) => character.name)).toEqual([expect.stringMatching(/Falcão$/u)]);
    const es = castOf(
      scene('Don Ramón Gil era notario en Toledo desde joven.', 'Don Ramón', 'el notario', 'Pedro Ruiz', 'es'),
    );
    expect(es.named('el notario').map((character) => character.name)).toEqual(['Don Ramón Gil']);
  });

  it('kinship and ranking words name no role', () => {
    const kin = castOf(
      scene('O Juca chegou cedo. O Juca era o filho do moleiro.', 'Juca', 'o filho', 'Pedro Lima', 'pt'),
    );
    expect(kin.named('o filho').map((character) => character.name)).not.toContain('Juca');
    const rank = castOf(scene('O Juca chegou cedo. O Juca era o mais velho.', 'Juca', 'o velho', 'Pedro Lima', 'pt'));
    expect(rank.named('o velho').map((character) => character.name)).not.toContain('Juca');
  });

  it('English: "The gentleman was Simon Crane. He was the lawyer who…" makes "said the lawyer" Crane', () => {
    const { named } = castOf(
      scene(
        'The bell rang. The gentleman at the door was Simon Crane. He was the lawyer who kept the papers.',
        'Crane',
        'the lawyer',
        'Tom Reed',
        'en',
      ),
    );
    expect(named('the lawyer').map((character) => character.name)).toEqual(['Simon Crane']);
  });

  it('Portuguese: "…e entrou o Juca. Era o velho jardineiro que…" makes "disse o jardineiro" Juca', () => {
    const { named } = castOf(
      scene(
        'Bateram à porta, e entrou o Juca. Era o velho jardineiro que cuidava das rosas.',
        'Juca',
        'o jardineiro',
        'Pedro Lima',
        'pt',
      ),
    );
    expect(named('o jardineiro').map((character) => character.name)).toEqual(['Juca']);
  });

  it('the pronoun is read only when the name is the one name of its sentence', () => {
    const { named } = castOf(
      scene(
        'Mr. Tom Reed shook hands with Simon Crane. He was the lawyer who kept the papers.',
        'Crane',
        'the lawyer',
        'Tom Reed',
        'en',
      ),
    );
    expect(named('the lawyer').map((character) => character.name)).not.toContain('Simon Crane');
  });

  it('the name must open its sentence: "Viu que o Juca era o jardineiro" is not read', () => {
    const { named } = castOf(
      scene('Pedro Lima viu que o Juca era o jardineiro.', 'Juca', 'o jardineiro', 'Pedro Lima', 'pt'),
    );
    expect(named('o jardineiro').map((character) => character.name)).not.toContain('Juca');
  });
});
