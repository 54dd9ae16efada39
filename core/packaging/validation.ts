/** Bounds on a package request, checked before any audio work starts. */
import { ValidationError, type FieldIssue } from '../errors';
import { PACKAGE_PLATFORMS, type PackageRequest } from './types';

export const PACKAGE_LIMITS = {
  maxChapters: 2000,
  maxTitleChars: 300,
  maxChapterHours: 24,
  maxPreviousEncodings: 20_000,
  /** Spotify and ACX cap files at 120 min; shorter caps are allowed (tests, stricter retailers), silly ones not. */
  minFileMinutes: 0.5,
  sampleMinSec: 60,
  sampleMaxSec: 300,
} as const;

export function validatePackageRequest(request: PackageRequest): void {
  const issues: FieldIssue[] = [];
  const fail = (field: string, message: string) => issues.push({ field, message });
  if (!PACKAGE_PLATFORMS.includes(request.platform)) fail('platform', `must be one of ${PACKAGE_PLATFORMS.join(', ')}`);
  const { book } = request;
  if (!book || typeof book.title !== 'string' || book.title.trim() === '') fail('book.title', 'is required');
  else if (book.title.length > PACKAGE_LIMITS.maxTitleChars) fail('book.title', 'is too long');
  if (!book || !Array.isArray(book.authors) || book.authors.every((a) => a.trim() === ''))
    fail('book.authors', 'at least one author is required');
  if (!book || typeof book.language !== 'string' || book.language.trim() === '') fail('book.language', 'is required');

  const chapters = Array.isArray(request.chapters) ? request.chapters : [];
  if (chapters.length === 0) fail('chapters', 'at least one chapter is required');
  if (chapters.length > PACKAGE_LIMITS.maxChapters) fail('chapters', `at most ${PACKAGE_LIMITS.maxChapters} chapters`);
  for (const [index, chapter] of chapters.slice(0, PACKAGE_LIMITS.maxChapters).entries()) {
    const at = `chapters.${index}`;
    if (typeof chapter.title !== 'string' || chapter.title.trim() === '') fail(`${at}.title`, 'is required');
    else if (chapter.title.length > PACKAGE_LIMITS.maxTitleChars) fail(`${at}.title`, 'is too long');
    if (typeof chapter.masterFile !== 'string' || chapter.masterFile === '') fail(`${at}.masterFile`, 'is required');
    if (
      !Number.isFinite(chapter.durationSec) ||
      chapter.durationSec <= 0 ||
      chapter.durationSec > PACKAGE_LIMITS.maxChapterHours * 3600
    )
      fail(`${at}.durationSec`, `must be > 0 and ≤ ${PACKAGE_LIMITS.maxChapterHours} h`);
    if (chapter.masterSha256 !== undefined && !/^[0-9a-f]{64}$/.test(chapter.masterSha256))
      fail(`${at}.masterSha256`, 'must be a lower-case hex sha256');
  }

  const sample = request.retailSample;
  if (typeof sample === 'object' && sample !== null) {
    const chapter = chapters[sample.fromChapterIndex];
    if (!Number.isInteger(sample.fromChapterIndex) || !chapter)
      fail('retailSample.fromChapterIndex', 'must name a chapter');
    if (!Number.isFinite(sample.startSec) || sample.startSec < 0) fail('retailSample.startSec', 'must be ≥ 0');
    if (
      !Number.isFinite(sample.durationSec) ||
      sample.durationSec < PACKAGE_LIMITS.sampleMinSec ||
      sample.durationSec > PACKAGE_LIMITS.sampleMaxSec
    )
      fail('retailSample.durationSec', 'must be 60..300 s (1–5 min)');
    else if (chapter && sample.startSec + sample.durationSec > chapter.durationSec + 0.5)
      fail('retailSample', 'the window runs past the end of the chapter');
  } else if (sample !== undefined && sample !== 'auto' && sample !== 'none') {
    fail('retailSample', "must be 'auto', 'none' or a window");
  }

  if (
    request.maxFileMinutes !== undefined &&
    (!Number.isFinite(request.maxFileMinutes) || request.maxFileMinutes < PACKAGE_LIMITS.minFileMinutes)
  )
    fail('maxFileMinutes', `must be ≥ ${PACKAGE_LIMITS.minFileMinutes}`);
  if ((request.previous?.encodings?.length ?? 0) > PACKAGE_LIMITS.maxPreviousEncodings)
    fail('previous.encodings', 'too many entries');

  if (issues.length > 0) throw new ValidationError('The package request is invalid', issues);
}
