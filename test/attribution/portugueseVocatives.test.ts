/**
 * Portuguese calls a person with the interjection "Ó"/"Ô" ("Ó Tomás, senta-te") and with "seu" before a man's name
 * ("Seu Bastião, o senhor ouviu?", "Fui eu, seu Tomás."): the one called is not the speaker.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { addressedIn } from '../../core/characters/attribution/vocatives';
import { cpuMsSince } from '../support/jestBudget';
import { attributedDialogue, person } from './chapterFixture';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

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

describe('Portuguese address in the third person ("O senhor Artur leu a carta?")', () => {
  const cast = [
    person('falcao', 'Dr. Falcão', 'male', ['Falcão']),
    person('artur', 'Artur', 'male', ['senhor Artur']),
    person('teresa', 'Teresa', 'female', ['menina Teresa']),
    person('leonor', 'Dona Leonor', 'female', ['Leonor']),
  ];
  const people = new Cast(cast, 'pt');

  it('reads the name after a word of respect opening a question as the one spoken to', () => {
    expect(addressedIn('— O senhor Artur leu a carta do seu irmão?', people)).toEqual(['artur']);
    expect(addressedIn('— É o costume. A menina Teresa já está mais descansada?', people)).toEqual(['teresa']);
    // A statement speaks of them; so does a question where the name is not the subject opening it.
    expect(addressedIn('— O senhor Artur chegou ontem de Lamego.', people)).toEqual([]);
    expect(addressedIn('— Já falou com o senhor Artur?', people)).toEqual([]);
  });

  it('leaves the answer to the one asked', () => {
    const text = [
      'O Dr. Falcão voltou no dia seguinte. Dona Leonor mandou-o entrar para a sala, onde Artur e Teresa esperavam.',
      '— Bom dia — disse o Dr. Falcão. — A menina Teresa já está mais descansada?',
      '— Estou, senhor doutor. Falei com a minha mãe.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual(['falcao', 'falcao', 'teresa']);
  });

  it(
    'reads a megabyte of words of respect in linear time',
    async () => {
      const start = process.cpuUsage();
      // One name each (the cast's search for names is not what is measured here): words of respect repeated before it,
      // and a long question or statement after it.
      const respect = `— ${'o senhor, '.repeat(100_000)}o senhor Artur leu?`;
      const asked = `— O senhor Artur ${'leu '.repeat(250_000)}?`;
      const stated = `— O senhor Artur ${'leu '.repeat(250_000)}.`;
      expect(addressedIn(respect, people)).toEqual(['artur']);
      expect(addressedIn(asked, people)).toEqual([]);
      expect(addressedIn(stated, people)).toEqual([]);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
