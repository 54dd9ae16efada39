/**
 * A speaker known by a role who gives his name in a line tagged only by a pronoun, or not at all, right after the
 * narration makes the role the subject of a sentence ("The pedlar set down his pack. 'My name is Amos Reed,' he
 * said.", "El arriero se sentó.⏎⏎—Me llamo Pedro Ruiz —dijo—.") is that person: one record, the role an alias.
 * Never when the role is not the sentence's subject, or when the line carries a tag naming someone. Small books
 * written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'A pedlar came up the road with a pack on his back, and Mary Brown met him at the gate.',
    '',
    '"Have you any needles?" asked Mary Brown.',
    '',
    '"Needles and thread and buttons," said the pedlar. "All the best."',
    '',
    'The pedlar set down his pack and took off his hat. "My name is Amos Reed," he said, "and I have walked from the coast."',
    '',
    '"Then sit down, Amos Reed," said Mary Brown.',
    '',
    '"You are kind," said the pedlar.',
  ].join('\n'),
  ['"Will you come again, Amos Reed?" asked Mary Brown.', '', '"In the spring," said the pedlar.'].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Na estrada vinha um viajante, e a Rosa foi ao portão.',
    '',
    '— Quem é o senhor? perguntou a Rosa.',
    '',
    '— Um homem cansado, disse o viajante.',
    '',
    'O viajante tirou o chapéu e sentou-se no banco.',
    '',
    '— Chamo-me Paulo Lima, disse ele, e venho da serra.',
    '',
    '— Descanse, Paulo Lima, disse a Rosa.',
    '',
    '— Obrigado, respondeu o viajante.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'Por el camino venía un arriero, y Juana Gil le salió al encuentro.',
    '',
    '—¿Quién es usted? —preguntó Juana Gil.',
    '',
    '—Un hombre cansado —dijo el arriero.',
    '',
    'El arriero se quitó el sombrero y se sentó en el poyo.',
    '',
    '—Me llamo Pedro Ruiz —dijo—, y vengo de la sierra.',
    '',
    '—Descanse, Pedro Ruiz —dijo Juana Gil.',
    '',
    '—Dios se lo pague —respondió el arriero.',
  ].join('\n'),
);

/** The pedlar is looked at, not the subject: the name after it is the innkeeper's own. */
const ROLE_AS_OBJECT = chapters(
  'en',
  [
    'A pedlar came up the road, and Mary Brown met him at the gate.',
    '',
    '"Have you any needles?" asked Mary Brown.',
    '',
    '"Needles and thread," said the pedlar.',
    '',
    'Mary Brown looked hard at the pedlar. "My name is Mary Brown," she said, "and this is my inn."',
    '',
    '"A fine inn," said the pedlar.',
  ].join('\n'),
);

/** The line after the role's sentence is tagged by a name: that speaker introduces himself, not the role. */
const NAMED_TAG = chapters(
  'en',
  [
    'A pedlar came up the road, and Mary Brown met him at the gate.',
    '',
    '"Have you any needles?" asked Mary Brown.',
    '',
    '"Needles and thread," said the pedlar.',
    '',
    'The pedlar set down his pack. "I am Tom Fisher," said the boy beside him, "and he is my uncle."',
    '',
    '"A fine boy," said Mary Brown.',
    '',
    '"He eats a great deal," said the pedlar.',
  ].join('\n'),
);

describe('roles that give their name under a pronoun', () => {
  it.each([
    ['en', ENGLISH, 'the pedlar', 'Amos Reed'],
    ['pt', PORTUGUESE, 'o viajante', 'Paulo Lima'],
    ['es', SPANISH, 'el arriero', 'Pedro Ruiz'],
  ])('folds the role into the name it gives (%s)', (_language, book, role, name) => {
    const { cast, one } = castOf(book);
    const person = one(name);
    expect(person).toBeDefined();
    expect(person.aliases.map((alias) => alias.toLowerCase())).toContain(role);
    const holders = cast.filter((character) =>
      [character.name, ...character.aliases].some((form) => form.toLowerCase() === role),
    );
    expect(holders).toHaveLength(1);
  });

  it('leaves a role that is only looked at apart from the name said next', () => {
    const { cast } = castOf(ROLE_AS_OBJECT);
    const mary = cast.find((character) => character.name === 'Mary Brown');
    expect(mary?.aliases ?? []).not.toContain('the pedlar');
  });

  it('leaves the role apart when the line is tagged by someone else', () => {
    const { cast } = castOf(NAMED_TAG);
    for (const character of cast) expect(character.aliases).not.toContain('Tom Fisher');
    expect(cast.some((character) => character.name.toLowerCase() === 'the pedlar')).toBe(true);
  });
});
