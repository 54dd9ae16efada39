import { Readable } from 'node:stream';
import sharp from 'sharp';
import { sharpCoverProcessor } from '../../adapters/images/sharpCoverProcessor';
import { parseManuscript } from '../../adapters/manuscript';
import { parseHtml } from '../../adapters/manuscript/html';
import type { IncomingFile } from '../../core/ports/uploads';
import { buildDocx, buildEpub } from './fixtures/builders';

/**
 * Every note a file reader writes carries a stable code and the params its sentence needs (so the studio can say it in
 * the producer's language), with the English sentence kept for API clients; a library's own message keeps its text
 * under the generic code.
 */
const prose = 'The wind came down from the hills and the whole village listened to it all night long. ';

describe('notes about an uploaded manuscript', () => {
  it('a removed Project Gutenberg header and licence is a coded note', async () => {
    const book = [
      'The Project Gutenberg eBook of The Lighthouse',
      '*** START OF THE PROJECT GUTENBERG EBOOK THE LIGHTHOUSE ***',
      'Chapter 1',
      prose.repeat(4),
      '*** END OF THE PROJECT GUTENBERG EBOOK THE LIGHTHOUSE ***',
      'Updated editions will replace the previous one.',
    ].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(book), { fileName: 'book.txt' });
    expect(parsed.notes).toEqual([
      { code: 'gutenberg_boilerplate_removed', params: {}, message: 'Project Gutenberg header and license removed' },
    ]);
  });

  it('a file of two whole Gutenberg books says that only the first was imported, and how much was left out', async () => {
    const book = (title: string, paragraphs: number) =>
      [
        `The Project Gutenberg eBook of ${title}`,
        `*** START OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
        'Chapter 1',
        prose.repeat(paragraphs),
        `*** END OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
        'Project Gutenberg-tm depends upon and cannot survive without widespread public support.',
      ].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(`${book('The Lighthouse', 4)}\n${book('The Harbour', 6)}`), {
      fileName: 'books.txt',
    });
    expect(parsed.text).not.toContain('The Harbour');
    expect(parsed.notes.map((note) => note.code)).toEqual([
      'gutenberg_boilerplate_removed',
      'gutenberg_further_books_left_out',
    ]);
    expect(parsed.notes[1].params).toEqual({ words: 2 + 6 * 17 });
  });

  it('EPUB table-of-contents entries that point nowhere are counted in the params', async () => {
    const bytes = await buildEpub({
      version: 3,
      chapters: [{ file: 'text/one.xhtml', title: 'One', body: `<h1>One</h1><p>${prose.repeat(3)}</p>` }],
      toc: [
        ['One', 'text/one.xhtml'],
        ['Lost', 'text/missing.xhtml'],
        ['Gone', 'text/gone.xhtml'],
      ],
    });
    const parsed = await parseManuscript(bytes, { fileName: 'book.epub' });
    expect(parsed.notes).toEqual([
      { code: 'toc_entries_unresolved', params: { count: 2 }, message: '2 TOC entries point nowhere' },
    ]);
  });

  it('an HTML document without text is a coded note', async () => {
    const parsed = parseHtml(Buffer.from('<html><body><script>x()</script></body></html>'));
    expect(parsed.notes.map((note) => note.code)).toEqual(['html_without_text']);
  });

  it("the DOCX converter's own messages keep their text under the generic code", async () => {
    const bytes = await buildDocx([
      { style: 'Heading1', text: 'The Keeper' },
      { style: 'UndefinedStyle', text: prose },
    ]);
    const parsed = await parseManuscript(bytes, { fileName: 'book.docx' });
    expect(parsed.notes.length).toBeGreaterThan(0);
    for (const note of parsed.notes) {
      expect(note).toMatchObject({ code: 'library_message', params: { source: 'docx' } });
    }
    expect(parsed.notes.map((note) => note.message).join('\n')).toMatch(/UndefinedStyle/);
  });

  it('a clean text file has no notes', async () => {
    const parsed = await parseManuscript(Buffer.from(`Chapter 1\n\n${prose}`), { fileName: 'book.txt' });
    expect(parsed.notes).toEqual([]);
  });
});

describe('notes about an uploaded cover', () => {
  const upload = (bytes: Buffer): IncomingFile => ({
    contentType: 'image/png',
    head: () => Promise.resolve(bytes.subarray(0, 65536)),
    open: () => Readable.from([bytes]),
  });

  it('a transparent PNG says that its transparency was flattened', async () => {
    const png = await sharp({
      create: { width: 2400, height: 2400, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const notes = await sharpCoverProcessor.process(upload(png), (cover) => Promise.resolve(cover.notes));
    expect(notes).toContainEqual({
      code: 'cover_transparency_flattened',
      params: {},
      message: 'transparency flattened onto white',
    });
  });
});
