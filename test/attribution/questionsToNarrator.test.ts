/**
 * In a first-person book, narration that ends by reporting what someone else asked or told the narrator ("…e
 * perguntou-me se ia sair.", "…y me preguntó dónde había estado.") was that person's turn: the narrator answers
 * with the first line after it, and the alternation goes on from there.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

describe('a question reported to the narrator just before the talk', () => {
  it('gives the first line to the narrator and the next to the one who asked (Portuguese)', () => {
    const cast = [person(NARRATOR_ID, 'Jorge', 'male'), person('luisa', 'Luísa', 'female')];
    const text = [
      'A tarde caía devagar. Luísa chegou à janela, olhou para a rua e perguntou-me se ia sair.',
      '--Sair? Não sei ainda.',
      '--Pois vou à missa das seis.',
      '--Vou consigo.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual([
      NARRATOR_ID,
      'luisa',
      NARRATOR_ID,
    ]);
  });

  it('does so with "me preguntó" and with words told to the narrator (Spanish)', () => {
    const cast = [person(NARRATOR_ID, 'Andrés', 'male'), person('rosa', 'Rosa', 'female')];
    const asked = [
      'Rosa entró en el cuarto, dejó la lámpara sobre la mesa y me preguntó dónde había estado.',
      '--En el huerto.',
      '--¿Tan tarde?',
      '--Sí.',
    ].join('\n\n');
    const told = [
      'Rosa entró en el cuarto, dejó la lámpara sobre la mesa y me dijo que la cena estaba fría.',
      '--No tengo hambre.',
      '--Pues no hay otra cosa.',
    ].join('\n\n');
    expect(attributedDialogue(asked, cast, 'es').map((line) => line.speakerId)).toEqual([
      NARRATOR_ID,
      'rosa',
      NARRATOR_ID,
    ]);
    expect(attributedDialogue(told, cast, 'es').map((line) => line.speakerId)).toEqual([NARRATOR_ID, 'rosa']);
  });

  it('leaves the narrator’s own report and a bare tag to the other rules', () => {
    const cast = [person(NARRATOR_ID, 'Jorge', 'male'), person('luisa', 'Luísa', 'female')];
    const ownReport = [
      'A tarde caía devagar. Luísa chegou à janela e eu disse-lhe que ia sair.',
      '--Sair agora? Está a chover.',
      '--Volto cedo.',
    ].join('\n\n');
    expect(attributedDialogue(ownReport, cast, 'pt').map((line) => line.speakerId)).toEqual(['luisa', NARRATOR_ID]);
  });

  it('stays below the confident band: the narrator answers most such questions, not all', () => {
    const cast = [
      person(NARRATOR_ID, 'Jorge', 'male'),
      person('luisa', 'Luísa', 'female'),
      person('ana', 'Ana', 'female'),
    ];
    const text = [
      'Ana e Luísa chegaram à janela; Luísa olhou para a rua e perguntou-me se ia sair.',
      '--Sair? Não sei ainda.',
    ].join('\n\n');
    const [first] = attributedDialogue(text, cast, 'pt');
    expect(first.speakerId).toBe(NARRATOR_ID);
    expect(first.confidence).toBeLessThan(0.7);
  });
});
