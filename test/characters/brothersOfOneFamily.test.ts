/**
 * A titled man already written with his full name ("Sr. Miguel Prado") is not a second full name of his family
 * ("Tomás Prado", his brother): one person has one given name, or its familiar form. Small books in Portuguese,
 * Spanish and English.
 */
import { chapters, castOf } from './smallBooks';

const PT_BROTHERS = chapters(
  'pt',
  [
    'O Sr. Miguel Prado abriu a loja às oito. O Sr. Prado gostava de chegar cedo.',
    '',
    '— Bom dia, disse o Sr. Prado ao caixeiro.',
    '',
    '— É verdade que o Tomás Prado volta para casa? perguntou Lúcia.',
    '',
    '— O Tomás Prado é meu irmão, respondeu o Sr. Prado, e volta no domingo.',
    '',
    'Lúcia pensou em Tomás Prado o dia inteiro. Nunca o tinha visto.',
  ].join('\n'),
);

const ES_BROTHERS = chapters(
  'es',
  [
    'El Sr. Miguel Prado abrió la tienda a las ocho. El Sr. Prado llegaba siempre temprano.',
    '',
    '—Buenos días —dijo el Sr. Prado al mozo.',
    '',
    '—¿Es verdad que Tomás Prado vuelve a casa? —preguntó Lucía.',
    '',
    '—Tomás Prado es mi hermano —respondió el Sr. Prado—, y vuelve el domingo.',
    '',
    'Lucía pensó en Tomás Prado todo el día. No lo había visto nunca.',
  ].join('\n'),
);

const EN_FAMILIAR_FORM = chapters(
  'en',
  [
    'Mr. Thomas Gray kept the lock on the canal. Mr. Gray was a patient man.',
    '',
    '"Here comes Tom Gray," said Nell, "with a face like thunder."',
    '',
    '"Good evening, Nell," said Mr. Gray. "Is the boat late again?"',
    '',
    'Tom Gray sat down on the bench and lit his pipe.',
  ].join('\n'),
);

describe('brothers of one family', () => {
  it.each([
    ['pt', PT_BROTHERS],
    ['es', ES_BROTHERS],
  ])('keeps a brother out of the titled man who has another given name (%s)', (_language, book) => {
    const { one, named } = castOf(book);
    const brother = one('Sr. Prado');
    expect(brother.aliases).toContain('Sr. Miguel Prado');
    expect([brother.name, ...brother.aliases]).not.toContain('Tomás Prado');
    expect(named('Sr. Prado')).toHaveLength(1);
  });

  it('still joins a full name written with the familiar form of the titled man’s given name', () => {
    const { one } = castOf(EN_FAMILIAR_FORM);
    const gray = one('Mr. Gray');
    expect([gray.name, ...gray.aliases]).toEqual(expect.arrayContaining(['Mr. Thomas Gray', 'Tom Gray']));
  });
});
