/** The caller's input files (masters, credits, cover): checked to be regular files, hashed once each. */
import { stat } from 'node:fs/promises';
import { ValidationError } from '../../core/errors';
import { sha256File } from './fileHash';

export class SourceFiles {
  private readonly hashes = new Map<string, Promise<string>>();

  constructor(private readonly signal?: AbortSignal) {}

  /** A hash the caller already knows (e.g. ChapterMasterRecord.sha256): trusted, not recomputed. */
  know(file: string, sha256: string): void {
    this.hashes.set(file, Promise.resolve(sha256));
  }

  async requireFile(file: string, field: string): Promise<void> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile())
      throw new ValidationError('An input file of the package is missing', [{ field, message: 'file not found' }]);
  }

  sha256(file: string): Promise<string> {
    let hash = this.hashes.get(file);
    if (!hash) {
      hash = sha256File(file, this.signal);
      this.hashes.set(file, hash);
    }
    return hash;
  }
}
