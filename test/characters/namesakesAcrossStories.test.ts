/**
 * A given name written bare in one story of a collection is not the person a later story names in full with that
 * given name, even though the collection's recurring detective and narrator are in both: people present in most
 * chapters say nothing of which chapters are one story.
 */
import { detectCharactersHeuristic } from '../../core/characters';
import type { ChapterInput } from '../../core/characters/character';
import { withoutRecurringCast } from '../../core/characters/chapterRuns';

function chapters(...texts: string[]): ChapterInput[] {
  return texts.map((text, index) => ({ id: `c${index + 1}`, text, language: 'en' }));
}

/** Four stories told by Dr. Ward about Mr. Fenn; Alice of the first story is Miss Crane, not Miss Alice Moore. */
const COLLECTION = chapters(
  [
    'Mr. Fenn and Dr. Ward went down to the farm, where Miss Crane met them at the gate.',
    '',
    '"My father is innocent," said Miss Crane. "Ask anyone."',
    '',
    '"We shall see," said Mr. Fenn. Dr. Ward said nothing. Her father only wished to spare Alice the shock.',
    '',
    '"He loves Alice more than his life," said Old Roper.',
  ].join('\n'),
  [
    'Mr. Fenn was reading when Dr. Ward came in with Captain Hale.',
    '',
    '"The ship sailed at noon," said Captain Hale.',
    '',
    '"Then it is too late," said Mr. Fenn.',
  ].join('\n'),
  [
    'Dr. Ward found Mr. Fenn with Lord Amery, who had lost a ring.',
    '',
    '"It was my mother\'s," said Lord Amery.',
    '',
    '"You shall have it back," said Mr. Fenn.',
  ].join('\n'),
  [
    'Mr. Fenn and Dr. Ward took the train to the house of Mr. Moore, whose daughter Miss Alice Moore was kept upstairs.',
    '',
    '"She is unwell," said Mr. Moore.',
    '',
    '"I am not unwell," said Miss Alice Moore. "Miss Alice is a prisoner."',
    '',
    '"Come away, Miss Alice," said Mr. Fenn.',
  ].join('\n'),
);

describe('a bare given name in another story of a collection', () => {
  it('is not joined to the full name of a later story through the recurring cast', () => {
    const cast = detectCharactersHeuristic(COLLECTION);
    const moore = cast.find((c) => c.name === 'Miss Alice Moore' || c.aliases.includes('Miss Alice Moore'));
    expect(moore).toBeDefined();
    expect(moore?.firstAppearance?.chapterId).toBe('c4');
  });

  it("leaves out a collection's people present in half of the chapters or more, and no novel's", () => {
    const collection = new Map([
      ['detective', new Set([0, 1, 2, 3])],
      ['narrator', new Set([0, 2])],
      ['client 1', new Set([0])],
      ['client 2', new Set([1])],
      ['client 3', new Set([2])],
      ['client 4', new Set([3])],
      ['client 5', new Set([3])],
    ]);
    expect([...withoutRecurringCast(collection, 4).keys()]).toEqual([
      'client 1',
      'client 2',
      'client 3',
      'client 4',
      'client 5',
    ]);
    const novel = new Map([
      ['heroine', new Set([0, 1, 2, 3])],
      ['mother', new Set([0, 2, 3])],
      ['suitor', new Set([1])],
    ]);
    expect(withoutRecurringCast(novel, 4)).toBe(novel);
  });
});
