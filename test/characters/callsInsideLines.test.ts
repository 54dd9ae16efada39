/**
 * Someone never named in a speech tag is still a person of the story when the lines call them by name inside the
 * line ("He is better, Sam, thank you.", "Nobody sees me, Sam. That is why…") at least twice and the book names them
 * often; the same shapes in the narration are lists and appositions, and a name called so once is not enough. A
 * familiar form ("Edie") is the full given name ("Edith") written in the same chapter. Small books written for the
 * purpose.
 */
import { castOf, chapters } from './smallBooks';

const SHOP = [
  'The bell rang and Sam Tetley came in with the cold. Edith looked up from the bench.',
  '‘’Mornin’, miss. ’Ow’s yer father?’',
  '‘He is a little better, Sam, thank you.’',
  'Sam Tetley pulled off his cap and looked at the clocks on the wall.',
  '‘Nobody sees me behind the stove, Sam. That is why I sit there,’ said Mr Pennock.',
  'Sam laughed. Sam always laughed at that. Edith gave Sam the parcel.',
].join('\n\n');

describe('a name called inside lines', () => {
  it('makes a person of someone no tag names, called twice inside lines and often named', () => {
    const { one } = castOf(chapters('en', SHOP));
    expect(one('Sam Tetley')).toBeDefined();
  });

  it('is not read in the narration, where the same shapes are lists', () => {
    const narrated = [
      'Edith went up the stairs and Mr Pennock followed her.',
      '‘Is it cold?’ said Edith.',
      '‘Very,’ said Mr Pennock.',
      'The carts of the yard were Hale’s, Tetley, Dawson’s and Reed’s. The carts stood by the pump, Tetley. The carts went at dawn.',
      'Nobody liked Tetley, which was the worst cart, or Tetley’s horse. Tetley rattled. Tetley was old.',
    ].join('\n\n');
    const { one } = castOf(chapters('en', narrated));
    expect(one('Tetley')).toBeUndefined();
  });

  it('is not enough once', () => {
    const once = SHOP.replace('Nobody sees me behind the stove, Sam. That', 'Nobody sees me behind the stove. That');
    const { one } = castOf(chapters('en', once));
    expect(one('Sam Tetley')).toBeUndefined();
  });
});

describe('a familiar form', () => {
  it('is the full given name written in the same chapter', () => {
    const text = [
      'Edith carried the watch to the stove.',
      '‘Bring it here, Edie, and let me look at it,’ said Mr Pennock.',
      '‘Here it is,’ said Edith.',
      '‘A little fast, Edie.’',
    ].join('\n\n');
    const { named } = castOf(chapters('en', text));
    expect(named('Edie')).toHaveLength(1);
    expect(named('Edie')).toEqual(named('Edith'));
  });
});
