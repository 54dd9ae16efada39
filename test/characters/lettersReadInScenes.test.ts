/**
 * A letter printed in the middle of a scene, read aloud by someone, ends at its signature, not at the chapter's end:
 * a closing that says who the writer is, over a name ("Tu hermano que te quiere," then "Tomás", on two lines of one
 * block or in two blocks), and the scene goes on after it. Its writer speaks its lines. Small books written for the
 * purpose.
 */
import { cpuMsSince } from '../support/jestBudget';
import { castOf, chapters } from './smallBooks';

/** A megabyte of letters takes a few seconds of processor time to cast; the budget leaves room for a busy machine. */
const HOSTILE_CPU_BUDGET_MS = 60_000;
const HANG_LIMIT_MS = 180_000;

function scene(signature: string): string {
  return [
    'La carta llegó el jueves. Rosa rasgó el sobre y leyó en voz alta:',
    '',
    'Querida Rosa:',
    '',
    'Te escribo desde la pensión, porque en la mina no hay ni mesa. Estoy bien.',
    '',
    'El lunes fui a ver al ingeniero. Me tuvo dos horas esperando en la puerta.',
    '',
    signature,
    '',
    'Rosa dobló las hojas. La abuela se había quedado callada.',
    '',
    '—Almacén —dijo la abuela—. Mi nieto, cargando costales.',
    '',
    '—Es un trabajo, abuela —dijo Rosa.',
    '',
    '—Ya lo sé —dijo la abuela.',
  ].join('\n');
}

describe('a letter read in the middle of a scene', () => {
  it.each([
    ['on two lines of one block', 'Tu hermano que te quiere,\nTomás'],
    ['in two blocks', 'Tu hermano que te quiere,\n\nTomás'],
  ])('is signed by the closing over the name %s', (_, signature) => {
    const { one } = castOf(chapters('es', scene(signature)));
    expect(one('Tomás')).toBeDefined();
    expect(one('Tomás')?.gender).toBe('male');
    expect(one('Tomás')?.dialogueLineCount).toBeGreaterThan(0);
    expect(one('Tomás')?.aliases).toContain('Tu hermano');
  });

  it('is not signed by a name alone in the middle of a scene', () => {
    const { one } = castOf(chapters('es', scene('Tomás')));
    expect(one('Tomás')?.dialogueLineCount ?? 0).toBe(0);
  });

  it(
    'reads a megabyte of salutations and closings in linear time',
    async () => {
      const start = process.cpuUsage();
      const unit = 'Querida Rosa:\n\nTu hermano,\n\nhola y adiós\n\nTu hermano que te quiere,\nTomás\n\n';
      const { one } = castOf(chapters('es', unit.repeat(Math.ceil(1_000_000 / unit.length))));
      expect(one('Tomás')).toBeDefined();
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
