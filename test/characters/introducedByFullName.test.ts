/**
 * A full name that introduces a person at the end of one chapter ("…se llamaba Doña Inés Pacheco de Lara") and the
 * given name the next chapter goes on with ("Doña Inés") are one person, though never written in one chapter; a
 * full name further away, a given name written before it, or titles of opposite genders keep them apart. Small books
 * written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const DIALOGUE_NEXT_CHAPTER = {
  es: [
    'Doña Inés salió al balcón al amanecer.',
    '',
    '—¿Quién llama tan temprano? —preguntó Doña Inés.',
    '',
    '—Soy yo, señora —respondió el tío Blas.',
    '',
    '—Pues suba usted —dijo Doña Inés.',
  ].join('\n'),
  pt: [
    'D. Carolina abriu a janela logo cedo.',
    '',
    '-- Quem bate? perguntou D. Carolina.',
    '',
    '-- Sou eu, respondeu o Paulo.',
    '',
    '-- Entre, disse D. Carolina.',
  ].join('\n'),
  en: [
    'Harriet came down to breakfast late.',
    '',
    '"Who is at the door?" asked Harriet.',
    '',
    '"Only the postman," said Tom Reed.',
    '',
    '"Let him in," said Harriet.',
  ].join('\n'),
};

const INTRODUCED_BEFORE = {
  es: '—Buenas noches —dijo Doña Inés Pacheco de Lara, la viuda que venía de la corte.',
  pt: '-- Boa noite, disse D. Carolina Prates Lobo, a viúva que chegava da corte.',
  en: '"Good evening," said Harriet Vane, the new governess, as she came in from the coach.',
};

const FULL_NAME = { es: 'Doña Inés Pacheco de Lara', pt: 'D. Carolina Prates Lobo', en: 'Harriet Vane' };
const GIVEN_NAME = { es: 'Doña Inés', pt: 'D. Carolina', en: 'Harriet' };
const BETWEEN = {
  es: 'Pasaron muchos días sin que nadie saliera de casa, y el tío Blas trabajó en el molino.',
  pt: 'Passaram muitos dias sem que ninguém saísse de casa, e o Paulo trabalhou na botica.',
  en: 'Many days went by and nobody left the house; Tom Reed worked at the mill.',
};

type Language = keyof typeof FULL_NAME;
const LANGUAGES: Language[] = ['es', 'pt', 'en'];

describe('a full name that introduces a person right before the given name is used', () => {
  it.each(LANGUAGES)('%s: the full name and the given name of the next chapter are one person', (language) => {
    const { one, named } = castOf(chapters(language, INTRODUCED_BEFORE[language], DIALOGUE_NEXT_CHAPTER[language]));
    const person = one(FULL_NAME[language]);
    expect(person).toBeDefined();
    expect(named(GIVEN_NAME[language])).toEqual([person]);
    expect(person.dialogueLineCount).toBe(3);
  });

  it.each(LANGUAGES)('%s: with a chapter between, the full name may be a namesake and stays apart', (language) => {
    const { one } = castOf(
      chapters(language, INTRODUCED_BEFORE[language], BETWEEN[language], DIALOGUE_NEXT_CHAPTER[language]),
    );
    expect(one(FULL_NAME[language])).toBeDefined();
    expect(one(GIVEN_NAME[language])).toBeDefined();
    expect(one(GIVEN_NAME[language]).id).not.toBe(one(FULL_NAME[language]).id);
  });

  it.each(LANGUAGES)('%s: a given name written before the full name is known apart from it', (language) => {
    const { one } = castOf(
      chapters(language, DIALOGUE_NEXT_CHAPTER[language], INTRODUCED_BEFORE[language], DIALOGUE_NEXT_CHAPTER[language]),
    );
    expect(one(GIVEN_NAME[language]).id).not.toBe(one(FULL_NAME[language]).id);
  });

  it('titles of opposite genders on one given name are two people', () => {
    const { one } = castOf(
      chapters(
        'es',
        '—Buenas noches —dijo Don Andrea Doria, el capitán que venía del puerto.',
        ['Doña Andrea salió al balcón.', '', '—¿Quién llama? —preguntó Doña Andrea.'].join('\n'),
      ),
    );
    expect(one('Doña Andrea')).toBeDefined();
    expect(one('Don Andrea Doria')).toBeDefined();
    expect(one('Doña Andrea').id).not.toBe(one('Don Andrea Doria').id);
  });
});
