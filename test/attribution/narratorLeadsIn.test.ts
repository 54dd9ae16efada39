/**
 * In a first-person book, narration that ends on the narrator's own doing ("Tudo dependia do que eu lhe dissesse.") before an
 * untagged exchange makes the narrator its likeliest first speaker, ahead of the people the narration just named
 * (who may only be talked about). Narration closing with a colon introduces the line and is read as such instead.
 */
import { narratorCharacter, NARRATOR_ID, type Character } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const narrator: Character = { ...narratorCharacter(null), name: 'Bento', gender: 'male', dialogueLineCount: 3 };

function speakers(text: string, cast: Character[], language: string): { text: string; speaker: string }[] {
  return attributedDialogue(text, cast, language).map((line) => ({ text: line.text, speaker: line.speakerId }));
}

describe("narration ending on a first-person narrator's own doing before an exchange", () => {
  it('gives the untagged opening line to the narrator (pt), and the alternation follows', () => {
    const cast = [narrator, person('maria', 'Maria', 'female'), person('justina', 'Justina', 'female')];
    const lines = speakers(
      [
        'Justina tinha saído com minha mãe para a missa das dez, e Maria esperava no quintal. Tudo dependia agora ' +
          'do que eu lhe dissesse.',
        '--Posso dizer-te uma cousa?',
        '--Diga.',
        '--Amanhã vou para o seminario.',
        '--Não vai, não, respondeu Maria.',
      ].join('\n\n'),
      cast,
      'pt',
    );
    expect(lines.map((line) => line.speaker)).toEqual([NARRATOR_ID, 'maria', NARRATOR_ID, 'maria']);
  });

  it('does the same with "I" (en)', () => {
    const cast = [narrator, person('ann', 'Ann', 'female'), person('jane', 'Jane', 'female')];
    const english = speakers(
      [
        'Jane had gone out with my mother to church, and Ann was waiting in the garden. Everything now hung on ' +
          'what I would tell her.',
        '"May I tell you something?"',
        '"Tell me."',
        '"Tomorrow they send me to school."',
        '"They shall not," answered Ann.',
      ].join('\n\n'),
      cast,
      'en',
    );
    expect(english.map((line) => line.speaker)).toEqual([NARRATOR_ID, 'ann', NARRATOR_ID, 'ann']);
  });

  it('does the same with "yo" (es)', () => {
    const spanishCast = [narrator, person('ana', 'Ana', 'female'), person('juana', 'Juana', 'female')];
    const spanish = speakers(
      [
        'Juana había salido con mi madre a misa, y Ana esperaba en el huerto. Todo dependía ahora de lo que yo le ' +
          'dijese.',
        '—¿Puedo decirte una cosa?',
        '—Dime.',
        '—Mañana me mandan al seminario.',
        '—No irás —respondió Ana.',
      ].join('\n\n'),
      spanishCast,
      'es',
    );
    expect(spanish.map((line) => line.speaker)).toEqual([NARRATOR_ID, 'ana', NARRATOR_ID, 'ana']);
  });

  it('leaves narration closing with a colon to the introductions ("como eu insistisse muito:")', () => {
    const cast = [narrator, person('maria', 'Maria', 'female')];
    const lines = speakers(
      [
        'Achei Maria triste e abatida. Não me quis dizer o que era; mas, como eu insistisse muito:',
        '--Creio que meu pai desconfia alguma cousa.',
      ].join('\n\n'),
      cast,
      'pt',
    );
    expect(lines.map((line) => line.speaker)).toEqual(['maria']);
  });
});
