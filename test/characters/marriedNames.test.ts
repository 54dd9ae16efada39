/**
 * A married name joins the maiden name only where the text states it: "Miss Margaret Ellis became Mrs. Fenwick",
 * "Mrs. Fenwick, née Ellis". Two women who merely share a surname ("Miss Jane Fenwick" beside "Mrs. Fenwick") stay
 * two people, and "Mrs. Fenwick became …" never renames a married woman after another.
 */
import { castOf, chapters } from './smallBooks';

const scene = (statement: string) =>
  chapters(
    'en',
    [
      `Miss Margaret Ellis came to the Rectory as governess in the spring. ${statement}`,
      '',
      '"You are late," said Miss Ellis to the children.',
      '',
      '"We are never late," said Harry.',
      '',
      '"The tea is cold," said Mrs. Fenwick, and she rang for more.',
      '',
      '"Then drink it cold, Margaret," said Harry.',
    ].join('\n'),
  );

describe('a married name the text states', () => {
  it('"Miss Margaret Ellis became Mrs. Fenwick" makes them one woman', () => {
    const { named } = castOf(scene('Miss Margaret Ellis became Mrs. Fenwick in the June of the next year.'));
    expect(named('Mrs. Fenwick')).toHaveLength(1);
    expect(named('Mrs. Fenwick')).toEqual(named('Miss Ellis'));
  });

  it('"Mrs. Fenwick, née Ellis" makes them one woman', () => {
    const { named } = castOf(scene('Everyone now called her Mrs. Fenwick, née Ellis, and she did not mind.'));
    expect(named('Mrs. Fenwick')).toHaveLength(1);
    expect(named('Mrs. Fenwick')).toEqual(named('Miss Ellis'));
  });

  it('a shared surname without such a statement joins nothing', () => {
    const { named } = castOf(scene('Miss Jane Fenwick met her at the gate, and Mrs. Fenwick waved from the window.'));
    expect(named('Mrs. Fenwick')).toHaveLength(1);
    expect(named('Miss Ellis')).toHaveLength(1);
    expect(named('Mrs. Fenwick')).not.toEqual(named('Miss Ellis'));
  });
});
