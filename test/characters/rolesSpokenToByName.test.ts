/**
 * A tag spoken to a role ("said Hale to the old man", "—dijo Rosa al viejo", "disse a Rosa ao velho") whose line
 * calls the listener by one name ("Well, Jack?") makes the role that person: one record, the role an alias. Never
 * when the tags spoken to the role call it by two names. Small books in English, Spanish and Portuguese.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'Jack had kept the fire in the committee room for twenty years.',
    '',
    '"What do you think, Jack?" said Hale to the old man.',
    '',
    '"I think it will rain," said the old man.',
    '',
    '"It always rains," said Hale.',
    '',
    '"Then it will rain again," said the old man, and poked the fire.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'Blas guardaba la puerta del molino desde hacía veinte años.',
    '',
    '—¿Qué te parece, Blas? —dijo Rosa al viejo.',
    '',
    '—Que va a llover —dijo el viejo.',
    '',
    '—Siempre llueve —dijo Rosa.',
    '',
    '—Pues lloverá otra vez —respondió el viejo.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'O Bento guardava a porta do moinho havia vinte anos.',
    '',
    '— Que te parece, Bento? disse a Rosa ao velho.',
    '',
    '— Que vai chover, disse o velho.',
    '',
    '— Chove sempre, disse a Rosa.',
    '',
    '— Pois há de chover outra vez, respondeu o velho.',
  ].join('\n'),
);

const TWO_NAMES = chapters(
  'en',
  [
    'Jack and Tom kept the fire in the committee room.',
    '',
    '"What do you think, Jack?" said Hale to the old man.',
    '',
    '"I think it will rain," said the old man.',
    '',
    '"And you, Tom?" said Hale to the old man.',
    '',
    '"Rain, and more rain," said the old man.',
  ].join('\n'),
);

describe('roles spoken to by name', () => {
  it.each([
    ['en', ENGLISH, 'Jack', 'the old man'],
    ['es', SPANISH, 'Blas', 'el viejo'],
    ['pt', PORTUGUESE, 'Bento', 'o velho'],
  ])('makes the role the person its tag’s line calls (%s)', (_language, book, name, role) => {
    const { cast, one } = castOf(book);
    const person = one(name);
    expect(person).toBeDefined();
    expect(person.aliases.map((alias) => alias.toLowerCase())).toContain(role);
    expect(cast.filter((character) => character.name.toLowerCase() === role)).toHaveLength(0);
    expect(person.dialogueLineCount).toBe(2);
  });

  it('leaves a role called by two names alone', () => {
    const { cast } = castOf(TWO_NAMES);
    expect(cast.some((character) => character.name.toLowerCase() === 'the old man')).toBe(true);
  });
});
