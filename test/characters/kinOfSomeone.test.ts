/**
 * A name set beside a word of kinship tied to another named person ("D. Teresa, mãe do Sr. Prado", "doña Inés, madre
 * de don Luis", "Mrs. Webb, the mother of Mr. Hale") is that man's mother: the role "a mãe" of the tags, whichever
 * mother speaks in the scene, does not fold into her. A kin word with no named person after it still names the role.
 * Small books in Portuguese, Spanish and English.
 */
import { chapters, castOf } from './smallBooks';

const PORTUGUESE = chapters(
  'pt',
  [
    'Na casa do Sr. Prado morava também a velha D. Teresa, mãe do Sr. Prado, que já não saía do quarto.',
    '',
    'A menina entrou correndo na sala.',
    '',
    '— Posso ir à festa? perguntou a menina.',
    '',
    '— Veremos, respondeu a mãe.',
    '',
    '— Hoje não, disse a mãe, que chove.',
    '',
    '— Deixa ir a pequena, disse o Sr. Prado.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'En la casa de don Luis vivía también la vieja doña Inés, madre de don Luis, que ya no salía de su cuarto.',
    '',
    'La niña entró corriendo en la sala.',
    '',
    '—¿Puedo ir a la feria? —preguntó la niña.',
    '',
    '—Ya veremos —respondió la madre.',
    '',
    '—Hoy no —dijo la madre—, que llueve.',
    '',
    '—Deja ir a la pequeña —dijo don Luis.',
  ].join('\n'),
);

const ENGLISH = chapters(
  'en',
  [
    'Old Mrs. Webb, the mother of Mr. Hale, lived in the room over the shop and seldom came down.',
    '',
    'The girl ran into the parlour.',
    '',
    '"May I go to the fair?" asked the girl.',
    '',
    '"We shall see," said the mother.',
    '',
    '"Not today," said the mother, "it is raining."',
    '',
    '"Let the child go," said Mr. Hale.',
  ].join('\n'),
);

describe('kin words tied to another named person', () => {
  it.each([
    ['pt', PORTUGUESE, 'D. Teresa', 'a mãe'],
    ['es', SPANISH, 'doña Inés', 'la madre'],
    ['en', ENGLISH, 'Mrs. Webb', 'the mother'],
  ])('keeps the role of the tags apart from the named mother (%s)', (_language, book, mother, role) => {
    const { cast } = castOf(book);
    const holders = cast.filter((character) =>
      [character.name, ...character.aliases].some((form) => form.toLowerCase() === role),
    );
    expect(holders.length).toBeGreaterThan(0);
    for (const holder of holders)
      expect([holder.name, ...holder.aliases].map((form) => form.toLowerCase())).not.toContain(mother.toLowerCase());
  });
});
