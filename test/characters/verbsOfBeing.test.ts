/**
 * "soy", "sou" and the other present forms of "ser" are function words: a verse that opens with one right under a
 * line ending in a name ("A Babieca⏎Soy Babieca, …") is no longer name "Babieca Soy Babieca". Small books written
 * for the purpose. The one named is a servant: a named animal that never speaks is cast by nobody (animalsNamed.test.ts),
 * which is not what these books test.
 */
import { chapters, castOf } from './smallBooks';

const SPANISH = chapters(
  'es',
  [
    'Pedro Gil tenía un criado flaco, y Pedro Gil le puso por nombre Babieca. Comía poco Babieca, y cuando',
    'corría Babieca, todos los vecinos decían que era el mejor criado del lugar.',
    '',
    '—¡Anda, Babieca! —dijo Pedro Gil.',
    '',
    'Y en la puerta de la casa escribió unos versos:',
    '',
    'Al criado Babieca',
    'Soy Babieca, el criado flaco.',
    '',
    '—Corre, Babieca —dijo Pedro Gil.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'O Paulo Lima tinha um creado magro, e o Paulo Lima chamou-lhe Ruço.',
    '',
    '-- Anda, Ruço! disse o Paulo Lima.',
    '',
    'E na porta da casa escreveu uns versos:',
    '',
    'Ao creado Ruço',
    'Sou Ruço, o creado magro.',
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
