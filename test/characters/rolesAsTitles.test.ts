/**
 * Spanish and Portuguese roles written as titles ("dijo el Magistral", "disse o Vigário") speak as roles, like "said
 * the Hatter" in English, when the book does not make the word a name; a word the book makes a name ("dijo el
 * Corregidor" beside "señor Corregidor") speaks under that name only, never twice. And a role that is the subject of a
 * naming verb ("El alguacil, que seguía al alcalde, se llamaba _Garduña_") is that person. Small books written for the
 * purpose.
 */
import { chapters, castOf } from './smallBooks';

const SPANISH_TITLES = chapters(
  'es',
  [
    'Aquella tarde llegaron dos canónigos: uno era magistral y el otro penitenciario.',
    '',
    '—Buenas tardes nos dé Dios —dijo el Magistral.',
    '',
    '—Y a vuestras mercedes —respondió Pedro Gil.',
    '',
    '—¿Hay uvas este año? —preguntó el Penitenciario.',
    '',
    '—Muchas —dijo Pedro Gil.',
    '',
    '—Pues a probarlas —replicó el magistral.',
    '',
    '—Sea —repitió el penitenciario.',
  ].join('\n'),
);

const PORTUGUESE_TITLES = chapters(
  'pt',
  [
    'Veio o vigário da freguesia visitar a casa.',
    '',
    '-- Boa tarde, disse o Vigário.',
    '',
    '-- Boa tarde, respondeu o Paulo Lima.',
    '',
    '-- Vim buscar a esmola, disse o Vigário.',
  ].join('\n'),
);

/** "Corregidor" is a name here (after "señor", never in lower case): its tags count once, under that name. */
const OFFICE_AS_NAME = chapters(
  'es',
  [
    '—Buenas noches, señor Corregidor —dijo Pedro Gil.',
    '',
    '—Buenas noches —dijo el Corregidor.',
    '',
    '—¿Qué manda Usía, señor Corregidor? —preguntó Pedro Gil.',
    '',
    '—Que me traigan la capa —respondió el Corregidor.',
  ].join('\n'),
);

const ROLE_CALLED = {
  es: chapters(
    'es',
    'El alguacil, que seguía a veinte pasos al alcalde, se llamaba _Garduña_, y era flaco como un hurón.',
    [
      'Garduña entró en la plaza.',
      '',
      '—¡Alto ahí! —dijo el alguacil.',
      '',
      '—¿Quién va? —preguntó Pedro Gil.',
      '',
      '—¡La justicia! —respondió el alguacil.',
    ].join('\n'),
  ),
  en: chapters(
    'en',
    'The miller, who lived by the bridge with his three dogs, was called John Hale.',
    [
      'John Hale came up from the bridge.',
      '',
      '"Flour for the inn," said the miller.',
      '',
      '"Put it there," said Tom Reed.',
      '',
      '"And the corn?" asked the miller.',
    ].join('\n'),
  ),
  pt: chapters(
    'pt',
    'O boticário, que morava defronte da igreja, chamava-se Fulgêncio Reis.',
    [
      'Fulgêncio Reis abriu a botica cedo.',
      '',
      '-- Bom dia, disse o boticário.',
      '',
      '-- Bom dia, respondeu o Paulo Lima.',
      '',
      '-- Quer o remédio? perguntou o boticário.',
    ].join('\n'),
  ),
};

describe('Spanish and Portuguese roles written as titles', () => {
  it('a capitalised role speaks as the role, one record whatever its case', () => {
    const { cast } = castOf(SPANISH_TITLES);
    const magistral = cast.filter((character) => /^El magistral$/iu.test(character.name));
    const penitenciario = cast.filter((character) => /^El penitenciario$/iu.test(character.name));
    expect(magistral).toHaveLength(1);
    expect(magistral[0].dialogueLineCount).toBe(2);
    expect(penitenciario).toHaveLength(1);
    expect(penitenciario[0].dialogueLineCount).toBe(2);
  });

  it('a Portuguese role written as a title speaks too', () => {
    const { cast } = castOf(PORTUGUESE_TITLES);
    const vigario = cast.filter((character) => /^O vigário$/iu.test(character.name));
    expect(vigario).toHaveLength(1);
    expect(vigario[0].dialogueLineCount).toBe(2);
  });

  it('a word the book makes a name speaks under that name only', () => {
    const { cast, named } = castOf(OFFICE_AS_NAME);
    expect(named('Corregidor')).toHaveLength(1);
    expect(named('Corregidor')[0].dialogueLineCount).toBe(2);
    expect(cast.filter((character) => /^El corregidor$/iu.test(character.name))).toHaveLength(0);
  });
});

describe('a role that is the subject of a naming verb', () => {
  it.each([
    ['es', ROLE_CALLED.es, 'Garduña', 'el alguacil'],
    ['en', ROLE_CALLED.en, 'John Hale', 'the miller'],
    ['pt', ROLE_CALLED.pt, 'Fulgêncio Reis', 'o boticário'],
  ])('%s: the role is the person it is called', (_language, book, person, role) => {
    const { cast, named } = castOf(book);
    expect(named(person)).toHaveLength(1);
    expect(named(person)[0].aliases).toContain(role);
    expect(named(person)[0].dialogueLineCount).toBe(2);
    expect(cast.filter((character) => character.name.toLowerCase() === role)).toHaveLength(0);
  });
});

/** "<name>, as <office>," with no article: the office is that person (an office written as a name, or a role). */
const IN_OFFICE = {
  es: chapters(
    'es',
    [
      'Cada lugar tiene su alcalde. El Sr. Juan Pérez, que como particular y como Alcalde era temido, cenaba solo.',
      'El Alcalde bebía mucho, y el Alcalde no perdonaba; al Alcalde lo temían todos.',
      '',
      '—¡Abran! —dijo el Alcalde.',
      '',
      '—Ya voy, señor Alcalde —respondió Pedro Gil.',
      '',
      '—¡Pronto! —gritó el Alcalde.',
    ].join('\n'),
  ),
  en: chapters(
    'en',
    [
      'In the village everyone knew that Tom Reed, as mayor, opened the fair every spring.',
      '',
      '"Welcome, all of you," said the mayor.',
      '',
      '"Thank you," said Mary Brown.',
      '',
      '"Now the races," said the mayor.',
    ].join('\n'),
  ),
  pt: chapters(
    'pt',
    [
      'O Paulo Lima, enquanto regedor, mandava em tudo na aldeia.',
      '',
      '-- Silêncio, disse o regedor.',
      '',
      '-- Sim, senhor, respondeu a Rosa.',
      '',
      '-- Agora podem ir, disse o regedor.',
    ].join('\n'),
  ),
};

/** "como el alcalde" is a likeness, not an office. */
const LIKENESS = chapters(
  'es',
  [
    'Pedro Gil, como el alcalde, cenaba tarde.',
    '',
    '—¿Quién llama? —dijo el alcalde.',
    '',
    '—Yo —respondió Pedro Gil.',
    '',
    '—Pues pasa —dijo el alcalde.',
  ].join('\n'),
);

describe('a name set beside an office with "as"', () => {
  it.each([
    ['es', IN_OFFICE.es, 'Sr. Juan Pérez', 'señor Alcalde', 2],
    ['en', IN_OFFICE.en, 'Tom Reed', 'the mayor', 2],
    ['pt', IN_OFFICE.pt, 'Paulo Lima', 'o regedor', 2],
  ])('%s: the office is that person', (_language, book, person, office, lines) => {
    const { named } = castOf(book);
    expect(named(person)).toHaveLength(1);
    expect(named(person)[0].aliases).toContain(office);
    expect(named(person)[0].dialogueLineCount).toBe(lines);
    expect(named(office)).toHaveLength(1);
  });

  it('"como el alcalde" names nobody', () => {
    const { cast, named } = castOf(LIKENESS);
    expect(named('Pedro Gil')[0].aliases).not.toContain('el alcalde');
    expect(cast.filter((character) => character.name === 'El alcalde')).toHaveLength(1);
  });
});
