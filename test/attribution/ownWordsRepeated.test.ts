/**
 * "I said" inside a line that has no dash of its own ("— Deixei em cima da mesa, eu disse.") is the speaker repeating
 * their own words. In a chapter nobody narrates in the first person it names no narrator; a tag set off by its own
 * dash ("— Já vou — disse eu.") still does, and so does a first-person chapter's.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const cast = [person('marta', 'Marta', 'female'), person('paulo', 'Paulo', 'male')];
const speakerOf = (text: string, quote: string) =>
  attributedDialogue(text, cast, 'pt').find((line) => line.text.includes(quote))!;

describe('a first-person tag inside a line of a chapter told in the third person', () => {
  const chapter = [
    'Marta entrou na sala com o casaco molhado. Paulo não levantou os olhos do livro.',
    '— Chegou a tua encomenda — disse Marta.',
    '— Não ouvi a campainha.',
    '— Deixei em cima da mesa, eu disse.',
  ].join('\n\n');

  it('is the speaker repeating their words, not the narrator', () => {
    const line = speakerOf(chapter, 'Deixei em cima');
    expect(line.speakerId).not.toBe(NARRATOR_ID);
    expect(line.speakerId).toBe('marta');
  });

  it('still names the narrator when the tag has a dash of its own', () => {
    const dashed = chapter.replace('— Deixei em cima da mesa, eu disse.', '— Deixei em cima da mesa — disse eu.');
    expect(speakerOf(dashed, 'Deixei em cima').speakerId).toBe(NARRATOR_ID);
  });
});
