/**
 * Forms of address among brothers (docs/characters.md, *Who is who*): the eldest son is "Mr. <surname>", a younger
 * one "Mr. <given name>" and "Mr. <given name> <surname>". Where the book calls a man by his title and given name
 * alone, his full name with the title is not the family name's "Mr.": the brothers stay two.
 */
import { chapters, castOf } from './smallBooks';

const BROTHERS = chapters(
  'en',
  [
    'Mr. Hale farmed the land his father had left him. Mr. Robert Hale, his brother, had been a soldier.',
    '',
    '"You will not sell the field," said Mr. Robert Hale.',
    '',
    '"I have not been asked," said Mr. Hale.',
    '',
    '"Then I ask you now," said Mr. Robert. "Do not sell it."',
  ].join('\n'),
  [
    '"The field floods every winter," said Mr. Hale.',
    '',
    '"And every spring it is full of birds," said Robert.',
    '',
    'Mr. Hale looked away, and Robert Hale went home.',
  ].join('\n'),
);

/** One man written with and without his given name, and never "Mr. <given name>" alone: one person. */
const ONE_MAN = chapters(
  'en',
  [
    'Mr. Robert Hale farmed the land his father had left him.',
    '',
    '"You will not sell the field," said Nell.',
    '',
    '"I have not been asked," said Mr. Hale.',
    '',
    '"Then I ask you now," said Nell. "Do not sell it, Mr. Hale."',
  ].join('\n'),
);

describe('brothers called by their title', () => {
  it('keeps "Mr. Hale" apart from "Mr. Robert Hale" when the book also calls the younger "Mr. Robert"', () => {
    const { one, named } = castOf(BROTHERS);
    const elder = one('Mr. Hale');
    const younger = one('Mr. Robert Hale');
    expect(elder).toBeDefined();
    expect(younger).toBeDefined();
    expect(elder).not.toBe(younger);
    expect(named('Mr. Hale')).toHaveLength(1);
    expect([younger.name, ...younger.aliases]).toEqual(expect.arrayContaining(['Mr. Robert', 'Robert']));
    expect(younger).toMatchObject({ gender: 'male', dialogueLineCount: 3 });
    expect(elder).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
  });

  it('still reads "Mr. Robert Hale" as "Mr. Hale" when nothing calls him "Mr. Robert"', () => {
    const { one } = castOf(ONE_MAN);
    expect(one('Mr. Hale')).toBe(one('Mr. Robert Hale'));
  });
});
