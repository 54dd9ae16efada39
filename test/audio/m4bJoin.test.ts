/**
 * The M4B joined in the process from the chapters' AAC (adapters/audio/m4bJoin.ts, through encodeM4b) against the
 * join ffmpeg made by stream copy (the command encodeM4b ran before, written out here as the reference): ffprobe must
 * read the same streams, the same duration to the sample, the same chapters and the same tags (but ffmpeg's
 * `encoder`), the audio must decode without an error to the reference's samples, and the size and sha256 the join
 * returns must be the file's. A chapter MP4 the writer does not read is joined by ffmpeg instead.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain } from '../../adapters/audio';
import { encodeM4b, escapeFfmetadata } from '../../adapters/audio/encode';
import { runFfmpeg, runFfprobe } from '../../adapters/audio/ffmpeg';
import { containerTags } from '../../adapters/audio/tags';
import { sha256File } from '../../adapters/packaging/fileHash';
import { tagsFor } from '../../core/packaging/bookTags';
import { BOOK, makeCover, makeMaster, makeTempDir } from '../packaging/helpers';

const audio = createFfmpegToolchain();

interface ProbeJson {
  streams: Record<string, unknown>[];
  chapters: Record<string, unknown>[];
  format: Record<string, unknown> & { tags: Record<string, string> };
}

async function probeJson(file: string): Promise<ProbeJson> {
  const { stdout } = await runFfprobe([
    ...['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters'],
    file,
  ]);
  return JSON.parse(stdout) as ProbeJson;
}

/** What encodeM4b ran before the join moved into the process: the concat demuxer, ffmetadata, the cover, a copy. */
async function ffmpegJoin(
  dir: string,
  chapters: { title: string; file: string; frames: number }[],
  tags: ReturnType<typeof tagsFor>,
  cover: string,
  out: string,
): Promise<void> {
  const spans = chapters.map((c) => (c.frames * 1024) / 44100);
  const list = path.join(dir, 'reference.ffconcat');
  await writeFile(
    list,
    'ffconcat version 1.0\n' + chapters.map((c, i) => `file '${c.file}'\nduration ${spans[i]}\n`).join(''),
  );
  let metadata = ';FFMETADATA1\n';
  for (const [key, value] of Object.entries(containerTags(tags, 'mp4')))
    metadata += `${key}=${escapeFfmetadata(value)}\n`;
  let start = 0;
  for (const [i, chapter] of chapters.entries()) {
    metadata += `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${Math.round(start * 1000)}\n`;
    metadata += `END=${Math.round((start + spans[i]) * 1000)}\ntitle=${escapeFfmetadata(chapter.title)}\n`;
    start += spans[i];
  }
  const metadataFile = path.join(dir, 'reference.ffmetadata');
  await writeFile(metadataFile, metadata);
  await runFfmpeg([
    '-y',
    ...['-f', 'concat', '-safe', '0', '-i', list],
    ...['-f', 'ffmetadata', '-i', metadataFile],
    ...['-i', cover],
    ...['-map', '0:a:0', '-c:a', 'copy', '-map_metadata', '1', '-map_chapters', '1'],
    ...['-map', '2:v:0', '-c:v', 'copy', '-disposition:v:0', 'attached_pic'],
    ...Object.entries(containerTags(tags, 'mp4')).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]),
    ...['-movflags', '+faststart', '-f', 'mp4', out],
  ]);
}

async function framesOf(file: string): Promise<number> {
  const { stdout } = await runFfprobe([
    ...['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=nb_frames', '-of', 'csv=p=0', file],
  ]);
  return Number(stdout.trim());
}

async function decodedSamples(file: string, dir: string): Promise<{ errors: string; pcm: Buffer }> {
  const pcm = path.join(dir, `${path.basename(file)}.pcm`);
  const { stderr } = await runFfmpeg(['-v', 'error', '-y', '-i', file, '-map', '0:a:0', '-f', 's16le', pcm]);
  return { errors: stderr, pcm: await readFile(pcm) };
}

describe('an M4B joined in the process', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let chapters: { title: string; file: string; frames: number }[];
  let cover: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('m4b-in-process'));
    cover = await makeCover(dir, 600);
    const titles = ['Opening Credits', 'Chapter 1: The Letter', 'Capítulo 2 — «Años»', 'Chapter 3', 'Closing Credits'];
    chapters = await Promise.all(
      titles.map(async (title, i) => {
        const master = await makeMaster(audio, dir, `chapter-${i}`, {
          segments: 2 + (i % 3),
          segmentSec: 1.3 + 0.37 * i,
          frequencyHz: 200 + 30 * i,
        });
        const file = path.join(dir, `chapter-${i}.m4a`);
        await runFfmpeg(['-y', '-i', master.file, ...['-c:a', 'aac', '-b:a', '64k', '-ar', '44100', '-ac', '1'], file]);
        return { title, file, frames: await framesOf(file) };
      }),
    );
  }, 180_000);
  afterAll(() => cleanup());

  it('reads as the ffmpeg join: streams, duration to the sample, chapters, tags; decodes to the same samples', async () => {
    const tags = tagsFor(BOOK, { title: BOOK.title });
    const reference = path.join(dir, 'reference.m4b');
    await ffmpegJoin(dir, chapters, tags, cover, reference);
    const out = path.join(dir, 'joined.m4b');
    const result = await encodeM4b({
      chapters: chapters.map(({ title, file }) => ({ title, file })),
      out,
      tags,
      coverJpeg: cover,
      workDir: dir,
    });

    expect(result.written).toEqual({ bytes: (await readFile(out)).length, sha256: await sha256File(out) });
    const [mine, theirs] = await Promise.all([probeJson(out), probeJson(reference)]);
    expect(mine.streams).toEqual(theirs.streams);
    expect(mine.chapters).toEqual(theirs.chapters);
    expect(mine.chapters.map((c) => (c.tags as { title: string }).title)).toEqual(chapters.map((c) => c.title));
    const { encoder, ...referenceTags } = theirs.format.tags;
    expect(encoder).toMatch(/^Lavf/);
    expect(mine.format.tags).toEqual(referenceTags);
    expect(mine.format.duration).toEqual(theirs.format.duration);
    const audioStream = mine.streams.find((s) => s.codec_type === 'audio')!;
    const totalFrames = chapters.reduce((sum, c) => sum + c.frames, 0);
    expect(audioStream.nb_frames).toBe(String(totalFrames));
    expect(mine.streams.find((s) => s.codec_type === 'video')?.disposition).toMatchObject({ attached_pic: 1 });

    const [decoded, referenceDecoded] = await Promise.all([decodedSamples(out, dir), decodedSamples(reference, dir)]);
    expect(decoded.errors).toBe('');
    expect(decoded.pcm.length).toBe(referenceDecoded.pcm.length);
    expect(decoded.pcm.equals(referenceDecoded.pcm)).toBe(true);
    // Every chapter's packets are the stored bytes: the audio is the chapters' own, one after another.
    const bytes = await readFile(out);
    for (const chapter of chapters) {
      const stored = await readFile(chapter.file);
      const mdat = stored.indexOf('mdat', 0, 'latin1') + 4;
      expect(bytes.indexOf(stored.subarray(mdat, mdat + 4096))).toBeGreaterThan(0);
    }
  }, 120_000);

  it('leaves a chapter MP4 laid out otherwise to ffmpeg', async () => {
    const moovFirst = path.join(dir, 'moov-first.m4a');
    await runFfmpeg(['-y', '-i', chapters[1].file, '-c', 'copy', '-movflags', '+faststart', moovFirst]);
    const out = path.join(dir, 'fallback.m4b');
    const result = await encodeM4b({
      chapters: [
        { title: 'One', file: chapters[0].file },
        { title: 'Two', file: moovFirst },
      ],
      out,
      tags: tagsFor(BOOK, { title: BOOK.title }),
      coverJpeg: cover,
      workDir: dir,
    });
    expect(result.written).toBeUndefined();
    const probed = await probeJson(out);
    expect(probed.format.tags.encoder).toMatch(/^Lavf/);
    expect(probed.chapters.map((c) => (c.tags as { title: string }).title)).toEqual(['One', 'Two']);
  }, 60_000);
});
