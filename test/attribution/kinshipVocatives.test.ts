/**
 * A child calling a parent ("--Papai!", "--¡Madre!") addresses the person the cast knows by that relation ("O pai",
 * "su madre"), who is not the line's speaker and answers it.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { kinAddressedIn } from '../../core/characters/attribution/kinshipVocatives';
import { NARRATOR_ID, type Character } from '../../core/characters/character';
import { cpuMsSince } from '../support/jestBudget';
import { attributedDialogue, person } from './chapterFixture';

const HOSTILE_CPU_BUDGET_MS = 30_000;

const HANG_LIMIT_MS = 180_000;

describe('a parent called by kinship', () => {
  it('is the one the cast knows by that relation, who calls and answers (Portuguese)', () => {
    const cast = [
      person('rosinha', 'Rosinha', 'female'),
      person('pai', 'O pai', 'male', ['o pai']),
      person('bento', 'Bento', 'male'),
    ];
    const text = [
      'Bento e Rosinha riscavam o muro do quintal. Rosinha ria.',
      '--Rosinha!',
      '--Papai!',
      '--Não me estragues o reboco do muro.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual(['pai', 'rosinha', 'pai']);
  });

  it('finds the parent only where the word is a call, and only one known so', () => {
    const parents = new Cast(
      [person('hija', 'Inés', 'female'), person('madre', 'Su madre', 'female', ['su madre'])],
      'es',
    );
    expect(kinAddressedIn('--¡Madre!', parents)).toEqual(['madre']);
    expect(kinAddressedIn('--Sí, madre mía, ya voy.', parents)).toEqual(['madre']);
    expect(kinAddressedIn('--Madre dice que no vengas.', parents)).toEqual([]);
    expect(kinAddressedIn('--¡Padre!', parents)).toEqual([]);
  });

  it('finds a grandparent the cast knows by that relation, who is not the line’s speaker and answers it', () => {
    const cast = [
      person('remedios', 'Señora Remedios', 'female', ['Remedios', 'la abuela']),
      person('lucia', 'Lucía', 'female'),
    ];
    const text = [
      'Aquella noche Lucía no podía dormir. Oyó a la abuela abrir el armario y se asomó a la puerta.',
      '—¿Qué haces, abuela?',
      '—Nada. Contar.',
      '—¿Contar qué?',
      '—Las semanas que faltan para septiembre.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'es').map((line) => line.speakerId)).toEqual([
      'lucia',
      'remedios',
      'lucia',
      'remedios',
    ]);
    const grandparents = new Cast(
      [person('nieta', 'Rosa', 'female'), person('avo', 'A avó', 'female', ['a avó'])],
      'pt',
    );
    expect(kinAddressedIn('— Vó, a avó já comeu?', grandparents)).toEqual(['avo']);
    expect(kinAddressedIn('— Bênção, vovó!', grandparents)).toEqual(['avo']);
    expect(kinAddressedIn('— A avó disse que não.', grandparents)).toEqual([]);
    const english = new Cast([person('edie', 'Edie', 'female'), person('gran', 'Mrs. Tate', 'female')], 'en');
    expect(kinAddressedIn('‘Yes, Gran.’', english, ['gran', 'edie'])).toEqual(['gran']);
    expect(kinAddressedIn('‘Me gran does that.’', english, ['gran', 'edie'])).toEqual([]);
  });

  it('leaves a first-person narrator’s own mother alone: every child calls theirs so', () => {
    const cast = new Cast(
      [
        person(NARRATOR_ID, 'Bento', 'male'),
        person('mae', 'Minha mãe', 'female', ['minha mãe']),
        person('capitu', 'Capitu', 'female'),
      ],
      'pt',
    );
    expect(cast.firstPersonNarrator).toBe(true);
    expect(kinAddressedIn('--Mamãe!', cast)).toEqual([]);
  });
});

describe('a parent called by kinship the cast does not hold as a relation', () => {
  it('is the one person of the scene of that gender called by a title of the married (English)', () => {
    const cast = [
      person('george', 'Mr. Whitcomb', 'male', ['George']),
      person('eleanor', 'Mrs. Whitcomb', 'female'),
      person('ruth', 'Ruth', 'female', ['Miss Ruth']),
    ];
    const text = [
      'Mrs. Whitcomb sat by the lamp with her sewing. Ruth came in from the garden with her hands full of roses.',
      '"You are late for tea."',
      '"The roses would not wait, Mother."',
      '"Roses always wait. Tea does not."',
      '"Yes, Mother."',
      '"And do not answer me in that tone."',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'en').map((line) => line.speakerId)).toEqual([
      'eleanor',
      'ruth',
      'eleanor',
      'ruth',
      'eleanor',
    ]);
  });

  it('is read only where the word is a call written with a capital, and only one person fits', () => {
    const cast = (people: Character[]) => new Cast(people, 'en');
    const family = cast([person('eleanor', 'Mrs. Whitcomb', 'female'), person('ruth', 'Ruth', 'female')]);
    expect(kinAddressedIn('"Yes, Mother."', family, ['eleanor', 'ruth'])).toEqual(['eleanor']);
    expect(kinAddressedIn('"Oh, Mamma, do let me go!"', family, ['eleanor', 'ruth'])).toEqual(['eleanor']);
    expect(kinAddressedIn('"My mother, poor soul, never knew."', family, ['eleanor', 'ruth'])).toEqual([]);
    expect(kinAddressedIn('"Mother says you may come."', family, ['eleanor', 'ruth'])).toEqual([]);
    // Not in the scene, or two ladies in it: nobody is known to be the mother called.
    expect(kinAddressedIn('"Yes, Mother."', family, ['ruth'])).toEqual([]);
    const twoLadies = cast([
      person('eleanor', 'Mrs. Whitcomb', 'female'),
      person('pell', 'Mrs. Pell', 'female'),
      person('ruth', 'Ruth', 'female'),
    ]);
    expect(kinAddressedIn('"Yes, Mother."', twoLadies, ['eleanor', 'pell', 'ruth'])).toEqual([]);
    // A priest called "Father" has no title of the married.
    const parish = cast([person('flynn', 'Father Flynn', 'male'), person('boy', 'Eliza', 'female')]);
    expect(kinAddressedIn('"Yes, Father."', parish, ['flynn', 'boy'])).toEqual([]);
  });

  it('is the lady of the scene called Dona when the cast has no record for the mother (Portuguese)', () => {
    const cast = [
      person('leonor', 'Dona Leonor', 'female', ['Leonor']),
      person('teresa', 'Teresa', 'female'),
      person('artur', 'Artur', 'male', ['senhor Artur']),
    ];
    const text = [
      'Dona Leonor e Artur estavam à mesa quando a Teresa entrou, a tirar o casaco.',
      '— Mãe, a mãe sabe onde está a chave do sótão?',
      '— Não sei, minha filha. Pergunta ao teu pai.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual(['teresa', 'leonor']);
    expect(kinAddressedIn('— Estou bem, mãe.', new Cast(cast, 'pt'), ['leonor', 'teresa', 'artur'])).toEqual([
      'leonor',
    ]);
  });
});

describe('a parent spoken to in the third person (European Portuguese)', () => {
  const cast = [
    person('leonor', 'Dona Leonor', 'female', ['Leonor']),
    person('teresa', 'Teresa', 'female'),
    person('artur', 'Artur', 'male', ['senhor Artur']),
  ];

  it('is the one asked when the relation opens a question', () => {
    const people = new Cast(cast, 'pt');
    const present = ['leonor', 'teresa', 'artur'];
    expect(kinAddressedIn('— A mãe já falou com o médico?', people, present)).toEqual(['leonor']);
    expect(kinAddressedIn('— Mãe, a mãe sabe onde está a chave?', people, present)).toEqual(['leonor']);
    // Spoken of: after "E", or in a line that asks nothing.
    expect(kinAddressedIn('— E a mãe sabe?', people, present)).toEqual([]);
    expect(kinAddressedIn('— A mãe chegou ontem de Braga.', people, present)).toEqual([]);
  });

  it('answers the question, and the one who asked it answers back', () => {
    const text = [
      'Artur ficou na sala. Nessa noite, Dona Leonor fez sopa, e Teresa foi ter com ela à cozinha.',
      '— A mãe já falou com o médico?',
      '— Já.',
      '— E então?',
      '— E então nada. São coisas da idade.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual([
      'teresa',
      'leonor',
      'teresa',
      'leonor',
    ]);
  });
});

describe('kinship words on hostile input', () => {
  it(
    'reads a megabyte of calls, near-calls and spaces in linear time',
    async () => {
      const start = process.cpuUsage();
      const cast = new Cast([person('eleanor', 'Mrs. Whitcomb', 'female'), person('ruth', 'Ruth', 'female')], 'en');
      const present = ['eleanor', 'ruth'];
      const calls = '"Yes, Mother, ah Mamma, Oh, Papa'.repeat(35_000);
      const spaces = `"Yes, Mother${' '.repeat(1_000_000)}x"`;
      const commas = `"${', '.repeat(250_000)}Mother${' ,'.repeat(250_000)}"`;
      expect(kinAddressedIn(calls, cast, present)).toEqual(['eleanor']);
      expect(kinAddressedIn(spaces, cast, present)).toEqual([]);
      expect(kinAddressedIn(commas, cast, present)).toEqual(['eleanor']);
      const portuguese = new Cast([person('leonor', 'Dona Leonor', 'female')], 'pt');
      expect(kinAddressedIn(`— ${'Sim, mãe'.repeat(125_000)}.`, portuguese, ['leonor'])).toEqual(['leonor']);
      expect(kinAddressedIn(`— A mãe ${'sabe, '.repeat(200_000)}?`, portuguese, ['leonor'])).toEqual([]);
      expect(kinAddressedIn(`— A mãe ${'sabe '.repeat(200_000)}?`, portuguese, ['leonor'])).toEqual([]);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
