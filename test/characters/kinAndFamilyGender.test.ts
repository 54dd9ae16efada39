/**
 * Two readings of a Spanish or Portuguese name's gender. A possessive and a word of kin right before the name say
 * its sex ("su nieta Rosa", "mi hermano Tomás", "sua filha Maria"), since a Spanish possessive does not agree with
 * the person. A bare family name's article says which of the family is meant ("¿Usted es el Quispe que viene de
 * Lima?" asked of her brother), so it casts no vote for the one full name of the family it is read as. Small books
 * written for the purpose.
 */
import { cpuMsSince } from '../support/jestBudget';
import { castOf, chapters } from './smallBooks';

/** A megabyte of this scene takes a few seconds of processor time to cast; the budget leaves room for a busy machine. */
const HOSTILE_CPU_BUDGET_MS = 60_000;
const HANG_LIMIT_MS = 180_000;

const BROTHER_ASKED_BY_SURNAME = chapters(
  'es',
  [
    'Era Rosa Quispe, que venía del mercado.',
    '',
    '—Buenos días —dijo Rosa.',
    '',
    'Rosa leyó la carta en voz alta:',
    '',
    '—¿Usted es el Quispe que viene de Lima? —me preguntó el ingeniero.',
    '',
    '—Ya llegará —dijo Rosa.',
  ].join('\n'),
);

const GRANDDAUGHTER = chapters(
  'es',
  [
    'La abuela vivía allí desde hacía cuarenta años, y su nieta Rosa desde que tenía memoria.',
    '',
    '—¿Vienes al mercado? —preguntó Rosa.',
    '',
    '—Hoy no —dijo la abuela—. Llama a tu hermano.',
    '',
    'Rosa llamó a su hermano Tomás desde la bodega.',
    '',
    '—¿Aló? —dijo Tomás.',
  ].join('\n'),
);

const DAUGHTER_PT = chapters(
  'pt',
  [
    'O velho chegou com sua filha Marta ao meio-dia.',
    '',
    '— Entre — disse Marta.',
    '',
    '— Já vou — respondeu Marta.',
  ].join('\n'),
);

describe('gender from kin words and family names', () => {
  it('a bare surname after a masculine article casts no vote for the woman of that family', () => {
    const { one } = castOf(BROTHER_ASKED_BY_SURNAME);
    expect(one('Rosa')).toBeDefined();
    expect(one('Rosa')?.gender).not.toBe('male');
  });

  it('a possessive and a word of kin before a name give its gender', () => {
    const { one } = castOf(GRANDDAUGHTER);
    expect(one('Rosa')?.gender).toBe('female');
    expect(one('Tomás')?.gender).toBe('male');
    expect(castOf(DAUGHTER_PT).one('Marta')?.gender).toBe('female');
  });

  it(
    'reads a megabyte of possessives and kin words in linear time',
    async () => {
      const start = process.cpuUsage();
      const scene = 'su su su nieta nieta Rosa y mi mi hermano Tomás; ';
      const { one } = castOf(chapters('es', scene.repeat(Math.ceil(1_000_000 / scene.length))));
      expect(one('Rosa')?.gender).not.toBe('male');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
