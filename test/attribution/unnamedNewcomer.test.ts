/**
 * Someone the narration brings in by a noun ("A man entered…") is someone the cast does not name, even when the cast
 * holds a role ending with that noun ("the old man"): "he asked" after it is the newcomer, not the man named before.
 * Such a newcomer has no voice of their own, so the label falls to a person of the cast of the pronoun's gender.
 */
import { Cast, unnamedPeopleIn } from '../../core/characters/attribution/cast';
import { attributeChapter, person } from './chapterFixture';

const cast = [person('tom', 'Tom', 'male'), person('old-man', 'The old man', 'male', ['the old man'])];

describe('a newcomer the narration brings in by a noun', () => {
  it('is someone the cast does not name unless the phrase names a person of the cast', () => {
    const reading = new Cast(cast, 'en');
    expect(unnamedPeopleIn('A man entered the room.', reading)).toEqual([{ offset: 0, gender: 'male' }]);
    expect(unnamedPeopleIn('The old man entered the room.', reading)).toEqual([]);
  });

  it('is who "he" means, not the only man the cast names in the scene', () => {
    const text = [
      '"Come in!" said Tom.',
      'A man entered, tall and grave, in a black coat that reached his knees.',
      '"You had my letter?" he asked.',
    ].join('\n\n');
    const asked = attributeChapter(text, cast, 'en').find((segment) => segment.text.includes('You had my letter?'))!;
    // The newcomer has no voice of his own: whoever the label falls back to is never heard without review.
    expect(asked.speakerId === 'tom' ? asked.confidence : 0).toBeLessThan(0.3);
  });

  it('when "she" points to someone the cast does not name, leaves the line to a woman of the cast, never a man', () => {
    const people = [
      person('tom', 'Tom', 'male'),
      person('grey', 'Mrs. Grey', 'female'),
      person('anne', 'Anne', 'female'),
    ];
    const text = [
      'Mrs. Grey had written to us that morning, and Tom read her letter twice.',
      '"We must go at once," said Tom.',
      'We took the train to the town where Anne had taken rooms at the inn, and there, in the little parlour, we ' +
        'found the young lady waiting for us.',
      '"I am so glad that you have come," she said.',
    ].join('\n\n');
    const glad = attributeChapter(text, people, 'en').find((segment) => segment.text.includes('I am so glad'))!;
    // The likeliest woman is the one just named; the label stays below review confidence.
    expect(glad.speakerId).toBe('anne');
    expect(glad.confidence).toBeLessThan(0.7);
  });
});
