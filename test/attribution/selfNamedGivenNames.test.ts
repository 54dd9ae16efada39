/**
 * A stranger who says who he is: a given name the cast holds for another story's man ("John", of Mr. John Grey) is
 * not that man when a family name the cast does not know follows it ("My name is John Baxter"), and "my real name
 * is …" names the speaker as "my name is …" does.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { Cast } from '../../core/characters/attribution/cast';
import { selfNamedIn } from '../../core/characters/attribution/selfNaming';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance']),
  person('grey', 'Mr. John Grey', 'male', ['John', 'Grey', 'John Grey']),
  person('hale', 'Ned Hale', 'male', ['Hale', 'Mr. Hale']),
];

const scene = [
  'Vance stepped up to the little man at the stall and touched him upon the shoulder.',
  '"Pray tell me, before we go farther, whom I have the pleasure of helping," said Vance.',
  'The little man looked from one to the other of us.',
  '"My name is John Baxter," he answered.',
  '"No, no; the real name," said Vance quietly.',
  'The stranger flushed to the roots of his hair.',
  '"Well then," said he, "my real name is Ned Hale."',
].join('\n\n');

describe('a given name followed by a family name the cast does not know', () => {
  it('is not the man of the cast known by that given name', () => {
    const people = new Cast(cast, 'en');
    expect(selfNamedIn('"My name is John Baxter," he answered.', people)).toBeNull();
    expect(selfNamedIn('"My name is John Grey."', people)).toBe('grey');
    expect(selfNamedIn('"My name is John."', people)).toBe('grey');
  });

  it('leaves the line to the one who goes on to say his real name', () => {
    const lines = attributedDialogue(scene, cast, 'en');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!;
    expect(speakerOf('John Baxter').speakerId).toBe('hale');
    expect(speakerOf('Well then').speakerId).toBe('hale');
  });
});

describe('"my real name is …"', () => {
  it('names the speaker', () => {
    const people = new Cast(cast, 'en');
    expect(selfNamedIn('"Well then, my real name is Ned Hale."', people)).toBe('hale');
    expect(selfNamedIn('"My true name is Ned Hale."', people)).toBe('hale');
  });
});
