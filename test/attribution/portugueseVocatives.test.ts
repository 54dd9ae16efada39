/**
 * Portuguese calls a person with the interjection "Ó"/"Ô" ("Ó Tomás, senta-te") and with "seu" before a man's name
 * ("Seu Bastião, o senhor ouviu?", "Fui eu, seu Tomás."): the one called is not the speaker.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { addressedIn } from '../../core/characters/attribution/vocatives';
import { attributedDialogue, person } from './chapterFixture';

describe('Portuguese vocatives with "Ó" and "seu"', () => {
  const portuguese = new Cast([person('tomas', 'Tomás', 'male'), person('rosa', 'Rosa', 'female')], 'pt');

  it('reads a name after "Ó" or "Ô" as called', () => {
    expect(addressedIn('— Ó Tomás, senta-te e ouve a tua mãe.', portuguese)).toEqual(['tomas']);
    expect(addressedIn('— Ô Rosa! Vem cá ver isto.', portuguese)).toEqual(['rosa']);
    // The article "o" before a name is no call.
    expect(addressedIn('— Ontem o Tomás chegou tarde.', portuguese)).toEqual([]);
  });

  it('does not read Spanish "ó" (the older spelling of "or") as a call', () => {
    const spanish = new Cast([person('tomas', 'Tomás', 'male'), person('rosa', 'Rosa', 'female')], 'es');
    expect(addressedIn('—Vendrán Juan ó Tomás, no sé cuál de ellos.', spanish)).toEqual([]);
  });

  it('reads "seu" before a name as a word of address, at the start or after a comma', () => {
    expect(addressedIn('— Seu Tomás, o senhor ouviu?', portuguese)).toEqual(['tomas']);
    expect(addressedIn('— Fui eu, seu Tomás. Comprei a casa.', portuguese)).toEqual(['tomas']);
    // "seu" after a preposition is the possessive of someone spoken of.
    expect(addressedIn('— Falei com o irmão do seu Tomás ontem.', portuguese)).toEqual([]);
  });

  it('so an untagged line calling "seu Tomás" after his own beat goes to the other person', () => {
    const cast = [person('tomas', 'Tomás', 'male'), person('firmino', 'Firmino', 'male')];
    const text = [
      'Tomás e Firmino estavam na venda.',
      '— Então foi o senhor? — perguntou Tomás.',
      'Firmino pesava o feijão. Tomás sentou-se no banco.',
      '— Eu não quero, seu Tomás. Quem a quer é o meu afilhado.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    expect(lines.at(-1)?.speakerId).toBe('firmino');
  });
});
