/**
 * A newcomer the narration does not name ("a little man pushed in the door") and whom the next line greets by a name the
 * scene had not used ("Sit down, Mr Tully,") is that person: the lines he spoke before are his.
 */
import { attributedDialogue, person } from './chapterFixture';

describe('a newcomer greeted by name in the next line', () => {
  it('gives the newcomer his earlier line', () => {
    const cast = [
      person('jack', 'Jack', 'male'),
      person('obrien', 'Mr O’Brien', 'male'),
      person('tully', 'Mr Tully', 'male'),
    ];
    const text = [
      'Old Jack sat by the fire with Mr O’Brien.',
      '“It’s a cold night,” said Mr O’Brien.',
      '“It is,” said Jack.',
      'The room was silent again. A little man with a red nose pushed in the door. He walked over quickly to the fire, rubbing his hands.',
      '“Nothing yet, boys,” he said.',
      '“Sit down here, Mr Tully,” said Mr O’Brien.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.find((line) => line.text.includes('Nothing yet'))?.speakerId).toBe('tully');
  });
});
