/**
 * A speaking role written with one person's possessive ("said Hale's nephew") and with the article ("said the
 * nephew") is one record when the book gives that noun to one possessor only; with two possessors ("Hale's wife",
 * "Reed's wife") "the wife" stays its own record. Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const ONE_POSSESSOR = chapters(
  'en',
  [
    'Old Hale sat by the fire when the door flew open.',
    '',
    '"A merry Christmas, uncle!" cried Hale\'s nephew.',
    '',
    '"Bah," said Hale. "Humbug."',
    '',
    '"Don\'t be cross, uncle!" said the nephew.',
    '',
    '"What else can I be?" said Hale.',
    '',
    '"Come and dine with us tomorrow," said the nephew.',
    '',
    '"Good afternoon," said Hale, and Hale\'s nephew went out laughing.',
  ].join('\n'),
);

const TWO_POSSESSORS = chapters(
  'en',
  [
    'Hale and Reed came home together from the market.',
    '',
    '"You are late," said Hale\'s wife.',
    '',
    '"The roads were bad," said Hale.',
    '',
    '"Sit down, both of you," said Reed\'s wife.',
    '',
    '"Supper is cold," said the wife.',
    '',
    '"Then we shall eat it cold," said Reed, and the wife laughed.',
    '',
    '"As you like," said the wife.',
  ].join('\n'),
);

describe('roles of one possessor', () => {
  it('joins the bare role to the one possessor’s role', () => {
    const { cast } = castOf(ONE_POSSESSOR);
    const nephews = cast.filter((character) =>
      [character.name, ...character.aliases].some((form) => /nephew/iu.test(form)),
    );
    expect(nephews).toHaveLength(1);
    expect(nephews[0].dialogueLineCount).toBe(3);
  });

  it('leaves the bare role alone when two people have one', () => {
    const { cast } = castOf(TWO_POSSESSORS);
    const wife = cast.find((character) => character.name.toLowerCase() === 'the wife');
    expect(wife).toBeDefined();
    expect(wife!.aliases.some((alias) => /['’]s wife/iu.test(alias))).toBe(false);
  });
});
