import { htmlToBlocks } from '../../adapters/manuscript/html';
import { gatherSuperscriptNotes } from '../../adapters/manuscript/superscriptNotes';
import { removePageMarkers } from '../../adapters/manuscript/textPageMarkers';
import { cpuMsSince } from '../support/jestBudget';

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

  it('reads the mark of a reference set in superscript inside its link', () => {
    const { blocks, notes } = htmlToBlocks(
      '<p>One<a class="fnanchor" href="#b1"><sup>[1]</sup></a> two.</p><div class="footnote" id="b1"><p>Note.</p></div>',
    );
    expect(gatherSuperscriptNotes(blocks).blocks.map((block) => block.text)).toEqual(['One two.']);
    expect(notes).toEqual(['[1] Note.']);
  });
});

/** Jest's budget for a hostile input: far above a linear read, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

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
      const start = process.cpuUsage();
      const word = 'a'.repeat(60);
      const pages = Array.from({ length: 9_000 }, (_, i) => `${word}-[Pg ${i + 1}]${word}-\n`).join('');
      const text = `${pages}${'x-\n'.repeat(100_000)}${'-'.repeat(200_000)}`;
      expect(text.length).toBeGreaterThan(1_000_000);
      const read = removePageMarkers(text);
      expect(read).not.toContain('[Pg');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});

describe('note marks in superscript with no link (HTML, EPUB, DOCX)', () => {
  const read = (html: string) => {
    const { blocks, notes } = gatherSuperscriptNotes(htmlToBlocks(html).blocks);
    return { text: blocks.map((block) => block.text).filter(Boolean), notes };
  };

  it('takes the marks out and gathers the notes ending the chapter that open with them', () => {
    const { text, notes } = read(
      '<h2>I</h2><p>The lamp<sup>1</sup> burned; the boat<sup>a</sup> waited.<sup>*</sup></p>' +
        '<p>1 Whale oil.</p><p>It smoked.</p><p><sup>a</sup> A rowing boat.</p><p>* So the log says.</p>' +
        '<h2>II</h2><p>Dawn.</p>',
    );
    expect(text).toEqual(['I', 'The lamp burned; the boat waited.', 'II', 'Dawn.']);
    expect(notes).toEqual(['[1] Whale oil.\nIt smoked.', '[a] A rowing boat.', '[*] So the log says.']);
  });

  it('keeps superscripts that are words: ordinals, powers, a letter no note has', () => {
    const { text, notes } = read(
      '<p>On the 1<sup>st</sup> of May, 40 m<sup>2</sup>, x<sup>2</sup> + y<sup>2</sup>, M<sup>r</sup> Hale, ' +
        'the 2<sup>nd</sup> time, 10 <sup>3</sup> units.</p>',
    );
    expect(text).toEqual(['On the 1st of May, 40 m2, x2 + y2, Mr Hale, the 2nd time, 10 3 units.']);
    expect(notes).toEqual([]);
  });

  it('a number or an asterisk raised after a word is not said even with no note', () => {
    const { text } = read('<p>The lamp<sup>12</sup> burned all night,<sup>**</sup> as ever.</p>');
    expect(text).toEqual(['The lamp burned all night, as ever.']);
  });

  it('leaves a numbered list alone: one with no marks before it, or one the chapter goes on after', () => {
    const list = '<p>1. Flour.</p><p>2. Water.</p>';
    expect(read(`<p>We need:</p>${list}<h2>II</h2>`).text).toEqual(['We need:', '1. Flour.', '2. Water.', 'II']);
    const marked = read(`<p>We need<sup>1</sup> two<sup>2</sup> things:</p>${list}<p>Then we bake.</p><h2>II</h2>`);
    expect(marked.text).toEqual(['We need two things:', '1. Flour.', '2. Water.', 'Then we bake.', 'II']);
    expect(marked.notes).toEqual([]);
  });

  it('matches each note to a mark not yet claimed, chapter by chapter', () => {
    const { text, notes } = read(
      '<p>One<sup>1</sup>.</p><p>1. First.</p><h2>II</h2><p>Two<sup>1</sup>.</p><p>1. Second.</p>',
    );
    expect(text).toEqual(['One.', 'II', 'Two.']);
    expect(notes).toEqual(['[1] First.', '[1] Second.']);
    // A note more than the marks before it: the run is no chapter's notes, and stays.
    const extra = read('<p>One<sup>1</sup>.</p><p>1. First.</p><p>1. Again.</p><h2>II</h2>');
    expect(extra.text).toEqual(['One.', '1. First.', '1. Again.', 'II']);
  });

  it(
    'reads a megabyte of marks and would-be notes in one pass',
    async () => {
      const start = process.cpuUsage();
      const marks = Array.from({ length: 20_000 }, () => ({ kind: 'paragraph' as const, text: 'Word\uE0011\uE002.' }));
      const openers = Array.from({ length: 60_000 }, () => ({ kind: 'paragraph' as const, text: '1. Not a note.' }));
      const raw = [...marks, ...openers, { kind: 'paragraph' as const, text: 'The chapter goes on.' }];
      expect(raw.reduce((sum, block) => sum + block.text.length, 0)).toBeGreaterThan(1_000_000);
      const { notes } = gatherSuperscriptNotes(raw);
      expect(notes).toEqual([]);
      const html = `<p>${'word<sup>1</sup> '.repeat(70_000)}</p>`;
      expect(read(html).text[0]).not.toContain('1');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );

  it(
    'cuts a mark, a page number or an anchor from the text since the last one, not the whole paragraph (4 MB)',
    async () => {
      const start = process.cpuUsage();
      // Each cut once read the paragraph so far: this took over a minute, and a 50 MB upload hours.
      const links = 'w<a class="fnanchor" href="#fn1">[1]</a> <span class="pagenum">[Pg 1]</span><a id=p></a> ';
      const anchors = 'w<a id=a></a> ';
      const html = `<p>${links.repeat(10_000)}${anchors.repeat(250_000)}</p>`;
      expect(html.length).toBeGreaterThan(4_000_000);
      const { blocks, anchors: ids } = htmlToBlocks(html);
      expect(blocks).toHaveLength(1);
      expect(blocks[0].text).toBe(Array.from({ length: 260_000 }, () => 'w').join(' '));
      expect(ids.get('p')).toBe(0);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
