/**
 * Content-defined chunking: the chunks put back together are the input, their sizes stay within bounds, the cuts do not
 * depend on how the input arrived (buffer sizes), and an insertion changes only the chunks next to it: the ones after
 * it come out the same as before, although every byte after it moved. A chunk's bytes are put together only when read
 * (the upload reads only the chunks the store lacks).
 */
import { createHash } from 'node:crypto';
import { contentChunks, type ChunkSizes, type ContentChunk } from '../../adapters/blob/contentChunks';

const SIZES: ChunkSizes = { min: 4 * 1024, avg: 16 * 1024, max: 64 * 1024 };

async function chunksOf(data: Buffer, pieceBytes: number, sizes = SIZES): Promise<ContentChunk[]> {
  const pieces = function* () {
    for (let at = 0; at < data.length; at += pieceBytes) yield data.subarray(at, at + pieceBytes);
  };
  const chunks: ContentChunk[] = [];
  for await (const chunk of contentChunks(pieces(), sizes)) chunks.push(chunk);
  return chunks;
}

const hex = (chunk: ContentChunk) => chunk.sha256.toString('hex');

/** Incompressible bytes (as audio frames are), the same every run: sha256 in counter mode. */
function seededBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i * 32 < length; i++) blocks.push(createHash('sha256').update(`${seed}-${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

describe('content-defined chunks', () => {
  const data = seededBytes('book', 2 * 1024 * 1024 + 123);

  it('put back together are the input, each named by its sha256 and within the size bounds', async () => {
    const chunks = await chunksOf(data, 65_536);
    expect(Buffer.concat(chunks.map((c) => c.bytes)).equals(data)).toBe(true);
    for (const chunk of chunks) expect(hex(chunk)).toBe(createHash('sha256').update(chunk.bytes).digest('hex'));
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.bytes.length).toBeGreaterThanOrEqual(SIZES.min);
      expect(chunk.bytes.length).toBeLessThanOrEqual(SIZES.max);
    }
    // Normalized chunking keeps the sizes around the average.
    expect(data.length / chunks.length).toBeGreaterThan(SIZES.avg / 2);
    expect(data.length / chunks.length).toBeLessThan(SIZES.avg * 2);
  });

  it('are named and measured without copying their bytes into one buffer, which happens only when they are read', async () => {
    const concat = jest.spyOn(Buffer, 'concat');
    try {
      const chunks: ContentChunk[] = [];
      // Pieces smaller than a chunk: every chunk spans several.
      for await (const chunk of contentChunks(
        (function* () {
          for (let at = 0; at < data.length; at += 1000) yield data.subarray(at, at + 1000);
        })(),
        SIZES,
      ))
        chunks.push(chunk);
      expect(chunks.reduce((sum, c) => sum + c.length, 0)).toBe(data.length);
      expect(concat).not.toHaveBeenCalled();
      const first = chunks[0];
      expect(first.bytes.equals(data.subarray(0, first.length))).toBe(true);
      expect(hex(first)).toBe(createHash('sha256').update(first.bytes).digest('hex'));
      expect(concat).toHaveBeenCalledTimes(1);
    } finally {
      concat.mockRestore();
    }
  });

  it('cut at the same places however the input is split into buffers', async () => {
    const whole = (await chunksOf(data, data.length)).map(hex);
    expect((await chunksOf(data, 1000)).map(hex)).toEqual(whole);
    expect((await chunksOf(data, 65_536 + 7)).map(hex)).toEqual(whole);
  });

  it('cut bytes without any pattern at the maximum size', async () => {
    const flat = Buffer.alloc(300 * 1024);
    const chunks = await chunksOf(flat, 10_000);
    expect(chunks.slice(0, -1).every((c) => c.bytes.length === SIZES.max)).toBe(true);
  });

  it('after an insertion, come out the same as before once past the chunks next to it', async () => {
    const at = 1024 * 1024;
    const edited = Buffer.concat([data.subarray(0, at), seededBytes('insertion', 5000), data.subarray(at)]);
    const before = await chunksOf(data, 65_536);
    const after = await chunksOf(edited, 65_536);
    const known = new Set(before.map(hex));
    const fresh = after.filter((chunk) => !known.has(hex(chunk)));
    // Only the chunks around the insertion are new (a few, where cuts forced at the maximum size shift with it); the
    // rest of the 2 MiB, before and after it, is made of the same chunks as before.
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.reduce((sum, chunk) => sum + chunk.bytes.length, 0)).toBeLessThan(5000 + 3 * SIZES.max);
    expect(after.slice(-10).map(hex)).toEqual(before.slice(-10).map(hex));
    expect(after.slice(0, 10).map(hex)).toEqual(before.slice(0, 10).map(hex));
  });

  it('refuses sizes it cannot cut by', async () => {
    await expect(chunksOf(data, 1000, { min: 10, avg: 1000, max: 5000 })).rejects.toThrow(/power of two/);
  });
});
