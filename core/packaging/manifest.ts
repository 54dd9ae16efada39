/**
 * The manifest written into every package: what is in it, how long, for which book. Deterministic (no clock),
 * so rebuilding an unchanged book gives a byte-identical package.
 */
import type { ReadinessReport } from '../audio/readiness';
import { descriptionWithDisclosure, narratorCredit } from './bookTags';
import type { ManifestFileEntry, PackageManifest, PackageRequest } from './types';

export function buildManifest(
  request: Pick<PackageRequest, 'platform' | 'book' | 'chapters'>,
  files: ManifestFileEntry[],
  readiness: ReadinessReport,
): PackageManifest {
  const { book } = request;
  const listening = files.filter((f) => ['book', 'chapter', 'opening-credits', 'closing-credits'].includes(f.role));
  const totalDurationSec = round3(listening.reduce((sum, f) => sum + (f.durationSec ?? 0), 0));
  return {
    schema: 'khipu.package/1',
    platform: request.platform,
    book: {
      title: book.title,
      subtitle: book.subtitle ?? null,
      authors: book.authors.map((a) => a.trim()).filter((a) => a !== ''),
      narratorCredit: narratorCredit(book),
      aiNarrated: book.aiNarrated,
      publisher: book.publisher ?? null,
      year: book.year === null || book.year === undefined ? null : String(book.year),
      language: book.language,
      genre: book.genre ?? null,
      description: descriptionWithDisclosure(book),
      isbn: book.isbn ?? null,
      copyright: book.copyright ?? null,
    },
    totalDurationSec,
    chapters: request.chapters.map((chapter, index) => ({
      index,
      title: chapter.title,
      files: files.filter((f) => f.role === 'chapter' && f.chapterIndex === index).map((f) => f.name),
    })),
    files: files.map((f) => (f.durationSec === undefined ? f : { ...f, durationSec: round3(f.durationSec) })),
    readiness: { passed: readiness.passed, failedRules: readiness.rules.filter((r) => !r.passed).map((r) => r.id) },
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
