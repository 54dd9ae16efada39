/**
 * A pronoun in the speech that goes on after a tag ("— Vem aí o carteiro, disse Mariana. Ele traz uma carta.") is the
 * speaker's word about anyone, so it says nothing of the person the tag names; a pronoun in narration after the name
 * still does. Small books in Portuguese, Spanish and English.
 */
import { chapters, castOf } from './smallBooks';

const PORTUGUESE = chapters(
  'pt',
  [
    '— Vem aí o carteiro, disse Mariana. Ele traz uma carta na mão.',
    '',
    '— Abre a porta, respondeu Lúcio.',
    '',
    '— Já vou, disse Mariana. Ele que espere um pouco.',
    '',
    'Mariana desceu a escada, e ela mesma abriu a porta.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    '—Ahí viene el cartero —dijo Mariana—. Él trae una carta en la mano.',
    '',
    '—Abre la puerta —respondió Lucio.',
    '',
    '—Ya voy —dijo Mariana—. Él que espere un poco.',
    '',
    'Mariana bajó la escalera, y ella misma abrió la puerta.',
  ].join('\n'),
);

const ENGLISH = chapters(
  'en',
  [
    '"Here comes the postman," said Marian. "He has a letter in his hand."',
    '',
    '"Open the door," said Lucius.',
    '',
    '"I am going," said Marian. "He can wait a little."',
    '',
    'Marian went down the stairs, and she opened the door herself.',
  ].join('\n'),
);

describe('pronouns in the speech after a tag', () => {
  it.each([
    ['pt', PORTUGUESE, 'Mariana'],
    ['es', SPANISH, 'Mariana'],
    ['en', ENGLISH, 'Marian'],
  ])('leaves the tagged speaker’s gender to the narration (%s)', (_language, book, name) => {
    expect(castOf(book).one(name)?.gender).toBe('female');
  });
});
