/**
 * A bare surname of a family with several men ("dijo Prado") goes to the man mentioned nearest under any of his forms
 * ("preguntó don Luis" right before), not only under the forms that carry the surname, which may be his brother's
 * full name said a few lines earlier. Small books in Spanish and English.
 */
import { chapters, castOf } from './smallBooks';

const SPANISH = chapters(
  'es',
  [
    'Don Luis Prado vivía en la casa grande con su mujer y sus hijas.',
    '',
    'Aquella noche hablaban de Tomás Prado, el hermano que se había ido a América hacía diez años.',
    '',
    '—¿Y qué se sabe de él? —preguntó don Luis.',
    '',
    '—Nada —dijo Prado al cabo de un rato—. Nada en diez años.',
    '',
    '—Ya escribirá —respondió Elena.',
  ].join('\n'),
);

const ENGLISH = chapters(
  'en',
  [
    'Luke Hollis lived in the big house with his wife and daughters.',
    '',
    'That night they talked of Ned Hollis, the brother who had gone to America ten years before.',
    '',
    '"And what news of him?" asked Luke.',
    '',
    '"None," said Hollis after a while. "None in ten years."',
    '',
    '"He will write," said Ellen.',
  ].join('\n'),
);

describe('a bare surname of a family of several men', () => {
  it.each([
    ['es', SPANISH, 'Tomás Prado', 'Prado'],
    ['en', ENGLISH, 'Ned Hollis', 'Hollis'],
  ])('goes to the man named nearest by any form (%s)', (_language, book, brother, surname) => {
    const { cast } = castOf(book);
    const holders = cast.filter((character) => character.aliases.includes(surname) || character.name === surname);
    expect(holders).toHaveLength(1);
    expect([holders[0].name, ...holders[0].aliases]).not.toContain(brother);
    expect(holders[0].dialogueLineCount).toBe(2);
  });
});
