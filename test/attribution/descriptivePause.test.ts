/**
 * A descriptive paragraph between two stretches of one conversation (the weather, the room, at length) ends the
 * exchange as any long narration does, but when it names nobody the two who were talking take it up again: the
 * alternation resumes from the last two speakers instead of starting afresh with the last one named.
 */
import { attributedDialogue, person } from './chapterFixture';

const DESCRIPTION =
  'The clock on the mantel struck nine. Outside, the wind had risen, and it drove the rain against the glass in long ' +
  'gusts that rattled the old frames; somewhere down the lane a gate was banging, on and off, as it had banged every ' +
  'wet night for twenty years, and the fire hissed whenever a drop found its way down the chimney.';

const conversation = (pause: string) =>
  [
    'Mary sat by the window with her sewing, and John stood at the fire.',
    '"Will it rain tomorrow?" asked Mary.',
    '"I should think so," said John.',
    '"Then we cannot go to the fair."',
    '"We can go on Thursday instead."',
    pause,
    '"Thursday is market day, and the roads will be full."',
    '"Then Friday, if the roads are no better."',
    '"Friday, then."',
  ].join('\n\n');

describe('a conversation resumed after a descriptive paragraph', () => {
  const cast = [
    person('mary', 'Mary', 'female'),
    person('john', 'John', 'male'),
    person('hale', 'Mrs. Hale', 'female'),
  ];

  it('goes on alternating between the last two speakers when the description names nobody', () => {
    const lines = attributedDialogue(conversation(DESCRIPTION), cast, 'en');
    expect(lines.map((line) => line.speakerId)).toEqual(['mary', 'john', 'mary', 'john', 'mary', 'john', 'mary']);
  });

  it('starts afresh when the narration brings someone in', () => {
    const pause = `${DESCRIPTION} Then the door opened, and Mrs. Hale came in with the tea tray and set it down.`;
    const lines = attributedDialogue(conversation(pause), cast, 'en');
    expect(lines[4].speakerId).toBe('hale');
  });
});
