/**
 * A visitor whose tag says only "our visitor" and who says in that same line who he is ("I am John Ames") is that
 * person: the line is his, and so is "said he" after the narration that follows, rather than the detective's, who
 * spoke before him.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance', 'my companion']),
  person('ames', 'Mr. Ames', 'male', ['Ames']),
];

describe('a visitor who names himself in the line his tag calls "our visitor"', () => {
  it('says that line and the one "he" says after the narration', () => {
    const text = [
      'A man came in, out of breath, and sank into the armchair.',
      '"You have come to tell me your story, have you not?" said Vance.',
      '"Pray compose yourself, sir," said Vance, "and tell me who you are."',
      '"My name," answered our visitor, "is probably known to you. I am John Ames, of the bank in Lombard Street."',
      'The name was indeed well known to us. What could have brought one of the first men of the City to this ' +
        'state? We waited until with another effort he braced himself to tell his story.',
      '"I feel that time is of value," said he; "that is why I hastened here."',
      '"Pray go on," said Vance.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!;
    expect(speakerOf('I am John Ames').speakerId).toBe('ames');
    expect(speakerOf('time is of value').speakerId).toBe('ames');
    expect(speakerOf('that is why I hastened').speakerId).toBe('ames');
    // Found by turn-taking and the visitor's own words, never by a tag naming him: not heard without review.
    expect(speakerOf('I am John Ames').confidence).toBeLessThan(0.7);
  });
});
