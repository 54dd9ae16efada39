import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHAPTER_BOOKS,
  describe as describeChapters,
  loadChapterTruth,
  scoreChapters,
} from '../../bench/chapters/score';
import { parseManuscript } from '../../adapters/manuscript';
import { detectBookChapters } from '../../core/manuscript/chapters';
import { CORPUS_DIR } from '../support/corpus';

/** Each development book against the chapter list written by reading it (bench/data/books/<slug>/chapters.json). */
describe.each(CHAPTER_BOOKS)('%s (corpus)', (slug) => {
  const truth = loadChapterTruth(slug);

  it('finds exactly the chapters of the ground truth: titles, starts, types, spoken or not, in order', async () => {
    const parsed = await parseManuscript(readFileSync(join(CORPUS_DIR, truth.source)), { fileName: truth.source });
    const detection = detectBookChapters(parsed, { language: truth.language });
    const found = describeChapters(parsed.text, detection.chapters);
    const score = scoreChapters(found, truth.chapters);
    expect({ missing: score.missing, spurious: score.spurious }).toEqual({ missing: [], spurious: [] });
    expect(found).toEqual(
      truth.chapters.map(({ type, title, firstLine, spoken }) => ({
        type,
        title: title.replace(/\s+/g, ' '),
        firstLine: firstLine.replace(/\s+/g, ' '),
        spoken,
      })),
    );
    // Nothing of the Gutenberg wrapping is left in any section.
    for (const chapter of detection.chapters) {
      expect(parsed.text.slice(chapter.startOffset, chapter.endOffset)).not.toMatch(
        /Project Gutenberg|Gutenberg-tm|\*\*\* ?(START|END) OF|^Produced by/im,
      );
    }
    // Correct detection raises no doubt about a chapter start.
    const doubts = detection.chapters.flatMap((c) => c.warnings).filter((w) => w.code !== 'long_chapter');
    expect(doubts).toEqual([]);
  });
});
