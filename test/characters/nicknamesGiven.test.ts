/**
 * A name and the nickname the narration says it goes by ("Margaret, whom her brothers called Pip", "Joana, a quem
 * todos chamavam Nené", "Isabel, a quien en el pueblo llamaban la Rubia") are one person: one record, both forms
 * among its names. A relative clause in which the person calls someone else ("Tom, who called Jack a coward") joins
 * nobody. Small books in English, Portuguese and Spanish.
 */
import { findMentions } from '../../core/characters/mentions';
import { nicknamesIn } from '../../core/characters/nicknames';
import { cpuMsSince } from '../support/jestBudget';
import { chapters, castOf } from './smallBooks';

/** Far above a linear read of the hostile inputs, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

const ENGLISH = chapters(
  'en',
  [
    'Margaret, whom her brothers called Pip, was the cleverest of the family. Margaret read everything.',
    '',
    '"Where is the almanac?" asked Margaret.',
    '',
    '"On the shelf, Pip," said Hugh.',
    '',
    '"It is not," said Pip. Margaret looked again, and she found it under the cat.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Joana, a quem todos em casa chamavam Nené, era a mais esperta da família. Joana lia tudo.',
    '',
    '— Onde está o almanaque? perguntou Joana.',
    '',
    '— Na estante, Nené, disse Hugo.',
    '',
    '— Não está, disse Nené. Joana tornou a procurar, e ela o achou debaixo do gato.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'Isabel, a quien en el pueblo llamaban la Rubia, era la más lista de la familia. Isabel lo leía todo.',
    '',
    '—¿Dónde está el almanaque? —preguntó Isabel.',
    '',
    '—En el estante, Rubia —dijo Hugo.',
    '',
    '—No está —dijo la Rubia. Isabel volvió a buscar, y ella lo encontró debajo del gato.',
  ].join('\n'),
);

const CALLS_SOMEONE = chapters(
  'en',
  [
    'Tom, who called Jack a coward, was the first to run. Tom ran all the way home.',
    '',
    '"Come back!" shouted Jack.',
    '',
    '"Never," said Tom.',
    '',
    '"Then go," said Jack, and he laughed.',
  ].join('\n'),
);

describe('nicknames the narration gives', () => {
  it.each([
    ['en', ENGLISH, 'Margaret', 'Pip'],
    ['pt', PORTUGUESE, 'Joana', 'Nené'],
    ['es', SPANISH, 'Isabel', 'Rubia'],
  ])('join the name and its nickname (%s)', (_language, book, name, nickname) => {
    const { one } = castOf(book);
    const person = one(name);
    expect(person).toBeDefined();
    expect([person.name, ...person.aliases]).toEqual(expect.arrayContaining([name, nickname]));
    expect(person.gender).toBe('female');
  });

  it('joins nobody through a clause in which the person calls someone else', () => {
    const { one } = castOf(CALLS_SOMEONE);
    expect(one('Tom')).toBeDefined();
    expect(one('Tom')).not.toBe(one('Jack'));
  });
});

/** The same scene with the nickname given as the one used instead of the name, or by a singular subject. */
const scene = (language: 'en' | 'es' | 'pt', intro: string, name: string, nickname: string) => {
  const [asked, said] = { en: ['asked', 'said'], es: ['preguntó', 'dijo'], pt: ['perguntou', 'disse'] }[language];
  const line = (words: string, tag: string) => (language === 'en' ? `"${words}," ${tag}.` : `— ${words} — ${tag}.`);
  return chapters(
    language,
    [
      intro,
      '',
      line('Where is it', `${asked} ${name}`),
      '',
      line(`There, ${nickname}`, `${said} Hugo`),
      '',
      line('It is not', `${said} ${nickname}`),
    ].join('\n'),
  );
};

describe('nicknames used instead of the name', () => {
  it.each([
    [
      'pt',
      scene(
        'pt',
        'O caçula, Joaquim, a quem ninguém chamava Joaquim, mas Quinzinho, tinha dez anos.',
        'Joaquim',
        'Quinzinho',
      ),
      'Joaquim',
      'Quinzinho',
    ],
    [
      'pt',
      scene(
        'pt',
        'O caçula, Joaquim, a quem ninguém chamava assim, mas Quinzinho, tinha dez anos.',
        'Joaquim',
        'Quinzinho',
      ),
      'Joaquim',
      'Quinzinho',
    ],
    [
      'es',
      scene('es', 'El menor, Joaquín, a quien nadie llamaba Joaquín, sino Quino, tenía diez años.', 'Joaquín', 'Quino'),
      'Joaquín',
      'Quino',
    ],
    [
      'en',
      scene('en', 'The youngest, Joseph, whom nobody called Joseph but Jody, was ten.', 'Joseph', 'Jody'),
      'Joseph',
      'Jody',
    ],
  ])('join the name nobody uses and the one everybody does (%s)', (_language, book, name, nickname) => {
    const { one } = castOf(book);
    expect(one(name)).toBeDefined();
    expect(one(name)).toBe(one(nickname));
  });

  it('reads a singular subject of the verb of calling ("a quem a família chamava Nené")', () => {
    const { one } = castOf(scene('pt', 'Joana, a quem a família chamava Nené, era a mais esperta.', 'Joana', 'Nené'));
    expect(one('Joana')).toBeDefined();
    expect(one('Joana')).toBe(one('Nené'));
  });
});

/** The same scene with the other name given in an aside: between dashes or brackets, with those who use it. */
describe('names given in an aside, with those who use them', () => {
  it.each([
    ['en', 'Clara — Mrs. Penhallow to the servants — kept the accounts herself.', 'Clara', 'Mrs. Penhallow'],
    ['en', 'Clara (Mrs. Penhallow for the village) kept the accounts herself.', 'Clara', 'Mrs. Penhallow'],
    ['es', 'Dolores —Lolita para todos en la casa— llevaba las cuentas.', 'Dolores', 'Lolita'],
    ['pt', 'Joaquim — Quincas para os amigos — chegou ao Rio com a mãe.', 'Joaquim', 'Quincas'],
  ] as const)('join the name and the one the aside gives (%s)', (language, intro, name, other) => {
    const { one } = castOf(scene(language, intro, name, other));
    expect(one(name)).toBeDefined();
    expect(one(name)).toBe(one(other));
  });

  it('joins nobody through a list with commas, nor through a place beside someone', () => {
    const list = castOf(
      scene('en', 'There stood Clara, Mrs. Penhallow to the left, Betsy to the right.', 'Clara', 'Mrs. Penhallow'),
    );
    expect(list.one('Clara')).toBeDefined();
    expect(list.one('Clara')).not.toBe(list.one('Mrs. Penhallow'));
    const place = castOf(scene('en', 'Clara — Mrs. Penhallow to her left — sat down.', 'Clara', 'Mrs. Penhallow'));
    expect(place.one('Clara')).not.toBe(place.one('Mrs. Penhallow'));
  });

  it(
    'reads a megabyte of asides and words after names in linear time',
    async () => {
      const start = process.cpuUsage();
      const asides = `Clara —${' Mrs. Penhallow to'.repeat(60_000)} —`;
      const words = `Clara — Mrs. Penhallow to${' the'.repeat(250_000)}`;
      for (const text of [asides, words]) {
        const mentions = findMentions(text, 'en').map((mention) => ({
          form: mention.form,
          at: mention.offset,
          chapter: 0,
          local: mention.offset,
          length: mention.length,
        }));
        expect(nicknamesIn(text, 'en', mentions).length).toBeLessThanOrEqual(1);
      }
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
