/** Moving blobs to and from temp files as streams (audio never sits whole in memory). */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '../../core/errors';
import type { BlobStore } from '../../core/ports/blobs';

export async function downloadBlob(blobs: BlobStore, name: string, file: string): Promise<void> {
  const blob = await blobs.openRead(name);
  if (!blob) throw new NotFoundError(`Audio ${name.split('/').pop()}`);
  await pipeline(blob.stream, createWriteStream(file, { flags: 'wx' }));
}

/**
 * Stores a file under a name that is its content's own address (the sha256 of its bytes is in the name): a blob by
 * that name holds these bytes already (blobs are committed whole, and only the server names them), so a HEAD comes
 * first and the bytes are sent only when it is absent. A create-only write still guards the race: builds that store
 * the same file at once may all send it, one commits, the others are refused, none fails. Resolves whether the
 * bytes were sent. (A create-only write alone sends every byte before the service refuses the commit.)
 */
export async function uploadFileUnlessStored(
  blobs: Pick<BlobStore, 'exists' | 'putIfAbsent'>,
  name: string,
  file: string,
  contentType: string,
): Promise<boolean> {
  if (await blobs.exists(name)) return false;
  await blobs.putIfAbsent(name, { filePath: file }, contentType);
  return true;
}

/**
 * Stores a file create-only, sent from disk in one Put Blob (see BlobBody): for a file that is usually new (a segment's
 * fresh audio, a chapter's master), where looking first would add a request to every store. Resolves false when the
 * blob was already there.
 */
export function uploadFileIfAbsent(
  blobs: BlobStore,
  name: string,
  file: string,
  contentType: string,
): Promise<boolean> {
  return blobs.putIfAbsent(name, { filePath: file }, contentType);
}
