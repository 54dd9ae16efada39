/**
 * A role that speaks once is no character of its own, but when the narration says whom it is the person's line
 * counts ("—preguntó la asturiana Quiteria": the role right before the name). A role before a negated verb ("El
 * Corregidor no contestó", "the Hatter never answered") says nobody spoke, and a role set in a list of names ("There
 * were Tom Reed, the young engineer, Inspector Gray…") is not the name before it.
 */
import { castOf, chapters } from './smallBooks';

const NAMED_ONCE = chapters(
  'es',
  [
    'En la venta servía una moza asturiana. Quiteria traía la luz, y Quiteria subió a la cama del caballero.',
    '',
    '—¿Cómo se llama este caballero? —preguntó la asturiana Quiteria.',
    '',
    '—Don Lope —respondió el arriero, y el arriero se fue a dormir.',
    '',
    '—Buenas noches —dijo el arriero.',
  ].join('\n'),
);

const NEGATED = chapters(
  'en',
  [
    '"Who are you?" said Alice. The Hatter never answered. The Hatter never replied to such questions.',
    '',
    '"Nobody," said Alice again.',
  ].join('\n'),
);

const NEGATED_ES = chapters(
  'es',
  [
    '—¿Quién es? —preguntó la navarra. El Corregidor no contestó.',
    '',
    '—¡Responda! —gritó la navarra. El Corregidor no respondió.',
  ].join('\n'),
);

const LISTED = chapters(
  'en',
  [
    'There were Tom Reed, the young engineer, Inspector Gray, and a clerk in the carriage.',
    '',
    '"Is he a German?" broke in the engineer.',
    '',
    '"He is," said Tom Reed. "A German, and a thin one."',
    '',
    '"Then I know him," said the engineer.',
  ].join('\n'),
);

describe('roles that speak once, and roles that do not speak', () => {
  it('gives the line of a role named right before a name to that person', () => {
    const { one } = castOf(NAMED_ONCE);
    expect(one('Quiteria')).toMatchObject({ gender: 'female', dialogueLineCount: 1 });
    expect(one('El arriero')).toMatchObject({ dialogueLineCount: 2 });
  });

  it('reads no tag in a role before a negated verb', () => {
    expect(castOf(NEGATED).cast.some((c) => c.name === 'The Hatter')).toBe(false);
    expect(castOf(NEGATED_ES).cast.some((c) => /Corregidor/u.test(c.name))).toBe(false);
  });

  it('does not name a role set in a list of names by the name before it', () => {
    const { one } = castOf(LISTED);
    expect(one('Tom Reed').aliases).not.toContain('the engineer');
    expect(one('The engineer')).toMatchObject({ dialogueLineCount: 2 });
  });
});
