/**
 * A phrase set in apposition after a name in narration says the person's gender: its article in Spanish and
 * Portuguese ("Andrés, el menor de la casa,", "Rafa, a mais nova,"), a gendered noun in English ("Sam, the youngest
 * daughter,"). An article that is a preposition ("Pedro, a quem…") says nothing. Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const SPANISH = chapters(
  'es',
  [
    'Andrés, el menor de la casa, tenía doce años y muchas opiniones.',
    '',
    '—Yo quiero ir a la feria —dijo Andrés.',
    '',
    '—Ya veremos —respondió Lucía.',
    '',
    '—Siempre dices eso —dijo Andrés.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Rafa, a mais nova da casa, tinha doze anos e muitas opiniões.',
    '',
    '— Eu quero ir à festa, disse Rafa.',
    '',
    '— Veremos, respondeu Lúcio.',
    '',
    '— Sempre dizes isso, disse Rafa.',
  ].join('\n'),
);

const ENGLISH = chapters(
  'en',
  [
    'Sam, the youngest daughter, was twelve and had strong opinions.',
    '',
    '"I want to go to the fair," said Sam.',
    '',
    '"We shall see," said Lucius.',
    '',
    '"You always say that," said Sam.',
  ].join('\n'),
);

const PREPOSITION = chapters(
  'pt',
  [
    'Tonico, a quem todos davam doces, tinha doze anos.',
    '',
    '— Eu quero ir à festa, disse Tonico.',
    '',
    '— Veremos, respondeu Lúcio.',
    '',
    '— Sempre dizes isso, disse Tonico.',
  ].join('\n'),
);

/** After the tag's subject the line goes on: "a senhora" is whom the boy speaks to, not what he is. */
const SPEECH_GOES_ON = chapters(
  'pt',
  [
    'Joaquim, a quem todos chamavam Quincas, chegou ao Rio com a mãe. Este era o Joaquim.',
    '',
    '— É grande, disse Quincas.',
    '',
    '— Mãe, disse Quincas, a senhora vai constipar-se.',
    '',
    '— Cala-te, Joaquim, respondeu D. Efigênia.',
  ].join('\n'),
);

describe('gender from an apposition after a name', () => {
  it.each([
    ['es', SPANISH, 'Andrés', 'male'],
    ['pt', PORTUGUESE, 'Rafa', 'female'],
    ['en', ENGLISH, 'Sam', 'female'],
  ])('reads the apposition’s article or noun (%s)', (_language, book, name, gender) => {
    expect(castOf(book).one(name)?.gender).toBe(gender);
  });

  it('reads no apposition where the line of dialogue goes on after the tag (pt)', () => {
    const { one, named } = castOf(SPEECH_GOES_ON);
    expect(one('Quincas')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    expect(named('Joaquim')).toEqual([one('Quincas')]);
  });

  it('reads no gender from a preposition after the comma (pt)', () => {
    expect(castOf(PREPOSITION).one('Tonico')?.gender).not.toBe('female');
  });
});
