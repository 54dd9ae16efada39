/**
 * The file side of segment synthesis (core/production/segmentSynthesis.ts decides what to render and records it):
 * server-generated scratch folders that are always removed, and a scratch file stored in blob storage create-only (and
 * kept in this machine's segment cache when it made the blob, for the chapter's mastering).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { BlobStore } from '../../core/ports/blobs';
import type { SynthesisFiles } from '../../core/production/segmentSynthesis';
import { uploadFileIfAbsent } from './blobFiles';
import type { SegmentCache } from './segmentCache';
import { withWorkspace } from './workspace';

export function createSynthesisFiles(blobs: BlobStore, cache?: SegmentCache): SynthesisFiles {
  return {
    withScratch: (purpose, work) => withWorkspace(purpose, (dir) => work({ file: (name) => path.join(dir, name) })),
    async storeIfAbsent(blobName, file, contentType) {
      const created = await uploadFileIfAbsent(blobs, blobName, file, contentType);
      // Only a file that made the blob is its bytes: when the blob was there, another render's are the stored ones.
      if (created) await cache?.keep(blobName, file);
      return created;
    },
    async digest(file) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
  };
}
