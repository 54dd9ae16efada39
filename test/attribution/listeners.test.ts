/**
 * The people the narration before a line says are listening ("…and we listened in silence to the story which our
 * visitor told us.") are spoken to: the line that follows, and the speech it begins, are not theirs. One who "had
 * listened" has heard the speech out and is the one who answers.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { listenersIn } from '../../core/characters/attribution/listeners';
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance']),
  person('penrose', 'Mr. Penrose', 'male', ['Penrose']),
];

describe('listeners', () => {
  const reading = new Cast(cast, 'en');

  it('are the people a sentence names before its verb of listening, and the narrator for "we" or "I"', () => {
    expect(listenersIn('Vance leaned back, and we listened in silence to the story of our visitor.', reading)).toEqual([
      'vance',
      NARRATOR_ID,
    ]);
    expect(listenersIn('Vance composed himself to listen.', reading)).toEqual(['vance']);
    // Who is listened to is no listener; one who had listened is done listening.
    expect(listenersIn('We listened to Mr. Penrose.', reading)).toEqual([NARRATOR_ID]);
    expect(listenersIn('Penrose had listened with a frowning brow to this long narrative.', reading)).toEqual([]);
  });

  it('do not say the line after the narration, nor the speech running over paragraphs from it', () => {
    const text = [
      'Mr. Penrose sat down on the sofa, and Vance handed him a cup of tea.',
      '"It is easy to see that your night has been no common one, Mr. Penrose," said Vance. "Tell us what you can."',
      'Vance sat in his armchair with his eyes half closed, while I sat opposite to him, and we listened in silence ' +
        'to the strange story which our visitor told us.',
      '"You must know," said he, "that I am a clerk, and live alone in lodgings near the river.',
      '"Yesterday a gentleman called at my office and asked for me by name."',
      '"One moment," said Vance. "Was he alone?"',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!.speakerId;
    expect(speakerOf('You must know')).toBe('penrose');
    expect(speakerOf('that I am a clerk')).toBe('penrose');
    expect(speakerOf('Yesterday a gentleman')).toBe('penrose');
  });
});
