/**
 * A package rebuilt after one chapter changed, at book size: 60 chapters of 6 minutes (about 520 MB of retail MP3 in
 * a zip, 180 MB of AAC joined into an M4B), chapter 30 re-rendered. The deliverable is stored as a whole blob the old
 * way (a streamed upload in 1 MiB blocks for the zip, one Put Blob from the file for the M4B) and in content-defined
 * parts shared with the previous build, in turns (old, new, new, old, …), against one Azurite behind a proxy that
 * counts the bytes the store was sent. CPU is the benchmark's process (zip writing, chunking, client, proxy) and
 * Azurite's, from /proc; wall time is printed beside it but the machine is shared. `PACKAGE_DELTA_CHAPTERS` and
 * `PACKAGE_DELTA_ROUNDS` scale it down.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createFfmpegToolchain } from '../adapters/audio';
import type { AzureBlobStore } from '../adapters/blob/azureBlobStore';
import { writeZip } from '../adapters/packaging/zip';
import { startBlobWire, type BlobWire } from '../test/support/blobWire';
import { bookChapters, chapterFile, type ChapterFormat } from './packageDelta/bookAudio';
import type { BenchContext, BenchModule, BenchRow } from './types';

const CHAPTER_SECONDS = 360;
const CHANGED_SEED = 1000;
const MB = 1e6;

type Way = 'whole blob' | 'shared parts';

/** CPU seconds of a process and its descendants alive now (each one's own time). */
function treeCpuSec(pid: number): number {
  let sec = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    sec += (Number(fields[11]) + Number(fields[12])) / 100;
    for (const tid of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
        if (child.trim()) sec += treeCpuSec(Number(child));
  } catch {
    // ended meanwhile
  }
  return sec;
}

interface Book {
  label: string;
  /** The deliverable of the first build and of the rebuild. */
  build(files: string[], blobName: string, way: Way, like?: string): Promise<void>;
  files: string[];
  rebuilt: string[];
}

async function measured(wire: BlobWire, work: () => Promise<void>) {
  wire.clear();
  const cpu = treeCpuSec(process.pid);
  const started = process.hrtime.bigint();
  await work();
  const wallSec = Number(process.hrtime.bigint() - started) / 1e9;
  const sent = wire.requests.reduce((sum, r) => sum + r.bodyBytes, 0);
  return { sentMb: sent / MB, requests: wire.requests.length, cpuSec: treeCpuSec(process.pid) - cpu, wallSec };
}

function zipBook(blobs: AzureBlobStore, dir: string, files: string[], rebuilt: string[]): Book {
  return {
    label: 'zip (MP3)',
    files,
    rebuilt,
    build: async (chapters, blobName, way, like) => {
      const out = path.join(dir, 'package.zip');
      await writeZip(
        chapters.map((file, i) => ({
          path: file,
          name: `Chapter ${String(i + 1).padStart(2, '0')}.mp3`,
          compress: false,
        })),
        out,
        {
          copyTo: (body) =>
            way === 'whole blob'
              ? blobs.put(blobName, body, 'application/zip')
              : blobs.putSharingParts(blobName, body, 'application/zip', like),
        },
      );
      rmSync(out);
    },
  };
}

async function m4bBook(blobs: AzureBlobStore, dir: string, files: string[], rebuilt: string[]): Promise<Book> {
  const audio = createFfmpegToolchain();
  const join = async (chapters: string[], out: string) => {
    await audio.encodeM4b({
      chapters: chapters.map((file, i) => ({ title: `Chapter ${i + 1}`, file })),
      out,
      tags: { title: 'Delta', artist: 'Bench', album: 'Delta', genre: 'Audiobook' },
      bitrateKbps: 64,
      workDir: dir,
    });
    return out;
  };
  // Joined before the measurement: the package build makes the file either way, only its storing differs.
  const first = await join(files, path.join(dir, 'first.m4b'));
  const second = await join(rebuilt, path.join(dir, 'rebuilt.m4b'));
  const fileOf = (chapters: string[]) => (chapters === files ? first : second);
  return {
    label: 'M4B (AAC)',
    files,
    rebuilt,
    build: async (chapters, blobName, way, like) => {
      const body = { filePath: fileOf(chapters) };
      if (way === 'whole blob') await blobs.put(blobName, body, 'audio/mp4');
      else await blobs.putSharingParts(blobName, body, 'audio/mp4', like);
    },
  };
}

async function chaptersOf(format: ChapterFormat, count: number, context: BenchContext) {
  context.log(`packageDelta: ${count} ${format} chapters of ${CHAPTER_SECONDS} s (cached after the first run)`);
  const files = await bookChapters(count, CHAPTER_SECONDS, format);
  const changedAt = Math.floor(count / 2);
  const rebuilt = [...files];
  rebuilt[changedAt] = await chapterFile(CHANGED_SEED, CHAPTER_SECONDS, format);
  return { files, rebuilt };
}

const bench: BenchModule = {
  name: 'packageDelta',
  description:
    'Package rebuilt after one chapter changed (60 × 6 min): deliverable stored whole vs in content-defined parts shared with the previous build',
  async run(context: BenchContext): Promise<BenchRow[]> {
    const count = Number(context.env.PACKAGE_DELTA_CHAPTERS ?? 60);
    const rounds = Number(context.env.PACKAGE_DELTA_ROUNDS ?? 2);
    const mp3 = await chaptersOf('mp3', count, context);
    const aac = await chaptersOf('m4a', count, context);
    const wire = await startBlobWire('package-delta');
    const rows: BenchRow[] = [];
    try {
      const { blobs } = await wire.container('bench');
      const dir = path.join(wire.dir, 'work');
      mkdirSync(dir);
      const books = [zipBook(blobs, dir, mp3.files, mp3.rebuilt), await m4bBook(blobs, dir, aac.files, aac.rebuilt)];
      for (const book of books) {
        const bytes = book.files.reduce((sum, file) => sum + statSync(file).size, 0);
        const samples = new Map<string, Awaited<ReturnType<typeof measured>>[]>();
        const note = (name: string, sample: Awaited<ReturnType<typeof measured>>) =>
          samples.set(name, [...(samples.get(name) ?? []), sample]);
        for (let round = 0; round < rounds; round++) {
          const ways: Way[] = round % 2 === 0 ? ['whole blob', 'shared parts'] : ['shared parts', 'whole blob'];
          for (const way of ways) {
            const job = (n: number) => `tenants/t1/packages/${book.label}-${way}-${round}-${n}/book`;
            context.log(`packageDelta: ${book.label}, ${way}, round ${round + 1}`);
            note(`${way} / first build`, await measured(wire, () => book.build(book.files, job(1), way)));
            note(
              `${way} / rebuild, one chapter changed`,
              await measured(wire, () => book.build(book.rebuilt, job(2), way, job(1))),
            );
            await blobs.deletePrefix(`tenants/t1/packages/${book.label}-${way}-${round}-`);
          }
        }
        for (const [name, runs] of samples) {
          const mean = (pick: (s: (typeof runs)[number]) => number) =>
            runs.reduce((a, s) => a + pick(s), 0) / runs.length;
          rows.push({
            benchmark: 'packageDelta',
            case: `${book.label} ${(bytes / MB).toFixed(0)} MB / ${name}`,
            metrics: {
              'MB sent': Number(mean((s) => s.sentMb).toFixed(1)),
              requests: Math.round(mean((s) => s.requests)),
              'CPU s (bench+Azurite)': Number(mean((s) => s.cpuSec).toFixed(2)),
              'wall s': Number(mean((s) => s.wallSec).toFixed(2)),
              runs: runs.length,
            },
          });
        }
      }
    } finally {
      await wire.stop();
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    context.log(`packageDelta: load average at the end ${load}`);
    return rows.map((row) => ({ ...row, metrics: { ...row.metrics, 'load (1/5/15 min)': load } }));
  },
};

export default bench;
