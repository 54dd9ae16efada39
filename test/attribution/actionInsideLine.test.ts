/**
 * A narrated action between two pieces of one line says who speaks it: "—Ese muchacho trabaja demasiado —la abuela
 * dejó el cuchillo sobre la mesa y añadió—: igualito a su abuelo." (an action, then a speech verb: read as an
 * introduction) and "—¡No me digas! —Rosa se levantó de la silla—. ¿Y él está bien?" (an action alone: a beat by the
 * person it opens with). A pronoun there is left to the scene.
 */
import { attributedDialogue, person } from './chapterFixture';

const rosa = person('rosa', 'Rosa', 'female');
const abuela = person('abuela', 'la abuela', 'female', ['abuela']);
const chabuca = person('chabuca', 'Chabuca', 'female');

describe('a narrated action inside a line', () => {
  it('followed by a speech verb names the speaker, against the alternation', () => {
    const text = [
      'Rosa y la abuela estaban en la cocina.',
      '—¿Qué vas a cocinar? —preguntó Rosa.',
      '—Causa —dijo la abuela.',
      '—Ese muchacho trabaja demasiado —la abuela dejó el cuchillo sobre la mesa y añadió—: igualito a su abuelo.',
    ].join('\n\n');
    const lines = attributedDialogue(text, [rosa, abuela], 'es');
    expect(lines.slice(-2).map((line) => line.speakerId)).toEqual(['abuela', 'abuela']);
  });

  it('alone is a beat by the person it opens with', () => {
    const text = [
      'Chabuca entró sin tocar. Rosa y la abuela la miraron.',
      '—Le han robado la bodega a don Eusebio —dijo Chabuca.',
      '—¡No me digas! —Rosa se levantó de la silla—. ¿Y él está bien?',
    ].join('\n\n');
    const lines = attributedDialogue(text, [rosa, abuela, chabuca], 'es');
    expect(lines.slice(-2).map((line) => line.speakerId)).toEqual(['rosa', 'rosa']);
  });
});
