/**
 * A family in the plural after an article, a demonstrative or a numeral ("the two young Cratchits", "two smaller
 * Cratchits, boy and girl", "os dois Carvalhos") is nobody in particular: no record of its own, and no role folds into it.
 */
import { castOf, chapters } from './smallBooks';

const FAMILY = chapters(
  'en',
  [
    'Mrs. Cratchit laid the cloth, and Martha Cratchit was late. Two smaller Cratchits, boy and girl, came tearing',
    'in, and these young Cratchits danced about the table.',
    '',
    '"Here\'s Martha, mother!" cried the two young Cratchits.',
    '',
    '"We had a deal of work to finish," replied the girl, "and had to clear away this morning, mother!"',
    '',
    '"Well! Never mind so long as you are come," said Mrs. Cratchit.',
    '',
    '"There\'s father coming," said the girl.',
  ].join('\n'),
);

describe('families in the plural', () => {
  it('makes no record of a family after a numeral or a demonstrative, and folds no role into it', () => {
    const { cast, one } = castOf(FAMILY);
    expect(cast.some((c) => /Cratchits/u.test(c.name))).toBe(false);
    expect(one('The girl')).toMatchObject({ dialogueLineCount: 2 });
    expect(one('Mrs. Cratchit')).toMatchObject({ gender: 'female' });
  });
});
