/**
 * Brazilian "seu" before a given name is a title ("seu Juvêncio", the colloquial senhor): the person is found, is a
 * man and speaks under that name, and is the bare "Juvêncio". The same word as the possessive ("seu livro", "o seu
 * chapéu") opens no name, because no capitalised word follows it. Both in one small book.
 */
import { castOf, chapters } from './smallBooks';

const FARM = chapters(
  'pt',
  [
    'No sítio moravam seu Juvêncio e dona Candinha. Seu Juvêncio guardava o seu livro de contas na gaveta, e dona',
    'Candinha guardava o seu dinheiro debaixo do colchão.',
    '',
    '— Boa tarde, seu Juvêncio. O senhor viu o seu cavalo?',
    '',
    '— Vi, sim — disse seu Juvêncio, e abriu o seu livro. — Está no pasto.',
    '',
    '— E o seu chapéu? — perguntou dona Candinha.',
    '',
    '— Está na cabeça, mulher — respondeu Juvêncio.',
  ].join('\n'),
);

describe('"seu" before a given name', () => {
  it('is a title: seu Juvêncio is found once, a man who speaks, also the bare "Juvêncio"', () => {
    const { named } = castOf(FARM);
    const records = named('seu Juvêncio');
    expect(records).toHaveLength(1);
    expect(records[0].gender).toBe('male');
    expect(records[0].dialogueLineCount).toBeGreaterThanOrEqual(2);
    expect(named('Juvêncio')).toEqual(records);
  });

  it('the possessive before a common noun names nobody', () => {
    const { cast } = castOf(FARM);
    const names = cast.flatMap((character) => [character.name, ...character.aliases]);
    expect(names.filter((name) => /livro|cavalo|chapéu|dinheiro/iu.test(name))).toEqual([]);
    expect(
      cast
        .filter((character) => character.id !== 'narrator')
        .map((character) => character.name)
        .sort(),
    ).toEqual(['Dona Candinha', 'Seu Juvêncio'].sort());
  });
});
