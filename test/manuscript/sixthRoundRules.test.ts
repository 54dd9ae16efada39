import { parseManuscript } from '../../adapters/manuscript';
import { describe as describeChapters } from '../../bench/chapters/score';
import { detectChapters } from '../../core/manuscript/chapters';
import { cpuMsSince } from '../support/jestBudget';
import { buildDocx, buildEpub } from './fixtures/builders';

/**
 * The rules the sixth held-out round of chapter fixtures brought (test/manuscript/fixtures/sixthRound.ts), one by one,
 * with the cases they must leave alone and hostile input read in linear time.
 */
const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
/** Far above a linear read of a megabyte, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;
const MEGABYTE = 1024 * 1024;

const chaptersOf = async (source: string | Buffer, fileName: string, language = 'en-GB') => {
  const bytes = typeof source === 'string' ? Buffer.from(source) : source;
  const parsed = await parseManuscript(bytes, { fileName, language });
  return describeChapters(parsed.text, detectChapters(parsed, { language }));
};
const titlesOf = async (source: string | Buffer, fileName: string, language = 'en-GB') =>
  (await chaptersOf(source, fileName, language)).map((c) => c.title);
const book = (...pages: string[]) => pages.join('\n\n\n\n');

describe('a play in acts without numbered scenes', () => {
  const act = (heading: string, setting = 'SCENE\n\nA room in the mill house.') =>
    `${heading}\n\n${setting}\n\nTOBIAS. ${prose}\n\nMARGERY. ${prose}`;

  it('makes each act a chapter named by its heading, not by the bare "SCENE" line under it', async () => {
    const chapters = await chaptersOf(book('THE MILL\n\nA Comedy', act('FIRST ACT'), act('SECOND ACT')), 'p.txt');
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Title page'],
      ['chapter', 'FIRST ACT'],
      ['chapter', 'SECOND ACT'],
    ]);
  });

  it('keeps acts over chapters as parts: a novel in acts', async () => {
    const chapters = await chaptersOf(
      book('THE MILL', 'ACT ONE', `CHAPTER 1\n\n${prose}`, `CHAPTER 2\n\n${prose}`, 'ACT TWO', `CHAPTER 3\n\n${prose}`),
      'n.txt',
    );
    expect(chapters.filter((c) => c.title.startsWith('ACT')).map((c) => c.type)).toEqual(['part', 'part']);
  });

  it('reads a comedia’s jornadas as its acts, with PERSONAS as its list of persons', async () => {
    const jornada = (heading: string) =>
      `${heading}\n\nSala en casa de doña Leonor, en Cádiz, de noche.\n\nESCENA PRIMERA\n\nDON FÉLIX.—${prose}\n\nESCENA II\n\nCLARÍN.—${prose}`;
    const chapters = await chaptersOf(
      book(
        'LA DAMA\n\nComedia',
        'PERSONAS\n\nDON FÉLIX, galán.\nCLARÍN, gracioso.',
        jornada('JORNADA PRIMERA'),
        jornada('JORNADA SEGUNDA'),
      ),
      'c.txt',
      'es-ES',
    );
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Portada'],
      ['front_matter', 'PERSONAS'],
      ['chapter', 'JORNADA PRIMERA'],
      ['chapter', 'JORNADA SEGUNDA'],
    ]);
  });

  it('reads a section’s name after a definite article as the name: THE PERSONS OF THE PLAY, The Epilogue', async () => {
    const chapters = await chaptersOf(
      book(
        'THE MILL',
        `THE PERSONS OF THE PLAY\n\nTobias\nMargery`,
        act('ACT I'),
        act('ACT II'),
        `THE EPILOGUE\n\n${prose}`,
      ),
      'p.txt',
    );
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Title page'],
      ['front_matter', 'THE PERSONS OF THE PLAY'],
      ['chapter', 'ACT I'],
      ['chapter', 'ACT II'],
      ['epilogue', 'THE EPILOGUE'],
    ]);
  });
});

describe('scenes of long acts numbered again in every act', () => {
  const speeches = (count: number) =>
    Array.from({ length: count }, (_, i) => `${i % 2 ? 'HARRIS.' : 'MAUD.'} Speech ${i}: ${prose} ${prose}`).join(
      '\n\n',
    );
  const longAct = (heading: string) => `${heading}\n\nSCENE I\n\n${speeches(140)}\n\nSCENE II\n\n${speeches(140)}`;

  it('are named with their act when two would share a name: "ACT II: SCENE II"', async () => {
    const titles = await titlesOf(book('THE HARBOUR', longAct('ACT I'), longAct('ACT II')), 'p.txt');
    expect(titles).toEqual(['Title page', 'ACT I: SCENE I', 'ACT I: SCENE II', 'ACT II: SCENE I', 'ACT II: SCENE II']);
  });

  it('keep their own names when these differ', async () => {
    const titles = await titlesOf(
      book('THE HARBOUR', longAct('ACT I'), `ACT II\n\nSCENE III\n\n${speeches(4)}`),
      'p.txt',
    );
    expect(titles).toEqual(['Title page', 'ACT I: SCENE I', 'SCENE II', 'ACT II']);
  });
});

describe('a play’s closing lines', () => {
  const act = (heading: string) => `${heading}\n\nSCENE I\n\nTOBIAS. ${prose}\n\nSCENE II\n\nMARGERY. ${prose}`;

  it('close the work without a doubt: CURTAIN after the last act is no heading to ask about', async () => {
    const parsed = await parseManuscript(Buffer.from(book('THE MILL', act('ACT I'), act('ACT II'), 'CURTAIN')), {
      fileName: 'p.txt',
    });
    const chapters = detectChapters(parsed, { language: 'en-GB' });
    expect(chapters.map((c) => c.title)).toEqual(['Title page', 'ACT I', 'ACT II']);
    expect(chapters.flatMap((c) => c.warnings)).toEqual([]);
  });

  it('close it together when they stand in a row: "(Telón.)" then "FIN" starts no back matter', async () => {
    const acto = (heading: string) => `${heading}\n\nESCENA I\n\nLUCÍA.—${prose}\n\nESCENA II\n\nINÉS.—${prose}`;
    const chapters = await chaptersOf(
      book('LA LLAVE', acto('ACTO PRIMERO'), acto('ACTO SEGUNDO'), '(Telón.)', 'FIN'),
      'p.txt',
      'es-ES',
    );
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Portada'],
      ['chapter', 'ACTO PRIMERO'],
      ['chapter', 'ACTO SEGUNDO'],
    ]);
  });
});

describe('diary dates with an article before the day', () => {
  it('open entries: "Tuesday, the 3rd of March." and "The 9th of March."', async () => {
    const dates = ['Tuesday, the 3rd of March.', 'The 5th of March.', 'The 9th of March.'];
    const titles = await titlesOf(book('A DIARY', ...dates.map((date) => `${date}\n\n${prose}`)), 'd.txt');
    expect(titles).toEqual(['Title page', ...dates]);
  });

  it('leaves a date that is its sentence’s subject in the text', async () => {
    const entries = ['March 3rd.', 'March 5th.', 'March 9th.'].map((date) => `${date}\n\n${prose}`);
    const titles = await titlesOf(
      book('A DIARY', ...entries, `The 12th of March was the day the river rose.\n\n${prose}`),
      'd.txt',
    );
    expect(titles).toEqual(['Title page', 'March 3rd.', 'March 5th.', 'March 9th.']);
  });

  it(
    'reads a megabyte of "The the the 9th" lines in linear time',
    async () => {
      const start = process.cpuUsage();
      const lines = Array.from({ length: MEGABYTE / 32 }, (_, i) => `The ${'the '.repeat(5)}${i % 28}th of`).join(
        '\n\n',
      );
      const titles = await titlesOf(book('A DIARY', lines, `CHAPTER 1\n\n${prose}`), 'd.txt');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(titles).toContain('CHAPTER 1');
    },
    HANG_LIMIT_MS,
  );
});

describe('chapters numbered again in every part', () => {
  it('are named with their part when their titles repeat: "BOOK TWO, CHAPTER I"', async () => {
    const part = (heading: string) => [heading, `CHAPTER I\n\n${prose}`, `CHAPTER II\n\n${prose}`];
    const titles = await titlesOf(book('THE MILL', ...part('BOOK ONE: 1851'), ...part('BOOK TWO')), 'b.txt');
    expect(titles).toEqual([
      'Title page',
      'BOOK ONE: 1851',
      'BOOK ONE, CHAPTER I',
      'BOOK ONE, CHAPTER II',
      'BOOK TWO',
      'BOOK TWO, CHAPTER I',
      'BOOK TWO, CHAPTER II',
    ]);
  });

  it('keep their own titles when these differ, and in a book whose numbering runs on', async () => {
    const titled = book(
      'THE MILL',
      'PART ONE',
      `CHAPTER 1\n\nThe Ferry\n\n${prose}`,
      'PART TWO',
      `CHAPTER 1\n\nThe Inn\n\n${prose}`,
    );
    expect(await titlesOf(titled, 'b.txt')).toEqual([
      'Title page',
      'PART ONE',
      'CHAPTER 1: The Ferry',
      'PART TWO',
      'CHAPTER 1: The Inn',
    ]);
    const runningOn = book('THE MILL', 'PART ONE', `CHAPTER 1\n\n${prose}`, 'PART TWO', `CHAPTER 2\n\n${prose}`);
    expect(await titlesOf(runningOn, 'b.txt')).toEqual([
      'Title page',
      'PART ONE',
      'CHAPTER 1',
      'PART TWO',
      'CHAPTER 2',
    ]);
  });

  it('are named with their part in a book with heading styles too', async () => {
    const docx = await buildDocx(
      ['Part One', 'Part Two'].flatMap((part) => [
        { style: 'Heading1' as const, text: part },
        ...[1, 2].flatMap((n) => [{ style: 'Heading2' as const, text: `Chapter ${n}` }, { text: prose }]),
      ]),
    );
    expect(await titlesOf(docx, 'b.docx')).toEqual([
      'Part One',
      'Part One, Chapter 1',
      'Part One, Chapter 2',
      'Part Two',
      'Part Two, Chapter 1',
      'Part Two, Chapter 2',
    ]);
  });
});

describe('page breaks written as styles in HTML', () => {
  const html = (body: string) => `<html><body>${body}</body></html>`;
  const textOf = async (body: string) => (await parseManuscript(Buffer.from(html(body)), { fileName: 'b.htm' })).text;

  it('set the next block on a new page, as a DOCX page break does: Word’s <br clear=all>, Google Docs’ hidden <hr>', async () => {
    expect(await textOf(`<p>One</p><span><br clear=all style='page-break-before:always'></span><p>Two</p>`)).toBe(
      'One\n\n\n\nTwo',
    );
    expect(await textOf('<p>One</p><hr style="page-break-before:always;display:none;"><p>Two</p>')).toBe(
      'One\n\n\n\nTwo',
    );
    expect(await textOf('<p>One</p><h1 style="color: red; break-before: page">Two</h1>')).toBe('One\n\n\n\nTwo');
    expect(await textOf('<p>One</p><p style="page-break-before: auto">Two</p><p>Three</p>')).toBe(
      'One\n\nTwo\n\nThree',
    );
  });

  it('let a contents list on a page of its own be the contents, not part of the title page', async () => {
    const pageBreak = "<br clear=all style='page-break-before:always'>";
    const sections = ['Prologue', 'Chapter One', 'Chapter Two', 'Epilogue'];
    const body =
      `<p class=MsoTitle>The Weir</p><p>Ann Reed</p>${pageBreak}<p class=MsoTocHeading>Contents</p>` +
      sections.map((title, i) => `<p class=MsoToc1><a href="#_Toc${i}">${title}</a></p>`).join('') +
      sections.map((title, i) => `${pageBreak}<h1><a name="_Toc${i}">${title}</a></h1><p>${prose}</p>`).join('');
    const chapters = await chaptersOf(html(body), 'b.htm');
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Title page'],
      ['contents', 'Contents'],
      ['prologue', 'Prologue'],
      ['chapter', 'Chapter One'],
      ['chapter', 'Chapter Two'],
      ['epilogue', 'Epilogue'],
    ]);
  });

  it(
    'are read in linear time from a megabyte of style declarations',
    async () => {
      const start = process.cpuUsage();
      const style = '; '.repeat(MEGABYTE / 4) + 'page-break-before :' + ' '.repeat(MEGABYTE / 2);
      const text = await textOf(`<p>One</p><p style="${style}">Two</p>`);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(text).toBe('One\n\nTwo');
    },
    HANG_LIMIT_MS,
  );
});

describe('a heading word set alone over its number', () => {
  it('is one heading with the number and the title under it: "CHAPTER" ⏎⏎ "1" ⏎ "The Harbour"', async () => {
    const chapter = (n: string, title: string) => `CHAPTER\n\n${n}\n${title}\n\n${prose}`;
    const chapters = await chaptersOf(
      book('THE GLASS HOUSE', chapter('1', 'The Harbour'), chapter('2', 'The Crossing'), chapter('3', 'The Island')),
      'b.txt',
    );
    expect(chapters.map((c) => [c.title, c.firstLine])).toEqual([
      ['Title page', 'THE GLASS HOUSE'],
      ['CHAPTER 1: The Harbour', 'CHAPTER'],
      ['CHAPTER 2: The Crossing', 'CHAPTER'],
      ['CHAPTER 3: The Island', 'CHAPTER'],
    ]);
  });

  it('is no running head where it opens a page of text from a PDF, though three pages open with it', async () => {
    const page = (n: string, title: string) => `CHAPTER\n\n${n}\n${title}\n\n${prose}\n\n${prose}`;
    const pages = [
      'THE GLASS HOUSE',
      page('ONE', 'The Harbour'),
      page('TWO', 'The Crossing'),
      page('THREE', 'The Island'),
    ];
    const titles = await titlesOf(pages.join('\f'), 'b.txt');
    expect(titles).toEqual([
      'Title page',
      'CHAPTER ONE: The Harbour',
      'CHAPTER TWO: The Crossing',
      'CHAPTER THREE: The Island',
    ]);
  });

  it('heads nothing over a paragraph that opens with a numeral, or over a block of text', async () => {
    const text = `${prose}\n\n${prose}`;
    const titles = await titlesOf(
      book('THE MILL', `CHAPTER 1\n\n${text}`, `Story\n\nI was born in the mill.\n\n${text}`, `CHAPTER 2\n\n${text}`),
      'b.txt',
    );
    expect(titles).toEqual(['Title page', 'CHAPTER 1', 'CHAPTER 2']);
  });

  it(
    'is read in linear time over a megabyte of heading words alone',
    async () => {
      const start = process.cpuUsage();
      const words = Array.from({ length: MEGABYTE / 12 }, (_, i) => (i % 2 ? 'CHAPTER' : 'PART')).join('\n\n');
      const titles = await titlesOf(book('THE MILL', words, `CHAPTER 1\n\n${prose}`), 'b.txt');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(titles).toContain('CHAPTER 1');
    },
    HANG_LIMIT_MS,
  );
});

describe('hidden text in HTML', () => {
  const textOf = async (body: string) =>
    (await parseManuscript(Buffer.from(`<html><body>${body}</body></html>`), { fileName: 'b.htm' })).text;

  it('is not read: the page numbers Word hides in its contents list, a hidden element and what it holds', async () => {
    const entry = (title: string, page: number) =>
      `<p class=MsoToc1><a href="#_Toc1">${title}<span style='display:none'>. </span><span style='color:windowtext; display: none'>${page}</span></a></p>`;
    expect(await textOf(`<p>Contents</p>${entry('Prologue', 3)}${entry('Chapter One', 9)}`)).toBe(
      'Contents\n\nPrologue\n\nChapter One',
    );
    expect(await textOf('<p>Shown</p><div hidden><p>Not shown</p><br><p>Nor this</p></div><p>Shown again</p>')).toBe(
      'Shown\n\nShown again',
    );
    expect(await textOf('<p style="display: block">Shown <span style="visibility: visible">too</span></p>')).toBe(
      'Shown too',
    );
  });

  it('keeps a hidden element’s id where it stands, for a contents entry that points at it', async () => {
    const epub = await buildEpub({
      version: 3,
      chapters: [
        {
          file: 'text/book.xhtml',
          title: 'Book',
          body:
            `<span id="one" style="display:none">1</span><h2>Chapter One</h2><p>${prose}</p>` +
            `<span id="two" hidden="">2</span><h2>Chapter Two</h2><p>${prose}</p>`,
        },
      ],
      toc: [
        ['Chapter One', 'text/book.xhtml#one'],
        ['Chapter Two', 'text/book.xhtml#two'],
      ],
    });
    const chapters = await chaptersOf(epub, 'b.epub');
    expect(chapters.map((c) => [c.title, c.firstLine])).toEqual([
      ['Chapter One', 'Chapter One'],
      ['Chapter Two', 'Chapter Two'],
    ]);
  });

  it(
    'is found in linear time in a megabyte of style declarations',
    async () => {
      const start = process.cpuUsage();
      const style = '; '.repeat(MEGABYTE / 4) + 'display :' + ' '.repeat(MEGABYTE / 2) + 'block';
      expect(await textOf(`<p>One</p><p style="${style}">Two</p>`)).toBe('One\n\nTwo');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
