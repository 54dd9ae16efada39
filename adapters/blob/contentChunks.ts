/**
 * Content-defined chunking (FastCDC: a gear rolling hash with normalized chunking) of a byte stream: a cut falls where
 * the last few dozen bytes hash to a pattern, so an edit in the middle of a file moves the cuts next to it only and
 * the chunks after it come out the same as before, whatever their offset. Each chunk is named by its sha256.
 *
 * The gear table and the sizes are part of every stored deliverable's block names: changing them makes the next
 * build of every package send all of its bytes once.
 */
import { createHash } from 'node:crypto';

export interface ChunkSizes {
  min: number;
  avg: number;
  max: number;
}

/**
 * 128 KiB / 512 KiB / 2 MiB. A rebuild re-sends the changed chapter plus the parts around its edges and those holding
 * what the container indexes (a zip's central directory, an M4B's sample tables). Measured on a 30-chapter book with
 * one chapter changed (8.6 MB of MP3, 3.0 MB of AAC), bytes re-sent for the zip / the M4B at each average size:
 * 128 KiB 9.6 / 3.4 MB, 256 KiB 9.2 / 6.6, 512 KiB 8.9 / 6.2, 1 MiB 9.8 / 10.0, 4 MiB 40.1 / 25.6. Below 512 KiB the
 * zip gains nothing and the requests double with each halving (a 520 MB book is about 1,000 blocks at 512 KiB, far
 * below the 50,000 a blob may have); memory is at most `max` per block in flight.
 */
export const DELIVERABLE_CHUNKS: ChunkSizes = { min: 128 * 1024, avg: 512 * 1024, max: 2 * 1024 * 1024 };

export interface ContentChunk {
  /**
   * The chunk's bytes, put together on first read: a chunk the store holds already is hashed and skipped, so its
   * bytes (most of a rebuilt deliverable's) are never copied into one buffer.
   */
  readonly bytes: Buffer;
  /** Its length in bytes. */
  length: number;
  /** sha256 of `bytes`. */
  sha256: Buffer;
}

/** A chunk over the input pieces it spans, hashed piece by piece. */
function chunkOf(parts: Buffer[], length: number, sha256: Buffer): ContentChunk {
  let joined: Buffer | undefined;
  return {
    get bytes() {
      joined ??= parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
      return joined;
    },
    length,
    sha256,
  };
}

/** A fixed pseudo-random table, derived from a constant so every build of every version cuts at the same places. */
const GEAR = (() => {
  const table = new Int32Array(256);
  for (let i = 0; i < 256; i++) table[i] = createHash('sha256').update(`khipu-gear-${i}`).digest().readInt32BE(0);
  return table;
})();

/**
 * The gear hash shifts left, so its top bits depend on the most bytes (up to 32): the masks take the top bits.
 * Before the average size the mask has two more bits (a cut is rarer), after it two fewer (a cut is likelier),
 * which packs chunk sizes around the average (FastCDC's normalization level 2).
 */
function topBits(bits: number): number {
  return bits >= 32 ? -1 : ~((1 << (32 - bits)) - 1);
}

function validate(sizes: ChunkSizes): number {
  const bits = Math.round(Math.log2(sizes.avg));
  if (!(sizes.min > 0 && sizes.min <= sizes.avg && sizes.avg <= sizes.max) || 2 ** bits !== sizes.avg)
    throw new Error(`chunk sizes must be 0 < min <= avg <= max with avg a power of two: ${JSON.stringify(sizes)}`);
  return bits;
}

/**
 * Splits the stream into content-defined chunks; holds at most one chunk (≤ `max` bytes, as the input pieces it spans)
 * and one input buffer, and the pieces of the chunks the caller keeps.
 */
export async function* contentChunks(
  source: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>,
  sizes: ChunkSizes = DELIVERABLE_CHUNKS,
): AsyncGenerator<ContentChunk> {
  const bits = validate(sizes);
  const strictMask = topBits(bits + 2);
  const looseMask = topBits(bits - 2);
  let parts: Buffer[] = [];
  let length = 0;
  let hash = 0;
  let digest = createHash('sha256');
  const emit = (): ContentChunk => {
    for (const part of parts) digest.update(part);
    const chunk = chunkOf(parts, length, digest.digest());
    parts = [];
    length = 0;
    hash = 0;
    digest = createHash('sha256');
    return chunk;
  };
  for await (const input of source) {
    const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let start = 0;
    while (start < buffer.length) {
      const cut = findCut(buffer, start, length, sizes, strictMask, looseMask, hash);
      if (cut.at < 0) {
        // No cut in the rest of this buffer: it all belongs to the current chunk.
        parts.push(buffer.subarray(start));
        length += buffer.length - start;
        hash = cut.hash;
        break;
      }
      parts.push(buffer.subarray(start, cut.at));
      length += cut.at - start;
      start = cut.at;
      yield emit();
    }
  }
  if (length > 0) yield emit();
}

/**
 * The offset in `buffer` (from `start`) where the current chunk, `length` bytes long so far, ends; -1 and the hash to
 * carry on with when it does not end in this buffer. The first `min` bytes of a chunk are not hashed (no cut there).
 */
function findCut(
  buffer: Buffer,
  start: number,
  length: number,
  sizes: ChunkSizes,
  strictMask: number,
  looseMask: number,
  carried: number,
): { at: number; hash: number } {
  let hash = carried;
  const end = Math.min(buffer.length, start + (sizes.max - length));
  let i = start + Math.max(0, sizes.min - length);
  const normalAt = start + (sizes.avg - length);
  for (; i < end && i < normalAt; i++) {
    hash = ((hash << 1) + GEAR[buffer[i]]) | 0;
    if ((hash & strictMask) === 0) return { at: i + 1, hash };
  }
  for (; i < end; i++) {
    hash = ((hash << 1) + GEAR[buffer[i]]) | 0;
    if ((hash & looseMask) === 0) return { at: i + 1, hash };
  }
  if (length + (end - start) >= sizes.max) return { at: end, hash };
  return { at: -1, hash };
}
