/**
 * A speech tag inside a line of dialogue is speech reporting speech ("“But Mr Pim said, sir, that…”"), not a tag of
 * the book: the person it names gets no line from it. Small books in English and Spanish.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'Alleyne came into the office with the letters under his arm.',
    '',
    '"You are late," said Farrow.',
    '',
    '"I know it, sir, but Mr Pim said, sir, that the letters must wait," said Alleyne.',
    '',
    '"Mr Pim is not your master," said Farrow.',
    '',
    '"No, sir. Only Mr Pim said, sir, he would answer for it," said Alleyne.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'Alonso entró en el despacho con las cartas bajo el brazo.',
    '',
    '—Llega usted tarde —dijo Fabra.',
    '',
    '—Ya lo sé, señor —respondió Alonso—, pero don Pío dijo, señor, que las cartas podían esperar.',
    '',
    '—Don Pío no es su amo —dijo Fabra.',
    '',
    '—No, señor —dijo Alonso—. Solo que don Pío dijo, señor, que él respondía.',
  ].join('\n'),
);

describe('speech tags inside a line of dialogue', () => {
  it.each([
    ['en', ENGLISH, 'Mr. Pim'],
    ['es', SPANISH, 'don Pío'],
  ])('give the person they name no line (%s)', (_language, book, name) => {
    const { named } = castOf(book);
    for (const character of named(name)) expect(character.dialogueLineCount).toBe(0);
  });
});
