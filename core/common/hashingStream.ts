import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * A pass-through that hashes (sha256) and counts what flows through it, so a stream is measured on its way to where
 * it is stored instead of being read again; `result()` is final once the stream has ended.
 */
export function hashingStream(): { stream: Transform; result(): { bytes: number; sha256: string } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}
