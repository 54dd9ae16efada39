/**
 * A line that addresses several people and ends by asking one of them ("Ah, Lane, you are just in time. Is that your
 * umbrella, Mr. Penrose?") is answered by the one the question asks, not by whoever else it spoke to on the way.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { addressedLast } from '../../core/characters/attribution/answering';
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance']),
  person('penrose', 'Mr. Penrose', 'male', ['Penrose']),
];

describe('the person a line asks last', () => {
  const reading = new Cast(cast, 'en');

  it('is the one its closing question addresses; a closing statement or a single sentence names nobody so', () => {
    expect(addressedLast('"Ah, Lane, you are just in time. Is that your umbrella, Mr. Penrose?"', reading)).toEqual([
      'penrose',
    ]);
    expect(addressedLast('"Ah, Lane, you are just in time. Sit down, Mr. Penrose."', reading)).toEqual([]);
    expect(addressedLast('"Is that your umbrella, Mr. Penrose?"', reading)).toEqual([]);
  });

  it('answers the line, though the narrator was spoken to as well', () => {
    const people = [...cast, person('hobbs', 'Hobbs', 'male')];
    const text = [
      'When the porter had gone, Vance took up the umbrella and held it against the light.',
      '"It is a fine thing," said he.',
      '"Do you think that Hobbs is honest?" I asked.',
      '"I cannot tell."',
      '"Well, then, do you imagine that this other one, Penrose, had anything to do with the matter?"',
      '"It is, I think, much more likely that Penrose is an innocent man."',
      '"In that case I shall go on with my round. But I shall come back in the evening."',
      '"Very glad to see you. I dine at seven."',
      'I had been delayed at a case, and it was a little after half-past six when I found myself in Cole Street ' +
        'once more. As I approached the house I saw a tall man waiting outside, and just as I arrived the door was ' +
        "opened, and we were shown up together to Vance's room.",
      '"Mr. Penrose, I believe," said he, rising from his armchair and greeting his visitor. "Pray take this chair ' +
        'by the fire, Mr. Penrose. It is a cold night. Ah, Lane, you have just come at the right time. Is that your ' +
        'umbrella, Mr. Penrose?"',
      '"Yes, sir, that is undoubtedly my umbrella."',
      'He was a large man with rounded shoulders and a massive head.',
      '"We have kept these things for some days," said Vance.',
    ].join('\n\n');
    const lines = attributedDialogue(text, people, 'en');
    expect(lines.find((line) => line.text.includes('undoubtedly my umbrella'))!.speakerId).toBe('penrose');
  });
});
