/**
 * Speech tags outside dialogue (docs/characters.md, *Who counts as a character*): "The postmark said Leeds" names
 * what a thing said, and "Tobias sighed and rolled over" in a paragraph of narration alone reports no line.
 */
import { findAttributions } from '../../core/characters/mentions';

const speakers = (text: string) => findAttributions(text, 'en').map(({ form }) => form.tokens.join(' '));

describe('speech tags outside dialogue', () => {
  it('reads no speaker after a noun that is the verb\'s subject ("The postmark said Leeds")', () => {
    expect(speakers('The letter came without an address. The postmark said Leeds, and the paper was good.')).toEqual(
      [],
    );
    expect(speakers('"It came from the north," said Leeds.')).toEqual(['Leeds']);
  });

  it('reads no "<Name> sighed" in a paragraph that quotes nobody', () => {
    expect(speakers('Nobody spoke for a moment. Tobias sighed and rolled over.\n\n"Well," said Nell.')).toEqual([
      'Nell',
    ]);
    expect(speakers('"Oh dear," Tobias sighed, and rolled over.')).toEqual(['Tobias']);
  });
});
