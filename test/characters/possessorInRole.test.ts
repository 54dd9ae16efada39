/**
 * Whose a role is belongs to its identity: "the wife of Hale" and "the wife of Reed" (pt "a mulher de Hale", es "la
 * mujer de Hale") are two women, never one record "the wife"; English writes one of them two ways, "the wife of Hale"
 * and "Hale's wife", which stay one record. Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'Hale and Reed came home together from the market.',
    '',
    '"You are late," said the wife of Hale.',
    '',
    '"The roads were bad," said Hale.',
    '',
    '"Sit down, both of you," said the wife of Reed.',
    '',
    '"Supper is cold," said Hale\'s wife.',
    '',
    '"Then we shall eat it cold," said Reed.',
    '',
    '"As you like," said the wife of Reed.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Hale e Reed voltaram juntos da feira.',
    '',
    '— Chegaram tarde — disse a mulher de Hale.',
    '',
    '— As estradas estavam ruins — disse Hale.',
    '',
    '— Sentem-se os dois — disse a mulher de Reed.',
    '',
    '— A sopa esfriou — disse a mulher de Hale.',
    '',
    '— Então comemos fria — disse Reed.',
    '',
    '— Como quiserem — disse a mulher de Reed.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'Hale y Reed volvieron juntos del mercado.',
    '',
    '—Llegáis tarde —dijo la mujer de Hale.',
    '',
    '—Los caminos estaban malos —dijo Hale.',
    '',
    '—Sentaos los dos —dijo la mujer de Reed.',
    '',
    '—La sopa se ha enfriado —dijo la mujer de Hale.',
    '',
    '—Pues la comeremos fría —dijo Reed.',
    '',
    '—Como queráis —dijo la mujer de Reed.',
  ].join('\n'),
);

const wivesOf = (book: ReturnType<typeof chapters>, noun: RegExp) =>
  castOf(book)
    .cast.filter((character) => [character.name, ...character.aliases].some((form) => noun.test(form)))
    .map((character) => ({
      forms: [character.name, ...character.aliases].map((form) => form.toLowerCase()).sort(),
      lines: character.dialogueLineCount,
      gender: character.gender,
    }));

describe('the possessor is part of a role', () => {
  it('keeps the wife of Hale and the wife of Reed apart, and "Hale’s wife" with the wife of Hale', () => {
    const wives = wivesOf(ENGLISH, /wife/iu);
    expect(wives).toHaveLength(2);
    const hale = wives.find((wife) => wife.forms.includes('the wife of hale'));
    const reed = wives.find((wife) => wife.forms.includes('the wife of reed'));
    expect(hale).toMatchObject({ lines: 2, gender: 'female' });
    expect(hale!.forms).toContain("hale's wife");
    expect(reed).toMatchObject({ lines: 2, gender: 'female' });
    expect(reed!.forms.some((form) => form.includes('hale'))).toBe(false);
  });

  it.each([
    ['Portuguese', PORTUGUESE, /mulher/iu, 'a mulher de hale', 'a mulher de reed'],
    ['Spanish', SPANISH, /mujer/iu, 'la mujer de hale', 'la mujer de reed'],
  ])('keeps the two wives of the %s book apart', (_language, book, noun, hale, reed) => {
    const wives = wivesOf(book, noun);
    expect(wives).toHaveLength(2);
    expect(wives.find((wife) => wife.forms.includes(hale))).toMatchObject({ lines: 2, gender: 'female' });
    expect(wives.find((wife) => wife.forms.includes(reed))).toMatchObject({ lines: 2, gender: 'female' });
  });
});
