/**
 * A noun of one sex right before an English name says the person's gender ("her daughter Sam", "the widow Morgan"),
 * as the article does in Spanish and Portuguese; not when the name is a possessor ("the girl Alex's book" is the
 * girl's book, and the girl may be someone else). Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const DAUGHTER = chapters(
  'en',
  [
    'Mrs. Grey sat by the fire with her daughter Sam, and the kettle sang.',
    '',
    '"Is it snowing?" asked Sam.',
    '',
    '"Not yet," said Mrs. Grey.',
    '',
    '"Then I shall go out," said Sam.',
  ].join('\n'),
);

const POSSESSOR = chapters(
  'en',
  [
    'Mrs. Grey picked up the girl Alex’s book from the floor.',
    '',
    '"Is it snowing?" asked Alex.',
    '',
    '"Not yet," said Mrs. Grey.',
    '',
    '"Then I shall go out," said Alex.',
  ].join('\n'),
);

describe('a noun of one sex before an English name', () => {
  it('gives the name its gender', () => {
    expect(castOf(DAUGHTER).one('Sam')?.gender).toBe('female');
  });

  it('says nothing of a possessor', () => {
    expect(castOf(POSSESSOR).one('Alex')?.gender).not.toBe('female');
  });
});
