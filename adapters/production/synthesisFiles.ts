/**
 * The file side of segment synthesis (core/production/segmentSynthesis.ts decides what to render and records it):
 * server-generated scratch folders that are always removed, and a scratch file stored in blob storage create-only.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../../core/ports/blobs';
import type { SynthesisFiles } from '../../core/production/segmentSynthesis';
import { uploadFileIfAbsent } from './blobFiles';
import { withWorkspace } from './workspace';

/**
 * A segment's audio up to this size is sent in one Put Blob request. A streamed upload always stages blocks and then
 * commits the list: two writes for the storage service (two metadata saves in the local emulator) per segment where
 * one does. Segments are a sentence or a paragraph (hundreds of KB); a longer file still streams.
 */
export const SINGLE_REQUEST_MAX_BYTES = 4 * 1024 * 1024;

async function storeIfAbsent(blobs: BlobStore, blobName: string, file: string, contentType: string) {
  const { size } = await stat(file);
  if (size > SINGLE_REQUEST_MAX_BYTES) return uploadFileIfAbsent(blobs, blobName, file, contentType);
  return blobs.putIfAbsent(blobName, await readFile(file), contentType);
}

export function createSynthesisFiles(blobs: BlobStore): SynthesisFiles {
  return {
    withScratch: (purpose, work) => withWorkspace(purpose, (dir) => work({ file: (name) => path.join(dir, name) })),
    storeIfAbsent: (blobName, file, contentType) => storeIfAbsent(blobs, blobName, file, contentType),
  };
}
