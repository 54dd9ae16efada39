import { parseManuscript } from '../../adapters/manuscript';
import { findGutter } from '../../adapters/manuscript/pdfColumns';
import { separateFootnotes } from '../../adapters/manuscript/pdfFootnotes';
import type { PdfLine, PdfTextItem } from '../../adapters/manuscript/pdfLines';
import { pagedPdf, RULED_NOTES_BOOK, TWO_COLUMN_BOOK, type PageSpec } from './fixtures/pagedPdf';

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
    expect(findGutter(page)).toBeUndefined();
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
    expect(findGutter(page)).toBeUndefined();
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
    expect(findGutter(page)).toBeCloseTo(296);
    expect(findGutter([...page, { text: 'far', x: 1e12, y: 600, width: 10, height: 11, endsLine: true }])).toBe(
      undefined,
    );
  });
});
