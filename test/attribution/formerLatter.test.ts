/**
 * "the former" and "the latter" as a speaker name the first or the second of the last two people the narration
 * named, not someone the cast does not name.
 */
import { attributedDialogue, person } from './chapterFixture';

describe('"the former" and "the latter" as the speaker', () => {
  const cast = [person('ann', 'Ann', 'female'), person('kate', 'Kate', 'female'), person('tom', 'Tom', 'male')];
  const scene = 'Tom had gone out. After some talk, which Ann began and Kate went on with,';

  it('gives an introduced line to the former', () => {
    const text = [`${scene} the former continued the subject by saying:`, '"Tell me everything."'].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines[0].speakerId).toBe('ann');
  });

  it('gives a tagged line to the latter', () => {
    const text = [`${scene} they sat down.`, '"There is little to tell," replied the latter.'].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines[0].speakerId).toBe('kate');
  });
});
