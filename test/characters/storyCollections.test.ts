/**
 * Story collections: a book whose chapters are independent stories is recognised from its people alone (most named
 * speakers are named in one chapter only, and every story brings its own), and there a role the narration names in
 * one story ("John Hale, the miller of the village") is that person in that story only: the miller of another story
 * stays a role of its own. Small books written for the purpose, and the development books.
 */
import { BOOK_SLUGS, bookChapters, characterTruth } from '../../bench/characters/books';
import { detectCharactersHeuristic } from '../../core/characters';
import type { ChapterInput } from '../../core/characters/character';
import { isStoryCollectionBook } from '../../core/characters/detectHeuristic';
import { isStoryCollection } from '../../core/characters/stories';

function chapters(...texts: string[]): ChapterInput[] {
  return texts.map((text, index) => ({ id: `c${index + 1}`, text, language: 'en' }));
}

const MILL_STORY = [
  'One morning John Hale, the miller of the village, stood at his door when Tom Reed came up the lane with his cart.',
  '',
  '"Good day," said Tom Reed. "I have brought the corn."',
  '',
  '"Good day to you," said the miller. "The wheel is broken again."',
  '',
  '"I will mend it tomorrow," said Tom Reed.',
  '',
  '"Then mend it well this time," said the miller, and he went inside.',
].join('\n');

const OTHER_MILLER_STORY = [
  'Kate Lowe walked to the river with Ned Carr. The old mill stood beyond the bridge.',
  '',
  '"Is the mill working?" asked Kate Lowe.',
  '',
  '"Ask him yourself," said Ned Carr.',
  '',
  '"It works when the water is high," said the miller, wiping his hands.',
  '',
  '"And today it is low," said the miller.',
].join('\n');

/** Four stories, each with people of its own; the second miller is never named. */
const COLLECTION = chapters(
  MILL_STORY,
  [
    'Ann Grey waited at the station for Will Price.',
    '',
    '"You are late," said Ann Grey.',
    '',
    '"The train was slow," said Will Price.',
  ].join('\n'),
  OTHER_MILLER_STORY,
  [
    'Lucy Bell wrote to Sam Dorn every week.',
    '',
    '"Will you come in spring?" asked Lucy Bell.',
    '',
    '"If the roads are open," said Sam Dorn.',
  ].join('\n'),
);

/** The same four chapters as a novel: Tom Reed and Ann Grey come back in every chapter. */
const NOVEL = chapters(
  MILL_STORY + '\n\n"We shall see Ann Grey tonight," said Tom Reed.',
  [
    'Ann Grey waited at the station for Tom Reed.',
    '',
    '"You are late," said Ann Grey.',
    '',
    '"The train was slow," said Tom Reed.',
  ].join('\n'),
  OTHER_MILLER_STORY + '\n\n"Tom Reed is coming," said Ann Grey.\n\n"So is the rain," said Tom Reed.',
  [
    'Ann Grey wrote to Tom Reed every week.',
    '',
    '"Will you come in spring?" asked Ann Grey.',
    '',
    '"If the roads are open," said Tom Reed.',
  ].join('\n'),
);

describe('story collections', () => {
  it('tells a collection from a novel by whether named speakers come back in other chapters', () => {
    expect(isStoryCollectionBook(COLLECTION)).toBe(true);
    expect(isStoryCollectionBook(NOVEL)).toBe(false);
    // Too few chapters to tell.
    expect(isStoryCollectionBook(COLLECTION.slice(0, 3))).toBe(false);
  });

  it('needs most named speakers to be of one story, and as many of them as chapters', () => {
    const ofOneStory = (count: number) => Array.from({ length: count }, () => ({ chapters: 1, lines: 2 }));
    const recurring = (count: number) => Array.from({ length: count }, () => ({ chapters: 5, lines: 9 }));
    expect(isStoryCollection([...ofOneStory(12), ...recurring(2)], 12)).toBe(true);
    // Most speakers of one chapter, but fewer than the chapters: a novel with a few walk-ons per chapter.
    expect(isStoryCollection([...ofOneStory(6), ...recurring(1)], 13)).toBe(false);
    // Many speakers of one chapter, but as many who come back.
    expect(isStoryCollection([...ofOneStory(20), ...recurring(20)], 12)).toBe(false);
    // People who never speak do not count.
    expect(isStoryCollection([...ofOneStory(12), { chapters: 1, lines: 0 }], 12)).toBe(true);
    expect(isStoryCollection([{ chapters: 1, lines: 0 }], 4)).toBe(false);
  });

  it('in a collection, a role the narration names is that person only in the story where it is named', () => {
    const cast = detectCharactersHeuristic(COLLECTION);
    const hale = cast.find((character) => character.name === 'John Hale');
    expect(hale).toMatchObject({ dialogueLineCount: 2 });
    expect(hale?.aliases).toContain('the miller');
    // The miller of the third story is somebody else, still known by his role.
    expect(cast.find((character) => character.name === 'The miller')).toMatchObject({ dialogueLineCount: 2 });
  });

  it('in a novel, the named role is that person in every chapter', () => {
    const cast = detectCharactersHeuristic(NOVEL);
    expect(cast.find((character) => character.name === 'John Hale')).toMatchObject({ dialogueLineCount: 4 });
    expect(cast.find((character) => character.name === 'The miller')).toBeUndefined();
  });

  it.each(BOOK_SLUGS.map((slug) => [slug, slug === 'dubliners'] as const))(
    'development book %s is a collection: %s',
    async (slug, collection) => {
      const chapterInputs = await bookChapters(slug, characterTruth(slug).language);
      expect(isStoryCollectionBook(chapterInputs)).toBe(collection);
    },
  );
});
