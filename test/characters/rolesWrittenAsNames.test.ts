/**
 * An English role the book writes as a name ("the Knave", "the Eaglet": capitalised, never in lower case) is a
 * character with one line, as a name is; a capitalised common noun the book also writes in lower case ("the Duck"
 * beside "a duck") still needs two. A role's words may be wrapped over a line break ("said the Mock⏎Turtle", "—replicó
 * la⏎nodriza"), which is one role, not a shorter one.
 */
import { castOf, chapters } from './smallBooks';

const TRIAL = chapters(
  'en',
  [
    'The Knave stood before the King, in chains. The Eaglet sat beside the Duck, and a duck is a poor juror.',
    '',
    '"I didn\'t write it," said the Knave, "and they can\'t prove I did."',
    '',
    '"Speak English!" said the Eaglet. "I don\'t know the meaning of half those long words."',
    '',
    '"It is a frog or a worm," said the Duck.',
  ].join('\n'),
);

const WRAPPED_EN = chapters(
  'en',
  [
    'The Mock Turtle sighed deeply, and the Gryphon looked at Alice.',
    '',
    '"Once," said the Mock',
    'Turtle at last, "I was a real Turtle."',
    '',
    '"Reeling and Writhing, of course," said the Mock Turtle.',
  ].join('\n'),
);

const WRAPPED_ES = chapters(
  'es',
  [
    'Llamaron a la puerta del Corregidor. Abrió la nodriza con la luz en la mano.',
    '',
    '--¿Y quién es usted? (replicó la',
    'nodriza).',
    '',
    '--¡Abra usted! --gritó Garduña.',
    '',
    '--Ya va --dijo la nodriza, y abrió la puerta.',
  ].join('\n'),
);

describe('roles written as names', () => {
  it('casts an English role the book writes as a name after one line, but not a capitalised common noun', () => {
    const { cast, one } = castOf(TRIAL);
    expect(one('The Knave')).toMatchObject({ dialogueLineCount: 1 });
    expect(one('The Eaglet')).toMatchObject({ dialogueLineCount: 1 });
    expect(cast.some((c) => c.name === 'The Duck')).toBe(false);
  });

  it('reads a role written as a title over a line break as the whole title', () => {
    const { cast, one } = castOf(WRAPPED_EN);
    expect(one('The Mock Turtle')).toMatchObject({ dialogueLineCount: 2 });
    expect(cast.some((c) => c.name === 'The Mock')).toBe(false);
  });

  it('reads a Spanish role whose noun starts the next line', () => {
    const { one } = castOf(WRAPPED_ES);
    expect(one('La nodriza')).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
  });
});
