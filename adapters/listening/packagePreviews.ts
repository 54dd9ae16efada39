/**
 * What a retailer plays first, kept listenable beside a package: its retail sample and its opening and closing
 * credits, copied out of the build as they are in the package (a zip's entries cannot be streamed with HTTP Range),
 * under the package's own prefix so they go when the package goes.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { BlobStore } from '../../core/ports/blobs';
import type { PackageFile } from '../../core/packaging/types';
import { PREVIEW_ROLES, type PackagePreviewRecord, type PreviewRole } from '../../core/production/packageRecord';

const CONTENT_TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.m4b': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.wav': 'audio/wav',
};

const isPreview = (role: string): role is PreviewRole => (PREVIEW_ROLES as readonly string[]).includes(role);

export async function storePackagePreviews(
  blobs: BlobStore,
  packagePrefix: string,
  files: readonly PackageFile[],
): Promise<PackagePreviewRecord[]> {
  const previews: PackagePreviewRecord[] = [];
  for (const file of files) {
    if (!isPreview(file.role)) continue;
    const extension = path.extname(file.name).toLowerCase();
    const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
    // Server-generated name: the role and a known extension, never the file's own name.
    const blobName = `${packagePrefix}previews/${file.role}${CONTENT_TYPES[extension] ? extension : '.bin'}`;
    await blobs.put(blobName, createReadStream(file.path), contentType);
    previews.push({ role: file.role, name: file.name, blobName, contentType });
  }
  return previews;
}
