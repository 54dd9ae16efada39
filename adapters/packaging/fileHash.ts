/** Streaming sha256 of files: memory stays flat whatever the size. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export async function sha256File(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { signal, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFile(file: string, signal?: AbortSignal): Promise<{ bytes: number; sha256: string }> {
  const [info, sha256] = await Promise.all([stat(file), sha256File(file, signal)]);
  return { bytes: info.size, sha256 };
}
