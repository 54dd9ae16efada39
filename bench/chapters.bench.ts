/**
 * Chapter detection: on each development book against its hand-written chapter list
 * (bench/data/books/<slug>/chapters.json) and on the small fixtures for conventions the books lack
 * (test/manuscript/fixtures/chapterFixtures.ts). A detected chapter is right when its start (first line) and title
 * match an expected one in reading order; `typed` counts right chapters whose type and spoken flag also match.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManuscript } from '../adapters/manuscript';
import { detectBookChapters } from '../core/manuscript/chapters';
import { CORPUS_DIR } from '../test/support/corpus';
import { CHAPTER_FIXTURES } from '../test/manuscript/fixtures/chapterFixtures';
import { CHAPTER_BOOKS, describe, loadChapterTruth, scoreChapters, type ExpectedChapter } from './chapters/score';
import type { BenchModule, BenchRow } from './types';

const round = (value: number) => Math.round(value * 1000) / 1000;

async function measure(
  name: string,
  bytes: Buffer,
  fileName: string,
  language: string,
  expected: ExpectedChapter[],
): Promise<BenchRow & { right: number; detected: number; expected: number }> {
  const parsed = await parseManuscript(bytes, { fileName, language });
  const detection = detectBookChapters(parsed, { language });
  const score = scoreChapters(describe(parsed.text, detection.chapters), expected);
  const warnings = detection.chapters.reduce((sum, chapter) => sum + chapter.warnings.length, 0);
  return {
    benchmark: 'chapters',
    case: name,
    right: score.right,
    detected: score.detected,
    expected: score.expected,
    metrics: {
      expected: score.expected,
      detected: score.detected,
      right: score.right,
      precision: round(score.precision),
      recall: round(score.recall),
      typed: score.typedRight,
      warnings,
      confidence: detection.confidence,
    },
  };
}

function total(name: string, rows: Array<{ right: number; detected: number; expected: number }>): BenchRow {
  const right = rows.reduce((sum, row) => sum + row.right, 0);
  const detected = rows.reduce((sum, row) => sum + row.detected, 0);
  const expected = rows.reduce((sum, row) => sum + row.expected, 0);
  return {
    benchmark: 'chapters',
    case: name,
    metrics: {
      expected,
      detected,
      right,
      precision: round(detected === 0 ? 0 : right / detected),
      recall: round(expected === 0 ? 0 : right / expected),
    },
  };
}

const strip = ({ benchmark, case: name, metrics }: BenchRow): BenchRow => ({ benchmark, case: name, metrics });

const chaptersBench: BenchModule = {
  name: 'chapters',
  description:
    'Chapter detection per development book and per fixture: chapters expected, detected, right (start and title), precision, recall, typed (type and spoken flag right too), warnings emitted, import confidence',
  async run(context) {
    const books = [];
    if (existsSync(CORPUS_DIR)) {
      for (const slug of CHAPTER_BOOKS) {
        const truth = loadChapterTruth(slug);
        const bytes = readFileSync(path.join(CORPUS_DIR, truth.source));
        books.push(await measure(`book / ${slug}`, bytes, truth.source, truth.language, truth.chapters));
      }
    } else {
      context.log(`chapters: corpus not found at ${CORPUS_DIR}, book rows skipped`);
    }
    const fixtures = [];
    for (const fixture of CHAPTER_FIXTURES) {
      const { bytes, fileName } = await fixture.build();
      fixtures.push(await measure(`fixture / ${fixture.name}`, bytes, fileName, fixture.language, fixture.expected));
    }
    return [
      ...books.map(strip),
      ...(books.length > 0 ? [total('books / all', books)] : []),
      ...fixtures.map(strip),
      total('fixtures / all', fixtures),
    ];
  },
};

export default chaptersBench;
