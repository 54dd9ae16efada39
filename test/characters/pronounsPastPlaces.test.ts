/**
 * A pronoun after a name votes for it up to the next name of someone: a place ("at Lydd", "em Lisboa") takes no "he"
 * or "she", so the pronoun after it is still about the person named before. A person's name in between still takes
 * the pronoun. Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const lines = (name: string) => ['', `"Good morning," said ${name}.`, '', `"Good evening," said ${name}.`];

const PLACE = chapters(
  'en',
  ['Betsy had come from the workhouse at Lydd with one frock. She was fifteen.', ...lines('Betsy')].join('\n'),
);

const TWO_WORD_PLACE = chapters(
  'en',
  [
    'Mr. Tresham farmed the land. Dr. Lamb had been the doctor at Old Romney for thirty years. He sat by the fire.',
    ...lines('Dr. Lamb'),
    '',
    '"Good night," said Mr. Tresham.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Didi foi morar em Lisboa com a tia. Ela tinha quinze anos.',
    '',
    '— Bom dia, disse Didi.',
    '',
    '— Boa noite, disse Didi.',
  ].join('\n'),
);

const PERSON_BETWEEN = chapters(
  'en',
  ['Sam met Tom at the gate. He was fifteen.', ...lines('Sam'), '', '"Hello," said Tom.'].join('\n'),
);

describe('pronouns after places', () => {
  it.each([
    ['a place (en)', PLACE, 'Betsy', 'female'],
    ['a place of two words (en)', TWO_WORD_PLACE, 'Dr. Lamb', 'male'],
    ['a place (pt)', PORTUGUESE, 'Didi', 'female'],
  ])('still vote for the person named before %s', (_case, book, name, gender) => {
    expect(castOf(book).one(name)?.gender).toBe(gender);
  });

  it('stop at the name of another person', () => {
    expect(castOf(PERSON_BETWEEN).one('Sam')?.gender).toBe('unknown');
  });
});
