/** Server-generated temp directories for production work, always removed, whatever happens inside. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function withWorkspace<T>(purpose: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `khipu-${purpose.replace(/[^a-z0-9]/gi, '')}-`));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
