import type { SegmentRecord } from '../book/records';
import type { BlobStore } from '../ports/blobs';
import {
  linesWithTakes,
  pinChapterLines,
  pinnedChapterLines,
  recordedLineAudio,
  recordLineAudio,
  releaseJobPins,
  type ChapterLines,
} from './chapterLinesPin';

class MemoryPins implements Pick<BlobStore, 'putIfAbsent' | 'readBuffer' | 'deletePrefix'> {
  readonly blobs = new Map<string, Buffer>();
  async putIfAbsent(name: string, body: unknown): Promise<boolean> {
    if (this.blobs.has(name)) return false;
    this.blobs.set(name, body as Buffer);
    return true;
  }
  async readBuffer(name: string): Promise<Buffer | undefined> {
    return this.blobs.get(name);
  }
  async deletePrefix(prefix: string): Promise<number> {
    const names = [...this.blobs.keys()].filter((name) => name.startsWith(prefix));
    for (const name of names) this.blobs.delete(name);
    return names.length;
  }
}

const ref = { tenantId: 't', projectId: 'p', jobId: 'job-1', chapterId: 'ch-1' };

// A stored segment cut to what these functions read: `never` stands for the rest of its shape.
const line = (id: string, speakerId: string, takeId: string | null = null) =>
  ({
    id,
    index: Number(id.slice(1)),
    kind: 'dialogue',
    text: `"${id}"`,
    speakerId,
    takes: takeId ? [{ takeId }] : [],
    currentTakeId: takeId,
  }) as unknown as SegmentRecord;

const linesOf = (...segments: SegmentRecord[]): ChapterLines => ({
  planRevision: 3,
  lines: segments.map(({ takes: _takes, currentTakeId: _current, ...pinned }) => pinned),
});

test("the lines a production listed first are the chapter's for all of its activities, whatever is edited since", async () => {
  const pins = new MemoryPins();
  const first = await pinChapterLines(pins, ref, async () => linesOf(line('s0', 'narrator'), line('s1', 'char-a')));
  // A rerun of the listing after an edit reads again, and keeps what was pinned.
  const rerun = await pinChapterLines(pins, ref, async () => linesOf(line('s0', 'narrator'), line('s1', 'char-b')));
  expect(rerun).toEqual(first);
  expect((await pinnedChapterLines(pins, ref))?.lines.map((l) => l.speakerId)).toEqual(['narrator', 'char-a']);
  // Another job of the chapter pins its own.
  expect(await pinnedChapterLines(pins, { ...ref, jobId: 'job-2' })).toBeUndefined();
});

test('pinned lines keep their words and speaker and take the takes stored now; a line gone has none', () => {
  const pinned = linesOf(line('s0', 'narrator'), line('s1', 'char-a')).lines;
  const planned = linesWithTakes(pinned, [line('s1', 'char-b', 'take-1')]);
  expect(planned.map((s) => [s.id, s.speakerId, s.currentTakeId, s.takes.length])).toEqual([
    ['s0', 'narrator', null, 0],
    ['s1', 'char-a', 'take-1', 1],
  ]);
});

test("mastering finds each batch's recorded audio by line; releasing the job removes every copy, once", async () => {
  const pins = new MemoryPins();
  await pinChapterLines(pins, ref, async () => linesOf(line('s0', 'narrator'), line('s1', 'char-a')));
  await recordLineAudio(pins, ref, 's0', [{ segmentId: 's0', blobName: 'a.wav', hash: 'a' }]);
  // A rerun of the batch does not replace the first record.
  await recordLineAudio(pins, ref, 's0', [{ segmentId: 's0', blobName: 'b.wav', hash: 'b' }]);
  const audio = await recordedLineAudio(pins, ref, ['s0', 's50']);
  expect([...audio.values()]).toEqual([{ segmentId: 's0', blobName: 'a.wav', hash: 'a' }]);
  await recordLineAudio(pins, { ...ref, jobId: 'job-2' }, 's0', []);

  expect(await releaseJobPins(pins, ref)).toBe(2);
  expect(await releaseJobPins(pins, ref)).toBe(0);
  expect([...pins.blobs.keys()]).toEqual(['tenants/t/projects/p/jobs/job-2/plan-audio/ch-1/s0.json']);
});

test("a chapter's batches read its pinned copy from the store once per process, not once per batch", async () => {
  const pins = new MemoryPins();
  const reads = jest.spyOn(pins, 'readBuffer');
  const chapter = { ...ref, jobId: 'job-reads' };
  await pinChapterLines(pins, chapter, async () => linesOf(line('s0', 'narrator'), line('s1', 'char-a')));
  const readsWhilePinning = reads.mock.calls.length;
  for (let batch = 0; batch < 20; batch += 1)
    expect((await pinnedChapterLines(pins, chapter))?.lines.map((l) => l.id)).toEqual(['s0', 's1']);
  expect(reads.mock.calls.length).toBe(readsWhilePinning);
  // Another store (another platform in the same process) reads its own copy.
  const other = new MemoryPins();
  expect(await pinnedChapterLines(other, chapter)).toBeUndefined();
});

test('a chapter too large to pin is produced from its lines read live: nothing is pinned, nothing fails', async () => {
  const pins = new MemoryPins();
  const chapter = { ...ref, jobId: 'job-huge' };
  const huge = Array.from({ length: 17 }, (_, i) => ({ ...line(`s${i}`, 'narrator'), text: 'x'.repeat(1024 * 1024) }));
  const listed = await pinChapterLines(pins, chapter, async () => linesOf(...(huge as SegmentRecord[])));
  expect(listed?.lines).toHaveLength(17);
  expect(pins.blobs.size).toBe(0);
  expect(await pinnedChapterLines(pins, chapter)).toBeUndefined();
});
