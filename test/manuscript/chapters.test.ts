import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManuscript } from '../../adapters/manuscript';
import { detectChapters } from '../../core/manuscript/chapters';
import { findGutenbergBody } from '../../core/manuscript/gutenberg';
import { classifyHeadingLine } from '../../core/manuscript/headings';
import type { DetectedChapter, ParsedManuscript } from '../../core/manuscript/manuscript';
import { textStats } from '../../core/manuscript/stats';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const CORPUS_BOOK = PRIDE_AND_PREJUDICE;

function expectTiling(parsed: ParsedManuscript, chapters: DetectedChapter[]) {
  expect(chapters.length).toBeGreaterThan(0);
  expect(chapters[0].startOffset).toBe(0);
  expect(chapters[chapters.length - 1].endOffset).toBe(parsed.text.length);
  for (let i = 1; i < chapters.length; i++) expect(chapters[i].startOffset).toBe(chapters[i - 1].endOffset);
  expect(chapters.map((c) => parsed.text.slice(c.startOffset, c.endOffset)).join('')).toBe(parsed.text);
}

async function chaptersOf(bytes: Buffer, fileName: string) {
  const parsed = await parseManuscript(bytes, { fileName });
  const chapters = detectChapters(parsed);
  expectTiling(parsed, chapters);
  return { parsed, chapters };
}

describe('Pride and Prejudice (corpus)', () => {
  it('has exactly 61 chapters titled "Chapter 1" … "Chapter 61", in order, without Gutenberg boilerplate', async () => {
    const { parsed, chapters } = await chaptersOf(readFileSync(CORPUS_BOOK), 'pride-and-prejudice.txt');
    const bodyChapters = chapters.filter((c) => c.type === 'chapter');
    expect(bodyChapters.map((c) => c.title)).toEqual(Array.from({ length: 61 }, (_, i) => `Chapter ${i + 1}`));
    expect(chapters.filter((c) => c.type !== 'chapter').map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['title_page', 'Title page', false],
    ]);
    for (const chapter of chapters) {
      const text = parsed.text.slice(chapter.startOffset, chapter.endOffset);
      expect(text).not.toMatch(/Project Gutenberg|Gutenberg-tm|\*\*\* ?(START|END) OF|^Produced by/im);
    }
    expect(bodyChapters[0].headingText).toBe('Chapter 1');
    const first = parsed.text.slice(bodyChapters[0].startOffset, bodyChapters[0].endOffset);
    expect(first).toContain('It is a truth universally acknowledged');
    const last = parsed.text.slice(bodyChapters[60].startOffset, bodyChapters[60].endOffset);
    expect(last.trimEnd()).toMatch(/means of uniting them\.$/);
    const words = bodyChapters.reduce(
      (sum, c) => sum + textStats(parsed.text.slice(c.startOffset, c.endOffset)).words,
      0,
    );
    expect(words).toBeGreaterThan(115_000);
    expect(words).toBeLessThan(130_000);
  });
});

describe('Project Gutenberg boilerplate', () => {
  it('finds the body between the older "End of the Project Gutenberg EBook" style markers', () => {
    const text =
      'The Project Gutenberg EBook of X\nlicense...\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\nProduced by Someone\n\nBody text here.\n\nEnd of the Project Gutenberg EBook of X\nmore license';
    const body = findGutenbergBody(text);
    expect(body.stripped).toBe(true);
    expect(text.slice(body.start, body.end).trim()).toBe('Body text here.');
  });

  const prose = 'The wind came down from the hills and the whole village listened to it all night long. ';
  const licence = 'Project Gutenberg-tm is synonymous with the free distribution of electronic works. '.repeat(40);
  const gutenbergBook = (title: string, body: string) =>
    [
      `The Project Gutenberg eBook of ${title}`,
      `*** START OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
      body,
      `*** END OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
      licence,
    ].join('\n\n');

  it('does not end the body at an end line followed by another book rather than the licence', () => {
    const first = `Chapter 1\n\n${prose.repeat(10)}`;
    const second = `THE SECOND BOOK\n\nChapter 1\n\n${prose.repeat(60)}`;
    const text = gutenbergBook(
      'Two Tales',
      `${first}\n\nEnd of the Project Gutenberg EBook of The First Tale\n\n${second}`,
    );
    const body = findGutenbergBody(text);
    const kept = text.slice(body.start, body.end);
    expect(kept).toContain(second);
    expect(kept).not.toContain('*** END OF');
    expect(body.wordsOfFurtherBooks).toBeUndefined();
  });

  it('keeps the first of several whole Gutenberg books and counts the words of the others', () => {
    const first = `Chapter 1\n\n${prose.repeat(10)}`;
    const second = `Chapter 1\n\n${prose.repeat(30)}`;
    const text = `${gutenbergBook('The First Tale', first)}\n\n${gutenbergBook('The Second Tale', second)}`;
    const body = findGutenbergBody(text);
    expect(text.slice(body.start, body.end).trim()).toBe(first.trim());
    expect(body.wordsOfFurtherBooks).toBe(second.split(/\s+/).filter(Boolean).length);
  });

  it('leaves text without markers alone', () => {
    expect(findGutenbergBody('Just a book.')).toEqual({ start: 0, end: 12, stripped: false });
  });
});

describe('heading conventions', () => {
  it('reads bare Roman numeral lines followed by a title line, and skips the table of contents', async () => {
    const { chapters } = await chaptersOf(fixture('roman-headings.txt'), 'roman.txt');
    const body = chapters.filter((c) => c.type === 'chapter');
    expect(body.map((c) => c.title)).toEqual(['I. The Arrival', 'II. The Storm', 'III. The Departure']);
    expect(chapters.slice(0, 2).map((c) => [c.type, c.spoken])).toEqual([
      ['title_page', false],
      ['contents', false],
    ]);
  });

  it('reads English, Spanish and Portuguese headings with Arabic, Roman and spelled-out numbers, and special sections', async () => {
    const { chapters } = await chaptersOf(fixture('headings-mixed.txt'), 'mixed.txt');
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['prologue', 'Prologue'],
      ['chapter', 'CHAPTER I.'],
      ['part', 'PART TWO'],
      ['chapter', 'Chapter Twelve'],
      ['chapter', 'Capítulo 3'],
      ['epilogue', 'Epilogue'],
      ['acknowledgments', 'Acknowledgments'],
    ]);
  });

  it('keeps a part heading as a section of its own, spoken, holding just the heading', async () => {
    const { parsed, chapters } = await chaptersOf(fixture('headings-mixed.txt'), 'mixed.txt');
    const part = chapters.find((c) => c.type === 'part');
    expect(part).toMatchObject({ title: 'PART TWO', headingText: 'PART TWO', spoken: true });
    expect(parsed.text.slice(part!.startOffset, part!.endOffset).trim()).toBe('PART TWO');
  });

  it('reads "CAPITULO PRIMEIRO" and "Capítulo primero" headings', async () => {
    const pt = await chaptersOf(fixture('portuguese-dashes.txt'), 'dom.txt');
    expect(pt.chapters.map((c) => c.title)).toEqual(['CAPITULO PRIMEIRO', 'CAPITULO II']);
    const es = await chaptersOf(fixture('spanish-raya.md'), 'casa.md');
    expect(es.chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Title page'],
      ['chapter', 'Capítulo primero'],
      ['chapter', 'Capítulo 2'],
    ]);
  });

  it('does not turn a table of contents in the text into chapters', async () => {
    const toc = ['Contents', '', 'Chapter 1', '', 'Chapter 2', '', 'Chapter 3', ''].join('\n');
    const body = [1, 2, 3]
      .map(
        (n) => `Chapter ${n}\n\n${'The story goes on and on through the long afternoon without a pause. '.repeat(4)}\n`,
      )
      .join('\n');
    const { chapters } = await chaptersOf(Buffer.from(`${toc}\n${body}`), 'toc.txt');
    expect(chapters.filter((c) => c.type === 'chapter').map((c) => c.title)).toEqual([
      'Chapter 1',
      'Chapter 2',
      'Chapter 3',
    ]);
    expect(chapters.filter((c) => c.type === 'chapter').every((c) => c.startOffset > 40)).toBe(true);
    expect(chapters[0]).toMatchObject({ type: 'contents', title: 'Contents', spoken: false });
  });

  describe('a contents list ends where the book starts', () => {
    const prose = (n: number) =>
      `${'The story of this chapter goes on through the long afternoon without a pause. '.repeat(6)}(${n})`;
    const book = (lines: string[]) => Buffer.from(lines.join('\n'));
    const sections = async (lines: string[]) =>
      (await chaptersOf(book(lines), 'book.txt')).chapters.map((c) => `${c.type}: ${c.title}`);

    it('when a numbered heading is followed by a title the list named ("CHAPTER I" then "The Arrival")', async () => {
      const titles = ['The Arrival', 'A Letter', 'The Storm'];
      const toc = ['CONTENTS', '', ...titles.flatMap((t) => [t, ''])];
      const body = titles.flatMap((t, i) => [`CHAPTER ${'I'.repeat(i + 1)}`, '', t, '', prose(i), '']);
      expect(await sections([...toc, '', ...body])).toEqual([
        'contents: CONTENTS',
        'chapter: CHAPTER I: The Arrival',
        'chapter: CHAPTER II: A Letter',
        'chapter: CHAPTER III: The Storm',
      ]);
    });

    it('when its entries carry page numbers after a single space ("The Arrival 10")', async () => {
      const titles = ['The Arrival', 'A Letter', 'The Storm'];
      const toc = ['CONTENTS', '', ...titles.flatMap((t, i) => [`${t} ${10 + 12 * i}`, ''])];
      const body = titles.flatMap((t, i) => [`CHAPTER ${i + 1}`, '', t.toUpperCase(), '', prose(i), '']);
      expect(await sections([...toc, '', ...body])).toEqual([
        'contents: CONTENTS',
        'chapter: CHAPTER 1: THE ARRIVAL',
        'chapter: CHAPTER 2: A LETTER',
        'chapter: CHAPTER 3: THE STORM',
      ]);
    });

    it('and not at its second entry, which is one letter away from the first ("Capítulo I", "Capítulo II")', async () => {
      const titles = ['A chegada', 'Uma carta', 'A tempestade'];
      const toc = ['SUMÁRIO', '', ...titles.flatMap((t, i) => [`Capítulo ${'I'.repeat(i + 1)}`, '', t, ''])];
      const body = titles.flatMap((t, i) => [`CAPÍTULO ${'I'.repeat(i + 1)}`, '', t.toUpperCase(), '', prose(i), '']);
      expect(await sections([...toc, '', ...body])).toEqual([
        'contents: SUMÁRIO',
        'chapter: CAPÍTULO I: A CHEGADA',
        'chapter: CAPÍTULO II: UMA CARTA',
        'chapter: CAPÍTULO III: A TEMPESTADE',
      ]);
    });
  });

  describe('a collection headed by titles in capitals, with one blank line everywhere', () => {
    const story = (n: number, paragraphs: number) =>
      Array.from(
        { length: paragraphs },
        (_, p) =>
          `${'She walked along the shore and thought about the letter that had come that morning. '.repeat(5)}(${n}.${p})`,
      ).flatMap((paragraph) => [paragraph, '']);
    const collection = (paragraphs: number) =>
      Buffer.from(
        [
          'THE RED ROOM',
          '',
          ...story(1, paragraphs),
          'A NIGHT AT SEA',
          '',
          ...story(2, paragraphs),
          'THE LAST LETTER',
          '',
        ]
          .concat(story(3, paragraphs))
          .join('\n'),
      );

    it("takes the titles for its stories when each heads a story's worth of text", async () => {
      const { chapters } = await chaptersOf(collection(6), 'stories.txt');
      expect(chapters.map((c) => c.title)).toEqual(['THE RED ROOM', 'A NIGHT AT SEA', 'THE LAST LETTER']);
    });

    it('does not silently ignore them when the text under each is short: each is a heading to check', async () => {
      const { chapters } = await chaptersOf(collection(1), 'stories.txt');
      expect(chapters).toHaveLength(1);
      const suggested = chapters[0]!.warnings.filter((w) => w.code === 'rejected_heading').map((w) => w.message);
      expect(suggested.join(' ')).toContain('A NIGHT AT SEA');
      expect(suggested.join(' ')).toContain('THE LAST LETTER');
    });
  });

  it('reads an indefinite article before a heading word as a title, not a number ("Uma carta" is no "Carta 1")', () => {
    expect(classifyHeadingLine('Uma carta')).toBeNull();
    expect(classifyHeadingLine('Una carta')).toBeNull();
    expect(classifyHeadingLine('Primera parte')).toMatchObject({ type: 'part', number: 1 });
  });

  it('gives a text with no headings a single chapter', async () => {
    const { chapters } = await chaptersOf(
      Buffer.from('Once upon a time there was a story without any headings at all.'),
      'a.txt',
    );
    expect(chapters).toHaveLength(1);
    expect(chapters[0].type).toBe('chapter');
  });
});

describe('stats', () => {
  it('counts words and characters and estimates minutes at 155 words per minute', () => {
    const stats = textStats(`  ${'word '.repeat(310)} `);
    expect(stats.words).toBe(310);
    expect(stats.estimatedMinutes).toBe(2);
    expect(textStats("Don't stop — it's fine.").words).toBe(4);
  });
});
