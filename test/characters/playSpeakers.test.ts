/**
 * A play's cast: the labels opening its speeches are its characters, matched to the list of persons, whose
 * description gives their gender; a novel with an upper-case word opening a few paragraphs gains no one from it.
 */
import { chapters, castOf } from './smallBooks';

const PLAY = chapters(
  'en',
  ['DRAMATIS PERSONAE', '', 'OSWIN, a ferryman', 'BRIDA, his sister', 'A WATCHMAN', 'THE STRANGER'].join('\n'),
  [
    '[Enter OSWIN, then THE STRANGER; she shuts the door.]',
    '',
    'OSWIN. The river is high tonight.',
    '',
    'BRIDA. Then we stay on this bank.',
    '',
    'A WATCHMAN: Who goes there?',
    '',
    'OSWIN. Only the ferryman, friend.',
    '',
    'THE STRANGER. And a passenger.',
  ].join('\n'),
);

describe('the speakers of a play', () => {
  it('every label is a character, with the lines it speaks and the gender its description or a pronoun in a stage direction gives', () => {
    const { one } = castOf(PLAY);
    expect(one('Oswin')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    expect(one('Brida')).toMatchObject({ gender: 'female', dialogueLineCount: 1, description: 'his sister' });
    expect(one('A Watchman')).toMatchObject({ gender: 'male', aliases: ['A WATCHMAN'] });
    // The list of persons says nothing of her; the pronoun after her name in a stage direction does.
    expect(one('The Stranger')).toMatchObject({ gender: 'female', dialogueLineCount: 1 });
  });

  it('a novel with upper-case openings gains no character from them', () => {
    const novel = chapters(
      'en',
      [
        'NOTE. This edition follows the first.',
        '',
        'WARNING. The bridge was out, the sign said.',
        '',
        'CAUTION. Another sign, further on.',
        '',
        'Oswin walked past the signs and down to the river, where the ferry waited.',
        '',
        'He untied the rope and pushed off, and the current took the boat at once.',
        '',
        'On the far bank a light was burning in the watch house.',
      ].join('\n'),
    );
    const { named } = castOf(novel);
    expect(named('Note')).toEqual([]);
    expect(named('Warning')).toEqual([]);
  });
});
