/**
 * The books the residue scan reads, through the product's own path to what synthesis is asked to say: parse, chapter
 * detection, segmentation with the book's language, unspeakable pieces merged, then each segment's spoken part in its
 * spoken form (headings as headings). Chapters the product does not produce (contents, title page) are left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManuscript } from '../../adapters/manuscript';
import { detectBookChapters } from '../../core/manuscript/chapters';
import { mergeUnspeakable, spokenPart } from '../../core/planning/speakable';
import { segmentChapter } from '../../core/planning/segmentation';
import { cleanTypography } from '../../core/speech/normalize.cleanup';
import { toSpokenForm } from '../../core/speech/normalize';
import { CHAPTER_FIXTURES } from '../../test/manuscript/fixtures/chapterFixtures';
import { CORPUS_DIR } from '../../test/support/corpus';
import { CHAPTER_BOOKS, loadChapterTruth } from '../chapters/score';

export interface SpokenSegment {
  /** The segment's spoken part as typography cleanup leaves it: what the author wrote, as the rules first see it. */
  written: string;
  spoken: string;
}

export interface ScannedBook {
  name: string;
  language: string;
  segments: SpokenSegment[];
}

async function scan(name: string, bytes: Buffer, fileName: string, language: string): Promise<ScannedBook> {
  const parsed = await parseManuscript(bytes, { fileName });
  const { chapters } = detectBookChapters(parsed, { language });
  const segments: SpokenSegment[] = [];
  for (const chapter of chapters.filter((candidate) => candidate.spoken)) {
    const text = parsed.text.slice(chapter.startOffset, chapter.endOffset);
    const cut = segmentChapter(text, { headingText: chapter.headingText, language });
    for (const segment of mergeUnspeakable(cut, language).segments) {
      const part = spokenPart(segment);
      const spoken = toSpokenForm(part, language, { isHeading: segment.kind === 'heading' }).trim();
      segments.push({ written: cleanTypography(part).trim(), spoken });
    }
  }
  return { name, language, segments };
}

/**
 * Short texts written for the scan and never used to write the rules (bench/data/normalization/heldout), a note and
 * a page or two of novel prose per language, with dates, money, times, ordinals, abbreviations, capitals, censored words and addresses: what the rules
 * do with prose they were not tuned on.
 */
const HELD_OUT_DIR = path.join(__dirname, '..', 'data', 'normalization', 'heldout');
const HELD_OUT: ReadonlyArray<{ file: string; language: string }> = [
  { file: 'en.txt', language: 'en-GB' },
  { file: 'es.txt', language: 'es' },
  { file: 'pt.txt', language: 'pt-BR' },
  { file: 'en-novel.txt', language: 'en-GB' },
  { file: 'es-novel.txt', language: 'es' },
  { file: 'pt-BR-novel.txt', language: 'pt-BR' },
  { file: 'pt-PT-novel.txt', language: 'pt-PT' },
  { file: 'en-travel.txt', language: 'en-GB' },
  { file: 'es-science.txt', language: 'es' },
  { file: 'pt-BR-law.txt', language: 'pt-BR' },
  { file: 'pt-PT-letters.txt', language: 'pt-PT' },
  { file: 'en-US-sports.txt', language: 'en-US' },
  { file: 'pt-BR-recipe.txt', language: 'pt-BR' },
  { file: 'en-GB-history.txt', language: 'en-GB' },
  { file: 'pt-PT-news.txt', language: 'pt-PT' },
  { file: 'en-US-medicine.txt', language: 'en-US' },
  { file: 'es-ES-travel.txt', language: 'es-ES' },
  { file: 'en-US-tech.txt', language: 'en-US' },
  { file: 'pt-BR-contract.txt', language: 'pt-BR' },
  { file: 'en-GB-football.txt', language: 'en-GB' },
  { file: 'es-PE-notice.txt', language: 'es-PE' },
  { file: 'pt-PT-minutes.txt', language: 'pt-PT' },
  { file: 'en-US-cookbook.txt', language: 'en-US' },
  { file: 'pt-BR-esporte.txt', language: 'pt-BR' },
  { file: 'es-ES-legal.txt', language: 'es-ES' },
  { file: 'en-GB-trial.txt', language: 'en-GB' },
  { file: 'pt-PT-deed.txt', language: 'pt-PT' },
  { file: 'en-GB-railway.txt', language: 'en-GB' },
  { file: 'es-MX-news.txt', language: 'es-MX' },
  { file: 'en-US-finance.txt', language: 'en-US' },
];

/** The development books (when the corpus is there), the held-out texts and the manuscript fixtures, in that order. */
export async function scannedBooks(log: (message: string) => void): Promise<ScannedBook[]> {
  const books: ScannedBook[] = [];
  if (existsSync(CORPUS_DIR)) {
    for (const slug of CHAPTER_BOOKS) {
      const truth = loadChapterTruth(slug);
      const bytes = readFileSync(path.join(CORPUS_DIR, truth.source));
      books.push(await scan(`book / ${slug}`, bytes, truth.source, truth.language));
    }
  } else {
    log(`normalization-residue: corpus not found at ${CORPUS_DIR}, book rows skipped`);
  }
  for (const { file, language } of HELD_OUT) {
    books.push(await scan(`held-out / ${file}`, readFileSync(path.join(HELD_OUT_DIR, file)), file, language));
  }
  for (const fixture of CHAPTER_FIXTURES) {
    const { bytes, fileName } = await fixture.build();
    books.push(await scan(`fixture / ${fixture.name}`, bytes, fileName, fixture.language));
  }
  return books;
}
