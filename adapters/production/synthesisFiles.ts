/**
 * The file side of segment synthesis (core/production/segmentSynthesis.ts decides what to render and records it):
 * server-generated scratch folders that are always removed, and a scratch file stored in blob storage create-only.
 */
import path from 'node:path';
import type { BlobStore } from '../../core/ports/blobs';
import type { SynthesisFiles } from '../../core/production/segmentSynthesis';
import { uploadFileIfAbsent } from './blobFiles';
import { withWorkspace } from './workspace';

export function createSynthesisFiles(blobs: BlobStore): SynthesisFiles {
  return {
    withScratch: (purpose, work) => withWorkspace(purpose, (dir) => work({ file: (name) => path.join(dir, name) })),
    storeIfAbsent: (blobName, file, contentType) => uploadFileIfAbsent(blobs, blobName, file, contentType),
  };
}
