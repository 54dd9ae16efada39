/**
 * Tag forms the reader once missed, so the tag stayed inside the line and the line went to
 * turn-taking: a demonstrative for the speaker ("respondió éste", "añadió ésta", "exclamó aquella buena mujer"), a
 * verb of going on or hurrying before the speech verb ("iba gritando la criada", "se apresuró a contestar el
 * posadero", "tornou a perguntar o barbeiro"), "al cabo" and "en tanto" before the subject, and a few verbs; in
 * English, "poor" before a name ("said poor Tom") and a few adverbs not ending in -ly ("she said aloud").
 */
import { pronounGender, readSpeechTag } from '../../core/characters/attribution/speechTags';
import { type Character } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

function dialogue(text: string, cast: Character[], language: string) {
  return attributedDialogue(text, cast, language).map(({ kind, text: line, speakerId }) => ({
    kind,
    text: line,
    speaker: speakerId,
  }));
}

describe('tag forms once missed', () => {
  it('reads a demonstrative as the speaker, with its gender', () => {
    const latter = readSpeechTag('(respondió éste, levantándose de la silla).', 'es');
    expect(latter).toMatchObject({ verb: 'respondió', subject: 'éste', pronoun: 'éste' });
    expect(pronounGender(latter!.pronoun)).toBe('male');
    expect(pronounGender(readSpeechTag('(añadió ésta).', 'es')!.pronoun)).toBe('female');
    expect(pronounGender(readSpeechTag('continuó aquél,', 'es')!.pronoun)).toBe('male');
    expect(readSpeechTag('(exclamó aquella buena mujer).', 'es')).toMatchObject({ subject: 'aquella buena mujer' });
    expect(readSpeechTag('respondeu aquele.', 'pt')).toMatchObject({ pronoun: 'aquele' });
    // A demonstrative before its noun is a determiner, and the line it opens is speech, not a tag.
    expect(readSpeechTag('Esta casa es mía.', 'es')).toBeNull();
  });

  it('reads a verb of going on or hurrying before the speech verb as the tag verb', () => {
    expect(readSpeechTag('iba gritando la criada, mientras subía.', 'es')).toMatchObject({
      verb: 'iba gritando',
      subject: 'la criada',
    });
    expect(readSpeechTag('iban diciéndose los dos arrieros.', 'es')).toMatchObject({ subject: 'los dos arrieros' });
    expect(readSpeechTag('entró diciendo el alcalde.', 'es')).toMatchObject({ subject: 'el alcalde' });
    expect(readSpeechTag('(se apresuró a contestar el posadero).', 'es')).toMatchObject({ subject: 'el posadero' });
    expect(readSpeechTag('ia dizendo o padre.', 'pt')).toMatchObject({ verb: 'ia dizendo', subject: 'o padre' });
    expect(readSpeechTag('(tornou a perguntar o barbeiro).', 'pt')).toMatchObject({ subject: 'o barbeiro' });
    // Any other gerund is narration going on, not a tag; English has no such forms.
    expect(readSpeechTag('iba andando el cura.', 'es')).toBeNull();
    expect(readSpeechTag('iba gritando la criada.', 'en')).toBeNull();
  });

  it('reads "al cabo", "en tanto" and "al mismo tiempo" before the subject, and a few more verbs', () => {
    expect(readSpeechTag('(respondió al cabo el sacristán, asomándose).', 'es')).toMatchObject({
      subject: 'al cabo el sacristán',
    });
    expect(readSpeechTag('(exclamaba en tanto el herrero).', 'es')).toMatchObject({ subject: 'en tanto el herrero' });
    expect(readSpeechTag('gemía al mismo tiempo la viuda.', 'es')).toMatchObject({ verb: 'gemía' });
    expect(readSpeechTag('repusieron todos.', 'es')).toMatchObject({ verb: 'repusieron' });
    expect(readSpeechTag('profirió el alcalde.', 'es')).toMatchObject({ verb: 'profirió' });
    expect(readSpeechTag('contestábale la maestra, llorando.', 'es')).toMatchObject({ verb: 'contestábale' });
    expect(readSpeechTag('(balbuceaba el viejo).', 'es')).toMatchObject({ verb: 'balbuceaba' });
  });

  it('reads "poor" before an English name and "aloud", "rather", "quite", "very" among the adverbs', () => {
    expect(readSpeechTag('said poor Tom, and his eyes filled with tears.', 'en')).toMatchObject({
      subject: 'poor Tom',
    });
    expect(readSpeechTag('thought poor Tom,', 'en')).toMatchObject({ verb: 'thought' });
    expect(readSpeechTag('she said aloud.', 'en')).toMatchObject({ pronoun: 'she' });
    expect(readSpeechTag('the dog replied rather crossly:', 'en')).toMatchObject({ subject: 'the dog' });
    expect(readSpeechTag('I said very little.', 'en')).toBeNull();
  });

  it('gives the line such a tag tags to its speaker, not to the one turn-taking expects', () => {
    const cast = [person('rosa', 'Rosa', 'female'), person('tomas', 'Tomás', 'male'), person('pedro', 'Pedro', 'male')];
    const lines = dialogue(
      [
        'Rosa, Tomás y Pedro cenaban juntos en la cocina.',
        '--¿Quién quiere vino? (preguntó Rosa).',
        '--Yo no (contestó Tomás).',
        '--¡Yo sí!--iba gritando Pedro, mientras llenaba el vaso.',
      ].join('\n\n'),
      cast,
      'es',
    );
    expect(lines.map((line) => [line.text, line.speaker])).toEqual([
      ['--¿Quién quiere vino?', 'rosa'],
      ['--Yo no', 'tomas'],
      ['--¡Yo sí!', 'pedro'],
    ]);
  });

  it('sends a demonstrative to the person of its gender just named', () => {
    const cast = [person('rosa', 'Rosa', 'female'), person('pedro', 'Pedro', 'male')];
    const lines = dialogue(
      'Rosa llamó a Pedro desde la puerta.\n\n--¿Vienes? (preguntó ella).\n\n--¡Ya voy! (respondió éste, levantándose). Espera un poco.',
      cast,
      'es',
    );
    expect(lines.map((line) => [line.text, line.speaker])).toEqual([
      ['--¿Vienes?', 'rosa'],
      ['--¡Ya voy!', 'pedro'],
      ['Espera un poco.', 'pedro'],
    ]);
  });

  it('reads "interjected" and "snarled" as speech verbs: the line is the named speaker\'s, not the alternation\'s', () => {
    expect(readSpeechTag('interjected Vance.', 'en')).toMatchObject({ verb: 'interjected', subject: 'Vance' });
    expect(readSpeechTag('he snarled.', 'en')).toMatchObject({ verb: 'snarled', pronoun: 'he' });
    const cast = [person('vance', 'Mr. Vance', 'male', ['Vance']), person('penrose', 'Mr. Penrose', 'male')];
    const lines = dialogue(
      [
        '"I drove from the station in a dog-cart," said Mr. Penrose.',
        '"One horse?" interjected Vance.',
        '"Only one."',
      ].join('\n\n'),
      cast,
      'en',
    );
    expect(lines.map((line) => [line.text, line.speaker])).toEqual([
      ['"I drove from the station in a dog-cart,"', 'penrose'],
      ['"One horse?"', 'vance'],
      ['"Only one."', 'penrose'],
    ]);
  });
});
