/**
 * A speech tag may set an adverb between its verb and its subject ("exclamó entonces la navarra", "gritó a su vez
 * Toñuelo", "disse então o barqueiro", "said presently the gardener"): the subject is still the speaker, so a role
 * that speaks only in such tags is counted, and so is a name. Read only right after a line of dialogue: in narration
 * the phrase after the adverb is the verb's object ("dizia francamente a Pedro o mal que pensava").
 */
import { castOf, chapters } from './smallBooks';

const SPANISH_DASHES = chapters(
  'es',
  [
    'La sobrina vivía con su tío. Aquella tarde llegó el mozo con la carta.',
    '',
    '—¿Quién llama? —preguntó entonces la sobrina.',
    '',
    '—Un mozo de la venta —respondió al fin el criado—. Trae una carta.',
    '',
    '—¡Que pase! —exclamó a su vez la sobrina.',
    '',
    '—Ya voy —gritó luego Toñuelo, y entró con la carta.',
    '',
    '—Bien está —dijo tranquilamente el criado.',
  ].join('\n'),
);

const PORTUGUESE_DASHES = chapters(
  'pt',
  [
    'O rio corria largo. Na margem esperava o barqueiro, e a prima Justina olhava a agua.',
    '',
    '--Vamos? disse então o barqueiro.',
    '',
    '--Vamos, respondeu a prima Justina.',
    '',
    '--Está frio, acudiu depois o barqueiro.',
    '',
    'A prima Justina não era de biocos; dizia francamente a Pedro o mal que pensava de Paulo.',
  ].join('\n'),
);

const ENGLISH_QUOTES = chapters(
  'en',
  [
    'The roses were white, and the gardener was painting them red.',
    '',
    '"Why are you painting them?" asked Alice.',
    '',
    '"Because we must," said presently the gardener.',
    '',
    '"And if the Queen comes?" asked Alice. "Then we hide," answered at last the gardener.',
  ].join('\n'),
);

/** An adverb after a verb in narration, with no line of dialogue before it, is no tag. */
const NARRATION_ONLY = chapters(
  'es',
  [
    'Calló el viejo; preguntó luego la hora al mozo. Después, preguntó otra vez la hora, y nadie le contestó.',
    'La casa estaba a oscuras; dijo entonces la verdad a su hijo, y el hijo lloró.',
  ].join('\n'),
);

describe('an adverb between a speech verb and its subject', () => {
  it('counts a Spanish role and a name tagged after a dash with an adverb in between', () => {
    const { one } = castOf(SPANISH_DASHES);
    expect(one('La sobrina')).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
    expect(one('El criado')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    expect(one('Toñuelo')).toMatchObject({ dialogueLineCount: 1 });
  });

  it('counts a Portuguese role after a comma in dash dialogue, but not an object after an adverb in narration', () => {
    const { cast, one } = castOf(PORTUGUESE_DASHES);
    expect(one('O barqueiro')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    expect(cast.some((c) => c.name === 'Pedro' || c.aliases.includes('Pedro'))).toBe(false);
  });

  it('counts an English role after a closing quotation mark', () => {
    const { one } = castOf(ENGLISH_QUOTES);
    expect(one('The gardener')).toMatchObject({ dialogueLineCount: 2 });
  });

  it('makes no role of the object a verb of narration takes after an adverb', () => {
    const { cast } = castOf(NARRATION_ONLY);
    expect(cast.map((c) => c.name)).toEqual(['Narrator']);
  });
});
