/**
 * A definite role that is a title ("said the inspector", "—dijo el coronel", "disse o capitão") where two people
 * bearing that title are named in the chapters it speaks in: the role points back to the holder named last before
 * its tags, when that holder was named in a paragraph after the other's last mention; never when both are named
 * together ("Inspector Hale and Inspector Grey met us"). Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const ENGLISH = chapters(
  'en',
  [
    'Inspector Barton, who had charge of the case, searched the house and found nothing.',
    '',
    'Next morning we drove to the station. "Who is on duty?" asked Holmes.',
    '',
    '"Inspector Bradstreet, sir."',
    '',
    'A tall official came down the passage. "This way," said the inspector. "He is asleep."',
    '',
    '"Is he quiet?" asked Holmes.',
    '',
    '"Quiet enough," said the inspector.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'El coronel Ruiz mandaba el regimiento aquel año, y nadie lo veía sonreír.',
    '',
    'Al día siguiente llegó a la plaza el coronel Mora con su escolta.',
    '',
    '—¿Quién manda aquí? —dijo el coronel.',
    '',
    '—Usted, mi coronel —respondió Pedro Gil.',
    '',
    '—Pues que toquen a misa —dijo el coronel.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'O capitão Rocha comandava o navio desde o inverno.',
    '',
    'No porto subiu a bordo o capitão Veiga, com a farda molhada.',
    '',
    '-- Onde está a carga? disse o capitão.',
    '',
    '-- No porão, respondeu o Paulo Lima.',
    '',
    '-- Pois abram tudo, disse o capitão.',
  ].join('\n'),
);

/** Both holders named in one sentence: nobody can tell which of them speaks. */
const NAMED_TOGETHER = chapters(
  'en',
  [
    'Inspector Barton came to the inn in the morning.',
    '',
    'At noon Inspector Hale and Inspector Grey met us at the door.',
    '',
    '"This way," said the inspector. "Mind the step," said the inspector.',
  ].join('\n'),
);

describe('a titled role points back to the holder named last', () => {
  it.each([
    ['en', ENGLISH, 'Inspector Bradstreet', 'Inspector Barton', 'the inspector'],
    ['es', SPANISH, 'coronel Mora', 'coronel Ruiz', 'el coronel'],
    ['pt', PORTUGUESE, 'capitão Veiga', 'capitão Rocha', 'o capitão'],
  ])('%s: the role is the holder named after the other', (_language, book, last, earlier, role) => {
    const { cast, named } = castOf(book);
    const holder = named(last);
    expect(holder).toHaveLength(1);
    expect(holder[0].aliases).toContain(role);
    expect(holder[0].dialogueLineCount).toBe(2);
    expect(named(earlier).every((character) => !character.aliases.includes(role))).toBe(true);
    expect(cast.filter((character) => character.name.toLowerCase() === role)).toHaveLength(0);
  });

  it('two holders named together leave the role to neither', () => {
    const { cast } = castOf(NAMED_TOGETHER);
    const role = cast.filter((character) => character.name === 'The inspector');
    expect(role).toHaveLength(1);
    expect(role[0].dialogueLineCount).toBe(2);
  });
});
