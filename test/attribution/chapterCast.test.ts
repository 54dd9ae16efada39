/**
 * A description of a person ("the lady") names them only in the story they are in: in a collection, a chapter that
 * brings in a woman of its own reads "said the lady" as her, not as the lady of another story. A chapter that goes
 * on with that other story (it calls her or her people by name) still reads it as her.
 */
import { attributeSpeakers } from '../../core/characters/attributeHeuristic';
import { castOfChapter } from '../../core/characters/attribution/chapterCast';
import { NARRATOR_ID, type Character, type Gender } from '../../core/characters/character';
import { segmentChapter } from '../../core/planning/segmentation';
import { person } from './chapterFixture';

function appearingIn(chapterId: string, id: string, name: string, gender: Gender, aliases: string[] = []): Character {
  return { ...person(id, name, gender, aliases), firstAppearance: { chapterId, offset: 0 } };
}

const cast = [
  { ...person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']), firstAppearance: { chapterId: 'first', offset: 0 } },
  appearingIn('first', 'vance', 'Mr. Vance', 'male', ['Vance', 'my companion']),
  appearingIn('first', 'ward', 'Miss Ward', 'female', ['Miss Ellen Ward']),
  appearingIn('second', 'hale', 'Lady Hale', 'female', ['the lady', 'Lady Mary Hale']),
  appearingIn('second', 'hale-husband', 'Lord Hale', 'male', ['Lord Arthur Hale']),
];

/** Who says each line of a chapter, by a snippet of the line. */
function speakersIn(chapterId: string, text: string): (snippet: string) => string {
  const segments = segmentChapter(text, { language: 'en' });
  const labels = attributeSpeakers(
    segments.map((segment) => ({ ...segment, id: `${chapterId}-${segment.index}`, chapterId })),
    cast,
    'en',
  );
  return (snippet) => labels[segments.findIndex((segment) => segment.text.includes(snippet))].speakerId;
}

describe('a description in the chapters of another story', () => {
  const visit = [
    'We had hardly finished breakfast when Miss Ward was shown up. She was a tall woman, dressed in grey.',
    '"I have come about my brother," said the lady. "He has not been home for three days."',
    '"Pray sit down," said Vance. "When did you see him last?"',
  ].join('\n\n');

  it('does not name the person of the other story where the chapter brings in someone it fits', () => {
    const speakerOf = speakersIn('first', visit);
    expect(speakerOf('I have come about my brother')).not.toBe('hale');
    expect(speakerOf('Pray sit down')).toBe('vance');
  });

  it('is left as it is where the chapter brings in several people it fits', () => {
    const cousin = appearingIn('first', 'cousin', 'Miss Ellis', 'female');
    const chapterCast = castOfChapter([...cast, cousin], 'first', visit);
    expect(chapterCast.find((character) => character.id === 'hale')?.aliases).toContain('the lady');
  });

  it('names them in the chapter where the book first met them', () => {
    expect(speakersIn('second', visit)('I have come about my brother')).toBe('hale');
  });

  it('names them in a chapter going on with their story', () => {
    const goingOn = `Lord Hale had written the evening before.\n\n${visit}`;
    expect(speakersIn('first', goingOn)('I have come about my brother')).toBe('hale');
  });

  it('keeps names, descriptions written as names, and records added by hand', () => {
    const text = 'Miss Ward came in. "Good morning," said the lady.';
    const others = [
      appearingIn('second', 'queen', 'The Queen', 'female', ['the Queen']),
      { ...person('cook', 'The cook', 'female', ['the cook']), firstAppearance: null },
    ];
    const chapterCast = castOfChapter([...cast, ...others], 'first', text);
    expect(chapterCast.find((character) => character.id === 'hale')).toMatchObject({
      name: 'Lady Hale',
      aliases: ['Lady Mary Hale'],
    });
    expect(chapterCast.find((character) => character.id === 'queen')?.aliases).toEqual(['the Queen']);
    expect(chapterCast.find((character) => character.id === 'cook')?.aliases).toEqual(['the cook']);
    expect(chapterCast.find((character) => character.id === 'vance')?.aliases).toContain('my companion');
  });
});
