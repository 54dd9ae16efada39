/**
 * A role the tags write short, by the adjective of the phrase the narration sets beside a name ("Casilda, la vieja
 * ama que le había criado" … "—dijo la vieja"), is that person; the apposition may end at a relative pronoun. Two
 * people described with the same adjective leave the role alone. Small books in Spanish, Portuguese and English.
 */
import { chapters, castOf } from './smallBooks';

const SPANISH = chapters(
  'es',
  [
    'Allí estaba ya Casilda, la vieja ama que le había criado, junto al fogón.',
    '',
    '—¿Otra vez la carta? —preguntó la vieja.',
    '',
    '—Otra vez —dijo Anselmo.',
    '',
    '—Pues que se la beban —dijo la vieja—. Siéntate y come.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Na cozinha estava o Bento, o velho cozinheiro que servira o avô, a descascar batatas.',
    '',
    '— Outra vez a carta? perguntou o velho.',
    '',
    '— Outra vez, disse Anselmo.',
    '',
    '— Pois que a rasguem, disse o velho. Senta-te e come.',
  ].join('\n'),
);

const ENGLISH_RELATIVE = chapters(
  'en',
  [
    'By the fire sat John Hale, the miller who had ground the corn for forty years.',
    '',
    '"Another letter?" asked the miller.',
    '',
    '"Another," said Anselm.',
    '',
    '"Then burn it," said the miller.',
  ].join('\n'),
);

const TWO_OLD_WOMEN = chapters(
  'es',
  [
    'Allí estaba Casilda, la vieja ama, junto al fogón, y Remedios, la vieja lavandera, junto a la puerta.',
    '',
    '—¿Otra vez la carta? —preguntó la vieja.',
    '',
    '—Otra vez —dijo Anselmo.',
    '',
    '—Pues que se la beban —dijo la vieja.',
  ].join('\n'),
);

describe('roles the tags write short', () => {
  it.each([
    ['es', SPANISH, 'Casilda', 'la vieja'],
    ['pt', PORTUGUESE, 'Bento', 'o velho'],
    ['en', ENGLISH_RELATIVE, 'John Hale', 'the miller'],
  ])('fold into the person the apposition describes (%s)', (_language, book, name, role) => {
    const { one, named } = castOf(book);
    const person = one(name);
    expect(person).toBeDefined();
    expect(person.aliases).toContain(role);
    expect(person.dialogueLineCount).toBe(2);
    expect(named(role)).toEqual([person]);
  });

  it('leave the role alone when two people are described with its adjective', () => {
    const { one } = castOf(TWO_OLD_WOMEN);
    expect(one('La vieja')).toBeDefined();
    expect(one('La vieja')).not.toBe(one('Casilda'));
    expect(one('La vieja')).not.toBe(one('Remedios'));
  });
});
