import { parseManuscript } from '../../adapters/manuscript';
import { paragraphBlocks } from '../../adapters/manuscript/textBlocks';
import { detectBookChapters } from '../../core/manuscript/chapters';
import { findGutenbergBody } from '../../core/manuscript/gutenberg';
import { renumberedOmnibus } from './fixtures/renumberedOmnibus';

/**
 * Chapter detection on big books gives the same answers as on small ones (its speed is measured by
 * `npm run bench -- chapterScaling`, not asserted here): a 20 MB book made of the corpus books with their headings
 * renumbered, and texts shaped to make a careless pattern read the book again at every line.
 */
describe('chapter detection on a 20 MB book', () => {
  it('finds every generated chapter, and no other, at its heading', async () => {
    const omnibus = renumberedOmnibus(20_000_000);
    expect(omnibus.bytes).toBeGreaterThanOrEqual(20_000_000);
    const parsed = await parseManuscript(Buffer.from(omnibus.text), {
      fileName: 'omnibus.txt',
      limits: { maxBytes: omnibus.bytes },
    });
    const detection = detectBookChapters(parsed, { language: 'en' });
    const chapters = detection.chapters.filter((chapter) => chapter.type === 'chapter');
    expect(chapters.length).toBe(omnibus.chapterStarts.length);
    expect(chapters.map((chapter) => chapter.startOffset)).toEqual(omnibus.chapterStarts);
    // Every book's contents list is found again in each round, and the sections still tile the text.
    expect(detection.chapters.filter((chapter) => chapter.type === 'contents').length).toBeGreaterThan(20);
    detection.chapters.forEach((chapter, i) =>
      expect(chapter.endOffset).toBe(detection.chapters[i + 1]?.startOffset ?? parsed.text.length),
    );
  });
});

describe('parsing text with long runs of blank lines and spaces', () => {
  const blankRun = ' \n'.repeat(400_000);

  it('finds the Project Gutenberg end marker after them, and the transcriber’s note before it', () => {
    const text =
      '*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\nChapter 1\n\nText of the book.' +
      blankRun +
      'More text.\n\n[Transcriber’s note: spelling kept as printed.]\n\n\n' +
      '*** END OF THE PROJECT GUTENBERG EBOOK A BOOK ***\nLicence.';
    const body = findGutenbergBody(text);
    expect(body.stripped).toBe(true);
    expect(text.slice(body.start, body.end).trim()).toBe(`Chapter 1\n\nText of the book.${blankRun}More text.`.trim());
  });

  it('reads the paragraphs around a line of a million spaces', () => {
    const text = `First paragraph\n${' '.repeat(1_000_000)}\nSecond paragraph\n  `;
    const blocks = paragraphBlocks(text);
    expect(blocks.map((block) => text.slice(block.startOffset, block.endOffset))).toEqual([
      'First paragraph',
      'Second paragraph',
    ]);
  });
});
