/**
 * A married woman called by the feminine of her husband's trade or office ("la molinera", "a boticária", "the
 * mayoress") is the woman the narration names as his wife ("la señá Rosa, legítima esposa del tío Blas,", "D. Rosa,
 * mulher do boticário,", "Martha Hale, the wife of the mayor,"), and never her husband. Small books written for the
 * purpose.
 */
import { isFeminineOf } from '../../core/characters/rolesOfWives';
import { husbandNamedAt } from '../../core/characters/roleNames';
import { chapters, castOf } from './smallBooks';

/** The husband by name, his trade named elsewhere; the wife's role speaks in a later chapter. */
const SPANISH_NOVEL = chapters(
  'es',
  [
    'En el molino vivía la señá Rosa,',
    'legítima esposa del tío Blas, que era un hombre de bien. El tío Blas, molinero del pueblo, madrugaba mucho.',
  ].join('\n'),
  [
    'Aquella tarde la señá Rosa salió a la puerta y vio llegar al tío Blas.',
    '',
    '—¿Ya vienes? —dijo la molinera.',
    '',
    '—Ya vengo —respondió el molinero.',
    '',
    '—Pues pasa, que hace frío —dijo la molinera.',
    '',
    '—Eso haré —respondió el molinero.',
  ].join('\n'),
);

/** The husband written as the role itself. */
const PORTUGUESE_NOVEL = chapters(
  'pt',
  'Na casa da esquina morava D. Rosa, mulher do boticário, com a filha. O Paulo ia vê-la aos domingos.',
  [
    'D. Rosa abriu a porta ao Paulo.',
    '',
    '-- Entre, disse a boticária.',
    '',
    '-- Obrigado, respondeu o Paulo.',
    '',
    '-- Sente-se, disse a boticária.',
  ].join('\n'),
);

const ENGLISH_NOVEL = chapters(
  'en',
  'In the big house lived Martha Hale, the wife of the mayor, who kept the accounts. Tom Reed brought the corn.',
  [
    'Tom Reed came up the lane and found Martha Hale at the door.',
    '',
    '"Come in," said the mayoress. "It is cold," said Tom Reed.',
    '',
    '"Sit by the fire," said the mayoress.',
  ].join('\n'),
);

/** Two women named wives of a miller: the miller's wife who speaks is neither of them for sure. */
const TWO_WIVES = chapters(
  'es',
  'Río arriba vivía la señá Rosa, mujer del molinero, y río abajo la señá Juana, mujer del molinero.',
  [
    'La señá Rosa y la señá Juana hablaban en la plaza con el tío Blas.',
    '',
    '—¿Ya vienes? —dijo la molinera.',
    '',
    '—Ya vengo —respondió el tío Blas.',
    '',
    '—Pues pasa —dijo la molinera.',
  ].join('\n'),
);

/** The office's feminine with no wife named: a woman of her own, not the man who holds the office. */
const NO_WIFE_NAMED = chapters(
  'es',
  'El señor Juan López, que como Alcalde mandaba en el pueblo, salió a la plaza con la señá Rosa.',
  [
    'El señor Juan López y la señá Rosa entraron en la casa.',
    '',
    '—¿Quién llama? —preguntó la alcaldesa.',
    '',
    '—Soy yo —dijo el Alcalde.',
    '',
    '—Pues entra —dijo la alcaldesa.',
  ].join('\n'),
);

/**
 * The narration speaks of the wife by her husband's office, then names her with a demonstrative; `between` may bring
 * another woman in first, who is then the one pointed back to.
 */
const NAMED_AFTER = (between: string) =>
  chapters(
    'es',
    [
      'El Corregidor, que llevaba diez años de corregidor, volvió a casa de noche.',
      '',
      `La Corregidora recibió a su esposo en el salón, vestida de gala.${between}`,
      '',
      'Advertiremos que aquella señora se llamaba Doña Inés, y que era hija de la ciudad.',
    ].join('\n'),
    [
      'Doña Inés se levantó del sofá.',
      '',
      '—Pase usted —dijo la Corregidora.',
      '',
      '—Ya paso —respondió el Corregidor.',
      '',
      '—Siéntese —añadió la Corregidora.',
      '',
      '—Ya me siento —respondió el Corregidor.',
    ].join('\n'),
  );

const NAMED_AFTER_PT = chapters(
  'pt',
  [
    'O Regedor, que era regedor havia dez anos, voltou tarde.',
    '',
    'A Regedora esperava-o na sala, vestida de seda.',
    '',
    'Diga-se que aquela senhora chamava-se D. Inês, e era filha da vila.',
  ].join('\n'),
  [
    'D. Inês levantou-se.',
    '',
    '-- Entre, disse a Regedora.',
    '',
    '-- Já entro, respondeu o Regedor.',
    '',
    '-- Sente-se, disse a Regedora.',
    '',
    '-- Já me sento, respondeu o Regedor.',
  ].join('\n'),
);

describe('a woman called by the feminine of her husband’s trade or office', () => {
  it.each([
    ['es', NAMED_AFTER(''), 'Doña Inés', 'Corregidora', 'el Corregidor'],
    ['pt', NAMED_AFTER_PT, 'D. Inês', 'Regedora', 'o Regedor'],
  ] as const)(
    'is the woman a demonstrative names right after it ("aquella señora se llamaba …") (%s)',
    (_language, book, name, office, husband) => {
      const { one, named } = castOf(book);
      expect(one(office)).toBe(one(name));
      expect(one(name)).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
      expect(named(office)).toHaveLength(1);
      expect(one(husband).aliases).not.toContain(office);
      expect(one(husband)).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    },
  );

  it('is not the woman a demonstrative names when another woman was spoken of in between', () => {
    const { one } = castOf(NAMED_AFTER(' Con ella estaba la señá Juana.'));
    expect(one('Corregidora')).toMatchObject({ name: 'Corregidora', gender: 'female', dialogueLineCount: 2 });
  });

  it.each([
    ['es', SPANISH_NOVEL, 'señá Rosa', 'la molinera'],
    ['pt', PORTUGUESE_NOVEL, 'D. Rosa', 'a boticária'],
    ['en', ENGLISH_NOVEL, 'Martha Hale', 'the mayoress'],
  ] as const)('is the woman named as his wife (%s)', (_language, book, name, role) => {
    const { cast, one, named } = castOf(book);
    const wife = one(name);
    expect(wife).toBeDefined();
    expect(wife.aliases).toContain(role);
    expect(wife).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
    expect(named(role)).toHaveLength(1);
    expect(cast.filter((character) => character.name.toLowerCase() === role)).toHaveLength(0);
  });

  it('never folds the wife’s role into her husband, who keeps his own trade', () => {
    const { one } = castOf(SPANISH_NOVEL);
    expect(one('tío Blas').aliases).toContain('el molinero');
    expect(one('tío Blas').aliases).not.toContain('la molinera');
    expect(one('tío Blas')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
  });

  it('folds nothing when two women are named wives of such a man', () => {
    const { named } = castOf(TWO_WIVES);
    expect(named('la molinera')).toEqual([
      expect.objectContaining({ name: 'La molinera', gender: 'female', dialogueLineCount: 2 }),
    ]);
  });

  it('keeps the feminine of an office a woman of her own when no wife is named', () => {
    const { one } = castOf(NO_WIFE_NAMED);
    expect(one('la alcaldesa')).toMatchObject({ name: 'La alcaldesa', gender: 'female', dialogueLineCount: 2 });
    expect(one('Alcalde')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
  });
});

describe('the feminine of a trade or office', () => {
  it.each([
    ['molinera', 'molinero'],
    ['boticaria', 'boticario'],
    ['corregidora', 'corregidor'],
    ['regedora', 'regedor'],
    ['alcaldesa', 'alcalde'],
    ['condesa', 'conde'],
    ['mayoress', 'mayor'],
  ])('%s is the feminine of %s', (feminine, masculine) => {
    expect(isFeminineOf(feminine, masculine)).toBe(true);
  });

  it.each([
    ['guia', 'guia'],
    ['molinero', 'molinera'],
    ['corregidor', 'corregidora'],
    ['viuda', 'molinero'],
  ])('%s is not the feminine of %s', (feminine, masculine) => {
    expect(isFeminineOf(feminine, masculine)).toBe(false);
  });
});

describe('where the narration names a woman as someone’s wife', () => {
  const at = (text: string, name: string, language: 'es' | 'pt' | 'en', narrated = true) =>
    husbandNamedAt(text, text.indexOf(name) + name.length, language, narrated);

  it('reads the husband by name, by role, after adjectives, in three languages', () => {
    const spanish = 'la señá Rosa,\nlegítima esposa del tío Blas, era';
    expect(at(spanish, 'señá Rosa', 'es')).toEqual({ at: spanish.indexOf('tío'), role: 'tio' });
    expect(at('D. Rosa, mulher do boticário, vivia', 'D. Rosa', 'pt')).toMatchObject({ role: 'boticario' });
    expect(at('Martha Hale, the wife of the mayor, kept', 'Martha Hale', 'en')).toMatchObject({ role: 'mayor' });
    expect(at('Martha Hale, the young wife of John Hale, kept', 'Martha Hale', 'en')).toMatchObject({ role: null });
  });

  it('reads no wife in dialogue, in a clause, or without the word for wife', () => {
    expect(at('—Rosa, mujer del molinero, ven', 'Rosa', 'es', false)).toBeNull();
    expect(at('la señá Rosa, que era mujer del molinero,', 'señá Rosa', 'es')).toBeNull();
    expect(at('la señá Rosa, hija del molinero,', 'señá Rosa', 'es')).toBeNull();
  });
});
