/**
 * Letters' writers are the book's speakers: a signature names its writer ("Julián", "Your affectionate brother,
 * Walter", "Sempre tua, Luísa"), whose gender the closing's words give ("Tu madre", "tua", "sister"); a closing
 * without a name ("Tu madre.") is the person the letter's lines said to its "I" call by name; a postscript never
 * signs; a salutation addresses its person. A book of letters from two writers has no first-person narrator, a
 * book of one writer's letters still does. Small books written for the purpose; a megabyte of letters in linear time.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { signedLetters } from '../../core/characters/letterSignatures';
import { findMentions } from '../../core/characters/mentions';
import { castLetterWriters } from '../../core/characters/letterWriters';
import { tallyPeople } from '../../core/characters/namedPeople';
import { cpuMsSince } from '../support/jestBudget';
import { castOf, chapters } from './smallBooks';

/**
 * A megabyte of letters takes about 10 s of processor time, nearly all of it reading names (tallyPeople), and
 * milliseconds to read for writers; 45 s were measured on a busy machine, and the budget leaves room for that.
 */
const HOSTILE_CPU_BUDGET_MS = 120_000;
const HANG_LIMIT_MS = 360_000;

const SPANISH = chapters(
  'es',
  [
    'Villaseca, 3 de marzo de 1911',
    'Querido Tomás:',
    'Te escribo con prisa. Aquí llueve y yo sigo con la tos. La vecina vino a casa y me dijo:',
    '—Adela, dile a tu hijo que escriba más a menudo.',
    '—Escribe cuando puede —le contesté—. Trabaja mucho.',
    'Ayer vino el médico y me preguntó por ti.',
    '—Señora Adela, ¿y el chico está bien? —me preguntó el médico.',
    'Tu madre, que no te olvida.',
    'P. D. Inés te manda un beso.',
  ].join('\n\n'),
  [
    'Toledo, 20 de marzo de 1911',
    'Querida madre:',
    'Estoy bien y como bien. En la oficina estoy contento y el jefe me ha subido el sueldo.',
    'Dígale a Inés que le mando las tijeras.',
    'Su hijo que la quiere,',
    'Tomás',
  ].join('\n\n'),
  [
    'Villaseca, 2 de abril de 1911',
    'Querido Tomás:',
    'Las tijeras cortan. Estoy cansada pero contenta. Tu hermana está con la tos, pero no es nada.',
    'Tu madre.',
  ].join('\n\n'),
);

const ENGLISH = chapters(
  'en',
  [
    'Harrowgate, March 3rd, 1851.',
    'Dear Walter,',
    'I write in haste. I have been ill, and I am only now able to hold a pen. The house is quiet without you.',
    'I went to the village on Tuesday and I saw nobody I knew.',
    'Your loving sister,',
    'Anne',
    'P.S. Kitty sends her love.',
  ].join('\n\n'),
  [
    'London, March 20th, 1851.',
    'My dear Anne,',
    'I was sorry to hear of your illness. I have found rooms near the river and I work every day until dark.',
    'I shall come in August if I can.',
    'Your affectionate brother, Walter',
  ].join('\n\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Lisboa, 3 de março de 1901',
    'Meu querido Paulo,',
    'Escrevo-te da janela. Estou cansada mas contente, e penso em ti todos os dias.',
    'Sempre tua,',
    'Luísa',
  ].join('\n\n'),
  [
    'Coimbra, 20 de março de 1901',
    'Minha querida Luísa,',
    'Recebi a tua carta. Estou bem, fiquei contente com as notícias e vou para casa em agosto.',
    'Sempre teu, Paulo',
  ].join('\n\n'),
);

describe('letters: their writers are the speakers', () => {
  it('a name under a closing signs the letter; the closing gives the gender ("Su hijo", "Tu madre")', () => {
    const { one, cast } = castOf(SPANISH);
    expect(one('Tomás')?.gender).toBe('male');
    expect(one('Tomás')?.dialogueLineCount).toBeGreaterThan(0);
    expect(one('Tomás')?.aliases).toContain('Su hijo');
    expect(cast.find((character) => character.id === NARRATOR_ID)?.gender).toBe('unknown');
  });

  it('a closing without a name is the person its lines call when they speak to its "I"', () => {
    const { named } = castOf(SPANISH);
    expect(named('Tu madre')).toHaveLength(1);
    expect(named('Adela')).toEqual(named('Tu madre'));
    expect(named('Tu madre')[0].gender).toBe('female');
    // Both letters signed "Tu madre" to "Querido Tomás" are hers, and her first-person tag ("le contesté") too.
    expect(named('Tu madre')[0].dialogueLineCount).toBeGreaterThanOrEqual(8);
  });

  it('a postscript signs nothing: its "P. D." is no title and its name no writer', () => {
    const { cast, one } = castOf(SPANISH);
    expect(cast.flatMap((character) => [character.name, ...character.aliases])).not.toContain('D. Inés');
    expect(one('Inés')?.dialogueLineCount ?? 0).toBe(0);
    const ines = findMentions('Adiós.\n\nP. D. Inés te manda un beso. P.D. Inés también.', 'es').filter((mention) =>
      mention.form.tokens.includes('Inés'),
    );
    expect(ines.map((mention) => mention.form.honorific)).toEqual([null, null]);
    expect(findMentions('Se lo dijo D. Inés.', 'es')[0]?.form.honorific).toBe('D');
  });

  it('English: "Your loving sister," over "Anne" and "Your affectionate brother, Walter" sign; "P.S." does not', () => {
    const { one, cast } = castOf(ENGLISH);
    expect(one('Anne')?.gender).toBe('female');
    expect(one('Walter')?.gender).toBe('male');
    expect(one('Anne')?.dialogueLineCount).toBeGreaterThan(0);
    expect(one('Walter')?.dialogueLineCount).toBeGreaterThan(0);
    expect(one('Kitty')?.dialogueLineCount ?? 0).toBe(0);
    const narrator = cast.find((character) => character.id === NARRATOR_ID)!;
    expect(narrator.name).toBe('Narrator');
    expect(narrator.gender).toBe('unknown');
  });

  it('Portuguese: "Sempre tua," over a name is a woman, "Sempre teu, Paulo" a man; the salutation is no name', () => {
    const { one, cast } = castOf(PORTUGUESE);
    expect(one('Luísa')?.gender).toBe('female');
    expect(one('Paulo')?.gender).toBe('male');
    expect(cast.map((character) => character.name)).not.toContain('Querida Luísa');
  });

  it("one writer's letters stay the narrator's first person", () => {
    const { cast } = castOf([ENGLISH[0], { ...ENGLISH[0], id: 'c2' }]);
    expect(cast.find((character) => character.id === NARRATOR_ID)?.description).toMatch(/first-person/u);
  });

  it("a salutation greets without signing: the letter is not its addressee's", () => {
    const [letter] = signedLetters(ENGLISH[1].text, 1, 'en');
    expect(letter.salutation.text).toBe('My dear Anne,');
    expect(ENGLISH[1].text.slice(letter.name!.from, letter.name!.to)).toBe('Walter');
    expect(letter.gender).toBe('male');
  });

  it(
    'reads a megabyte of letters, closings and postscripts in one pass',
    async () => {
      const start = process.cpuUsage();
      const letter =
        'Querido Tomás:\n\nTe escribo. —Adela, dime —me dijo la señora Adela. —Sí —le contesté.\n\nTu madre.\n\nP. D. Nada.\n\n';
      const manyLetters = letter.repeat(Math.ceil(1_000_000 / letter.length));
      const oneParagraph = `Querido Tomás:\n\n${'—Adela, dime —me dijo Inés. '.repeat(36_000)}\n\nTu madre.`;
      for (const text of [manyLetters, oneParagraph]) {
        const book = chapters('es', text);
        expect(signedLetters(text, 0, 'es').length).toBeGreaterThan(0);
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
        const { placed, people, tallies } = tallyPeople(book);
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
        castLetterWriters(book, placed, people, tallies, 'es');
        expect([...tallies.values()].some((tally) => tally.forms.has('Tu madre'))).toBe(true);
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      }
    },
    HANG_LIMIT_MS,
  );
});
