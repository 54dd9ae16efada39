/**
 * A parent the tags call by a kin word ("disse o pai", "dijo la madre") is the named speaker whose line the next
 * line answers with that kin word ("— … — disse Artur. / — Sim, pai."): one record, the role an alias. Never when
 * the replies call two people so, and never from a third-person address ("O pai vai lá"). Small books in
 * Portuguese and Spanish, and a megabyte of tags and replies read in linear time.
 */
import { kinRolesAnswering } from '../../core/characters/rolesKinAddressed';
import { cpuMsSince } from '../support/jestBudget';
import { chapters, castOf } from './smallBooks';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 5_000;
const HANG_LIMIT_MS = 180_000;

const PORTUGUESE = chapters(
  'pt',
  [
    'A família esperava na sala. Artur Meireles lia o jornal e a Teresa olhava pela janela.',
    '',
    '— E o Henrique? — perguntou o pai.',
    '',
    '— Deve estar a chegar.',
    '',
    '— A quinta é minha — disse Artur. — Eu era o único irmão.',
    '',
    '— Sim, pai.',
    '',
    '— Não me respondas nesse tom — disse o pai.',
    '',
    '— Pronto — disse a Teresa.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'La familia esperaba en el comedor. Doña Rosa Gil cosía junto a la ventana y Pablo leía.',
    '',
    '—¿Ha llegado la carta? —preguntó la madre.',
    '',
    '—Todavía no.',
    '',
    '—Pues que llegue pronto —dijo Doña Rosa.',
    '',
    '—Madre, no se preocupe usted.',
    '',
    '—Me preocupo lo que quiero —dijo la madre.',
    '',
    '—Bueno —dijo Pablo.',
  ].join('\n'),
);

const TWO_FATHERS = chapters(
  'pt',
  [
    'Artur Meireles e Jorge Sousa esperavam na sala com os filhos, a Teresa e o Rui.',
    '',
    '— Já são horas — disse o pai.',
    '',
    '— A quinta é minha — disse Artur.',
    '',
    '— Sim, pai.',
    '',
    '— E a minha também — disse Jorge.',
    '',
    '— Claro, pai.',
    '',
    '— Vamos embora — disse o pai.',
    '',
    '— Vamos — disse a Teresa.',
    '',
    '— Pronto — disse o Rui.',
  ].join('\n'),
);

const THIRD_PERSON = chapters(
  'pt',
  [
    'A família esperava na sala. Artur Meireles lia o jornal e a Teresa olhava pela janela.',
    '',
    '— E o Henrique? — perguntou o pai.',
    '',
    '— A quinta é minha — disse Artur.',
    '',
    '— O pai vai lá às vindimas.',
    '',
    '— Vou — disse o pai.',
    '',
    '— Pronto — disse a Teresa.',
  ].join('\n'),
);

describe('a kin role answered by its kin word after a named tag', () => {
  it('Portuguese: "— … — disse Artur. / — Sim, pai." makes "disse o pai" Artur', () => {
    const { named, cast } = castOf(PORTUGUESE);
    expect(named('o pai').map((character) => character.name)).toEqual(['Artur Meireles']);
    expect(cast.filter((character) => /pai/iu.test(character.name))).toHaveLength(0);
  });

  it('Spanish: "—… —dijo Doña Rosa. / —Madre, …" makes "dijo la madre" Doña Rosa', () => {
    const { named } = castOf(SPANISH);
    expect(named('la madre').map((character) => character.name)).toEqual([expect.stringMatching(/Rosa/u)]);
  });

  it('two speakers answered "pai" leave the role apart', () => {
    const { named } = castOf(TWO_FATHERS);
    expect(named('o pai').map((character) => character.name)).toEqual(['O pai']);
  });

  it('a third-person address ("O pai vai lá") calls nobody', () => {
    const { named } = castOf(THIRD_PERSON);
    expect(named('o pai').map((character) => character.name)).toEqual(['O pai']);
  });

  it(
    'reads a megabyte of tags and replies in linear time',
    async () => {
      const start = process.cpuUsage();
      const scene = '— Sim — disse Artur Meireles.\n\n— Sim, pai.\n\n— Não — disse o pai.\n\n';
      const text = scene.repeat(1_000_000 / scene.length);
      const tags: number[] = [];
      for (let at = text.indexOf('disse'); at >= 0; at = text.indexOf('disse', at + 1)) tags.push(at);
      const oneParagraph = `— Sim, pai${' — disse Artur'.repeat(1_000_000 / 14)}`;
      const everywhere = [...oneParagraph.matchAll(/disse/gu)].map((match) => match.index);
      const phrases = kinRolesAnswering(text, tags, 'pt');
      expect(phrases.filter((phrase) => phrase === 'o pai')).toHaveLength(tags.length / 2);
      expect(kinRolesAnswering(oneParagraph, everywhere, 'pt').every((phrase) => phrase === undefined)).toBe(true);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
