/**
 * A compound noun in an apposition after an English name gives its gender by its last part ("Susan, the
 * kitchen-maid,", "Tom, the ferry-man,"): the scene has no pronoun for either, so the apposition is all there is.
 */
import { castOf, chapters } from './smallBooks';

const KITCHEN = chapters(
  'en',
  [
    'Susan, the kitchen-maid, came in with the pudding. Tom, the ferry-man, came after with the cream.',
    '',
    '"Is it the plum one, Susan?" asked Harry.',
    '',
    '"It is the only one, sir," said Susan.',
    '',
    '"And the cream is mine," said Tom.',
  ].join('\n'),
);

describe('a compound noun in apposition', () => {
  it('"Susan, the kitchen-maid," is a woman and "Tom, the ferry-man," a man', () => {
    const { named } = castOf(KITCHEN);
    expect(named('Susan').map((character) => character.gender)).toEqual(['female']);
    expect(named('Tom').map((character) => character.gender)).toEqual(['male']);
  });
});
