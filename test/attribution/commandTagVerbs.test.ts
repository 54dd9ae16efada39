/**
 * Verbs of ordering tag a line like "dijo" and "disse": "—Pon otro plato —mandó él.", "--Feche a porta, mandou o
 * padre.", and in the narrator's person "mandé yo", "ordenei".
 */
import { readSpeechTag } from '../../core/characters/attribution/speechTags';
import { attributedDialogue, person } from './chapterFixture';

describe('verbs of ordering as speech tags', () => {
  it('are read as tags in Spanish and Portuguese', () => {
    expect(readSpeechTag(' mandó el ventero.', 'es')?.subject).toBe('el ventero');
    expect(readSpeechTag(' mandou o padre.', 'pt')?.subject).toBe('o padre');
    expect(readSpeechTag(' ordenou Pedro.', 'pt')?.subject).toBe('Pedro');
    expect(readSpeechTag(' mandé yo.', 'es')?.firstPerson).toBe(true);
  });

  it('give the order to the one the tag names, not to the one turn-taking expects', () => {
    const cast = [person('blas', 'Blas', 'male'), person('rosa', 'Rosa', 'female'), person('tomas', 'Tomás', 'male')];
    const text = [
      'Blas, Tomás y Rosa cenaban en la cocina.',
      '—Hace frío esta noche —dijo Blas.',
      '—Mucho —dijo Rosa.',
      '—Rosa, echa otro leño al fuego —mandó Tomás.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'es');
    expect(lines.at(-1)?.speakerId).toBe('tomas');
  });
});
