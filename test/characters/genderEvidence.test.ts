/**
 * Gender from the article of the noun phrase a name stands in (Spanish, Portuguese): "la hermosa Marcela",
 * "la pastora Marcela", "o velho Cotrim". Evidence only: a name after a verb ("dijo Marcela") says nothing.
 */
import { detectCharactersHeuristic } from '../../core/characters';
import { articleBefore } from '../../core/characters/genderEvidence';
import { chapters } from './smallBooks';

const before = (text: string, language: 'es' | 'pt' | 'en') => articleBefore(text, text.length, language);

describe('gender from the article before a name', () => {
  it('reads the article right before the name or before one word that goes with it', () => {
    expect(before('la hermosa ', 'es')).toBe('female');
    expect(before('de la pastora ', 'es')).toBe('female');
    expect(before('el pobre ', 'es')).toBe('male');
    expect(before('o velho ', 'pt')).toBe('male');
    expect(before('a bela ', 'pt')).toBe('female');
    expect(before('da ', 'pt')).toBe('female');
  });

  it('reads nothing from a verb, a preposition or a word after a verb', () => {
    expect(before('—dijo ', 'es')).toBe('unknown');
    expect(before('la carta que leyó ', 'es')).toBe('unknown');
    expect(before('vio a ', 'es')).toBe('unknown');
    expect(before('dijo el ', 'es')).toBe('male');
    expect(before('the pretty ', 'en')).toBe('unknown');
  });

  it('gives a Spanish woman known only through such phrases her gender', () => {
    const cast = detectCharactersHeuristic(
      chapters(
        'es',
        [
          'Todos hablaban de la hermosa Marcela. La pastora Marcela no quería a nadie; la desdeñosa Marcela',
          'andaba por los montes, y él la seguía sin esperanza.',
          '',
          '—No quiero a nadie —dijo Marcela.',
          '',
          '—Ya lo sé —respondió Grisóstomo.',
          '',
          '—Pues vete —dijo Marcela.',
        ].join('\n'),
      ),
    );
    expect(cast.find((c) => c.name === 'Marcela')).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
  });

  it("reads a role's pronoun only up to the next name: Alice's \"she\" is not the Rabbit's", () => {
    const cast = detectCharactersHeuristic(
      chapters(
        'en',
        [
          '"Hurry!" said the Rabbit, and Alice ran after it; she was curious.',
          '',
          '"Too late!" said the Rabbit, and Alice sighed, for she was tired.',
          '',
          '"My gloves!" said the Rabbit. He looked about him.',
        ].join('\n'),
      ),
    );
    expect(cast.find((c) => c.name === 'The Rabbit')).toMatchObject({ gender: 'male', dialogueLineCount: 3 });
  });
});

describe('a Spanish feminine noun that takes "el"', () => {
  it('gives "el ama", "el aya" and "el hada" a woman\'s gender, not the article\'s', () => {
    const cast = detectCharactersHeuristic(
      chapters(
        'es',
        [
          '—¿Quién llama? —dijo el ama.',
          '',
          '—Soy yo, Pedro Gil —respondió el mozo.',
          '',
          '—Pues espere —dijo el ama—, que bajo.',
          '',
          '—Cuéntame un cuento —dijo el niño.',
          '',
          '—Había una vez un rey —dijo el aya.',
          '',
          '—¿Y después? —preguntó el niño.',
          '',
          '—Después se fue a la guerra —dijo el aya.',
        ].join('\n'),
      ),
    );
    expect(cast.find((character) => character.name === 'El ama')?.gender).toBe('female');
    expect(cast.find((character) => character.name === 'El aya')?.gender).toBe('female');
    expect(cast.find((character) => character.name === 'El niño')?.gender).toBe('male');
  });
});
