import { parseManuscript } from '../../adapters/manuscript';
import { findGutters } from '../../adapters/manuscript/pdfColumns';
import { separateFootnotes } from '../../adapters/manuscript/pdfFootnotes';
import { groupLines, type PdfLine, type PdfTextItem } from '../../adapters/manuscript/pdfLines';
import {
  pagedPdf,
  RULED_NOTES_BOOK,
  RUNNING_NOTE_BOOK,
  THREE_COLUMN_BOOK,
  TWO_COLUMN_BOOK,
  type PageSpec,
} from './fixtures/pagedPdf';

/**
 * PDF pages read in reading order: two columns one after the other, footnotes at a page's foot gathered with the
 * book's notes instead of read mid-text. The PDFs go through the real reader (pdf.js), built piece by piece.
 */
const textOf = async (pages: PageSpec[]) => (await parseManuscript(pagedPdf(pages), { fileName: 'b.pdf' })).text;

describe('two columns', () => {
  it('reads the left column, then the right, and runs a paragraph on across the column break', async () => {
    const text = await textOf(TWO_COLUMN_BOOK);
    expect(text).toContain('the wall with a lantern and a spade.¹\n\nIn the spring');
    // Line across line, the right column's first line would follow the left column's first line.
    expect(text).not.toContain('low houseThe');
    expect(text).not.toContain('low house the sluice');
    expect(text).toContain('and one night the water came up over\nthe sluice before anyone had seen it');
    expect(text.indexOf('the lower field lay under the sea.')).toBeLessThan(text.indexOf('CHAPTER II.'));
    // The heading across both columns stands before them, a paragraph of its own.
    expect(text).toContain('CHAPTER I. THE DYKE\n\nThe dyke keeper');
  });

  it('keeps a contents page with its page numbers on the right as one column', async () => {
    const entries = ['The Dyke', 'The Flood', 'The Tower', 'The Register', 'The Return'];
    const page: PdfTextItem[] = entries.flatMap((title, i) => [
      { text: title, x: 72, y: 700 - 14 * i, width: 60, height: 11, endsLine: false },
      { text: String(3 + 4 * i), x: 520, y: 700 - 14 * i, width: 10, height: 11, endsLine: true },
    ]);
    expect(findGutters(page)).toEqual([]);
  });

  it('finds no gutter in a page of verse: short lines, all at the left margin', async () => {
    const page: PdfTextItem[] = Array.from({ length: 8 }, (_, i) => ({
      text: 'A short line of verse here',
      x: 90,
      y: 700 - 14 * i,
      width: 130,
      height: 11,
      endsLine: true,
    }));
    expect(findGutters(page)).toEqual([]);
  });
});

describe('three columns or more', () => {
  it('reads each column in turn, left to right, running a paragraph on across each column break', async () => {
    const text = await textOf(THREE_COLUMN_BOOK);
    expect(text).toContain(
      'CHAPTER I. THE FERRY\n\nThe ferry crossed the river\nfour times a day in summer\nand twice in winter, when\nice came down from the',
    );
    expect(text).toContain('ice came down from the\nhills and the ferryman');
    expect(text).toContain('stayed at home by the fire.\n\nHis son took the rope');
    expect(text).toContain('pulled the boat across\nalone for the first time.');
    expect(text).not.toContain('river hills');
    // The page number under the middle column is page furniture, not the middle column's last line.
    expect(text).not.toMatch(/\n2\n/);
    // Without it, the longest column's last line alone at the foot is still that column's text.
    const [first, ...others] = THREE_COLUMN_BOOK[1].columns!;
    const longer: PageSpec = { left: [], columns: [[...first, 'high moors and the'], ...others] };
    expect(await textOf([longer])).toContain('ice came down from the\nhigh moors and the\nhills and the ferryman');
  });

  it('finds two columns whose lines each hold a gap of their own: a play’s speakers set out in each column’s margin', () => {
    const row = (y: number): PdfTextItem[] => [
      { text: 'ANNA.', x: 72, y, width: 40, height: 11, endsLine: false },
      { text: 'The tide is turning now.', x: 130, y, width: 150, height: 11, endsLine: false },
      { text: 'TOM.', x: 320, y, width: 40, height: 11, endsLine: false },
      { text: 'Then we must go at once.', x: 378, y, width: 150, height: 11, endsLine: true },
    ];
    const gutters = findGutters([700, 686, 672, 658, 644].flatMap(row));
    expect(gutters).toHaveLength(1);
    expect(gutters[0]).toBeCloseTo(300);
  });

  it('keeps a table of a narrow column beside wide ones row by row', () => {
    const rows = ['Lisbon', 'Porto', 'Coimbra', 'Braga', 'Faro'];
    const page: PdfTextItem[] = rows.flatMap((town, i) => [
      { text: String(1850 + i), x: 72, y: 700 - 14 * i, width: 24, height: 11, endsLine: false },
      { text: `${town} and its harbour`, x: 200, y: 700 - 14 * i, width: 110, height: 11, endsLine: false },
      { text: `a ${town} merchant`, x: 400, y: 700 - 14 * i, width: 90, height: 11, endsLine: true },
    ]);
    expect(findGutters(page)).toEqual([]);
  });

  it('finds no gutter in spaces lined up down a single column given word by word', () => {
    const words = ['Then', 'they', 'went', 'down', 'to', 'the', 'water', 'and', 'waited'];
    // Every line's first word ends at the same x, so the spaces after it line up: a river, not a gutter.
    const page: PdfTextItem[] = Array.from({ length: 8 }, (_, line) => [
      { text: 'Afterwards', x: 72, y: 700 - 14 * line, width: 150, height: 11, endsLine: false },
      ...words.slice(0, 3 + (line % 5)).map((word, i) => ({
        text: word,
        x: 225 + i * 40,
        y: 700 - 14 * line,
        width: 36,
        height: 11,
        endsLine: false,
      })),
    ]).flat();
    expect(findGutters(page)).toEqual([]);
  });
});

describe('footnotes at the foot of a page', () => {
  it('gathers small-type notes at the end under Notes, out of the text, the mark raised and unsaid', async () => {
    const text = await textOf(TWO_COLUMN_BOOK);
    const notes = text.indexOf('\n\nNotes\n\n');
    expect(notes).toBeGreaterThan(text.indexOf('hanging on its nail by the door.'));
    expect(text.slice(notes)).toBe(
      '\n\nNotes\n\n1 The spade was kept in the sluice house\nand is still shown to visitors.\n\n* So the parish register records it.',
    );
    expect(text.slice(0, notes)).not.toContain('sluice house');
  });

  it('takes notes set under a rule in the text size, into the book’s own notes section', async () => {
    const text = await textOf(RULED_NOTES_BOOK);
    expect(text).not.toContain('______');
    expect(text).toContain('a noite.* A mulher');
    expect(text.indexOf('* A roda foi trocada')).toBeGreaterThan(text.indexOf('NOTAS'));
    expect(text).not.toMatch(/\nNotes\n/);
  });

  it('leaves small type at a foot alone when the text carries no such mark', async () => {
    const text = await textOf([
      {
        left: ['The keeper closed the book and put out the lamp.', '', 'He slept until the tide turned.'],
        notes: ['1 Printed at the Marsh Press.'],
      },
    ]);
    expect(text).toContain('He slept until the tide turned.\n\n1 Printed at the Marsh Press.');
    expect(text).not.toContain('Notes');
  });

  const keeperPage = (note: string): PageSpec => ({
    heading: 'CHAPTER I',
    left: ['The keeper walked the wall with a lantern and a spade.^{1}', 'He came home at dawn.'],
    notes: [`1 ${note}`],
    pageNumber: 1,
  });

  it('joins a note running on to the next page’s foot to the note it continues', async () => {
    const text = await textOf([
      keeperPage('The spade was kept in the sluice house, where the'),
      {
        left: ['His daughter climbed the tower and rang the bell.^{2}', 'Nobody came from the village that night.'],
        notes: ['widow of the keeper shows it to visitors.', '2 The bell was cast in 1820.'],
        pageNumber: 2,
      },
    ]);
    expect(text.slice(text.indexOf('\n\nNotes\n\n'))).toBe(
      '\n\nNotes\n\n1 The spade was kept in the sluice house, where the\nwidow of the keeper shows it to visitors.\n\n2 The bell was cast in 1820.',
    );
    expect(text).toContain('Nobody came from the village that night.\n\nNotes');
  });

  it('gathers a Spanish note run over two pages as one, under Notas', async () => {
    const parsed = await parseManuscript(pagedPdf(RUNNING_NOTE_BOOK), { fileName: 'faro.pdf', language: 'es-ES' });
    expect(parsed.text).toContain('a amarrar las barcas.\n\nNotas\n\n1 La lámpara de aceite');
    expect(parsed.text.endsWith('en 1921, cuando la\ncompañía llevó la luz hasta el cabo.')).toBe(true);
  });

  it('leaves small type without a mark alone after a note that ended its sentence', async () => {
    const text = await textOf([
      keeperPage('The spade was kept in the sluice house.'),
      {
        left: ['His daughter climbed the tower and rang the bell.', 'Nobody came from the village that night.'],
        notes: ['Printed at the Marsh Press.'],
        pageNumber: 2,
      },
    ]);
    expect(text).toContain('that night.\n\nPrinted at the Marsh Press.\n\nNotes');
    expect(text.endsWith('\n\nNotes\n\n1 The spade was kept in the sluice house.')).toBe(true);
  });

  it('names the notes in the book’s language, or adds them to its own notes section before what follows it', async () => {
    const parsed = await parseManuscript(pagedPdf(RULED_NOTES_BOOK.slice(0, 3)), {
      fileName: 'b.pdf',
      language: 'pt-PT',
    });
    expect(parsed.text.endsWith('\n\nNotas\n\n* A roda foi trocada em 1890, depois da grande cheia.')).toBe(true);
    const glossary: PageSpec = { heading: 'GLOSSÁRIO', left: ['Açude: represa de um rio.'], pageNumber: 5 };
    const own = await textOf([...RULED_NOTES_BOOK, glossary]);
    expect(own).toContain('1902.\n\n* A roda foi trocada em 1890, depois da grande cheia.\n\nGLOSSÁRIO');
    expect(own).not.toContain('Notas\n');
  });

  it('reads a year opening a small line as text, not as a note mark', () => {
    const line = (text: string, y: number, height: number): PdfLine => ({
      text,
      y,
      height,
      gap: 1.3,
      startsColumn: false,
    });
    const lines = [line('Printed in the year of the flood, 1851.', 700, 11), line('1851 London and Hull.', 90, 8)];
    expect(separateFootnotes(lines)).toEqual({ lines, notes: [] });
  });
});

describe('positions a file makes up', () => {
  it('reads a page with a piece placed far off any page in the order given', () => {
    const row = (y: number): PdfTextItem[] => [
      { text: 'Left words here', x: 72, y, width: 200, height: 11, endsLine: false },
      { text: 'Right words here', x: 320, y, width: 200, height: 11, endsLine: true },
    ];
    const page = [...row(700), ...row(686), ...row(672), ...row(658)];
    expect(findGutters(page)).toHaveLength(1);
    expect(findGutters(page)[0]).toBeCloseTo(296);
    expect(findGutters([...page, { text: 'far', x: 1e12, y: 600, width: 10, height: 11, endsLine: true }])).toEqual([]);
  });
});

describe('running heads printed with their page numbers', () => {
  const line = (n: number) => `Line ${n} of the chapter runs on across the page, as printed.`;
  const chapterPages = (heading: string, title: string, folio: number): PageSpec[] => [
    { heading, left: [line(folio * 10), line(folio * 10 + 1)], pageNumber: folio },
    { runningHead: { text: 'THE HOLLOW SEA', folio: folio + 1 }, left: [line(folio * 10 + 2)] },
    { runningHead: { text: title, folio: folio + 2 }, left: [line(folio * 10 + 3)] },
  ];

  it('leaves out the book’s title and a chapter’s, however few pages carry it, with the number at either end', async () => {
    const text = await textOf([
      { heading: 'THE HOLLOW SEA', left: ['', '', 'Ann Reed'] },
      ...chapterPages('CHAPTER I', 'THE HARBOUR', 1),
      ...chapterPages('CHAPTER II', 'THE CROSSING', 4),
    ]);
    expect(text).not.toMatch(/THE HARBOUR|THE CROSSING|\d\s*THE HOLLOW SEA|THE HOLLOW SEA\s*\d/);
    expect(text).toContain('CHAPTER II');
    expect(text).toContain(line(42));
  });

  it('puts back in order the pieces of a line written right to left, a space between them', () => {
    const pieces: PdfTextItem[] = [
      { text: 'THE HOLLOW SEA', x: 264, y: 756, width: 90, height: 9, endsLine: false },
      { text: '12', x: 72, y: 756, width: 10, height: 9, endsLine: true },
    ];
    expect(groupLines(pieces).map((l) => l.text)).toEqual(['12 THE HOLLOW SEA']);
  });
});
