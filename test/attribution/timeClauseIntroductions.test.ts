/**
 * An introduction whose speech verb stands in a clause of time with its own subject ("Tom was halfway over the wall
 * when Harry called out:") names that subject, not the sentence's; a verb the sentence's subject shares ("Kate
 * waited until Anne sighed and then said:") stays the sentence subject's.
 */
import { attributedDialogue, person } from './chapterFixture';

describe('an introduction whose speech verb has a clause of time of its own', () => {
  const cast = [person('tom', 'Tom', 'male'), person('harry', 'Harry', 'male')];

  it('gives the line to the subject of the clause of time', () => {
    const text = [
      '"I shall go first," said Tom.',
      '"Go on, then," said Harry.',
      'Tom was already halfway over the wall when Harry called out:',
      '"And where shall we meet afterwards?"',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'en').at(-1)?.speakerId).toBe('harry');
  });

  it("keeps a verb the sentence's subject goes on with", () => {
    const women = [person('kate', 'Kate', 'female'), person('anne', 'Anne', 'female')];
    const text = [
      'Kate and Anne sat by the fire.',
      'Kate waited until Anne sighed and then said:',
      '"Well, it is over now."',
    ].join('\n\n');
    expect(attributedDialogue(text, women, 'en').at(-1)?.speakerId).toBe('kate');
  });
});
