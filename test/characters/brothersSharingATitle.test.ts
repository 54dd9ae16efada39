/**
 * Brothers written with one title and surname and two given names (docs/characters.md, *Who is who*): "Mr. Harold
 * Pym" and "Mr. Hugh Pym" are two men, and "Mr. Pym" alone is either of them, so neither full name takes it.
 */
import { chapters, castOf } from './smallBooks';

const TWINS = chapters(
  'en',
  [
    'The twins were clerks at the same office. Mr. Harold Pym began every quarrel and Mr. Hugh Pym finished it.',
    '',
    '"It was a four," said Harold.',
    '',
    '"It was a seven," said Hugh. "Ask anyone."',
    '',
    '"I don\'t mark your sums, Mr. Pym," said Nell. "Either of you."',
    '',
    '"Then I shall ask the Colonel," said Harold.',
    '',
    '"He will say it was a seven," said Hugh.',
  ].join('\n'),
);

/** One man written with his given name and without: "Mr. Pym" is him. */
const ONE_MAN = chapters(
  'en',
  [
    'Mr. Harold Pym was a clerk at the shipping office.',
    '',
    '"It was a four," said Harold.',
    '',
    '"I don\'t mark your sums, Mr. Pym," said Nell.',
    '',
    '"Then I shall ask the Colonel," said Mr. Pym.',
  ].join('\n'),
);

describe('brothers sharing a title and a surname', () => {
  it('keeps "Mr. Harold Pym" and "Mr. Hugh Pym" apart, and gives "Mr. Pym" to neither', () => {
    const { one } = castOf(TWINS);
    const harold = one('Harold');
    const hugh = one('Hugh');
    expect(harold).toBeDefined();
    expect(hugh).toBeDefined();
    expect(harold).not.toBe(hugh);
    expect([harold.name, ...harold.aliases]).toContain('Mr. Harold Pym');
    expect([hugh.name, ...hugh.aliases]).toContain('Mr. Hugh Pym');
    for (const brother of [harold, hugh]) expect([brother.name, ...brother.aliases]).not.toContain('Mr. Pym');
    expect(harold.gender).toBe('male');
    expect(hugh.gender).toBe('male');
  });

  it('still reads "Mr. Pym" as the one "Mr. Harold Pym" of the book', () => {
    const { one } = castOf(ONE_MAN);
    expect(one('Mr. Pym')).toBe(one('Harold'));
  });
});
