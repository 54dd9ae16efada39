/** How a reorder cuts the chapters it moves into transactions: by count and by stored size, in order, none left out. */
import type { ChapterRecord } from '../../core/book/records';
import { transactionGroups } from '../../core/manuscript/chapterEdits';

const chapter = (n: number, text: string) => ({ id: `c${n}`, order: n, text }) as unknown as ChapterRecord;
const ids = (groups: ChapterRecord[][]) => groups.map((group) => group.map((c) => c.id));

test('at most the given number of chapters a group, in order', () => {
  const chapters = Array.from({ length: 250 }, (_, n) => chapter(n, 'short'));
  const groups = transactionGroups(chapters, 99, 1_000_000);
  expect(groups.map((group) => group.length)).toEqual([99, 99, 52]);
  expect(groups.flat()).toEqual(chapters);
});

test('a group stays within the byte budget (UTF-8), and a chapter over it alone makes a group', () => {
  const size = (c: ChapterRecord) => new TextEncoder().encode(JSON.stringify(c)).length;
  const chapters = [
    chapter(0, 'é'.repeat(300)),
    chapter(1, 'a'.repeat(300)),
    chapter(2, 'b'.repeat(2_000)),
    chapter(3, 'c'),
  ];
  const budget = size(chapters[0]!) + size(chapters[1]!) - 1;
  expect(ids(transactionGroups(chapters, 99, budget))).toEqual([['c0'], ['c1'], ['c2'], ['c3']]);
  expect(ids(transactionGroups(chapters, 99, budget + 1))).toEqual([['c0', 'c1'], ['c2'], ['c3']]);
  expect(transactionGroups([], 99, budget)).toEqual([]);
});
