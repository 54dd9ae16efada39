/**
 * Content-defined chunking: the chunks put back together are the input, their sizes stay within bounds, the cuts do not
 * depend on how the input arrived (buffer sizes), and an insertion changes only the chunks next to it: the ones after
 * it come out the same as before, although every byte after it moved.
 */
import { createHash, randomBytes } from 'node:crypto';
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

describe('content-defined chunks', () => {
  const data = randomBytes(2 * 1024 * 1024 + 123);

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
    const edited = Buffer.concat([data.subarray(0, at), randomBytes(5000), data.subarray(at)]);
    const before = (await chunksOf(data, 65_536)).map(hex);
    const after = (await chunksOf(edited, 65_536)).map(hex);
    const known = new Set(before);
    const fresh = after.filter((id) => !known.has(id));
    // The chunk holding the insertion and at most the one after it are new; every other chunk is reused.
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(after.slice(-10)).toEqual(before.slice(-10));
  });

  it('refuses sizes it cannot cut by', async () => {
    await expect(chunksOf(data, 1000, { min: 10, avg: 1000, max: 5000 })).rejects.toThrow(/power of two/);
  });
});
