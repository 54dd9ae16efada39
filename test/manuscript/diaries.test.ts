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

  it('takes no date that is its sentence’s subject or runs on without a stop', async () => {
    const dates = ['March 3rd was the day we rode home', 'March 5th, when the rain stopped, we', 'March 9th came'];
    const text = dates.map((date, i) => entry(date, i + 1)).join('\n\n');
    expect(await titles(text)).toHaveLength(1);
    const subjects = ['10 de março de 1850 foi o dia', '12 de março de 1850 trouxe chuva', '15 de março acabou'];
    const runOn = subjects.map((date, i) => `${date} em que a maré subiu às ${i + 1} horas.`).join('\n\n');
    expect(await titles(runOn, 'pt-BR')).toHaveLength(1);
  });

  it.each([
    [
      'en-GB',
      ['Monday, 3rd May. — We left Munich', 'Tuesday, 4th May.—The train', '5 May. Bistritz.—Left Munich at 8:35'],
      ['Monday, 3rd May.', 'Tuesday, 4th May.', '5 May. Bistritz.'],
    ],
    [
      'pt-BR',
      ['3 de maio. Saímos de Lisboa', '4 de maio. Chegámos', 'Sexta-feira, 7 de maio de 1855. — O barco'],
      ['3 de maio.', '4 de maio.', 'Sexta-feira, 7 de maio de 1855.'],
    ],
    [
      'es-ES',
      ['3 de mayo. Salimos', '4 de mayo.—Llegamos', '9 de mayo. Cádiz. — El barco'],
      ['3 de mayo.', '4 de mayo.', '9 de mayo. Cádiz.'],
    ],
  ])(
    '%s: a date run into the entry’s first paragraph starts an entry named by the date',
    async (language, openings, dates) => {
      const text = openings.map((opening, i) => `${opening} at ${i + 1} in the morning, and the boats went out.`);
      const parsed = await parseManuscript(Buffer.from(['A JOURNAL', ...text].join('\n\n\n\n')), { fileName: 'd.txt' });
      const chapters = detectChapters(parsed, { language }).filter((c) => c.type === 'chapter');
      expect(chapters.map((c) => c.title)).toEqual(dates);
      // The date is the entry's heading; the paragraph keeps all its words.
      expect(chapters.map((c) => c.headingText)).toEqual(dates);
      expect(parsed.text.slice(chapters[0].startOffset, chapters[0].endOffset).trim()).toBe(text[0]);
    },
  );

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
