import { htmlToBlocks } from '../../adapters/manuscript/html';
import { removePageMarkers } from '../../adapters/manuscript/textPageMarkers';

/** What the HTML reader (HTML, EPUB and DOCX alike) makes of notes' marks and labels. */
describe('a note is labelled by the mark its reference printed', () => {
  it('gives a note its reference mark when the note does not print it (the DOCX converter numbers by list)', () => {
    const { notes } = htmlToBlocks(
      '<p>A word<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup> more.</p>' +
        '<ol><li id="footnote-2"><p> First note. <a href="#footnote-ref-2">↑</a></p></li></ol>',
    );
    expect(notes).toEqual(['[1] First note.']);
  });

  it('does not label twice a note that opens with its mark, and does label one opening with another number', () => {
    const { notes } = htmlToBlocks(
      '<p>One<a class="fnanchor" href="#a1">[1]</a> two<a class="fnanchor" href="#a2">[2]</a>.</p>' +
        '<div class="footnote" id="a1"><p>[1] Printed mark.</p></div>' +
        '<div class="footnote" id="a2"><p>2000 sheep were sold.</p></div>',
    );
    expect(notes).toEqual(['[1] Printed mark.', '[2] 2000 sheep were sold.']);
  });
});

/** Jest's budget for a hostile input: far above a linear read, far below a quadratic one (checked once the loop turns). */
const HOSTILE_BUDGET_MS = 30_000;
const jestBudgetCheck = () => new Promise((resolve) => setImmediate(resolve));

describe('a page marker inside a hyphenated word (plain text)', () => {
  const paged = (body: string) => `Pages [Pg 1] of [Pg 2] a book. ${body}`;

  it('joins a word written whole elsewhere in the book and keeps a compound written with its hyphen elsewhere', () => {
    const text = paged('A wonderful day, a well-known road. A won-[Pg 3]derful sight on the well-[Pg 4]known road.');
    expect(removePageMarkers(text)).toBe(
      'Pages of a book. A wonderful day, a well-known road. A wonderful sight on the well-known road.',
    );
  });

  it('with nothing elsewhere, joins where the hyphen ends a line and keeps it inside a line', () => {
    expect(removePageMarkers(paged('The light-[Pg 3]\nhouse and the sea-[Pg 4]weed.'))).toBe(
      'Pages of a book. The lighthouse and the sea-weed.',
    );
    expect(removePageMarkers(paged('The light-\n[Pg 3]house.'))).toBe('Pages of a book. The lighthouse.');
  });

  it('keeps the hyphen of a compound written so elsewhere even when it ends a line, on a line of its own too', () => {
    expect(removePageMarkers(paged('It was half-hidden. The road was half-[Pg 3]\nhidden.'))).toBe(
      'Pages of a book. It was half-hidden. The road was half-hidden.',
    );
    expect(removePageMarkers(paged('It was half-hidden. The road was half-\n[Pg 3]\nhidden.'))).toBe(
      'Pages of a book. It was half-hidden. The road was half-hidden.',
    );
  });

  it('leaves a dash with spaces, and a capital after the marker, as they were', () => {
    expect(removePageMarkers(paged('A well-[Pg 3] and a won-[Pg 4]Derful.'))).toBe(
      'Pages of a book. A well- and a won-Derful.',
    );
  });

  it(
    'reads a megabyte of hyphens and markers in one pass',
    async () => {
      const word = 'a'.repeat(60);
      const pages = Array.from({ length: 9_000 }, (_, i) => `${word}-[Pg ${i + 1}]${word}-\n`).join('');
      const text = `${pages}${'x-\n'.repeat(100_000)}${'-'.repeat(200_000)}`;
      expect(text.length).toBeGreaterThan(1_000_000);
      const read = removePageMarkers(text);
      expect(read).not.toContain('[Pg');
      await jestBudgetCheck();
    },
    HOSTILE_BUDGET_MS,
  );
});
