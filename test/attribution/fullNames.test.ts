/**
 * A visitor who says his full name ("I am Arthur Penrose") where the cast knows him only by title and family name
 * ("Mr. Penrose"): his lines before he said it are his, and so are the lines after it that "he" tags.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { personByFamilyName } from '../../core/characters/attribution/fullNames';
import { selfNamedIn } from '../../core/characters/attribution/selfNaming';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person('narrator', 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance', 'my friend']),
  person('penrose', 'Mr. Penrose', 'male'),
  person('edith', 'Edith', 'female', ['Miss Edith Penrose']),
];

describe('a full name the cast holds only by title and family name', () => {
  const reading = new Cast(cast, 'en');

  it('is the one person of that family name whose given name does not say otherwise', () => {
    expect(personByFamilyName('Arthur Penrose, of the shipping firm.', reading)).toBe('penrose');
    expect(selfNamedIn('"My name is Arthur Penrose, of the shipping firm."', reading)).toBe('penrose');
    // Edith is a Penrose too, but a form of hers gives her another given name.
    expect(personByFamilyName('Edith Penrose.', reading)).toBe('edith');
  });

  it('names nobody when the phrase is no full name, or several people could bear it', () => {
    expect(personByFamilyName("Arthur Penrose's clerk.", reading)).toBeNull();
    expect(personByFamilyName('Penrose.', reading)).toBeNull();
    const twoOfThem = new Cast([...cast, person('tom-penrose', 'Penrose', 'male')], 'en');
    expect(personByFamilyName('Arthur Penrose.', twoOfThem)).toBeNull();
  });

  it("gives the visitor's lines to him, before and after he says who he is", () => {
    const text = [
      'Mr. Vance and I were at breakfast when the bell rang, and a man was shown up to our room, stout and grey.',
      '"You will think me very rude," said he, dropping into a chair.',
      '"Not at all," said Vance. "Take your time."',
      '"My name," answered our visitor, "will be known to you. I am Arthur Penrose, of the shipping firm."',
      'My friend nodded, as if he had known it all along.',
      '"And what brings you here, Mr. Penrose?" he asked.',
      '"A theft," said he, "and a son I can no longer trust."',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!.speakerId;
    expect(speakerOf('You will think me very rude')).toBe('penrose');
    expect(speakerOf('My name')).toBe('penrose');
    expect(speakerOf('I am Arthur Penrose')).toBe('penrose');
    expect(speakerOf('A theft')).toBe('penrose');
  });
});
