/**
 * A chapter of dense dialogue is cast in time that grows with its length: the readings that ask for the paragraph
 * around a tag, the mentions in a stretch or the lines of a paragraph find them by halves instead of going through
 * the whole chapter at every tag (a megabyte took 18 s, two megabytes over a minute; now a few seconds). A book whose
 * chapters were not found arrives as one chapter this long, and one whose paragraphs were not found as one paragraph:
 * the readings that ask at every tag of a paragraph for the names in its line, the lines that name a role and the
 * dash opening it read each paragraph once (a paragraph of 400 kB of dash dialogue took 86 s).
 */
import { paragraphBetween } from '../../core/characters/paragraphs';
import { cpuMsSince } from '../support/jestBudget';
import { castOf, chapters } from './smallBooks';

// The work's budget is CPU time: the quadratic readings took about 95 s of it for these sizes, the linear ones about
// 15 s. Jest's wall-clock limit only stops a hang, since a loaded machine (a CI runner's two workers) stretches the
// wall time of the same work two or three times.
const HOSTILE_CPU_BUDGET_MS = 40_000;
const HANG_LIMIT_MS = 180_000;
const TURNS =
  '"Where have you been, Walter?" said Mr. Whitcomb to his brother.\n\n' +
  '"Out, George," replied Walter Whitcomb, smiling at Eleanor.\n\n' +
  '"I am the doctor," said Dr. Hale to Eleanor. "Good-night, Mrs. Whitcomb."\n\n';

describe('a long chapter of dialogue', () => {
  it(
    'is cast in time that grows with its length (half a megabyte, one, then two)',
    async () => {
      const start = process.cpuUsage();
      for (const bytes of [500_000, 1_000_000, 2_000_000]) {
        const text = TURNS.repeat(Math.ceil(bytes / TURNS.length));
        const { one } = castOf(chapters('en', text));
        expect(one('Walter Whitcomb')).toBeDefined();
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      }
    },
    HANG_LIMIT_MS,
  );

  it(
    'is cast in time that grows with its length when the whole megabyte is one paragraph of dash dialogue',
    async () => {
      const start = process.cpuUsage();
      const turns = '—Rosa, sí —dijo Pedro al viejo—. —Pedro, no —contestó Rosa a Juan—, Juan. ';
      const text = turns.repeat(Math.ceil(1_000_000 / turns.length));
      const { one } = castOf(chapters('es', text));
      expect(one('Pedro')?.dialogueLineCount).toBeGreaterThan(0);
      expect(one('Rosa')?.dialogueLineCount).toBeGreaterThan(0);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );

  it('finds the paragraph around a place as a scan from the start would', () => {
    const text = 'one\n\ntwo two\n \ntwo more\n\nthree';
    const paragraphBreak = /\n[ \t]*\r?\n/gu;
    const scanned = (before: number, after: number): [number, number] => {
      let [from, to] = [0, text.length];
      for (const match of text.matchAll(paragraphBreak)) {
        if (match.index + match[0].length <= before) from = match.index + match[0].length;
        else if (match.index >= after) {
          to = match.index;
          break;
        }
      }
      return [from, to];
    };
    for (let before = 0; before <= text.length; before++) {
      for (let after = 0; after <= text.length; after++) {
        expect(paragraphBetween(text, before, after, paragraphBreak)).toEqual(scanned(before, after));
      }
    }
  });
});
