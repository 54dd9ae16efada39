import { parseManuscript } from '../../adapters/manuscript';
import { describe as describeChapters } from '../../bench/chapters/score';
import { detectChapters } from '../../core/manuscript/chapters';

/**
 * Diaries: dated entries are chapters only in a book with no other chapter structure and three entries or more;
 * under chapter headings they stay paragraphs of their chapter, and their date is no chapter's title.
 */
const entry = (date: string, n: number) =>
  `${date}\n\nThe tide came in at ${n} o'clock and the boats went out after it, as they did every day that month.`;
const titles = async (text: string, language = 'en-GB') => {
  const parsed = await parseManuscript(Buffer.from(text), { fileName: 'diary.txt' });
  return describeChapters(parsed.text, detectChapters(parsed, { language })).map((c) => c.title);
};

describe('diary entries', () => {
  it.each([
    ['en-GB', ['March 3rd.', 'Monday, 14 May 1798.', '3 May. Bistritz.']],
    ['es-ES', ['3 de marzo.', 'Lunes, 14 de mayo de 1798.', '20 de mayo. Cádiz.']],
    ['pt-BR', ['3 de março.', 'Segunda-feira, 14 de maio de 1798.', '20 de maio. Recife.']],
  ])('%s: a date line alone over the day’s text starts an entry', async (language, dates) => {
    const text = dates.map((date, i) => entry(date, i + 1)).join('\n\n');
    expect(await titles(text, language)).toEqual(dates);
  });

  it('needs three entries: two dated paragraphs in a story are no diary', async () => {
    const text = [entry('March 3rd.', 1), entry('March 5th.', 2)].join('\n\n');
    expect(await titles(text)).toHaveLength(1);
  });

  it('takes no line that starts with a date and goes on as a sentence', async () => {
    const dates = ['March 3rd. We rode home', 'March 5th, when the rain stopped', 'March 9th. Then all of us'];
    const text = dates.map((date, i) => entry(date, i + 1)).join('\n\n');
    expect(await titles(text)).toHaveLength(1);
  });

  it('leaves letters to the letters rule: a date line over a salutation opens a letter', async () => {
    const letter = (date: string) => `${date}\n\nMy dear Sister,\n\nWe arrived on Tuesday and the inn is cold.`;
    const text = ['York, March 3rd, 1851.', 'York, March 9th, 1851.', 'Hull, April 1st, 1851.'].map(letter);
    expect(await titles(text.join('\n\n\n\n'))).toEqual([
      'York, March 3rd, 1851.',
      'York, March 9th, 1851.',
      'Hull, April 1st, 1851.',
    ]);
  });

  it('under chapter headings, entries stay in their chapter and a date is no chapter title', async () => {
    const chapterOf = (n: number, dates: string[]) =>
      `CHAPTER ${n}\n\n${dates.map((date, i) => entry(date, i + 1)).join('\n\n')}`;
    const text = [chapterOf(1, ['March 3rd.', 'March 5th.']), chapterOf(2, ['April 1st.', 'April 2nd.'])];
    expect(await titles(text.join('\n\n\n\n'))).toEqual(['CHAPTER 1', 'CHAPTER 2']);
  });
});
