/**
 * A name with a second capital after a short prefix ("McCarthy", "MacDonald", "DeWitt", "FitzGerald") is one word
 * of a name, not its prefix ("Mc") followed by something unreadable. Small books written for the purpose.
 */
import { findMentions } from '../../core/characters/mentions';
import { chapters, castOf } from './smallBooks';

const BOOK = chapters(
  'en',
  [
    'Mr. James McCarthy came to the door of the farm, and MacDonald the groom came behind him.',
    '',
    '"Good evening," said Mr. McCarthy.',
    '',
    '"Good evening to you," said Holmes.',
    '',
    '"We cannot stay long," said Mr. McCarthy.',
    '',
    '"The horses are ready," said MacDonald. "They are fed," said MacDonald again.',
  ].join('\n'),
);

describe('names with a capital inside', () => {
  it('reads the whole word as one token of a name', () => {
    const tokens = findMentions('Mr. James McCarthy met DeWitt and FitzGerald.', 'en').map((m) => m.form.tokens);
    expect(tokens).toEqual([['James', 'McCarthy'], ['DeWitt'], ['FitzGerald']]);
  });

  it('casts the person under the whole name, with the lines tagged by it', () => {
    const { one } = castOf(BOOK);
    expect(one('Mr. McCarthy')).toBeDefined();
    expect(one('Mr. McCarthy').aliases).toContain('Mr. James McCarthy');
    expect(one('Mr. McCarthy').dialogueLineCount).toBe(2);
    expect(one('MacDonald').dialogueLineCount).toBe(2);
  });
});
