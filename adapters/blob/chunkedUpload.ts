/**
 * A block blob written as content-defined blocks named by their sha256, so a blob that shares most of its bytes with
 * an earlier one is made from the earlier one's blocks server-side and only the changed blocks travel.
 *
 * The earlier blob is copied to the new name first (Copy Blob keeps its committed blocks and their IDs), its block
 * list read, the chunks it lacks staged, and the list committed. A block's ID is its content's hash, so a block found
 * on the blob (committed by the copy or staged by an attempt that was killed before its commit) holds exactly the
 * bytes it names: a retry reuses what is there and commits the same list, and the blob converges to the same bytes.
 * The earlier blob is only read.
 */
import type { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ChunkedWrite } from '../../core/ports/blobs';
import { contentChunks, DELIVERABLE_CHUNKS, type ChunkSizes } from './contentChunks';

/** Blocks staged at once: a few requests hide each one's latency; memory is at most this many chunks. */
const STAGE_CONCURRENCY = 4;
/** How often a pending server-side copy is polled (a copy within one account normally completes at once). */
const COPY_POLL_MS = 500;

export interface ChunkedUploadOptions {
  contentType: string;
  /** An earlier blob likely to share most of the bytes. */
  like?: string;
  /** A read URL of `like` the service can copy from. */
  readUrlOf: (name: string) => Promise<string>;
  sizes?: ChunkSizes;
}

/** A block ID: the chunk's sha256, base64 (44 characters, the same for every block, as the service requires). */
export function blockIdOf(sha256: Buffer): string {
  return sha256.toString('base64');
}

export async function uploadInChunks(
  container: ContainerClient,
  name: string,
  body: Readable | { filePath: string },
  options: ChunkedUploadOptions,
): Promise<ChunkedWrite> {
  const blob = container.getBlockBlobClient(name);
  let present = await blocksOn(blob);
  // A blob already holding committed parts was copied (or written whole) by an attempt that was killed: copying again
  // would only drop the blocks that attempt staged.
  let basedOn: string | undefined;
  if (options.like && options.like !== name && !present.committed) {
    basedOn = await copyOf(container, blob, options);
    if (basedOn) present = await blocksOn(blob);
  }
  const source = 'filePath' in body ? createReadStream(body.filePath) : body;

  const ids: string[] = [];
  const staged = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let bytes = 0;
  let sentBytes = 0;
  try {
    for await (const chunk of contentChunks(source as AsyncIterable<Buffer>, options.sizes ?? DELIVERABLE_CHUNKS)) {
      if (failure) break;
      const id = blockIdOf(chunk.sha256);
      ids.push(id);
      bytes += chunk.length;
      if (present.ids.has(id) || staged.has(id)) continue;
      staged.add(id);
      sentBytes += chunk.length;
      const staging = blob
        .stageBlock(id, chunk.bytes, chunk.length)
        .then(
          () => undefined,
          (error: unknown) => {
            failure ??= { error };
          },
        )
        .finally(() => inFlight.delete(staging));
      inFlight.add(staging);
      if (inFlight.size >= STAGE_CONCURRENCY) await Promise.race(inFlight);
    }
  } finally {
    await Promise.all(inFlight);
  }
  if (failure) {
    source.destroy();
    throw failure.error;
  }
  // Latest: a block staged now or by a killed attempt, else the committed one; both hold the bytes the ID names.
  await blob.commitBlockList(ids, { blobHTTPHeaders: { blobContentType: options.contentType } });
  return { bytes, blocks: ids.length, sentBlocks: staged.size, sentBytes, basedOnEarlier: basedOn !== undefined };
}

/**
 * Copies `like` to the blob's name; undefined (and the blob starts from nothing) when `like` is gone or the copy fails.
 */
async function copyOf(
  container: ContainerClient,
  blob: BlockBlobClient,
  options: ChunkedUploadOptions,
): Promise<string | undefined> {
  const like = options.like!;
  try {
    const poller = await blob.beginCopyFromURL(await options.readUrlOf(like), { intervalInMs: COPY_POLL_MS });
    const done = await poller.pollUntilDone();
    if (done.copyStatus !== 'success') throw new Error(`copy of ${like} ended ${done.copyStatus}`);
    return like;
  } catch {
    // A failed copy may leave a blob behind whose blocks nothing vouches for; the write starts clean instead.
    await container.getBlobClient(blob.name).deleteIfExists();
    return undefined;
  }
}

/**
 * The block IDs already on the blob (committed, or staged by an earlier attempt), and whether any is committed, when
 * every one is named as this module names blocks; otherwise none are reused and the blob, whose blocks another writer
 * named, is removed to start from nothing (the service refuses blocks of two ID lengths on one blob).
 */
async function blocksOn(blob: BlockBlobClient): Promise<{ ids: Set<string>; committed: boolean }> {
  let committed: string[];
  let uncommitted: string[];
  try {
    const list = await blob.getBlockList('all');
    committed = (list.committedBlocks ?? []).map((b) => b.name);
    uncommitted = (list.uncommittedBlocks ?? []).map((b) => b.name);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return { ids: new Set(), committed: false };
    throw error;
  }
  const all = [...committed, ...uncommitted];
  if (all.every(isContentBlockId)) return { ids: new Set(all), committed: committed.length > 0 };
  await blob.deleteIfExists();
  return { ids: new Set(), committed: false };
}

function isContentBlockId(id: string): boolean {
  return id.length === 44 && Buffer.from(id, 'base64').length === 32;
}
