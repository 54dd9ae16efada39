/**
 * A named speaker who says who he is by a role or an office ("'I am the miller,' said John Reed", "—¡Yo soy el
 * Alcalde! —gritó don Julián", "-- Sou o barqueiro, disse o Paulo Lima") is that role: one record, the role an alias.
 * Never when two people say it, nor when the word is nobody's office but a name the book never writes in lower case.
 * Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'John Reed came down the lane with a sack on his back, and Mary Brown met him at the gate.',
    '',
    '"Who are you?" asked Mary Brown.',
    '',
    '"I am the miller," said John Reed. "I bring the flour."',
  ].join('\n'),
  [
    'The wind rose over the hill.',
    '',
    '"The sails will turn today," said the miller.',
    '',
    '"Then grind the corn," said Mary Brown.',
    '',
    '"Before noon," said the miller.',
  ].join('\n'),
);

/** The office written as a name ("el Alcalde", "señor Alcalde") and, once, as the common word it is. */
const SPANISH = chapters(
  'es',
  [
    'Cada lugar tiene su alcalde, y el de aquel lugar era don Julián Pérez. El Alcalde tenía una mula, y la mula',
    'del Alcalde comía más que el Alcalde. Al Alcalde le temían todos, y el Alcalde lo sabía.',
    '',
    '—¿Quién llama a estas horas? —preguntó Pedro Gil.',
    '',
    '—¡Abran! ¡Yo soy el Alcalde! —gritó don Julián.',
    '',
    '—Buenas noches, señor Alcalde —dijo Pedro Gil.',
  ].join('\n'),
  [
    '—Traed la vara —dijo el Alcalde.',
    '',
    '—Aquí la tiene, señor Alcalde —respondió Pedro Gil.',
    '',
    '—Y ahora a dormir —dijo el Alcalde.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Na margem esperava o Paulo Lima, e a Rosa chegou correndo.',
    '',
    '-- Quem é o senhor? perguntou a Rosa.',
    '',
    '-- Sou o barqueiro, disse o Paulo Lima.',
  ].join('\n'),
  [
    '-- Suba depressa, disse o barqueiro.',
    '',
    '-- Já vou, respondeu a Rosa.',
    '',
    '-- Segure-se, disse o barqueiro.',
  ].join('\n'),
);

/** Two people call themselves the miller: the role is neither of them. */
const TWO_CLAIMS = chapters(
  'en',
  [
    '"I am the miller," said John Reed.',
    '',
    '"No, I am the miller," said Tom Hale.',
    '',
    '"Enough," said the miller. "Go home," said the miller.',
  ].join('\n'),
);

/** A word the book only ever capitalises is somebody's name, not an office. */
const NOT_AN_OFFICE = chapters(
  'es',
  [
    '—¿Y tú quién eres? —dijo Pedro Gil.',
    '',
    '—Soy el Moreno —dijo don Julián.',
    '',
    '—Pues vete, Moreno —dijo Pedro Gil.',
    '',
    '—Ya me voy —dijo el Moreno.',
    '',
    '—Adiós, Moreno —respondió Pedro Gil.',
  ].join('\n'),
);

describe('a speaker who names himself by a role is that role', () => {
  it.each([
    ['en', ENGLISH, 'John Reed', 'the miller', 'The miller', 3],
    ['es', SPANISH, 'don Julián', 'Alcalde', 'Alcalde', 3],
    ['pt', PORTUGUESE, 'Paulo Lima', 'o barqueiro', 'O barqueiro', 3],
  ])('%s: one record, the role an alias', (_language, book, person, alias, roleName, lines) => {
    const { cast, named } = castOf(book);
    const records = named(person);
    expect(records).toHaveLength(1);
    expect(records[0].aliases).toContain(alias);
    expect(records[0].name).not.toBe(roleName);
    expect(records[0].dialogueLineCount).toBe(lines);
    expect(cast.filter((character) => character.name === roleName)).toHaveLength(0);
  });

  it('a role two people claim stays a role', () => {
    const { cast, named } = castOf(TWO_CLAIMS);
    expect(cast.filter((character) => character.name === 'The miller')).toHaveLength(1);
    expect(named('John Reed')[0].aliases).not.toContain('the miller');
    expect(named('Tom Hale')[0].aliases).not.toContain('the miller');
  });

  it('a name the book never writes in lower case is not an office', () => {
    const { named } = castOf(NOT_AN_OFFICE);
    const julian = named('don Julián');
    const moreno = named('Moreno');
    expect(julian).toHaveLength(1);
    expect(moreno).toHaveLength(1);
    expect(moreno[0]).not.toBe(julian[0]);
  });
});
