/**
 * An introduction whose speech verb follows a phrase of reference or of manner ("A esto respondió Pedro:", "A lo
 * cual replicó Pedro, sin levantar la vista:", "Ao que respondeu Pedro:", "…, y con voz muy baja respondió:") names
 * the subject after the verb, or the one the sentence opened with: the phrase is no subject. Read as one, "A esto"
 * looked like an article and a noun, someone the cast does not name, and took the line from the person named.
 */
import { opensWithPreposition } from '../../core/characters/attribution/prepositionalClauses';
import { attributedDialogue, person } from './chapterFixture';

const spanishCast = [
  person('pedro', 'Pedro', 'male'),
  person('rosa', 'Rosa', 'female'),
  person('juan', 'Juan', 'male'),
];
const portugueseCast = [
  person('pedro', 'Pedro', 'male'),
  person('rosa', 'Rosa', 'female'),
  person('joao', 'João', 'male'),
];

const speakerOf = (lines: { text: string; speakerId: string }[], quote: string) =>
  lines.find((line) => line.text.includes(quote))!.speakerId;

describe('an introduction after a phrase of reference or of manner', () => {
  it('reads a clause opening with a preposition as no subject, in the language of the book', () => {
    expect(opensWithPreposition('A esto', 'es')).toBe(true);
    expect(opensWithPreposition('con buenas palabras', 'es')).toBe(true);
    expect(opensWithPreposition('Ao que', 'pt')).toBe(true);
    expect(opensWithPreposition('com voz tremula', 'pt')).toBe(true);
    expect(opensWithPreposition('in a low voice', 'en')).toBe(true);
    // Portuguese "a" is the article of a subject ("a irmã perguntou:").
    expect(opensWithPreposition('a irmã', 'pt')).toBe(false);
    expect(opensWithPreposition('el ventero', 'es')).toBe(false);
    expect(opensWithPreposition('a irmã')).toBe(false);
  });

  it('gives the line to the person named after the verb', () => {
    const text = [
      '—¿Quién ha roto el cántaro? —preguntó Rosa.',
      'Juan bajó los ojos.',
      'A esto respondió Pedro:',
      '—Ha sido el gato.',
    ].join('\n\n');
    expect(speakerOf(attributedDialogue(text, spanishCast, 'es'), 'Ha sido el gato')).toBe('pedro');
  });

  it('reads "a lo cual" and a phrase of manner after the subject the same way', () => {
    const text = [
      'Pedro, Juan y Rosa cenaban en silencio.',
      '—¿Quién ha roto el cántaro? —preguntó Rosa.',
      'A lo cual replicó Pedro, sin levantar la vista:',
      '—Ha sido el gato.',
    ].join('\n\n');
    expect(speakerOf(attributedDialogue(text, spanishCast, 'es'), 'Ha sido el gato')).toBe('pedro');
  });

  it('reads a Portuguese phrase of reference so', () => {
    const text = [
      '--Quem quebrou a bilha? --perguntou Rosa.',
      'João baixou os olhos.',
      'Ao que respondeu Pedro:',
      '--Foi o gato.',
    ].join('\n\n');
    expect(speakerOf(attributedDialogue(text, portugueseCast, 'pt'), 'Foi o gato')).toBe('pedro');
  });
});
