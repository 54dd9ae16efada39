/**
 * In a book told in the first person, "answered my visitor", "said my client" name the person the narrator receives,
 * as "our visitor" does: the latest person of the scene who is neither the narrator nor the narrator's own people.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance', 'my friend']),
  person('penrose', 'Mr. Penrose', 'male', ['Penrose']),
];

describe('"my visitor" in a first-person book', () => {
  it('is the person the narrator receives, not the one turn-taking expects', () => {
    const text = [
      'Mr. Penrose sat down by my table while I dressed his hand.',
      '"I should strongly recommend you to come to my friend, Mr. Vance," said I.',
      '"Oh, I have heard of that fellow," answered my visitor, "and I should be glad if he would take it up."',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.find((line) => line.text.includes('I have heard of that fellow'))!.speakerId).toBe('penrose');
  });
});
