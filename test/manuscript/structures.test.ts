import { parseManuscript } from '../../adapters/manuscript';
import { describe as describeChapters } from '../../bench/chapters/score';
import { detectChapters } from '../../core/manuscript/chapters';
import { buildDocx } from './fixtures/builders';

/**
 * Structures publishers send that the chapter fixtures show whole (test/manuscript/fixtures/chapterFixtures.ts),
 * here rule by rule: a part heading over its first chapter's heading, manual page breaks in a DOCX, letters
 * without dates.
 */
const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
const titlesOf = async (bytes: Buffer, fileName: string) => {
  const parsed = await parseManuscript(bytes, { fileName });
  return describeChapters(parsed.text, detectChapters(parsed, { language: 'en-GB' })).map((c) => c.title);
};

describe('heading styles', () => {
  it('starts a part’s first chapter under the part heading instead of taking it as the part’s title', async () => {
    const chapter = (n: number) => [{ style: 'Heading2' as const, text: `Chapter ${n}` }, { text: prose }];
    const docx = await buildDocx([
      { style: 'Heading1', text: 'Part One' },
      ...[1, 2, 3].flatMap(chapter),
      { style: 'Heading1', text: 'Part Two' },
      ...[4, 5].flatMap(chapter),
    ]);
    expect(await titlesOf(docx, 'b.docx')).toEqual([
      'Part One',
      'Chapter 1',
      'Chapter 2',
      'Chapter 3',
      'Part Two',
      'Chapter 4',
      'Chapter 5',
    ]);
  });
});

describe('manual page breaks in a DOCX', () => {
  it('set each page apart by three blank lines, as pages are in plain text; other blocks by one', async () => {
    const docx = await buildDocx([
      { text: 'THE MILL' },
      { text: 'First page.' },
      { text: 'Second page.', pageBreakBefore: true },
      { text: 'Still the second.' },
    ]);
    const parsed = await parseManuscript(docx, { fileName: 'b.docx' });
    expect(parsed.text).toBe('THE MILL\n\nFirst page.\n\n\n\nSecond page.\n\nStill the second.');
    expect(parsed.blocks.map((b) => parsed.text.slice(b.startOffset, b.endOffset))).toEqual([
      'THE MILL',
      'First page.',
      'Second page.',
      'Still the second.',
    ]);
  });
});

describe('letters without dates', () => {
  const letter = (salutation: string, signature: string) =>
    `${salutation}\n\nThe house is quiet and the river is high. ${prose}\n\n${signature}`;

  it('needs three salutations after a signature: two letters copied into a story start nothing', async () => {
    const two = ['A STORY', letter('Dear Tom,', 'Anne'), letter('Dear Anne,', 'Tom')].join('\n\n\n\n');
    expect(await titlesOf(Buffer.from(two), 'b.txt')).toHaveLength(1);
  });

  it('takes no salutation that follows running text: letters read aloud in a story', async () => {
    const quoted = (salutation: string) =>
      `${prose} She opened the letter and read it aloud.\n\n${salutation}\n\n${prose}`;
    const text = ['A STORY', ...['Dear Tom,', 'Dear Anne,', 'Dear Mother,'].map(quoted)].join('\n\n\n\n');
    expect(await titlesOf(Buffer.from(text), 'b.txt')).toHaveLength(1);
  });
});

describe('titles in ordinary case', () => {
  const page = (title: string) => `${title}\n\n${prose}\n\n${prose}`;

  it('head chapters where each opens a page, in a book with no other headings', async () => {
    const book = ['THE ORCHARD', ...['The First Snow', 'A Letter from Harrow'].map(page)].join('\n\n\n\n');
    expect(await titlesOf(Buffer.from(book), 'b.txt')).toEqual([
      'Title page',
      'The First Snow',
      'A Letter from Harrow',
    ]);
  });

  it('head nothing when only a paragraph’s gap sets them apart: a short line inside a story', async () => {
    const book = ['THE ORCHARD', ['The First Snow', 'A Letter from Harrow'].map(page).join('\n\n\n')].join('\n\n\n\n');
    const titles = await titlesOf(Buffer.from(book), 'b.txt');
    expect(titles).not.toContain('The First Snow');
    expect(titles).not.toContain('A Letter from Harrow');
  });
});

describe('an author’s name over a story’s title', () => {
  const story = (first: string, second: string) => `${first}\n\n${second}\n\n${prose}\n\n${prose}`;

  it('titles each story by the line under the name when every set-apart line is shaped as a name', async () => {
    const book = ['TALES', story('ANNE COLE', 'THE FERRY'), story('PETER MARSH', 'A NIGHT AT THE INN')];
    expect(await titlesOf(Buffer.from(book.join('\n\n\n\n')), 'b.txt')).toEqual([
      'Title page',
      'THE FERRY',
      'A NIGHT AT THE INN',
    ]);
  });

  it('keeps the set-apart line as the title when the lines under them are names too: two names, no titles', async () => {
    const book = ['TALES', story('ANNE COLE', 'MARY HALE'), story('PETER MARSH', 'JOHN REED')];
    expect(await titlesOf(Buffer.from(book.join('\n\n\n\n')), 'b.txt')).toEqual([
      'Title page',
      'ANNE COLE',
      'PETER MARSH',
    ]);
  });
});
