import { parseManuscript } from '../../adapters/manuscript';
import { paragraphBlocks } from '../../adapters/manuscript/textBlocks';
import { detectBookChapters } from '../../core/manuscript/chapters';
import { findGutenbergBody } from '../../core/manuscript/gutenberg';
import { renumberedOmnibus } from './fixtures/renumberedOmnibus';
import { cpuMsSince } from '../support/jestBudget';

/**
 * Chapter detection on big books gives the same answers as on small ones (its speed is measured by
 * `npm run bench -- chapterScaling`, not asserted here): a 20 MB book made of the corpus books with their headings
 * renumbered, and texts shaped to make a careless pattern read the book again at every line.
 */
describe('chapter detection on a 20 MB book', () => {
  it('finds every generated chapter, and no other, at its heading', async () => {
    const omnibus = renumberedOmnibus(20_000_000);
    expect(omnibus.bytes).toBeGreaterThanOrEqual(20_000_000);
    const parsed = await parseManuscript(Buffer.from(omnibus.text), {
      fileName: 'omnibus.txt',
      limits: { maxBytes: omnibus.bytes },
    });
    const detection = detectBookChapters(parsed, { language: 'en' });
    const chapters = detection.chapters.filter((chapter) => chapter.type === 'chapter');
    expect(chapters.length).toBe(omnibus.chapterStarts.length);
    expect(chapters.map((chapter) => chapter.startOffset)).toEqual(omnibus.chapterStarts);
    // Every book's contents list is found again in each round, and the sections still tile the text.
    expect(detection.chapters.filter((chapter) => chapter.type === 'contents').length).toBeGreaterThan(20);
    detection.chapters.forEach((chapter, i) =>
      expect(chapter.endOffset).toBe(detection.chapters[i + 1]?.startOffset ?? parsed.text.length),
    );
  });
});

describe('chapter detection on a book of thousands of chapters listed in its contents', () => {
  /** Titles and dialogue of made-up words, so that no two titles are alike by chance. */
  let state = 5;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const syllables = ['ba', 'ri', 'to', 'len', 'mar', 'so', 'que', 'dan', 'vel', 'or', 'cas', 'pe', 'lu', 'gro', 'wen'];
  const common = ['the', 'of', 'and', 'a', 'to', 'in', 'he', 'she', 'said', 'was'];
  const word = () =>
    next() < 0.35
      ? common[Math.floor(next() * common.length)]
      : Array.from({ length: 1 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * 15)]).join('');
  const phrase = (words: number) => Array.from({ length: words }, word).join(' ');
  const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1);

  it('finds each chapter once, at its heading, and the contents list as one section', async () => {
    const titles = Array.from({ length: 3000 }, () => capitalised(phrase(3 + Math.floor(next() * 5))));
    const dialogue = () =>
      Array.from({ length: 12 }, () => `"${capitalised(phrase(3 + Math.floor(next() * 6)))}?" ${phrase(2)}.\n`);
    const chapters = titles.map(
      (title, i) => `Chapter ${i + 1}: ${title}\n\n${capitalised(phrase(60))}.\n\n${dialogue().join('\n')}`,
    );
    const contents = titles.map((title, i) => `Chapter ${i + 1}: ${title}`).join('\n');
    const text = `A BOOK\n\n\n\nCONTENTS\n\n${contents}\n\n\n\n${chapters.join('\n\n\n\n')}`;
    const parsed = await parseManuscript(Buffer.from(text), { fileName: 'book.txt' });
    const detection = detectBookChapters(parsed, { language: 'en' });
    const found = detection.chapters.filter((chapter) => chapter.type === 'chapter');
    expect(found.map((chapter) => chapter.title)).toEqual(titles.map((title, i) => `Chapter ${i + 1}: ${title}`));
    expect(detection.chapters.filter((chapter) => chapter.type === 'contents')).toHaveLength(1);
  });
});

describe('parsing text with long runs of blank lines and spaces', () => {
  const blankRun = ' \n'.repeat(400_000);

  it('finds the Project Gutenberg end marker after them, and the transcriber’s note before it', () => {
    const text =
      '*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\nChapter 1\n\nText of the book.' +
      blankRun +
      'More text.\n\n[Transcriber’s note: spelling kept as printed.]\n\n\n' +
      '*** END OF THE PROJECT GUTENBERG EBOOK A BOOK ***\nLicence.';
    const body = findGutenbergBody(text);
    expect(body.stripped).toBe(true);
    expect(text.slice(body.start, body.end).trim()).toBe(`Chapter 1\n\nText of the book.${blankRun}More text.`.trim());
  });

  it('reads the paragraphs around a line of a million spaces', () => {
    const text = `First paragraph\n${' '.repeat(1_000_000)}\nSecond paragraph\n  `;
    const blocks = paragraphBlocks(text);
    expect(blocks.map((block) => text.slice(block.startOffset, block.endOffset))).toEqual([
      'First paragraph',
      'Second paragraph',
    ]);
  });
});

describe('headings with long runs of decoration', () => {
  /**
   * Far above what reading these lines in linear time takes, far below what trimming a run from its end with a
   * pattern anchored there takes (every start inside the run tried: the run's length squared, minutes for these).
   * Jest enforces it when its timer runs, hence a timer's turn after the detection (test/support/jestBudget.ts).
   */
  const HOSTILE_CPU_BUDGET_MS = 30_000;
  const HANG_LIMIT_MS = 180_000;

  it(
    'reads a heading line whose dashes run on before a word, and a number glued to such a run, in one pass',
    async () => {
      const start = process.cpuUsage();
      const dashes = '-'.repeat(80_000);
      const text = `Chapter 1.—${dashes} word\n\nText of the first chapter.\n\n1.—${dashes}x\n\nMore text.\n\nCHAPTER II\n\nThe end.`;
      const parsed = await parseManuscript(Buffer.from(text), { fileName: 'dashes.txt' });
      const detection = detectBookChapters(parsed, { language: 'en' });
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const chapters = detection.chapters.filter((chapter) => chapter.type === 'chapter');
      expect(chapters.at(-1)?.title).toBe('CHAPTER II');
      detection.chapters.forEach((chapter, i) =>
        expect(chapter.endOffset).toBe(detection.chapters[i + 1]?.startOffset ?? parsed.text.length),
      );
    },
    HANG_LIMIT_MS,
  );

  it(
    'reads megabyte lines opening like a day of a frame tale, a chapter numbered "único" or a half title, in one pass',
    async () => {
      const start = process.cpuUsage();
      const run = 'the day. '.repeat(120_000);
      const text =
        `THE FERRY\n\n\n\nPrimeiro Dia\n\nText.\n\nDay 1: ${run}\n\nCapítulo único ${run}\n\n` +
        `Segundo Dia: ${'A'.repeat(1_000_000)}\n\nSegundo Dia\n\nThe end.`;
      const markdown = `# THE FERRY ${run}\n\n## THE FERRY ${run}\n\n## Chapter 1\n\nText.\n\n## Chapter 2\n\nText.`;
      const parsed = await parseManuscript(Buffer.from(text), { fileName: 'days.txt' });
      const detection = detectBookChapters(parsed, { language: 'pt' });
      const parsedMarkdown = await parseManuscript(Buffer.from(markdown), { fileName: 'ferry.md' });
      const markdownDetection = detectBookChapters(parsedMarkdown, { language: 'en' });
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(detection.chapters.filter((c) => c.type === 'chapter').map((c) => c.title.slice(0, 20))).toEqual([
        'Primeiro Dia',
        'Segundo Dia',
      ]);
      // Titles cut short so that a failure does not print the megabyte.
      expect(markdownDetection.chapters.map((c) => c.title.slice(0, 20))).toEqual(
        expect.arrayContaining(['Chapter 1', 'Chapter 2']),
      );
    },
    HANG_LIMIT_MS,
  );

  it(
    'reads a megabyte of pages opening with titles in ordinary case, of names over titles and of copyright lines, in one pass',
    async () => {
      const start = process.cpuUsage();
      const prose = 'The river ran high that year, and the ferry did not cross for a week.';
      const pages = Array.from({ length: 12_000 }, (_, i) => `What the River Kept ${i}\n\n${prose}`);
      const titled = `THE FERRY\n\n\n\n${pages.join('\n\n\n\n')}\n\n\n\n${'Snow '.repeat(200_000)}\n\n${prose}`;
      const stories = Array.from({ length: 6_000 }, (_, i) => `ANNE COLE\n\nTHE FERRY ${i}\n\n${prose}`);
      const anthology = `RIVER TALES\n\n\n\n${stories.join('\n\n\n\n')}`;
      const copyright = `THE FERRY\n\n\n\n${'© 1998 Ann Reed\n\n'.repeat(60_000)}CHAPTER I\n\n${prose}\n\nCHAPTER II\n\n${prose}`;
      const detect = async (text: string) =>
        detectBookChapters(await parseManuscript(Buffer.from(text), { fileName: 'b.txt' }), { language: 'en' });
      const pagesRead = await detect(titled);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const anthologyRead = await detect(anthology);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const copyrightRead = await detect(copyright);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(Buffer.byteLength(titled)).toBeGreaterThan(1_000_000);
      expect(Buffer.byteLength(anthology)).toBeGreaterThan(500_000);
      expect(Buffer.byteLength(copyright)).toBeGreaterThan(1_000_000);
      expect(pagesRead.chapters.filter((c) => c.type === 'chapter')).toHaveLength(12_000);
      expect(anthologyRead.chapters.slice(1, 3).map((c) => c.title)).toEqual(['THE FERRY 0', 'THE FERRY 1']);
      // Sixty thousand notices are no copyright page (a page of one is at most 250 words): front matter, read once.
      expect(copyrightRead.chapters.map((c) => c.type)).toEqual(['title_page', 'front_matter', 'chapter', 'chapter']);
    },
    HANG_LIMIT_MS,
  );
});
