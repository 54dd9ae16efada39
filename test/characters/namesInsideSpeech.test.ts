/**
 * A name said inside a line of dialogue ("Harriet thinks of nothing but being civil. I only want to know whether he
 * dances.") is followed by the speaker's words about anyone: the pronoun after it says nothing of that person. Only
 * quotations: after a dash line's tag the text may be narration again. Small books in English and Portuguese.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'The two sisters sat in the parlour with their mother.',
    '',
    '"Harriet thinks of nothing but being civil," said Lucy. "Harriet wants to know whether he rides."',
    '',
    '"Harriet is right," said Martha. "Harriet knows that he is proud."',
    '',
    '"Lucy, be quiet," said Harriet.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'As duas irmãs estavam na sala com a mãe.',
    '',
    '«A Rosa só pensa em ser delicada», disse Lúcia. «Rosa quer saber se ele dança.»',
    '',
    '«Rosa tem razão», disse Marta. «Rosa sabe que ele é orgulhoso.»',
    '',
    '«Cala-te, Lúcia», disse Rosa.',
  ].join('\n'),
);

describe('a name inside a line of dialogue', () => {
  it.each([
    ['en', ENGLISH, 'Harriet'],
    ['pt', PORTUGUESE, 'Rosa'],
  ])('takes no gender from the pronoun the speaker says after it (%s)', (_language, book, name) => {
    expect(castOf(book).one(name)?.gender).not.toBe('male');
  });
});
