import { parseManuscript } from '../../../adapters/manuscript';
import { detectBookChapters } from '../../../core/manuscript/chapters';

/**
 * Held-out books scored check by check. A check the readers still fail is listed as a known miss, and a known miss
 * that starts passing fails the suite, so the list (and the score printed in the last test's name) is brought up to
 * date with the readers.
 */
export interface Check<Reading> {
  name: string;
  holds: (reading: Reading) => boolean;
}

export interface HeldOutBook<Reading> {
  name: string;
  read: () => Promise<Reading>;
  checks: Check<Reading>[];
}

/** What a listener hears of a book (its spoken sections), and its unspoken sections (where notes are gathered). */
export interface Heard {
  spoken: string;
  notes: string;
}

export async function heard(bytes: Buffer, fileName: string, language: string): Promise<Heard> {
  const parsed = await parseManuscript(bytes, { fileName, language });
  const { chapters } = detectBookChapters(parsed, { language });
  const textOf = (spoken: boolean) =>
    chapters
      .filter((chapter) => chapter.spoken === spoken)
      .map((chapter) => parsed.text.slice(chapter.startOffset, chapter.endOffset))
      .join('\n\n');
  return { spoken: textOf(true), notes: textOf(false) };
}

export function describeHeldOutBooks<Reading>(
  title: string,
  books: readonly HeldOutBook<Reading>[],
  knownMisses: ReadonlySet<string>,
): void {
  describe(title, () => {
    const results = new Map<string, boolean>();

    beforeAll(async () => {
      for (const book of books) {
        const reading = await book.read();
        for (const check of book.checks) results.set(`${book.name}: ${check.name}`, check.holds(reading));
      }
    });

    const all = books.flatMap((book) => book.checks.map((check) => `${book.name}: ${check.name}`));

    it.each(all.filter((key) => !knownMisses.has(key)))('%s', (key) => {
      expect(results.get(key)).toBe(true);
    });

    for (const key of knownMisses)
      it(`still misses ${key}`, () => {
        expect(results.get(key)).toBe(false);
      });

    it(`scores ${all.length - knownMisses.size}/${all.length} (${knownMisses.size} known misses)`, () => {
      expect([...knownMisses].every((key) => all.includes(key))).toBe(true);
    });
  });
}
