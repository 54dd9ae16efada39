/**
 * A tag that names nobody and only says the speech went on ("--agregó en seguida, dirigiéndose a Lucía.",
 * "--acrescentou logo,") gives the line to the one who spoke the line before, not to the next in the alternation.
 */
import { goesOnSpeaking } from '../../core/characters/attribution/goingOn';
import { readSpeechTag } from '../../core/characters/attribution/speechTags';
import { attributedDialogue, person } from './chapterFixture';

describe('a tag saying only that the speech went on', () => {
  it('gives the line to the one who spoke before, among three people (Spanish)', () => {
    const cast = [
      person('ramiro', 'Don Ramiro', 'male'),
      person('lucia', 'Lucía', 'female'),
      person('tomas', 'Tomás', 'male'),
    ];
    const text = [
      '--¿Qué pasa ahí? --exclamó Tomás, asomándose a la ventana.',
      '--¡Nada! --respondió Lucía--. Que se ha caído de la silla.',
      '--¡No me he hecho nada! --dijo Don Ramiro, levantándose como pudo.',
      '--¡Me la pagarás! --agregó en seguida, dirigiéndose a Lucía.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'es').filter((line) => line.text.startsWith('--'));
    expect(lines.map((line) => line.speakerId)).toEqual(['tomas', 'lucia', 'ramiro', 'ramiro']);
  });

  it('does so in Portuguese', () => {
    const cast = [
      person('cosme', 'Tio Cosme', 'male', ['tio Cosme']),
      person('gloria', 'D. Gloria', 'female'),
      person('jose', 'José Dias', 'male'),
    ];
    const text = [
      '--Quem está ahi? --perguntou José Dias da porta da sala.',
      '--Sou eu, --respondeu D. Gloria.',
      '--Pois entra, mana, --disse tio Cosme sem se levantar da cadeira.',
      '--E fecha essa janela, --acrescentou logo, voltando-se para José Dias.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt').filter((line) => line.text.startsWith('--'));
    expect(lines.map((line) => line.speakerId)).toEqual(['jose', 'gloria', 'cosme', 'cosme']);
  });

  it('reads a tag that names someone, or a verb of saying, as the other rules do', () => {
    const tag = (text: string) => readSpeechTag(text, 'es')!;
    expect(goesOnSpeaking(tag('--agregó en seguida, dirigiéndose a la Molinera.'))).toBe(true);
    expect(goesOnSpeaking(tag('(añadió luego, mudando de tono).'))).toBe(true);
    expect(goesOnSpeaking(tag('(añadió el Alcalde, engañado).'))).toBe(false);
    expect(goesOnSpeaking(tag('--añadió otro.'))).toBe(false);
    expect(goesOnSpeaking(tag('(continuó aquél, humanizándose).'))).toBe(false);
    expect(goesOnSpeaking(tag('--dijo en seguida.'))).toBe(false);
  });
});
