/** Moving blobs to and from temp files as streams (audio never sits whole in memory). */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '../../core/errors';
import type { BlobStore } from '../../core/ports/blobs';

export async function downloadBlob(blobs: BlobStore, name: string, file: string): Promise<void> {
  const blob = await blobs.openRead(name);
  if (!blob) throw new NotFoundError(`Audio ${name.split('/').pop()}`);
  await pipeline(blob.stream, createWriteStream(file, { flags: 'wx' }));
}

export function uploadFileIfAbsent(
  blobs: BlobStore,
  name: string,
  file: string,
  contentType: string,
): Promise<boolean> {
  return blobs.putIfAbsent(name, createReadStream(file), contentType);
}
