/**
 * Colloquial titles before a given name say the person's gender as the formal ones do: Brazilian "Sinhá Joana"
 * (senhora) and "sinhá Joana" are a woman, one record with the bare "Joana". A small book in Portuguese.
 */
import { chapters, castOf } from './smallBooks';

const PORTUGUESE = chapters(
  'pt',
  [
    'Na venda da esquina estava Sinhá Joana, com o tabuleiro de doces.',
    '',
    '— Quanto custa a cocada? perguntou o Tonico.',
    '',
    '— Um vintém, disse Sinhá Joana.',
    '',
    '— É caro, respondeu o Tonico.',
    '',
    '— Caro é o açúcar, disse sinhá Joana, e virou-lhe as costas.',
    '',
    '— Então dê duas, disse o Tonico, e Joana riu.',
  ].join('\n'),
);

describe('colloquial titles', () => {
  it('reads "Sinhá" before a given name as a woman’s title (pt)', () => {
    const { one, named } = castOf(PORTUGUESE);
    const joana = one('Joana') ?? one('Sinhá Joana');
    expect(joana?.gender).toBe('female');
    expect(new Set([...named('Joana'), ...named('Sinhá Joana')]).size).toBe(1);
  });
});
