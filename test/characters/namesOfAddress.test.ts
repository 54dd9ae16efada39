/**
 * A tag that names the person spoken to while its line calls that person by another name ("“O, Mr Hale,” said Mary
 * Reed to John") joins the two names into one person. Never when the tag speaks to two people, when the names differ
 * in gender, when the name of address is given to two different people, or when the line goes on to someone else.
 * Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'Mary Reed opened the door of the hall, and the snow blew in. John stood there; he was white with snow.',
    '',
    '“O, Mr Hale,” said Mary Reed to John when she saw him. “We thought you were lost.”',
    '',
    '“Not lost,” said John. “Only late.”',
    '',
    '“Sit by the fire, Mr Hale,” said Mary Reed.',
    '',
    '“Thank you,” said John.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'Rosa Gil abrió la puerta de la casa.',
    '',
    '—Señor Gómez, pase usted —dijo Rosa Gil a Pedro cuando lo vio.',
    '',
    '—Gracias —dijo Pedro.',
    '',
    '—Siéntese, señor Gómez —dijo Rosa Gil.',
    '',
    '—Con mucho gusto —dijo Pedro.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'A Rosa abriu a porta da casa.',
    '',
    '-- Sr. Gomes, entre, disse a Rosa ao Pedro.',
    '',
    '-- Obrigado, disse o Pedro.',
    '',
    '-- Sente-se, Sr. Gomes, disse a Rosa.',
    '',
    '-- Com muito gosto, disse o Pedro.',
  ].join('\n'),
);

/** "to John and Tom": the line speaks to two people, so "Mr Hale" is neither. */
const TWO_LISTENERS = chapters(
  'en',
  [
    '“O, Mr Hale,” said Mary Reed to John and Tom. “Come in.”',
    '',
    '“Thank you,” said John.',
    '',
    '“Thank you,” said Tom.',
    '',
    '“Sit by the fire, Mr Hale,” said Mary Reed.',
  ].join('\n'),
);

/** A woman's title is not the man spoken to. */
const OTHER_GENDER = chapters(
  'en',
  [
    'John came in; he was wet through.',
    '',
    '“Good night, Mrs Hale,” said Mary Reed to John. “Come in.”',
    '',
    '“Thank you,” said John.',
    '',
    '“Good night, Mrs Hale,” said Mary Reed.',
  ].join('\n'),
);

/** "Mr Hale" called out to John in one scene and to Tom in another: neither of them. */
const TWO_PEOPLE = chapters(
  'en',
  [
    '“O, Mr Hale,” said Mary Reed to John. “Come in.”',
    '',
    '“Thank you,” said John.',
    '',
    '“Good evening, Mr Hale,” said Mary Reed to Tom. “Come in.”',
    '',
    '“Thank you,” said Tom.',
  ].join('\n'),
);

/** The line goes on after its tag to someone else: only the words before the tag address John. */
const LINE_GOES_ON = chapters(
  'en',
  [
    '“Come in,” said Mary Reed to John, “and you too, Mr Grey!”',
    '',
    '“Thank you,” said John.',
    '',
    '“Thank you, thank you,” said Mr Grey.',
  ].join('\n'),
);

describe('the name a tag speaks to and the name its line calls that person by', () => {
  it.each([
    ['en', ENGLISH, 'John', 'Mr. Hale'],
    ['es', SPANISH, 'Pedro', 'Señor Gómez'],
    ['pt', PORTUGUESE, 'Pedro', 'Sr. Gomes'],
  ])('%s: are one person', (_language, book, given, titled) => {
    const { named } = castOf(book);
    expect(named(given)).toHaveLength(1);
    expect(named(titled)).toHaveLength(1);
    expect(named(titled)[0].id).toBe(named(given)[0].id);
  });

  it.each([
    ['two listeners', TWO_LISTENERS, 'John', 'Mr. Hale'],
    ['a woman’s title for a man', OTHER_GENDER, 'John', 'Mrs. Hale'],
    ['one name of address for two people (John)', TWO_PEOPLE, 'John', 'Mr. Hale'],
    ['one name of address for two people (Tom)', TWO_PEOPLE, 'Tom', 'Mr. Hale'],
    ['a line that goes on to someone else', LINE_GOES_ON, 'John', 'Mr. Grey'],
  ])('%s: stay apart', (_case, book, given, titled) => {
    const { named } = castOf(book);
    expect(named(given)).toHaveLength(1);
    expect(named(given)[0].aliases).not.toContain(titled);
    expect(named(given)[0].name).not.toBe(titled);
  });
});
