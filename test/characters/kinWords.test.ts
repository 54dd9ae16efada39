/**
 * Kin words before a given name ("prima Gloria", "mana Gloria", "tía Mercedes", "Aunt Polly", "Cousin Polly") say
 * how the speaker is related to the person, so different people write one person with different kin words, beside
 * the given name with an honorific ("D. Gloria", "doña Mercedes") or alone. When nothing says the book has two people
 * of that name, they are all one record, whose gender the kin words give. Small books in Portuguese, Spanish, English.
 */
import { chapters, castOf } from './smallBooks';

const PT_KIN_AND_HONORIFIC = chapters(
  'pt',
  [
    'D. Gloria sentou-se à janela. D. Gloria esperava o filho.',
    '',
    '-- Mana Gloria, o rapaz já chegou? perguntou o tio Cosme.',
    '',
    '-- Ainda não, respondeu D. Gloria.',
    '',
    '-- Prima Gloria, disse a prima Justina, elle vem logo.',
    '',
    'A mana Gloria não respondeu. A prima Gloria cosia.',
    '',
    '-- Pois que venha, disse Gloria.',
  ].join('\n'),
);

const ES_KIN_AND_HONORIFIC = chapters(
  'es',
  [
    'Doña Mercedes abrió la puerta. Doña Mercedes llevaba un candil.',
    '',
    '—¿Quién llama? —preguntó doña Mercedes.',
    '',
    '—Soy yo, tía Mercedes —dijo Pepito.',
    '',
    '—Pasa, hijo —respondió la tía Mercedes, y la tía Mercedes cerró la puerta.',
    '',
    '—Buenas noches, prima Mercedes —dijo Rosa.',
  ].join('\n'),
);

const EN_KIN_ONLY = chapters(
  'en',
  [
    '"Tom!" called Aunt Polly. No answer. "Tom!" said Aunt Polly again.',
    '',
    '"Here I am, Aunt Polly," said Tom.',
    '',
    '"Cousin Polly, he was in the jam," said Sid.',
    '',
    '"Hush, Sid," said Polly, and Cousin Polly laughed at him.',
  ].join('\n'),
);

/** An uncle and an aunt of one given name are a man and a woman: two people. */
const EN_KIN_OF_TWO_GENDERS = chapters(
  'en',
  [
    '"Come in," said Uncle Jo. Uncle Jo lit the lamp.',
    '',
    '"Sit down," said Aunt Jo. Aunt Jo poured the tea.',
    '',
    '"Thank you, Uncle Jo," said Ned. "And you, Aunt Jo," said Ned.',
  ].join('\n'),
);

/** Two full names share the given name: "prima Rosa" and "D. Rosa" may be either, so they stay apart. */
const PT_TWO_FULL_NAMES = chapters(
  'pt',
  [
    'A prima Rosa Lima chegou de Minas. D. Rosa Pires morava ao lado.',
    '',
    '-- Bom dia, disse a prima Rosa. A prima Rosa sorria.',
    '',
    '-- Bom dia, respondeu D. Rosa. D. Rosa fechou a janela.',
    '',
    '-- Até logo, disse a prima Rosa. -- Adeus, disse D. Rosa.',
  ].join('\n'),
);

/**
 * The narrator's possessive kin role ("minha tia") is the one person the book titles with that kin word ("tia Rosa"),
 * who is also "D. Rosa" to others.
 */
const PT_NARRATORS_KIN = chapters(
  'pt',
  [
    '-- Vem cá, disse minha tia. A tia Rosa estava séria.',
    '',
    '-- Já vou, tia Rosa, disse eu.',
    '',
    '-- Depressa, disse minha tia. A tia Rosa suspirou.',
    '',
    '-- Boa tarde, D. Rosa, disse o vigario. D. Rosa sorriu, e D. Rosa sentou-se.',
    '',
    '-- Boa tarde, respondeu D. Rosa.',
  ].join('\n'),
);

function namesOf(cast: ReturnType<typeof castOf>['cast'], given: string) {
  return cast.filter((c) => [c.name, ...c.aliases].some((form) => new RegExp(`\\b${given}\\b`, 'u').test(form)));
}

describe('kin words before a given name', () => {
  it('reads "mana Gloria", "prima Gloria" and "D. Gloria" as one woman (Portuguese)', () => {
    const { cast, one } = castOf(PT_KIN_AND_HONORIFIC);
    expect(namesOf(cast, 'Gloria')).toHaveLength(1);
    expect(one('D. Gloria')).toMatchObject({ name: 'D. Gloria', gender: 'female', dialogueLineCount: 2 });
    expect(one('mana Gloria')).toBe(one('D. Gloria'));
    expect(one('prima Gloria')).toBe(one('D. Gloria'));
    expect(one('Gloria')).toBe(one('D. Gloria'));
    expect(one('tio Cosme')).not.toBe(one('D. Gloria'));
  });

  it('reads "tía Mercedes", "prima Mercedes" and "doña Mercedes" as one woman (Spanish)', () => {
    const { cast, one } = castOf(ES_KIN_AND_HONORIFIC);
    expect(namesOf(cast, 'Mercedes')).toHaveLength(1);
    expect(one('doña Mercedes')).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
    expect(one('tía Mercedes')).toBe(one('doña Mercedes'));
  });

  it('reads "Aunt Polly", "Cousin Polly" and "Polly" as one woman (English)', () => {
    const { cast, one } = castOf(EN_KIN_ONLY);
    expect(namesOf(cast, 'Polly')).toHaveLength(1);
    expect(one('Aunt Polly')).toMatchObject({ name: 'Aunt Polly', gender: 'female' });
    expect(one('Cousin Polly')).toBe(one('Aunt Polly'));
    expect(one('Polly')).toBe(one('Aunt Polly'));
  });

  it('folds the narrator\'s "minha tia" into the one "tia Rosa", who is also "D. Rosa"', () => {
    const { cast, one } = castOf(PT_NARRATORS_KIN);
    expect(namesOf(cast, 'Rosa')).toHaveLength(1);
    expect(one('minha tia')).toBe(one('tia Rosa'));
    expect(one('D. Rosa')).toBe(one('tia Rosa'));
    expect(one('tia Rosa')).toMatchObject({ gender: 'female' });
  });

  it('keeps an uncle and an aunt of one given name apart', () => {
    const { one } = castOf(EN_KIN_OF_TWO_GENDERS);
    expect(one('Uncle Jo')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
    expect(one('Aunt Jo')).toMatchObject({ gender: 'female', dialogueLineCount: 1 });
    expect(one('Uncle Jo')).not.toBe(one('Aunt Jo'));
  });

  it('keeps a kin word and an honorific apart when two full names share the given name', () => {
    const { one } = castOf(PT_TWO_FULL_NAMES);
    expect(one('prima Rosa')).toBeDefined();
    expect(one('D. Rosa')).toBeDefined();
    expect(one('prima Rosa')).not.toBe(one('D. Rosa'));
  });
});
