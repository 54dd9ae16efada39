/**
 * In a first-person book, a short narrated paragraph between two lines in which someone else acts on the narrator
 * ("Fez-me signal que sim.", "Me miró sin responder.") is that other person's silent turn: the narrator's line
 * comes after it, and the alternation goes on from there.
 */
import { beatOnNarrator } from '../../core/characters/attribution/beatsOnNarrator';
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

describe("another person's gesture towards the narrator", () => {
  it('is read from a short paragraph whose third-person verb has the narrator as its object', () => {
    expect(beatOnNarrator('Fez-me signal que sim.')).toBe(true);
    expect(beatOnNarrator('Olhou-me calada.')).toBe(true);
    expect(beatOnNarrator('Me miró sin responder.')).toBe(true);
    expect(beatOnNarrator('Fez-me signal e eu calei-me.')).toBe(false);
    expect(beatOnNarrator('Olhei-a calado.')).toBe(false);
    expect(beatOnNarrator('Disse-me:')).toBe(false);
  });

  it('is the other person’s silent turn, so the narrator speaks again after it', () => {
    const cast = [person(NARRATOR_ID, 'Jorge', 'male'), person('marta', 'Marta', 'female')];
    const text = [
      'Eu estava no quintal. Marta sentou-se ao pé de mim, calada, e eu esperei que falasse.',
      '--Quer saber uma cousa?',
      '--Diga.',
      '--Gosta de mim?',
      '--Eu?',
      'Fez-me signal que sim.',
      '--Gosto, sim.',
      '--Muito?',
      '--Muito, Marta.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    expect(lines.map((line) => line.speakerId)).toEqual([
      'marta',
      NARRATOR_ID,
      'marta',
      NARRATOR_ID,
      NARRATOR_ID,
      'marta',
      NARRATOR_ID,
    ]);
  });
});
