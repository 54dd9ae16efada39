/**
 * A person a line presents to someone else ("This is my friend and colleague, Dr. Lane.") is not that line's
 * speaker, but is not the one it speaks to either: the one who answers is the person greeted, not the friend
 * presented.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { readChapter } from '../../core/characters/attribution/chapterReading';
import { presentedIn } from '../../core/characters/attribution/presentations';
import { chapterStructure } from '../../core/characters/attribution/structure';
import { NARRATOR_ID } from '../../core/characters/character';
import { segmentChapter } from '../../core/planning/segmentation';
import { person } from './chapterFixture';

const cast = new Cast(
  [
    person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
    person('vance', 'Mr. Vance', 'male', ['Vance']),
    person('ash', 'Lord Ash', 'male', ['Lord Robert Ash']),
  ],
  'en',
);

describe('a name presented to someone', () => {
  it('is read after the words presenting it', () => {
    expect(presentedIn('"This is my friend and colleague, Dr. Lane. Pray sit down."', cast)).toEqual([NARRATOR_ID]);
    expect(presentedIn('"Here is our guest, Lord Ash, who will tell us all."', cast)).toEqual(['ash']);
    expect(presentedIn('"Sit down, Dr. Lane."', cast)).toEqual([]);
    expect(presentedIn('"This is the house, Lord Ash."', cast)).toEqual([]);
  });

  it("is not the one who answers, nor the line's speaker", () => {
    const text = [
      'I had hardly sat down when the door opened and a gentleman entered, pale and tall.',
      '"Good-day, Lord Ash," said Vance, rising and bowing. "This is my friend and colleague, Dr. Lane. Draw up ' +
        'a little to the fire, and we will talk this matter over."',
      '"A most painful matter to me, as you can readily imagine. I have been cut to the quick."',
    ].join('\n\n');
    const ordered = segmentChapter(text, { language: 'en' }).map((segment) => ({
      ...segment,
      id: `s${segment.index}`,
    }));
    const structure = chapterStructure(ordered);
    const readings = readChapter(ordered, structure, cast, new Map());
    const greeting = readings.at(-2)!.evidence;
    const reply = readings.at(-1)!.evidence;
    expect(greeting.excluded).toEqual(expect.arrayContaining(['ash', NARRATOR_ID]));
    expect(reply.answering).toEqual(['ash']);
  });
});
