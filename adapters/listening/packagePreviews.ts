/**
 * What a retailer plays first, kept listenable beside a package: its retail sample and its opening and closing
 * credits, copied out of the build as they are in the package (a zip's entries cannot be streamed with HTTP Range).
 * Stored under the sha256 of their bytes, like the package's encodings: a file an earlier build (of this platform or
 * another) stored already, such as credits with the same tags or a reused sample, is not sent again.
 */
import path from 'node:path';
import type { BlobStore } from '../../core/ports/blobs';
import type { PackageFile } from '../../core/packaging/types';
import { PREVIEW_ROLES, type PackagePreviewRecord, type PreviewRole } from '../../core/production/packageRecord';
import { uploadFileUnlessStored } from '../production/blobFiles';

const CONTENT_TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.m4b': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.wav': 'audio/wav',
};

const isPreview = (role: string): role is PreviewRole => (PREVIEW_ROLES as readonly string[]).includes(role);

/** `previewPrefix`: the project's folder of previews (the name is the prefix, the sha256 and a known extension). */
export async function storePackagePreviews(
  blobs: Pick<BlobStore, 'exists' | 'putIfAbsent'>,
  previewPrefix: string,
  files: readonly PackageFile[],
): Promise<PackagePreviewRecord[]> {
  const previews: PackagePreviewRecord[] = [];
  for (const file of files) {
    if (!isPreview(file.role)) continue;
    const extension = path.extname(file.name).toLowerCase();
    const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
    // Server-generated name: the content's hash and a known extension, never the file's own name.
    const blobName = `${previewPrefix}${file.sha256}${CONTENT_TYPES[extension] ? extension : '.bin'}`;
    await uploadFileUnlessStored(blobs, blobName, file.path, contentType);
    previews.push({ role: file.role, name: file.name, blobName, contentType });
  }
  return previews;
}
