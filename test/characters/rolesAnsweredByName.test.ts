/**
 * A role of kinship the tags name ("disse o padrinho", "dijo el abuelo") whose line the next paragraph answers by
 * calling one person by name ("— Boa tarde, Firmino — disse a avó.") is that person: one record, the role an alias.
 * Never when the replies call two people, never a role that is no kin ("disse o homem"), and never the reply's own
 * speaker. A megabyte of tags and replies, and one paragraph of them, read in linear time.
 */
import { personsCalledInReplies } from '../../core/characters/rolesAnsweredByName';
import { cpuMsSince } from '../support/jestBudget';
import { castOf, chapters } from './smallBooks';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 5_000;
const HANG_LIMIT_MS = 180_000;

const GODFATHER = chapters(
  'pt',
  [
    'A família estava na sala. O seu Firmino Couto entrou com a Dona Benedita e o Tomás atrás; seu Firmino tinha',
    'uma venda na esquina, e todos conheciam o seu Firmino.',
    '',
    '— Com licença — disse o padrinho. — Boa tarde a todos.',
    '',
    '— Boa tarde, Firmino — disse a Dona Benedita. — Chegou a hora.',
    '',
    '— Chegou, sim senhora.',
    '',
    '— Então foi o senhor? — perguntou Tomás.',
    '',
    '— Fui eu — disse o padrinho.',
    '',
    'Ninguém disse nada. Firmino Couto sorriu para o Tomás.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'En la cocina estaban Ramón Gil y su nieta Lucía, que pelaba papas.',
    '',
    '—¿Ya llegó el cartero? —preguntó el abuelo.',
    '',
    '—Todavía no, Ramón —dijo Lucía.',
    '',
    '—Pues que llegue pronto —dijo el abuelo.',
  ].join('\n'),
);

const TWO_NAMES = chapters(
  'pt',
  [
    'Na venda estavam Firmino Couto, Bento Reis e a Dona Benedita.',
    '',
    '— Boa tarde — disse o padrinho.',
    '',
    '— Boa tarde, Firmino — disse a Dona Benedita.',
    '',
    '— Que calor — disse o padrinho.',
    '',
    '— Muito, Bento — disse a Dona Benedita.',
  ].join('\n'),
);

const NO_KIN = chapters(
  'pt',
  [
    'Na venda estavam Firmino Couto e a Dona Benedita.',
    '',
    '— Boa tarde — disse o homem.',
    '',
    '— Boa tarde, Firmino — disse a Dona Benedita.',
    '',
    '— Que calor — disse o homem.',
  ].join('\n'),
);

describe('a kin role answered by a name', () => {
  it('Portuguese: "disse o padrinho" answered "Boa tarde, Firmino" is Firmino Couto', () => {
    const { named, cast } = castOf(GODFATHER);
    expect(named('o padrinho').map((character) => character.name)).toEqual([named('Firmino Couto')[0]?.name]);
    expect(named('o padrinho')[0].dialogueLineCount).toBeGreaterThanOrEqual(2);
    expect(cast.filter((character) => /padrinho/iu.test(character.name))).toHaveLength(0);
  });

  it('Spanish: "dijo el abuelo" answered "Todavía no, Ramón" is Ramón Gil', () => {
    const { named } = castOf(SPANISH);
    expect(named('el abuelo').map((character) => character.name)).toEqual([expect.stringMatching(/Ramón/u)]);
  });

  it('replies calling two people leave the role apart', () => {
    const { named } = castOf(TWO_NAMES);
    expect(named('o padrinho').map((character) => character.name)).toEqual(['O padrinho']);
  });

  it('a role of no kinship is not folded by a reply', () => {
    const { named } = castOf(NO_KIN);
    expect(named('o homem').map((character) => character.name)).toEqual(['O homem']);
  });

  it(
    'reads a megabyte of tags and replies, and one paragraph of them, in linear time',
    async () => {
      const start = process.cpuUsage();
      const scene = '— Sim — disse o padrinho.\n\n— Sim, Firmino — disse a Dona Benedita.\n\n';
      const text = scene.repeat(1_000_000 / scene.length);
      const places = (word: string, within: string) => [...within.matchAll(new RegExp(word, 'gu'))].map((m) => m.index);
      const names = (within: string) =>
        places('Firmino', within).map((place) => ({ place, end: place + 7, person: 'f' }));
      const speakers = (within: string) => places('Dona Benedita', within).map((place) => ({ place, person: 'b' }));
      const roles = places('o padrinho', text);
      const called = personsCalledInReplies(text, roles, names(text), speakers(text));
      expect(called.filter((person) => person === 'f')).toHaveLength(roles.length);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const paragraph = `— Sim, Firmino${' — disse o padrinho. — Sim, Firmino — disse a Dona Benedita'.repeat(1_000_000 / 55)}`;
      const twoParagraphs = `${paragraph}\n\n${paragraph}`;
      const inOne = personsCalledInReplies(
        twoParagraphs,
        places('o padrinho', twoParagraphs),
        names(twoParagraphs),
        speakers(twoParagraphs),
      );
      // The first paragraph's tags are answered by the second, whose own tags have no reply.
      expect(inOne.filter((person) => person === 'f')).toHaveLength(inOne.length / 2);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
