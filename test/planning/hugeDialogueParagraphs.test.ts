/**
 * One paragraph of a megabyte of dialogue (a book whose paragraphs were not found) is segmented in time that grows
 * with its length: a quotation in guillemets holding a whole exchange with dashes, and quoted English lines after a
 * dash that opens the paragraph. Reading back to the quotation's opening at every dash, and searching for the next
 * dash to the paragraph's end at every tag, took 38 s and 14 s on these; now well under a second.
 */
import { segmentChapter } from '../../core/planning/segmentation';
import { cpuMsSince } from '../support/jestBudget';

const HOSTILE_CPU_BUDGET_MS = 8_000;

const HANG_LIMIT_MS = 180_000;
const MEGABYTE = 1_000_000;
const NAMES = ['Rosa', 'Pedro', 'Juan', 'Lucía', 'Marta'];

/** The text `turn` makes for each name in turn, repeated to a megabyte. */
function megabyteOf(turn: (name: string, next: string) => string): { text: string; turns: number } {
  const round = NAMES.map((name, index) => turn(name, NAMES[(index + 1) % NAMES.length])).join('');
  const rounds = Math.ceil(MEGABYTE / round.length);
  return { text: round.repeat(rounds), turns: rounds * NAMES.length };
}

/** The segments' kinds and texts, once checked that they tile the chapter. */
function segmentsOf(text: string, language: string) {
  const segments = segmentChapter(text, { language });
  expect(segments.map((segment) => segment.text).join('')).toBe(text);
  return segments;
}

describe('segmentation of one huge paragraph of dialogue', () => {
  it(
    'reads a megabyte-long quotation in guillemets full of dashes in time that grows with its length',
    async () => {
      const start = process.cpuUsage();
      const { text: exchange, turns } = megabyteOf(
        (name, next) => `¿Vienes, ${next}? —preguntó ${name}—. Te espero. — Sí, voy. `,
      );
      const text = `«${exchange.trimEnd()}»`;
      const segments = segmentsOf(text, 'es');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const tags = segments.filter((segment) => segment.kind === 'narration');
      expect(tags).toHaveLength(turns);
      expect(tags.every((tag) => /^—preguntó \p{Lu}\p{Ll}+—\. $/u.test(tag.text))).toBe(true);
    },
    HANG_LIMIT_MS,
  );

  it(
    'reads a megabyte of quoted English lines after an opening dash in time that grows with its length',
    async () => {
      const start = process.cpuUsage();
      const { text: lines, turns } = megabyteOf(
        (name, next) => `"Where have you been, ${next}?" said ${name}. "Out," replied ${next}, smiling. `,
      );
      const text = `—${lines.trimEnd()}`;
      const segments = segmentsOf(text, 'en');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const tags = segments.filter((segment) => segment.kind === 'narration');
      expect(tags).toHaveLength(2 * turns);
      expect(tags.every((tag) => /^(?:said|replied) \p{Lu}/u.test(tag.text))).toBe(true);
    },
    HANG_LIMIT_MS,
  );
});
