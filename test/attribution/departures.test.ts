/**
 * Someone the narration says has left ("She dropped her veil over her face and glided from the room.") does not say
 * the lines after it: the detective's talk with the narrator that follows is theirs, though the visitor was the last
 * to speak to the detective. Named again, the visitor is back.
 */
import { saysLeaving } from '../../core/characters/attribution/departures';
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance']),
  person('grey', 'Miss Grey', 'female', ['Miss Edith Grey']),
];

describe('someone who has left', () => {
  it('is read from sentences saying their subject leaves the room or the company', () => {
    expect(saysLeaving('She dropped her veil over her face and glided from the room.')).toBe(true);
    expect(saysLeaving('He shook hands with us and took his leave.')).toBe(true);
    expect(saysLeaving('With a few grateful words she bade us both good-night and bustled off.')).toBe(true);
    expect(saysLeaving('She glanced round the room.')).toBe(false);
    expect(saysLeaving('He left the letter on the table.')).toBe(false);
  });

  it('says none of the lines after it', () => {
    const text = [
      'Miss Grey rose and drew on her gloves.',
      '"Then we shall both come down this afternoon," said Vance. "What are you going to do yourself?"',
      '"I have one or two things to do in town. But I shall be at home by three." She dropped her veil over her ' +
        'face and glided from the room.',
      '"And what do you make of it all, Lane?" asked Vance, leaning back in his chair.',
      '"It seems to me a most dark and sinister business."',
      '"Dark enough, certainly."',
      '"Yet if the lady is right about the doors and the windows, the sister must have been alone."',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!.speakerId;
    expect(speakerOf('I have one or two things')).toBe('grey');
    expect(speakerOf('most dark and sinister')).toBe(NARRATOR_ID);
    expect(speakerOf('Dark enough')).toBe('vance');
    expect(speakerOf('Yet if the lady')).toBe(NARRATOR_ID);
  });

  it('is back once the narration names them again', () => {
    const text = [
      '"I shall be at home by three," said Miss Grey. She bade us good-bye and glided from the room.',
      '"A curious business," said Vance.',
      'At that moment the door opened again, and Miss Grey came back into the room.',
      '"I have forgotten my umbrella," she said.',
      '"Here it is," said Vance.',
      '"Thank you so much."',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.find((line) => line.text.includes('Thank you so much'))!.speakerId).toBe('grey');
  });
});
