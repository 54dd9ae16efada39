/**
 * A person called by a title with no name ("Senhor doutor, falta a assinatura.", "Aqui está, senhor doutor."), asked
 * in the Portuguese third person ("O senhor doutor fica para almoçar?", "O senhor doutor Falcão fica?") or given a
 * form of address owed to rank ("Vossa Senhoria", "Vossa Excelência") is the one spoken to: the cast's only holder of
 * the title, never the line's speaker.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { addressedIn } from '../../core/characters/attribution/vocatives';
import { cpuMsSince } from '../support/jestBudget';
import { attributedDialogue, person } from './chapterFixture';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 60_000;
const HANG_LIMIT_MS = 180_000;

const cast = [
  person('falcao', 'Dr. Anselmo Falcão', 'male', ['Dr. Falcão', 'Falcão']),
  person('artur', 'Artur', 'male', ['senhor Artur']),
  person('custodio', 'Custódio', 'male'),
  person('teresa', 'Teresa', 'female', ['menina Teresa']),
];
const people = new Cast(cast, 'pt');

describe('the title a line calls someone by', () => {
  it('reads "senhor doutor" alone as the cast\'s only doctor, at the start or the end of the line', () => {
    expect(addressedIn('— Senhor doutor, falta a assinatura dos herdeiros.', people)).toEqual(['falcao']);
    expect(addressedIn('— Aqui está, senhor doutor. E a caneta.', people)).toEqual(['falcao']);
    expect(addressedIn('— Sim, doutor.', people)).toEqual(['falcao']);
  });

  it('reads the title asked in the third person, with or without the name', () => {
    expect(addressedIn('— O senhor doutor fica para almoçar? Há cabrito.', people)).toEqual(['falcao']);
    expect(addressedIn('— O senhor doutor Falcão fica para almoçar?', people)).toEqual(['falcao']);
    // A statement, or a question where the title is not the subject opening it, speaks of him.
    expect(addressedIn('— O senhor doutor chegou ontem de Lamego.', people)).toEqual([]);
    expect(addressedIn('— Já falou com o senhor doutor Falcão?', people)).toEqual([]);
  });

  it('reads a form of address owed to rank as said to the one person of title', () => {
    expect(addressedIn('— Vossa Senhoria vai desculpar-me, mas isto é uma palhaçada.', people)).toEqual(['falcao']);
    expect(addressedIn('— Vossa Excelência sabe bem que não.', people)).toEqual(['falcao']);
    // With two people of title it says nothing of which.
    const two = new Cast([...cast, person('dutra', 'Conselheiro Dutra', 'male', ['Dutra'])], 'pt');
    expect(addressedIn('— Vossa Excelência sabe bem que não.', two)).toEqual([]);
  });

  it("does not read a title that is someone else's or spoken of", () => {
    expect(addressedIn('— O doutor disse que vinha amanhã.', people)).toEqual([]);
    const noDoctor = new Cast([person('artur', 'Artur', 'male'), person('teresa', 'Teresa', 'female')], 'pt');
    expect(addressedIn('— Senhor doutor, falta a assinatura.', noDoctor)).toEqual([]);
  });

  it('gives the reply to the notary called "senhor doutor", and the line after to the clerk he thanks', () => {
    const text = [
      'O Dr. Falcão arrumava os papéis na pasta. Artur e Teresa estavam à janela, calados; Custódio, o escrevente, esperava à porta com o chapéu na mão.',
      '— Senhor doutor, o carro já está lá em baixo.',
      '— Obrigado, Custódio. Diga ao motorista que espere.',
      '— Digo, sim senhor.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual([
      'custodio',
      'falcao',
      'custodio',
    ]);
  });

  it(
    'reads a megabyte of titles in linear time',
    async () => {
      const start = process.cpuUsage();
      const called = `— ${'Senhor doutor, '.repeat(60_000)}fim.`;
      const asked = `— ${'. O senhor doutor '.repeat(55_000)}fica`;
      const ranks = `— ${'Vossa '.repeat(170_000)}Senhoria`;
      const spaces = `— ,${' '.repeat(1_000_000)}doutor`;
      // A name called out, with a long run of spaces before its exclamation mark.
      const calledOut = `— Falcão${' '.repeat(1_000_000)}!`;
      expect(addressedIn(called, people)).toEqual(['falcao']);
      expect(addressedIn(asked, people)).toEqual([]);
      expect(addressedIn(ranks, people)).toEqual(['falcao']);
      expect(addressedIn(spaces, people)).toEqual(['falcao']);
      expect(addressedIn(calledOut, people)).toEqual(['falcao']);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
