import { parseManuscript } from '../../adapters/manuscript';
import { describe as describeChapters } from '../../bench/chapters/score';
import { detectChapters } from '../../core/manuscript/chapters';
import { classifyHeadingLine } from '../../core/manuscript/headings';
import { cpuMsSince } from '../support/jestBudget';
import { buildDocx, buildEpub } from './fixtures/builders';

/**
 * The rules the seventh held-out round of chapter fixtures brought (test/manuscript/fixtures/seventhRound.ts), one by
 * one, with the cases they must leave alone.
 */
/** Far above a linear read, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;
const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
const prosa = 'O vento desceu dos montes e a aldeia inteira ficou a ouvi-lo durante a noite toda.';

const chaptersOf = async (source: string | Buffer, fileName: string, language = 'en-GB') => {
  const bytes = typeof source === 'string' ? Buffer.from(source) : source;
  const parsed = await parseManuscript(bytes, { fileName, language });
  return describeChapters(parsed.text, detectChapters(parsed, { language }));
};
const titlesOf = async (source: string | Buffer, fileName: string, language = 'en-GB') =>
  (await chaptersOf(source, fileName, language)).map((c) => c.title);
const book = (...pages: string[]) => pages.join('\n\n\n\n');
/** Two paragraphs, so that a chapter's text is never one short block that could pass for a title. */
const text = `${prose}\n\n${prose}`;

describe('section names a modern edition uses', () => {
  it('reads a play’s CHARACTERS or CAST as its list of persons', async () => {
    for (const name of ['CHARACTERS', 'Cast']) {
      const chapters = await chaptersOf(
        book(
          'THE TOLLHOUSE\n\nA Play',
          `${name}\n\nMARGERY\nTOBIAS`,
          `ACT I\n\nMARGERY. ${prose}`,
          `ACT II\n\nTOBIAS. ${prose}`,
        ),
        'p.txt',
      );
      expect(chapters.map((c) => [c.type, c.title])).toEqual([
        ['title_page', 'Title page'],
        ['front_matter', name],
        ['chapter', 'ACT I'],
        ['chapter', 'ACT II'],
      ]);
    }
  });

  it('keeps FURTHER READING after the work as back matter, not spoken', async () => {
    const chapters = await chaptersOf(
      book(
        'THE LIGHT',
        `CHAPTER 1\n\n${text}`,
        `CHAPTER 2\n\n${text}`,
        'Further Reading\n\nHale, Thomas. Lights. 1862.',
      ),
      'b.txt',
    );
    expect(chapters.map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['title_page', 'Title page', false],
      ['chapter', 'CHAPTER 1', true],
      ['chapter', 'CHAPTER 2', true],
      ['back_matter', 'Further Reading', false],
    ]);
  });
});

describe('a number with the ordinal indicator', () => {
  it.each([
    ['CAPÍTULO 1.º', 'labelled', 1],
    ['Capítulo 2º', 'labelled', 2],
    ['CAPÍTULO 12.º — O regresso', 'labelled', 12],
    ['PARTE 2.ª', 'part', 2],
  ])('reads %s', (line, family, number) => {
    expect(classifyHeadingLine(line)).toMatchObject({ family, number });
  });

  it('leaves prose with an ordinal in figures alone', () => {
    expect(classifyHeadingLine('Capítulo 1.º foi escrito em Lisboa.')).toBeNull();
  });

  it('numbers chapters that take the title line under them', async () => {
    const titles = await titlesOf(
      book('O MOINHO', `CAPÍTULO 1.º\n\nA chegada\n\n${prosa}`, `CAPÍTULO 2.º\n\nO moinho\n\n${prosa}`),
      'm.txt',
      'pt-PT',
    );
    expect(titles).toEqual(['Folha de rosto', 'CAPÍTULO 1.º: A chegada', 'CAPÍTULO 2.º: O moinho']);
  });
});

describe('a section sign over its title', () => {
  it('joins the number and the title as a bare number does: "§ 1. Of the Lamp"', async () => {
    const sections = ['Of the Lamp', 'Of the Wick', 'Of the Glass'].map(
      (title, i) => `§ ${i + 1}\n\n${title}\n\n${prose}`,
    );
    expect(await titlesOf(book('ON LIGHTS', ...sections), 't.txt')).toEqual([
      'Title page',
      '§ 1. Of the Lamp',
      '§ 2. Of the Wick',
      '§ 3. Of the Glass',
    ]);
  });
});

describe('a letter’s salutation under its heading', () => {
  const letter = (heading: string, salutation: string) =>
    `${heading}\n\n${salutation}\n\n${prosa}\n\nTua irmã,\nMariana`;

  it('opens the letter and is never its title', async () => {
    const titles = await titlesOf(
      book(
        'CARTAS',
        letter('CARTA PRIMEIRA', 'Minha querida irmã,'),
        letter('CARTA SEGUNDA', 'Querida Mariana,'),
        letter('CARTA TERCEIRA', 'Meu caro primo,'),
      ),
      'c.txt',
      'pt-PT',
    );
    expect(titles).toEqual(['Folha de rosto', 'CARTA PRIMEIRA', 'CARTA SEGUNDA', 'CARTA TERCEIRA']);
  });

  it('leaves a title line that merely ends in a comma-free phrase as the title', async () => {
    const titles = await titlesOf(
      book('CARTAS', letter('CARTA I', 'De Lisboa'), letter('CARTA II', 'Do Porto'), letter('CARTA III', 'De Braga')),
      'c.txt',
      'pt-PT',
    );
    expect(titles).toEqual(['Folha de rosto', 'CARTA I: De Lisboa', 'CARTA II: Do Porto', 'CARTA III: De Braga']);
  });
});

describe('a chapter’s word, number and title set apart', () => {
  const opening = (n: number, title: string) => `CHAPTER\n\n${n}\n\n${title}\n\n${text}`;

  it('reads "CHAPTER" ⏎⏎ "1" ⏎⏎ "The Harbour" in three blocks as one heading titled by the third', async () => {
    const chapters = await chaptersOf(
      book('THE SALT ROAD', opening(1, 'The Harbour'), opening(2, 'The Crossing')),
      's.txt',
    );
    expect(chapters.map((c) => [c.title, c.firstLine])).toEqual([
      ['Title page', 'THE SALT ROAD'],
      ['CHAPTER 1: The Harbour', 'CHAPTER'],
      ['CHAPTER 2: The Crossing', 'CHAPTER'],
    ]);
  });

  it('reads "CHAPTER" ⏎ "THE FIRST." on two lines of one block as one heading, titled by the block under it', async () => {
    const chapters = await chaptersOf(
      book(
        'THE TOLLHOUSE',
        `CHAPTER\nTHE FIRST.\n\nIn Which the Ferry Is Lost\n\n${text}`,
        `CHAPTER\nTHE SECOND.\n\nIn Which the River Rises\n\n${text}`,
      ),
      't.txt',
    );
    expect(chapters.map((c) => [c.title, c.firstLine])).toEqual([
      ['Title page', 'THE TOLLHOUSE'],
      ['CHAPTER THE FIRST. In Which the Ferry Is Lost', 'CHAPTER'],
      ['CHAPTER THE SECOND. In Which the River Rises', 'CHAPTER'],
    ]);
  });

  it('leaves a paragraph whose first line is the word alone as text', async () => {
    const titles = await titlesOf(
      book(
        'THE TOLLHOUSE',
        `CHAPTER 1\n\n${text}\n\nChapter\nand verse, he said, and the whole of it by heart.`,
        `CHAPTER 2\n\n${text}`,
      ),
      't.txt',
    );
    expect(titles).toEqual(['Title page', 'CHAPTER 1', 'CHAPTER 2']);
  });

  it('reads the word and its number as two heading blocks, the title a deeper one, as one heading (DOCX)', async () => {
    const docx = await buildDocx([
      { style: 'Title', text: 'The Salt Road' },
      ...['The Harbour', 'The Crossing'].flatMap((title, i) => [
        { style: 'Heading1' as const, text: 'Chapter', pageBreakBefore: true },
        { style: 'Heading1' as const, text: String(i + 1) },
        { style: 'Heading2' as const, text: title },
        { text: prose },
      ]),
    ]);
    const chapters = await chaptersOf(docx, 's.docx');
    expect(chapters.map((c) => [c.title, c.firstLine])).toEqual([
      ['Title page', 'The Salt Road'],
      ['Chapter 1: The Harbour', 'Chapter'],
      ['Chapter 2: The Crossing', 'Chapter'],
    ]);
  });

  it('does the same in HTML, and leaves a heading word over a heading that is no number as two headings', async () => {
    const html = (second: (n: number) => string) =>
      '<html><body><h1>La posada</h1>' +
      [1, 2].map((n) => `<h2>CAPÍTULO</h2><h2>${second(n)}</h2><h3>Título ${n}</h3><p>${prose}</p>`).join('') +
      '</body></html>';
    expect(await titlesOf(html(String), 'p.html', 'es-ES')).toEqual([
      'Portada',
      'CAPÍTULO 1: Título 1',
      'CAPÍTULO 2: Título 2',
    ]);
    const notNumbers = await titlesOf(
      html((n) => (n === 1 ? 'La llegada' : 'El molino')),
      'p.html',
      'es-ES',
    );
    expect(notNumbers).toEqual(['Portada', 'CAPÍTULO', 'La llegada', 'CAPÍTULO', 'El molino']);
  });
});

describe('a running head repeating the chapter’s heading with the page number after its title', () => {
  const texto =
    'La posada estaba al final del camino real, y desde sus ventanas se veían las barcas que volvían al puerto.';
  /** Pages as PDF-to-text writes them, form feeds between them; `head` is the odd pages' running head. */
  const pagedBook = (head: (chapter: number, title: string, page: number) => string) => {
    const pages = ['LA POSADA\n\nLucía Ferrer'];
    ['La llegada', 'El molino', 'La nevada'].forEach((title, c) => {
      pages.push(`CAPÍTULO ${c + 1}\n\n${title}\n\n${texto}\n\n${pages.length + 1}`);
      pages.push(`${pages.length + 1}    LA POSADA\n\n${texto}`);
      pages.push(`${head(c + 1, title.toUpperCase(), pages.length + 1)}\n\n${texto}`);
    });
    return pages.join('\f');
  };

  it('is furniture, not a chapter: "CAPÍTULO 1. LA LLEGADA 4"', async () => {
    const titles = await titlesOf(
      pagedBook((n, title, page) => `CAPÍTULO ${n}. ${title}    ${page}`),
      'p.txt',
      'es-ES',
    );
    expect(titles).toEqual(['Portada', 'CAPÍTULO 1', 'CAPÍTULO 2', 'CAPÍTULO 3']);
  });

  it('leaves a heading whose title ends in a number that does not count with the pages', async () => {
    const titles = await titlesOf(
      pagedBook((n, title) => (n === 2 ? `CAPÍTULO 9. EL AÑO 1851` : `CAPÍTULO ${n}. ${title}`)),
      'p.txt',
      'es-ES',
    );
    expect(titles).toContain('CAPÍTULO 9. EL AÑO 1851');
  });
});

describe('an EPUB whose contents entries each stand for several chapters', () => {
  const file = (name: string, headings: string[]) => ({
    file: name,
    title: name,
    body: headings.map((heading) => `${heading}<p>${prose}</p><p>${prose}</p>`).join(''),
  });
  const epub = (inside: (n: number) => string, labels = ['Chapters 1–2', 'Capítulos 3 a 4']) =>
    buildEpub({
      version: 3,
      chapters: [
        file('title.xhtml', ['<h1>The Drove Road</h1>']),
        file('a.xhtml', [inside(1), inside(2)]),
        file('b.xhtml', [inside(3), inside(4)]),
      ],
      toc: [
        ['Title Page', 'title.xhtml'],
        [labels[0], 'a.xhtml'],
        [labels[1], 'b.xhtml'],
      ],
    });

  it('takes the chapters from the headings inside the files: "Chapters 1–2", "Capítulos 3 a 4"', async () => {
    const titles = await titlesOf(await epub((n) => `<h2>Chapter ${n}</h2>`), 'd.epub');
    expect(titles).toEqual(['Title Page', 'Chapter 1', 'Chapter 2', 'Chapter 3', 'Chapter 4']);
  });

  it('keeps the entries when the files hold no headings, and entries that are no range', async () => {
    expect(await titlesOf(await epub(() => ''), 'd.epub')).toEqual(['Title Page', 'Chapters 1–2', 'Capítulos 3 a 4']);
    const notRanges = await epub((n) => `<h2>Chapter ${n}</h2>`, ['Chapters of the Road', 'Chapters 4–3']);
    expect(await titlesOf(notRanges, 'd.epub')).toEqual(['Title Page', 'Chapters of the Road', 'Chapters 4–3']);
  });

  it(
    'reads a contents entry of a hundred thousand dashes between spaced words in linear time',
    async () => {
      const start = process.cpuUsage();
      const hostile = await epub(
        (n) => `<h2>Chapter ${n}</h2>`,
        [`Chapters 1${'-'.repeat(100_000)} x y`, 'Chapters 3–4'],
      );
      const titles = await titlesOf(hostile, 'd.epub');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(titles[0]).toBe('Title Page');
    },
    HANG_LIMIT_MS,
  );
});
