/**
 * Forms of address in a family of sisters: the eldest is "Miss <surname>", each younger one "Miss <given name>"; a
 * man's title and a married woman's name other people of the family.
 */
import { chapters, castOf } from './smallBooks';

const SISTERS = chapters(
  'en',
  [
    'Mr. Walter Hale had two daughters. Miss Anne Hale kept the accounts; Miss Rose Hale kept nothing at all.',
    '',
    '"The Lintons are come back," said Mrs. Hale.',
    '',
    '"Then we shall call," said Mr. Hale.',
    '',
    'Miss Hale looked up from her letters. "Not before we are asked, Mamma."',
    '',
    '"Is he handsome?" asked Miss Rose.',
    '',
    '"Rose!" said Miss Hale.',
    '',
    '"I only asked," said Miss Rose. "Somebody must."',
    '',
    '"You are very good, Miss Hale," said Hale.',
  ].join('\n'),
);

/** The same family where both sisters are called by their given names: nothing says which is "Miss Hale". */
const SISTERS_BOTH_BY_GIVEN_NAME = chapters(
  'en',
  [
    'Miss Anne Hale kept the accounts; Miss Rose Hale kept nothing at all.',
    '',
    '"Is he handsome?" asked Miss Rose.',
    '',
    '"Rose!" said Miss Anne.',
    '',
    '"Come in," said Miss Hale.',
  ].join('\n'),
);

describe('forms of address', () => {
  it('reads "Miss <surname>" as the one sister never called "Miss <given name>", the eldest', () => {
    const { one, named } = castOf(SISTERS);
    const eldest = one('Miss Hale');
    expect([eldest.name, ...eldest.aliases]).toContain('Miss Anne Hale');
    expect([eldest.name, ...eldest.aliases]).not.toContain('Miss Rose');
    expect(named('Miss Hale')).toHaveLength(1);
  });

  it('keeps the father, his bare surname and the mother apart from the daughters', () => {
    const { one } = castOf(SISTERS);
    const father = one('Mr. Hale');
    expect([father.name, ...father.aliases]).toContain('Mr. Walter Hale');
    expect(one('Mrs. Hale')).not.toBe(father);
    expect(one('Mrs. Hale')).not.toBe(one('Miss Hale'));
    expect(father.gender).toBe('male');
  });

  it('leaves "Miss <surname>" apart when every sister is also called by her given name', () => {
    const { one } = castOf(SISTERS_BOTH_BY_GIVEN_NAME);
    const missHale = one('Miss Hale');
    expect([missHale.name, ...missHale.aliases]).not.toContain('Miss Anne Hale');
    expect([missHale.name, ...missHale.aliases]).not.toContain('Miss Rose Hale');
  });
});
