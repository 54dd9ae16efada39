/**
 * "soy", "sou" and the other present forms of "ser" are function words: a verse that opens with one right under a
 * line ending in a name ("A Babieca⏎Soy Babieca, …") is no longer name "Babieca Soy Babieca". Small books written
 * for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const SPANISH = chapters(
  'es',
  [
    'Pedro Gil tenía un caballo flaco, y Pedro Gil le puso por nombre Babieca. Comía poco Babieca, y cuando',
    'corría Babieca, todos los vecinos decían que era el mejor caballo del lugar.',
    '',
    '—¡Arre, Babieca! —dijo Pedro Gil.',
    '',
    'Y en la puerta del establo escribió unos versos:',
    '',
    'Al caballo Babieca',
    'Soy Babieca, el caballo flaco.',
    '',
    '—Corre, Babieca —dijo Pedro Gil.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'O Paulo Lima tinha um cavallo magro, e o Paulo Lima chamou-lhe Ruço.',
    '',
    '-- Anda, Ruço! disse o Paulo Lima.',
    '',
    'E na porta da estrebaria escreveu uns versos:',
    '',
    'Ao cavallo Ruço',
    'Sou Ruço, o cavallo magro.',
    '',
    '-- Corre, Ruço, disse o Paulo Lima.',
  ].join('\n'),
);

describe('a verb of being at the start of a line is no part of a name', () => {
  it.each([
    ['es', SPANISH, 'Babieca', 'Soy'],
    ['pt', PORTUGUESE, 'Ruço', 'Sou'],
  ])('%s: the name stays the name', (_language, book, name, verb) => {
    const { cast } = castOf(book);
    const forms = cast.flatMap((character) => [character.name, ...character.aliases]);
    expect(forms).toContain(name);
    expect(forms.filter((form) => form.split(' ').includes(verb))).toEqual([]);
  });
});
