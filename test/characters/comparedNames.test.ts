/**
 * A name after "than" is what someone is compared with, not the subject: the pronoun after it is about the one
 * compared ("Harry Cole was a year older than Meg, and he had been…"), so it casts no vote for the name.
 */
import { castOf, chapters } from './smallBooks';

const SISTER = chapters(
  'en',
  [
    'Meg was two years older than I, and since our mother died she had kept house for us all.',
    '',
    'Harry Cole came in at six. He was a fair man, a year or two older than Meg, and he had been the best swimmer in',
    'the village.',
    '',
    '"Sit down, Harry," said Meg.',
    '',
    '"I will not stay," said Harry Cole.',
  ].join('\n'),
);

describe('a name compared with', () => {
  it('"older than Meg, and he…" casts no vote for Meg', () => {
    const { named } = castOf(SISTER);
    expect(named('Meg').map((character) => character.gender)).toEqual(['female']);
  });
});
