/**
 * Whole-package reuse: what decides a package's bytes (platform, book metadata, the chapters' masters, credits and
 * cover) hashed into its input key, and an earlier package with the same key, whose deliverable and previews are
 * still stored, taken over as it was: nothing is fetched, encoded or built again.
 */
import type { ChapterRecord } from '../../core/book/records';
import type { BlobStore } from '../../core/ports/blobs';
import type { PackageBookMetadata, PackagePlatform } from '../../core/packaging';
import { packageInputKey, type PackageRecord } from '../../core/production/packageRecord';
import type { PackageContents } from './packageRecords';
import type { PreparedCredits } from './retailCredits';

/** The input key of a package: when and by which job a chapter was mastered does not change its bytes. */
export function packageInputKeyOf(
  platform: PackagePlatform,
  book: PackageBookMetadata,
  chapters: ChapterRecord[],
  credits: PreparedCredits,
  coverBlobName: string | null,
): string {
  return packageInputKey({
    platform,
    book,
    chapters: chapters.map((c) => ({
      id: c.id,
      title: c.title,
      chapterType: c.chapterType,
      master: { ...c.master!, masteredAt: undefined, jobId: undefined },
    })),
    credits,
    coverBlobName,
  });
}

/** An earlier package built from the same inputs, whose deliverable and previews are all still stored. */
export async function isReusableWhole(blobs: BlobStore, last: PackageRecord, inputKey: string): Promise<boolean> {
  if (last.inputKey !== inputKey) return false;
  const names = [last.deliverable.blobName, ...(last.previews ?? []).map((p) => p.blobName)];
  return (await Promise.all(names.map((name) => blobs.exists(name)))).every(Boolean);
}

/**
 * The earlier package's contents as this job's package. A retried activity finds the package it stored itself: it is
 * recorded again as it was; otherwise nothing that decides its bytes changed, and the earlier package is this job's.
 */
export function reusedContents(last: PackageRecord, ownPackageId: string, inputKey: string): PackageContents {
  const contents = pick(last, ['deliverable', 'readiness', 'chapterIds', 'encodings', 'previews', 'totalDurationSec']);
  if (last.id === ownPackageId) return { ...contents, stats: last.stats, inputKey, reusedFrom: last.reusedFrom };
  return {
    ...contents,
    stats: { encoded: 0, reused: last.stats.encoded + last.stats.reused },
    inputKey,
    reusedFrom: last.reusedFrom ?? last.id,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
