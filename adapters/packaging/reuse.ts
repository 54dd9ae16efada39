/**
 * Re-encode only what changed: a previous build's encoded files, keyed by everything that determines their bytes,
 * are copied instead of encoded again, after checking they are still what the previous build wrote.
 */
import { copyFile } from 'node:fs/promises';
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import type { PreviousEncodings, ReusableEncoding } from '../../core/packaging';
import { sha256File } from './fileHash';

export class EncodingReuse {
  private readonly byKey = new Map<string, ReusableEncoding>();
  encoded = 0;
  reused = 0;

  constructor(previous: PreviousEncodings | undefined) {
    for (const entry of previous?.encodings ?? []) {
      if (typeof entry?.key === 'string' && typeof entry.path === 'string' && /^[0-9a-f]{64}$/.test(entry.sha256))
        this.byKey.set(entry.key, entry);
    }
  }

  /**
   * Puts the file for `key` at `out`: a verified copy of the previous build's file, or whatever `encode` writes; returns
   * the levels measured when it was encoded (kept with the previous build's file), when known.
   * A previous file that is gone or changed is not an error: it is encoded again.
   */
  async produce(
    key: string,
    out: string,
    encode: () => Promise<LoudnessMeasurement | undefined>,
    signal?: AbortSignal,
  ): Promise<LoudnessMeasurement | undefined> {
    const previous = this.byKey.get(key);
    if (previous && (await this.matches(previous, signal))) {
      await copyFile(previous.path, out);
      this.reused += 1;
      return previous.loudness;
    }
    const loudness = await encode();
    this.encoded += 1;
    return loudness;
  }

  private async matches(previous: ReusableEncoding, signal?: AbortSignal): Promise<boolean> {
    try {
      return (await sha256File(previous.path, signal)) === previous.sha256;
    } catch {
      return false;
    }
  }
}
