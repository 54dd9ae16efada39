/**
 * A sentence with no named subject is about the first person it names, unless a pronoun of that person's gender
 * comes first: "The thought that he would meet Harry…" goes on being about the man the narration followed, so the
 * "he asked" after it is his.
 */
import { attributedDialogue, person } from './chapterFixture';

describe('a pronoun before a name in a sentence with no named subject', () => {
  const cast = [person('tom', 'Tom', 'male'), person('harry', 'Harry', 'male'), person('kate', 'Kate', 'female')];

  it('keeps the narration on the man it followed, not on the man named after the pronoun', () => {
    const text = [
      '"Till tomorrow, then," said Harry, and Kate went off with him.',
      'Tom walked home alone. He was tired and hungry. The thought that he would see Harry again in the morning cheered him a little. He went into a small shop and sat down.',
      '"How much is the bread?" he asked.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.at(-1)?.speakerId).toBe('tom');
  });

  it('still moves to the first person named when no pronoun comes before', () => {
    const text = [
      'Tom walked home alone. He was tired and hungry. At the corner stood Harry, waiting for a tram.',
      '"Where are you off to?" he asked.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.at(-1)?.speakerId).toBe('harry');
  });
});
