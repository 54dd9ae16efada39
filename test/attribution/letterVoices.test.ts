/**
 * Inside a letter printed in a chapter, "I" is its writer: a first-person tag there ("le contesté yo", "le dije",
 * "I said") is the writer's line, not the narrator's. Signed by someone the cast holds, the line is theirs; in a
 * chapter nobody tells in the first person, a letter whose signature is not read still has an "I" that is not the
 * narrator's, and its lines are left unsure rather than given to the narrator's voice.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { firstPersonVoices } from '../../core/characters/attribution/letters';
import { NARRATOR_ID, narratorCharacter } from '../../core/characters/character';
import { segmentChapter } from '../../core/planning/segmentation';
import { cpuMsSince } from '../support/jestBudget';
import { attributedDialogue, person } from './chapterFixture';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 20_000;
const HANG_LIMIT_MS = 180_000;

const salas = person('salas', 'Salas', 'male', ['el ingeniero Salas']);
const rosa = person('rosa', 'Rosa', 'female');
const tomas = person('tomas', 'Tomás', 'male');
const abuela = person('abuela', 'la abuela', 'female');

const letterScene = (signature: string) =>
  [
    'La abuela le dio la carta a Rosa, y Rosa la leyó en voz alta:',
    'Querida Rosa:',
    'El lunes fui a ver al ingeniero Salas, el que manda en el campamento. Me tuvo dos horas esperando.',
    '—¿Usted es el Quispe que viene de Lima? —me preguntó.',
    '—El mismo, ingeniero —le contesté yo—. Vengo por el puesto.',
    '—Ese puesto ya tiene dueño —dijo él.',
    '—Acepto lo que haya —le dije.',
    signature,
    'Rosa dobló las hojas y miró a la abuela.',
  ].join('\n\n');

const writerLines = (lines: { text: string; speakerId: string; confidence: number }[]) =>
  lines.filter((line) => /El mismo|Acepto|Vengo/u.test(line.text));

describe('first-person tags inside a letter', () => {
  it('are the writer’s lines when the cast holds the one the signature names', () => {
    for (const signature of ['Tu hermano que te quiere,\n\nTomás', 'Tu hermano que te quiere,\nTomás']) {
      const lines = attributedDialogue(letterScene(signature), [salas, rosa, tomas, abuela], 'es');
      expect(writerLines(lines).map((line) => line.speakerId)).toEqual(['tomas', 'tomas', 'tomas']);
      expect(writerLines(lines).every((line) => line.confidence >= 0.7)).toBe(true);
    }
  });

  it('are never confidently the narrator’s when the cast lacks the writer, in a chapter told in the third person', () => {
    const lines = attributedDialogue(letterScene('Tu hermano que te quiere,\nTomás'), [salas, rosa, abuela], 'es');
    for (const line of writerLines(lines)) {
      expect(line.speakerId).not.toBe(NARRATOR_ID);
      expect(line.confidence).toBeLessThan(0.5);
    }
  });

  it('end at the signature: the narration after it has no letter writer', () => {
    const ordered = segmentChapter(`${letterScene('Un abrazo, Tomás')}\n\n—Ya voy —dije yo.`, { language: 'es' }).map(
      (segment) => ({ ...segment, id: `s${segment.index}` }),
    );
    const voices = firstPersonVoices(ordered, new Cast([salas, rosa, tomas, abuela], 'es'));
    const voiceOf = (start: string) => voices[ordered.findIndex((segment) => segment.text.startsWith(start))];
    expect(voiceOf('—Acepto')).toBe('tomas');
    expect(voiceOf('—Ya voy')).toBe(NARRATOR_ID);
  });

  it('stay the narrator’s outside letters, and in a first-person book whose letter’s writer the cast lacks', () => {
    const narrator = { ...narratorCharacter(null), name: 'Narrator', gender: 'male' as const, dialogueLineCount: 3 };
    const text = [
      'Rosa me esperaba en la puerta.',
      '—¿Vienes? —me preguntó.',
      '—Voy —le contesté yo.',
      letterScene('Tu hermano que te quiere,\n\nTomás'),
    ].join('\n\n');
    const lines = attributedDialogue(text, [narrator, salas, rosa, abuela], 'es');
    expect(lines.find((line) => line.text.startsWith('—Voy'))?.speakerId).toBe(NARRATOR_ID);
    expect(writerLines(lines).map((line) => line.speakerId)).toEqual([NARRATOR_ID, NARRATOR_ID, NARRATOR_ID]);
  });
});

describe('letter voices on hostile input', () => {
  /** The chapter cut at its blank lines, every block a narration segment: only the letters' reading is timed. */
  const blocks = (text: string) =>
    text.split(/(?<=\n\n)/u).map((block, index) => ({ id: `s${index}`, kind: 'narration' as const, text: block }));

  it(
    'reads a megabyte of salutations, signatures and letters in linear time',
    async () => {
      const start = process.cpuUsage();
      const cast = new Cast([rosa, tomas], 'es');
      const letter = 'Querida Rosa:\n\nTe escribo.\n\n—Sí —le dije.\n\nTu hermano,\nTomás\n\n';
      const chapters = [
        letter.repeat(20_000),
        'Querida Rosa:\n\n'.repeat(70_000),
        `Querida Rosa:\n\nTe escribo.\n\n${'Tu hermano, '.repeat(90_000)}Tomás`,
        `Querida Rosa:\n\n${'A '.repeat(500_000)},\nTomás`,
        `Querida Rosa:\n${'\n'.repeat(1_000_000)}Tomás`,
      ];
      for (const text of chapters) {
        const ordered = blocks(text);
        const voices = firstPersonVoices(ordered, cast);
        expect(voices.length).toBe(ordered.length);
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      }
      expect(firstPersonVoices(blocks(chapters[0]), cast).filter((voice) => voice === 'tomas').length).toBe(80_000);
    },
    HANG_LIMIT_MS,
  );
});
