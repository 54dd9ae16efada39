import { parseManuscript } from '../../adapters/manuscript';
import {
  ManuscriptTooLargeError,
  UnreadableManuscriptError,
  UnsupportedFormatError,
} from '../../core/manuscript/errors';
import { DomainError } from '../../core/errors';
import { refuseObviouslyBadManuscript } from '../../core/manuscript/sniff';
import { buildDocx, buildEpub, buildZip } from './fixtures/builders';
import { MAX_ELEMENT_DEPTH } from '../../adapters/manuscript/html';
import { cpuMsSince } from '../support/jestBudget';

/** Far above a linear read of the hostile inputs, far below the parser's cost at their depth (test/support/jestBudget.ts). */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;
const XXE_DOCTYPE = '<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>';
const chapter = { file: 'one.xhtml', title: 'One', body: '<h1>Chapter 1</h1><p>Some text of the chapter.</p>' };

/** Rewrites the declared uncompressed size of every entry in the central directory: a zip that lies about its size. */
function lieAboutSizes(zip: Buffer, declared: number): Buffer {
  const copy = Buffer.from(zip);
  for (
    let i = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    i >= 0;
    i = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)
  ) {
    copy.writeUInt32LE(declared, i + 24);
  }
  return copy;
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

describe('hostile manuscripts', () => {
  it('rejects a zip-bomb DOCX whose entry inflates far beyond its compressed size', async () => {
    const bomb = await buildDocx(
      [{ text: 'hi' }],
      [{ name: 'word/media/bomb.bin', data: Buffer.alloc(20 * 1024 * 1024) }],
    );
    expect(bomb.length).toBeLessThan(200_000);
    const error = await rejection(parseManuscript(bomb, { fileName: 'bomb.docx' }));
    expect(error).toBeInstanceOf(UnreadableManuscriptError);
    expect(error.code).toBe('unprocessable');
  });

  it('rejects an EPUB whose total inflated size exceeds the limit', async () => {
    const epub = await buildEpub({
      version: 3,
      chapters: [chapter],
      extra: [{ name: 'OEBPS/big.bin', data: Buffer.alloc(3 * 1024 * 1024, 7) }],
    });
    const error = await rejection(
      parseManuscript(epub, { fileName: 'big.epub', limits: { maxInflatedBytes: 2 * 1024 * 1024 } }),
    );
    expect(error).toBeInstanceOf(UnreadableManuscriptError);
    expect(error.message).toMatch(/inflates to more than/);
  });

  it('stops inflating an entry that lies about its size in the central directory', async () => {
    const honest = await buildDocx(
      [{ text: 'hi' }],
      [{ name: 'word/media/liar.bin', data: Buffer.alloc(5 * 1024 * 1024) }],
    );
    const error = await rejection(parseManuscript(lieAboutSizes(honest, 100), { fileName: 'liar.docx' }));
    expect(error).toBeInstanceOf(UnreadableManuscriptError);
  });

  it('rejects an archive with too many entries', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `OEBPS/f${i}.txt`, data: 'x' }));
    const epub = await buildEpub({ version: 3, chapters: [chapter], extra: entries });
    const error = await rejection(parseManuscript(epub, { fileName: 'many.epub', limits: { maxZipEntries: 20 } }));
    expect(error.message).toMatch(/more than 20 entries/);
  });

  it('never resolves external entities in the EPUB container or package document', async () => {
    const container = `<?xml version="1.0"?>${XXE_DOCTYPE}<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="x"/></rootfiles><x>&xxe;</x></container>`;
    const viaContainer = await rejection(
      parseManuscript(await buildEpub({ version: 3, chapters: [chapter], containerXml: container }), {
        fileName: 'x.epub',
      }),
    );
    const viaOpf = await rejection(
      parseManuscript(await buildEpub({ version: 2, chapters: [chapter], opfPrefix: XXE_DOCTYPE }), {
        fileName: 'x.epub',
      }),
    );
    for (const error of [viaContainer, viaOpf]) {
      expect(error).toBeInstanceOf(UnreadableManuscriptError);
      expect(error.message).toMatch(/entities/);
      expect(error.message).not.toMatch(/root:/);
    }
  });

  it('does not expand entities declared in an EPUB content document', async () => {
    const hostile = {
      file: 'one.xhtml',
      title: 'One',
      body: '<h1>Chapter 1</h1><p>Secret: &xxe; end of the chapter text here.</p>',
    };
    const epub = await buildEpub({ version: 3, chapters: [hostile] });
    const withDoctype = await buildEpub({
      version: 3,
      chapters: [{ ...hostile, doctype: XXE_DOCTYPE.replace('foo', 'html') }],
    });
    for (const bytes of [epub, withDoctype]) {
      const parsed = await parseManuscript(bytes, { fileName: 'x.epub' });
      expect(parsed.text).not.toMatch(/root:/);
      expect(parsed.text).toContain('Secret: &xxe; end');
    }
  });

  it('reads invalid UTF-8 as a legacy encoding instead of failing or producing replacement characters', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Chapter 1\n\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait, s'),
      Buffer.from([0xf1]),
      Buffer.from('or.'),
    ]);
    const parsed = await parseManuscript(bytes, { fileName: 'a.txt' });
    expect(parsed.text).toContain('Café au lait, sñor.');
    expect(parsed.text).not.toContain('\uFFFD');
  });

  it('rejects empty and whitespace-only files with 422', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('  \n\r\n\t ')]) {
      const error = await rejection(parseManuscript(bytes, { fileName: 'empty.txt' }));
      expect(error).toBeInstanceOf(UnreadableManuscriptError);
      expect(error.code).toBe('unprocessable');
    }
  });

  it('rejects binary data disguised as text', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 0));
    const withNul = Buffer.concat([Buffer.from('Chapter 1\n'), Buffer.from([0, 1, 2, 3]), Buffer.from('text')]);
    for (const bytes of [random, withNul]) {
      const error = await rejection(parseManuscript(bytes, { fileName: 'book.txt', contentType: 'text/plain' }));
      expect(error).toBeInstanceOf(UnreadableManuscriptError);
      expect(error.message).toMatch(/binary/);
    }
  });

  it('rejects files over the size limit with 413 before parsing', async () => {
    const error = await rejection(parseManuscript(Buffer.alloc(50 * 1024 * 1024 + 1, 0x61), { fileName: 'huge.txt' }));
    expect(error).toBeInstanceOf(ManuscriptTooLargeError);
    expect(error.code).toBe('payload_too_large');
  });

  it('answers 415 for formats we do not read and 422 for a file whose name lies about its format', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(await rejection(parseManuscript(png, { fileName: 'cover.png' }))).toBeInstanceOf(UnsupportedFormatError);
    const otherZip = await buildZip([{ name: 'readme.txt', data: 'hello' }]);
    expect((await rejection(parseManuscript(otherZip, { fileName: 'a.zip' }))).code).toBe('unsupported_media_type');
    const fakeDocx = Buffer.from('this is not a docx');
    expect(await rejection(parseManuscript(fakeDocx, { fileName: 'a.docx' }))).toBeInstanceOf(
      UnreadableManuscriptError,
    );
    expect(await rejection(parseManuscript(Buffer.from('%PDF-1.4 garbage'), { fileName: 'a.pdf' }))).toBeInstanceOf(
      UnreadableManuscriptError,
    );
  });

  it('refuses the same formats at upload as the parser does, before anything is stored', async () => {
    const rtf = Buffer.from('{\\rtf1\\ansi Chapter 1. It was a dark and stormy night.}');
    const legacyWord = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(8)]);
    for (const bytes of [rtf, legacyWord]) {
      const atParse = await rejection(parseManuscript(bytes, { fileName: 'book.txt' }));
      expect(atParse).toBeInstanceOf(UnsupportedFormatError);
      expect(() => refuseObviouslyBadManuscript(bytes)).toThrow(UnsupportedFormatError);
      expect(() => refuseObviouslyBadManuscript(bytes)).toThrow(atParse.message);
    }
  });

  it(
    'refuses markup nested deeper than books nest, quickly, and reads deep sloppy markup below the limit',
    async () => {
      const start = process.cpuUsage();
      const nested = (depth: number, tag = 'div') =>
        `<h1>Chapter 1</h1>${`<${tag}>`.repeat(depth)}Text at the bottom.${`</${tag}>`.repeat(depth)}<p>The end.</p>`;
      // A megabyte of nothing but nesting: the parser's cost grows with the depth at every tag (minutes past this).
      const html = await rejection(
        parseManuscript(Buffer.from(`<html><body>${nested(100_000)}</body></html>`), { fileName: 'deep.html' }),
      );
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(html).toBeInstanceOf(UnreadableManuscriptError);
      expect(html.message).toMatch(`more than ${MAX_ELEMENT_DEPTH} deep`);
      const epub = await rejection(
        parseManuscript(
          await buildEpub({
            version: 3,
            chapters: [{ file: 'one.xhtml', title: 'One', body: nested(30_000, 'span') }],
          }),
          { fileName: 'deep.epub' },
        ),
      );
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(epub).toBeInstanceOf(UnreadableManuscriptError);

      // Inline tags left open in every paragraph nest one level a paragraph; such a book is still read.
      const sloppy = `<html><body><h1>Chapter 1</h1>${'<p><font size="2">A paragraph of the chapter.'.repeat(3_000)}</body></html>`;
      const read = await parseManuscript(Buffer.from(sloppy), { fileName: 'sloppy.html' });
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(JSON.stringify(read)).toContain('A paragraph of the chapter.');
    },
    HANG_LIMIT_MS,
  );
});
