/**
 * A profession before a surname is a title in Spanish and Portuguese, written in lower case there, with the gender
 * its ending gives ("el ingeniero Salas", "la arquitecta Vidal", "o engenheiro Prado", "a doutora Lima"): the person
 * is the titled surname, of that gender, whatever pronouns the scene has.
 */
import { castOf, chapters } from './smallBooks';

const SPANISH = chapters(
  'es',
  [
    'El lunes fui a ver al ingeniero Salas, que manda en el campamento, con la arquitecta Vidal.',
    '',
    '—¿Usted es el nuevo? —preguntó el ingeniero Salas.',
    '',
    '—El mismo —le dije.',
    '',
    '—Pues siéntese —dijo la arquitecta Vidal—. El ingeniero Salas no muerde.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Na obra estavam o engenheiro Prado e a doutora Lima.',
    '',
    '— Está tudo pronto? — perguntou o engenheiro Prado.',
    '',
    '— Quase — disse a doutora Lima. — Falta a assinatura do engenheiro Prado.',
  ].join('\n'),
);

describe('a profession before a surname', () => {
  it('Spanish: "el ingeniero Salas" is a man and "la arquitecta Vidal" a woman, each one record', () => {
    const { named } = castOf(SPANISH);
    expect(named('Ingeniero Salas').map((character) => character.gender)).toEqual(['male']);
    expect(named('Arquitecta Vidal').map((character) => character.gender)).toEqual(['female']);
  });

  it('Portuguese: "o engenheiro Prado" is a man and "a doutora Lima" a woman', () => {
    const { named } = castOf(PORTUGUESE);
    expect(named('Engenheiro Prado').map((character) => character.gender)).toEqual(['male']);
    expect(named('Doutora Lima').map((character) => character.gender)).toEqual(['female']);
  });
});
