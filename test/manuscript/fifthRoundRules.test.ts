import { parseManuscript } from '../../adapters/manuscript';
import { withoutComments, withoutStrongEmphasis } from '../../adapters/manuscript/markdown';
import { groupLines, type PdfTextItem } from '../../adapters/manuscript/pdfLines';
import { describe as describeChapters } from '../../bench/chapters/score';
import { detectChapters } from '../../core/manuscript/chapters';
import { cpuMsSince } from '../support/jestBudget';
import { buildDocx, type DocxParagraph } from './fixtures/builders';

/**
 * The rules the fifth held-out round of chapter fixtures brought (test/manuscript/fixtures/fifthRound.ts), one by one,
 * with the cases they must leave alone and hostile input read in linear time.
 */
const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
/** Far above a linear read of a megabyte, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;
const MEGABYTE = 1024 * 1024;

const titlesOf = async (source: string | Buffer, fileName: string, language = 'en-GB') => {
  const parsed = await parseManuscript(Buffer.isBuffer(source) ? source : Buffer.from(source), { fileName, language });
  return describeChapters(parsed.text, detectChapters(parsed, { language })).map((c) => c.title);
};

describe('a heading block holding a number in words', () => {
  const html = (headings: string) => `<html><body><h1>The Ferry</h1><p>Ann Reed</p>${headings}</body></html>`;
  const chapter = (number: string, title: string, level = 3) =>
    `<h2>${number}</h2><h${level}>${title}</h${level}><p>${prose}</p>`;

  it('takes the deeper heading under it as its title, in any language the numbers are read in', async () => {
    const english = html(chapter('ONE', 'The Crossing') + chapter('TWO', 'The Inn'));
    expect(await titlesOf(english, 'b.html')).toEqual(['Title page', 'ONE: The Crossing', 'TWO: The Inn']);
    const spanish = html(chapter('Doce', 'La posada') + chapter('Trece', 'El faro'));
    expect(await titlesOf(spanish, 'b.html', 'es-ES')).toEqual(['Portada', 'Doce: La posada', 'Trece: El faro']);
  });

  it('keeps its own name over a heading as high as itself, or over one that is a heading of its own', async () => {
    const same = html(chapter('One', 'The Crossing', 2) + chapter('Two', 'The Inn', 2));
    expect(await titlesOf(same, 'b.html')).toEqual(['Title page', 'One', 'The Crossing', 'Two', 'The Inn']);
    const own = html(chapter('ONE', 'Chapter 1') + chapter('TWO', 'Chapter 2'));
    expect(await titlesOf(own, 'b.html')).not.toContain('ONE: Chapter 1');
  });
});

describe('a contents list typed with no heading above it', () => {
  const book = (listPage: string[]) =>
    buildDocx([
      { style: 'Title', text: 'The Salt Road' },
      { text: 'Ann Reed', centred: true },
      ...listPage.map((text, i): DocxParagraph => ({ text, pageBreakBefore: i === 0 })),
      ...['The Ferry', 'The Weir', 'Market Day'].flatMap((title): DocxParagraph[] => [
        { style: 'Heading1', text: title, pageBreakBefore: true },
        { text: prose },
      ]),
    ]);
  const sections = async (listPage: string[]) => {
    const parsed = await parseManuscript(await book(listPage), { fileName: 'b.docx' });
    return describeChapters(parsed.text, detectChapters(parsed, { language: 'en-GB' })).map((c) => [c.type, c.title]);
  };

  it('is a contents section of its own page, not part of the title page, when its lines name the sections after it', async () => {
    expect(await sections(['The Ferry\t3', 'The Weir\t15', 'Market Day\t29'])).toEqual([
      ['title_page', 'Title page'],
      ['contents', 'Contents'],
      ['chapter', 'The Ferry'],
      ['chapter', 'The Weir'],
      ['chapter', 'Market Day'],
    ]);
  });

  it(
    'reads a front page of a megabyte of short lines in linear time',
    async () => {
      const start = process.cpuUsage();
      const entries = Array.from({ length: MEGABYTE / 16 }, (_, i) => `The Ferry ${i % 900}`).join('\n');
      const text = `THE SALT ROAD\n\n\n\n${entries}\n\n\n\n${[1, 2, 3].map((n) => `CHAPTER ${n}\n\n${prose}`).join('\n\n\n\n')}`;
      const titles = await titlesOf(text, 'b.txt');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(titles.slice(-3)).toEqual(['CHAPTER 1', 'CHAPTER 2', 'CHAPTER 3']);
    },
    HANG_LIMIT_MS,
  );

  it('is not found in a page naming fewer than three sections, or whose lines mostly name none', async () => {
    const titlePageOnly = [
      ['title_page', 'Title page'],
      ['chapter', 'The Ferry'],
      ['chapter', 'The Weir'],
      ['chapter', 'Market Day'],
    ];
    expect(await sections(['The Ferry', 'The Weir', 'London'])).toEqual(titlePageOnly);
    const mostlyOthers = ['The Ferry', 'The Weir', 'Market Day', 'Harbour Books', 'London', 'New York', 'Toronto'];
    expect(await sections(mostlyOthers)).toEqual(titlePageOnly);
  });
});

describe('a PDF line opening with a drop capital', () => {
  /** Pieces on one baseline as the PDF reader gives them: `[text, x, size]`, a reader's space between each two. */
  const line = (...pieces: Array<[string, number, number]>): PdfTextItem[] =>
    pieces.flatMap(([text, x, size], i) => {
      const width = text.length * size * 0.6;
      const item = { text, x, y: 700, width, height: size, endsLine: false };
      const next = pieces[i + 1];
      return next
        ? [item, { text: ' ', x: x + width, y: 700, width: next[1] - x - width, height: 0, endsLine: false }]
        : [item];
    });
  const read = (...pieces: Array<[string, number, number]>) => groupLines(line(...pieces)).map((l) => l.text);

  it('joins the capital to the letters after it: a heading in small capitals, a first word', () => {
    expect(read(['C', 250, 22], ['HAPTER I', 266, 14])).toEqual(['CHAPTER I']);
    expect(read(['T', 72, 30], ['he morning was grey.', 92, 11])).toEqual(['The morning was grey.']);
    // A capital that is a word of its own is joined only when that makes a heading of the line.
    expect(read(['E', 250, 22], ['PILOGUE', 266, 14])).toEqual(['EPILOGUE']);
  });

  it('keeps a capital that is a word, one set no larger than the text, or one standing apart', () => {
    expect(read(['I', 72, 30], ['WAS born in a town by the sea.', 94, 11])).toEqual([
      'I WAS born in a town by the sea.',
    ]);
    expect(read(['O', 72, 30], ['rio descia devagar.', 96, 11])).toEqual(['O rio descia devagar.']);
    expect(read(['B', 72, 11], ['ravo, said the crowd.', 80, 11])).toEqual(['B ravo, said the crowd.']);
    expect(read(['C', 72, 22], ['HAPTER I', 120, 14])).toEqual(['C HAPTER I']);
  });
});

describe('Markdown written for pandoc', () => {
  it('reads a heading without its attributes, ATX or setext, and a span without its brackets', async () => {
    const source = [
      '# Prologue {.unnumbered}',
      prose,
      '# The Keeper {#keeper .chapter data-page="3"}',
      `[The lamp]{.smallcaps} was lit at dusk. ${prose}`,
      'The Storm {-}\n===',
      prose,
    ].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(source), { fileName: 'b.md' });
    expect(parsed.text).toBe(
      ['Prologue', prose, 'The Keeper', `The lamp was lit at dusk. ${prose}`, 'The Storm', prose].join('\n\n'),
    );
  });

  it('keeps braces that are not attributes: a heading about sets, a span of prose in brackets', async () => {
    const source = ['# Sets {a, b}', '# Pairs {#x y}', 'He wrote [the date]{and the hour} on the slate.'].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(source), { fileName: 'b.md' });
    expect(parsed.text).toBe(
      ['Sets {a, b}', 'Pairs {#x y}', 'He wrote [the date]{and the hour} on the slate.'].join('\n\n'),
    );
  });

  it('drops the fences of divs (an epigraph set in one) and keeps what they hold', async () => {
    const source = [
      '# The Keeper',
      '::: epigraph',
      '> The sea has many voices.',
      ':::',
      ':::: {.scene #s1}',
      prose,
      '::::',
      '::: not a fence, a line of prose: with colons :::',
    ].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(source), { fileName: 'b.md' });
    expect(parsed.text).toBe(
      ['The Keeper', 'The sea has many voices.', prose, '::: not a fence, a line of prose: with colons :::'].join(
        '\n\n',
      ),
    );
  });

  it(
    'reads a megabyte of brackets, braces and colons in linear time (links’ brackets too)',
    async () => {
      const start = process.cpuUsage();
      const runs = [
        `# Title ${'{'.repeat(MEGABYTE)}}`,
        `# Title {${'#a '.repeat(MEGABYTE / 3)}"}`,
        `${'['.repeat(MEGABYTE)}]{.x}`,
        `${'!['.repeat(MEGABYTE / 2)}](x)`,
        `${'[a]('.repeat(MEGABYTE / 4)}`,
        `${'[a]{'.repeat(MEGABYTE / 4)}`,
        `::: a${':'.repeat(MEGABYTE)} b`,
      ];
      for (const run of runs) {
        const parsed = await parseManuscript(Buffer.from(`# Chapter 1\n\n${run}\n\n# Chapter 2\n\n${prose}`), {
          fileName: 'b.md',
        });
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
        expect(parsed.text.length).toBeGreaterThan(MEGABYTE / 2);
      }
    },
    HANG_LIMIT_MS,
  );
});

describe('Markdown emphasis and comments read without backtracking', () => {
  /** The patterns they replace, which scanned to the line's end from every unclosed opening. */
  const REFERENCE_STRONG = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g;
  const REFERENCE_COMMENT = /<!--[\s\S]*?-->/g;

  /** A small deterministic generator, so a failure names a line that can be replayed. */
  function lines(pieces: string[], count: number, seed: number): string[] {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: count }, () =>
      Array.from({ length: Math.floor(next() * 16) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
    );
  }

  it('find what the patterns found', () => {
    const strong = lines(['*', '**', '_', '__', ' ', 'a', 'b', '\n', '\t'], 30_000, 11);
    expect(strong.filter((line) => withoutStrongEmphasis(line) !== line.replace(REFERENCE_STRONG, '$2'))).toEqual([]);
    const comments = lines(['<!--', '-->', '<', '!', '-', '--', ' ', 'a', '>'], 30_000, 13);
    expect(comments.filter((line) => withoutComments(line) !== line.replace(REFERENCE_COMMENT, ''))).toEqual([]);
  });

  it(
    'read a megabyte of unclosed openings in linear time',
    async () => {
      const start = process.cpuUsage();
      for (const run of ['**a '.repeat(MEGABYTE / 4), '__a '.repeat(MEGABYTE / 4), '<!--a '.repeat(MEGABYTE / 6)]) {
        const parsed = await parseManuscript(Buffer.from(`# Chapter 1\n\n${run}\n\n# Chapter 2\n\n${prose}`), {
          fileName: 'b.md',
        });
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
        expect(parsed.text.length).toBeGreaterThan(MEGABYTE / 2);
      }
    },
    HANG_LIMIT_MS,
  );
});
