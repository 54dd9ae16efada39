/**
 * A narrated sentence that opens with no one ("It was late before Vance returned.") is about the first person of
 * each gender it names: "He …" in the next sentence, and "he remarked" after it, are that person, not the man the
 * narration was about paragraphs before, nor a man the "He" sentence names after its subject.
 */
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person('narrator', 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance']),
  person('grant', 'Inspector Grant', 'male', ['Grant']),
];

describe('a sentence that opens with no one', () => {
  it('makes the first person it names the one "He" and "he remarked" mean next', () => {
    const text = [
      'Grant nodded to us and went off towards the station.',
      '"I shall see you both in the morning," said Grant.',
      'I dined alone at the inn and sat reading by the fire until the clock struck eleven.',
      'It was late before Vance returned. He came back alone, for Grant was staying in lodgings in the town.',
      '"The glass still keeps very high," he remarked as he sat down.',
      '"And what did you learn?" I asked.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.find((line) => line.text.includes('The glass'))!.speakerId).toBe('vance');
  });
});
