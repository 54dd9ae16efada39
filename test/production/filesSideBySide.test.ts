/**
 * Production's blob traffic runs side by side instead of one file after another: a chapter's segments are fetched a
 * few at a time for its master (and metered in reading order all the same), the chapter's master and its encodings
 * are hashed and stored at once after the render, and a package build fetches its inputs (the chapters' encodings,
 * the credits, the cover) a few at a time. Counted on a blob store that records how many reads and writes
 * are open at each moment; the files and records are the same as before.
 *
 * And a package build fetches, probes and uploads only what it uses: the credits' encoding its platform takes (never
 * their master or the other format), the retail sample's master only when the sample cannot be reused, no probe of a
 * master whose sample window the previous build recorded, no upload of an encoding stored under its name already;
 * the deliverable is byte for byte the one a build that fetched everything makes, and is stored sharing the parts of
 * the previous build's (what that sends is counted on Azurite in test/blob/sharedParts.test.ts); previews stored under their content's
 * hash are not sent again by a build that makes the same bytes, nor are encodings (named by their sha256 too) that no
 * record names but the store holds. An M4B that cannot be joined from
 * AAC alone is encoded from every master, fetched once each, and reads no AAC.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { createMasterFiles } from '../../adapters/production/masterFiles';
import { buildAndStoreFiles } from '../../adapters/production/packageBuild';
import { createSegmentCache, type SegmentCache } from '../../adapters/production/segmentCache';
import type { ProductionContext } from '../../adapters/production/productionContextType';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { ChapterRecord } from '../../core/book/records';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';
import { NotFoundError } from '../../core/errors';
import type { AudioToolchain, MasterChapterRequest } from '../../core/ports/audio';
import { meterWavFile } from '../../adapters/audio/levelTap';
import type { BlobBody, BlobStore } from '../../core/ports/blobs';
import type { CoverSource } from '../../core/production/bookPackaging';
import type { RenderedMaster } from '../../core/production/chapterMastering';
import type { PackageRecord } from '../../core/production/packageRecord';
import type { ProjectRecord } from '../../core/projects/project';

const PREFIX = 'tenants/t1/projects/p1/';
const audio = createFfmpegToolchain();

/** Blobs in memory, counting the reads and writes open at once (a read is open until its stream closes). */
class CountingBlobs {
  readonly stored = new Map<string, Buffer>();
  /** Blobs whose body was a file read back from disk. */
  readonly fromFiles = new Set<string>();
  /** Every blob opened for reading, and every blob a write was attempted to (an upload sends its bytes), in order. */
  readonly readNames: string[] = [];
  readonly writeNames: string[] = [];
  /** Bytes each write sent, by blob name: a refused create-only write has sent its whole body too. */
  readonly sentBytes = new Map<string, number>();
  /** The earlier blob each deliverable was written to share parts with. */
  readonly sharingLike = new Map<string, string | undefined>();
  private reads = 0;
  private writes = 0;
  mostReads = 0;
  mostWrites = 0;

  readonly store: Pick<BlobStore, 'putIfAbsent' | 'put' | 'putSharingParts' | 'openRead' | 'exists'> = {
    exists: async (name) => this.stored.has(name),
    putIfAbsent: async (name, body) => {
      if (this.stored.has(name)) {
        this.writeNames.push(name);
        this.sentBytes.set(name, (this.sentBytes.get(name) ?? 0) + (await bodyOf(body)).length);
        return false;
      }
      await this.put(name, body);
      return true;
    },
    put: (name, body) => this.put(name, body),
    // Sends the whole body: what the real store takes from the earlier blob is counted against Azurite elsewhere.
    putSharingParts: async (name, body, _contentType, like) => {
      this.sharingLike.set(name, like);
      await this.put(name, body);
      const bytes = this.stored.get(name)!.length;
      return { bytes, blocks: 1, sentBlocks: 1, sentBytes: bytes, basedOnEarlier: false };
    },
    openRead: async (name) => {
      const body = this.stored.get(name);
      if (!body) return undefined;
      this.readNames.push(name);
      this.reads += 1;
      this.mostReads = Math.max(this.mostReads, this.reads);
      const stream = Readable.from([body]);
      stream.once('close', () => (this.reads -= 1));
      return { stream, contentType: 'application/octet-stream', contentLength: body.length, totalBytes: body.length };
    },
  };

  private async put(name: string, body: BlobBody): Promise<void> {
    if (!Buffer.isBuffer(body) && 'filePath' in body) this.fromFiles.add(name);
    this.writeNames.push(name);
    this.writes += 1;
    this.mostWrites = Math.max(this.mostWrites, this.writes);
    try {
      const bytes = await bodyOf(body);
      this.sentBytes.set(name, (this.sentBytes.get(name) ?? 0) + bytes.length);
      this.stored.set(name, bytes);
    } finally {
      this.writes -= 1;
    }
  }

  resetCounts(): void {
    this.mostReads = 0;
    this.mostWrites = 0;
    this.readNames.length = 0;
    this.writeNames.length = 0;
    this.sentBytes.clear();
  }
}

async function bodyOf(body: BlobBody): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  if ('filePath' in body) return readFile(body.filePath);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The project's cover as a build reads it: the stored one, never replaced during the build. */
const coverOf = (project: ProjectRecord): CoverSource => ({
  blobName: project.cover?.blobs.retail ?? null,
  current: () => Promise.resolve(project.cover?.blobs.retail ?? null),
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The md5 of a file's decoded audio (ffmpeg's md5 muxer): files with the same samples have the same. */
const decodedAudio = async (file: string) =>
  (await runFfmpeg(['-i', file, '-map', '0:a:0', '-f', 'md5', '-'])).stdout.trim();

describe('production files side by side', () => {
  let dir: string;
  const blobs = new CountingBlobs();
  const rendered: RenderedMaster[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'khipu-side-by-side-'));
    for (const [index, frequency] of [220, 330, 440].entries()) {
      const file = path.join(dir, `segment-${index}.wav`);
      await runFfmpeg([
        ...['-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:sample_rate=22050:duration=3`],
        ...['-af', 'volume=0.25', '-ac', '1', '-c:a', 'pcm_s16le', file],
      ]);
      blobs.stored.set(`${PREFIX}audio/segment-${index}.wav`, await readFile(file));
    }
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const render = (name: string, segments: number[], localCopies?: SegmentCache) =>
    createMasterFiles(blobs.store as BlobStore, audio, localCopies).render({
      segments: segments.map((index) => ({ blobName: `${PREFIX}audio/segment-${index}.wav`, pauseAfterMs: 400 })),
      roomTone: DEFAULT_ROOM_TONE,
      target: DEFAULT_MASTERING_TARGET,
      masterBlobName: `${PREFIX}masters/${name}.flac`,
      encodings: [
        { format: 'aac', blobName: `${PREFIX}masters/${name}.m4a`, bitrateKbps: 64, extension: 'm4a' },
        { format: 'mp3', blobName: `${PREFIX}masters/${name}.mp3`, bitrateKbps: 192, extension: 'mp3' },
      ],
    });

  it('stores a chapter’s master and its encodings at once, each under its name with its hash', async () => {
    blobs.resetCounts();
    const master = await render('chapter-1', [0, 1, 2]);
    // The master, its two encodings and the level blocks its measurement is made of.
    expect(blobs.mostWrites).toBe(4);
    expect(sha256(blobs.stored.get(`${PREFIX}masters/chapter-1.flac`)!)).toBe(master.sha256);
    expect(master.encodings.map((e) => e.format)).toEqual(['aac', 'mp3']);
    // Where each segment's 3 s of audio ends, before the next one's start: the sample is cut by it, unscanned.
    expect(master.segmentEndsSec).toHaveLength(3);
    for (const [i, end] of master.segmentEndsSec.entries()) expect(end - master.segmentStartsSec[i]).toBeCloseTo(3, 6);
    for (const encoding of master.encodings) {
      const stored = blobs.stored.get(encoding.blobName)!;
      expect(encoding.sha256).toBe(sha256(stored));
      expect(encoding.bytes).toBe(stored.length);
    }
    rendered.push(master);
  }, 60_000);

  it('fetches a chapter’s segments a few at a time and meters them in reading order, with their pauses', async () => {
    const order = [0, 1, 2, 0, 2, 1, 1, 0];
    let levels: MasterChapterRequest['levels'];
    const capturing: AudioToolchain = {
      ...audio,
      masterChapter: (request, outFile) => {
        levels = request.levels;
        return audio.masterChapter(request, outFile);
      },
    };
    blobs.resetCounts();
    await createMasterFiles(blobs.store as BlobStore, capturing).render({
      segments: order.map((index, at) => ({ blobName: `${PREFIX}audio/segment-${index}.wav`, pauseAfterMs: 100 * at })),
      roomTone: DEFAULT_ROOM_TONE,
      target: DEFAULT_MASTERING_TARGET,
      masterBlobName: `${PREFIX}masters/in-order.flac`,
      encodings: [],
    });
    expect(blobs.mostReads).toBe(4);
    expect(blobs.readNames).toEqual(order.map((index) => `${PREFIX}audio/segment-${index}.wav`));
    // The levels one meter gives the same segments read one after another, each followed by its pause.
    const serial = new LoudnessMeter();
    for (const [at, index] of order.entries()) {
      await meterWavFile(path.join(dir, `segment-${index}.wav`), serial);
      if (at < order.length - 1) serial.pushSilence((100 * at) / 1000);
    }
    expect(levels).toEqual(serial.result());
  }, 60_000);

  it('fails on a segment that is not stored, once the fetches already started have ended', async () => {
    const names = [0, 1, 2, 9, 0, 1].map((index) => `${PREFIX}audio/segment-${index}.wav`);
    await expect(
      createMasterFiles(blobs.store as BlobStore, audio).render({
        segments: names.map((blobName) => ({ blobName, pauseAfterMs: 0 })),
        roomTone: DEFAULT_ROOM_TONE,
        target: DEFAULT_MASTERING_TARGET,
        masterBlobName: `${PREFIX}masters/missing.flac`,
        encodings: [],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(blobs.stored.has(`${PREFIX}masters/missing.flac`)).toBe(false);
  }, 60_000);

  /** Chapters 1–3 and the credits rendered, the cover stored: what a package build reads. */
  async function packageInputs() {
    if (rendered.length === 1)
      for (const [name, segments] of [
        ['chapter-2', [1, 0]],
        ['chapter-3', [2, 1]],
        ['credits-opening', [0]],
        ['credits-closing', [2]],
      ] as const)
        rendered.push(await render(name, [...segments]));
    const [one, two, three, opening, closing] = rendered;
    const credits = (master: RenderedMaster, name: string) => {
      const blobName = `${PREFIX}credits/${name}.json`;
      const record = {
        master: { blobName: `${PREFIX}masters/${name}.flac`, sha256: master.sha256 },
        encodings: master.encodings.map(({ format, blobName: encodingBlob, sha256: hash }) => ({
          format,
          blobName: encodingBlob,
          sha256: hash,
        })),
        loudness: master.measured,
      };
      blobs.stored.set(blobName, Buffer.from(JSON.stringify(record)));
      return blobName;
    };
    const coverFile = path.join(dir, 'cover.jpg');
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'color=c=blue:s=3000x3000:d=1', '-frames:v', '1', coverFile]);
    blobs.stored.set(`${PREFIX}cover/retail.jpg`, await readFile(coverFile));
    const chapters = [one, two, three].map(
      (master, index) =>
        ({
          id: `c${index + 1}`,
          title: `Chapter ${index + 1}`,
          chapterType: 'chapter',
          master: {
            blobName: `${PREFIX}masters/chapter-${index + 1}.flac`,
            sha256: master.sha256,
            durationSec: master.durationSec,
            segmentStartsSec: master.segmentStartsSec,
            segmentEndsSec: master.segmentEndsSec,
            measured: master.measured,
            encodings: master.encodings,
          },
        }) as unknown as ChapterRecord, // the build reads only these fields of a chapter
    );
    const project = {
      metadata: {
        title: 'Side by Side',
        authors: ['Ana Quispe'],
        narrators: [],
        language: 'en-US',
        categories: [],
        description: 'A short test book.',
      },
      cover: { blobs: { retail: `${PREFIX}cover/retail.jpg` } },
    } as unknown as ProjectRecord; // the build reads only the metadata and the retail cover
    return {
      chapters,
      project,
      credits: { opening: credits(opening, 'credits-opening'), closing: credits(closing, 'credits-closing') },
    };
  }

  it.each(['apple', 'acx'] as const)(
    'fetches the inputs of an %s package a few at a time and stores the package built from them',
    async (platform) => {
      const { chapters, project, credits } = await packageInputs();
      const ctx = { tools: { blobs: blobs.store as BlobStore, audio } } as ProductionContext;
      blobs.resetCounts();
      const built = await buildAndStoreFiles(
        ctx,
        { tenantId: 't1', projectId: 'p1', jobId: `job-${platform}`, userId: 'u1', platform, credits },
        project,
        chapters,
        undefined,
        coverOf(project),
      );
      expect(blobs.mostReads).toBeGreaterThan(1);
      expect(blobs.mostReads).toBeLessThanOrEqual(8);
      expect(built.chapterIds).toEqual(['c1', 'c2', 'c3']);
      const stored = blobs.stored.get(built.deliverable.blobName)!;
      expect(sha256(stored)).toBe(built.deliverable.sha256);
      expect(stored.length).toBe(built.deliverable.bytes);
      // A zip is stored as it is written; the M4B, which ffmpeg writes, from its finished file.
      expect(blobs.fromFiles.has(built.deliverable.blobName)).toBe(platform === 'apple');
    },
    120_000,
  );

  describe('a package build fetches, probes and uploads only what it uses', () => {
    let probes: string[] = [];
    /** Files whose headers a build read to measure them (a probe, the MP3 bitrate mode). */
    let measuredFiles: string[] = [];
    /** The files each M4B encode or join read. */
    let m4bInputs: string[][] = [];
    const countingAudio: AudioToolchain = {
      ...audio,
      probe: (file: string) => {
        probes.push(path.basename(file));
        return audio.probe(file);
      },
      measureDeliverableFile: (file, role, name, loudness, probed) => {
        measuredFiles.push(name ?? path.basename(file));
        return audio.measureDeliverableFile(file, role, name, loudness, probed);
      },
      encodeM4b: (request) => {
        m4bInputs.push(request.chapters.map((c) => path.basename(c.file)));
        return audio.encodeM4b(request);
      },
    };
    /** Blobs looked for (HEAD) by a build. */
    let heads: string[] = [];
    const store: Pick<BlobStore, 'putIfAbsent' | 'put' | 'putSharingParts' | 'openRead' | 'exists'> = {
      ...blobs.store,
      exists: (name) => {
        heads.push(name);
        return blobs.store.exists(name);
      },
    };
    let localCopies: SegmentCache | undefined;
    const ctx = {
      tools: {
        blobs: store as BlobStore,
        audio: countingAudio,
        get localCopies() {
          return localCopies;
        },
      },
    } as ProductionContext;
    const build = async (
      platform: 'apple' | 'acx',
      jobId: string,
      last?: Awaited<ReturnType<typeof buildAndStoreFiles>>,
      /** Changes the stored inputs for this build only. */
      alter?: () => void,
    ) => {
      const { chapters, project, credits } = await packageInputs();
      alter?.();
      blobs.resetCounts();
      probes = [];
      measuredFiles = [];
      m4bInputs = [];
      heads = [];
      // The build reads only the previous record's encodings, its files' facts and where its deliverable is.
      const lastRecord =
        last &&
        ({
          encodings: last.encodings,
          fileFacts: last.fileFacts,
          deliverable: last.deliverable,
        } as unknown as PackageRecord);
      const built = await buildAndStoreFiles(
        ctx,
        { tenantId: 't1', projectId: 'p1', jobId, userId: 'u1', platform, credits },
        project,
        chapters,
        lastRecord,
        coverOf(project),
      );
      return {
        built,
        reads: [...blobs.readNames],
        writes: [...blobs.writeNames],
        sentBytes: new Map(blobs.sentBytes),
        probes: [...probes],
        measuredFiles: [...measuredFiles],
        m4bInputs: [...m4bInputs],
        heads: [...heads],
      };
    };
    const masterReads = (reads: string[]) => reads.filter((name) => name.endsWith('.flac'));
    const creditsReads = (reads: string[]) => reads.filter((name) => /masters\/credits-.*\.(flac|mp3|m4a)$/.test(name));
    const deliverableOf = (built: Awaited<ReturnType<typeof buildAndStoreFiles>>) =>
      sha256(blobs.stored.get(built.deliverable.blobName)!);

    it('Apple reads the credits’ AAC only, and no master', async () => {
      const { built, reads, m4bInputs: joined } = await build('apple', 'fetch-apple');
      expect(masterReads(reads)).toEqual([]);
      expect(joined).toEqual([
        ['credits-opening.m4a', 'chapter-0.m4a', 'chapter-1.m4a', 'chapter-2.m4a', 'credits-closing.m4a'],
      ]);
      expect(creditsReads(reads).sort()).toEqual([
        `${PREFIX}masters/credits-closing.m4a`,
        `${PREFIX}masters/credits-opening.m4a`,
      ]);
      expect(deliverableOf(built)).toBe(built.deliverable.sha256);
    }, 120_000);

    /** The masters' FLAC, as a build that encodes the whole book from masters must fetch them: once each. */
    const allMasters = [
      `${PREFIX}masters/chapter-1.flac`,
      `${PREFIX}masters/chapter-2.flac`,
      `${PREFIX}masters/chapter-3.flac`,
      `${PREFIX}masters/credits-closing.flac`,
      `${PREFIX}masters/credits-opening.flac`,
    ];
    const withoutAac = {
      'a chapter’s AAC is gone from the store': () => {
        blobs.stored.delete(`${PREFIX}masters/chapter-2.m4a`);
      },
      'the closing credits were prepared without an AAC': () => {
        const name = `${PREFIX}credits/credits-closing.json`;
        const record = JSON.parse(blobs.stored.get(name)!.toString('utf8')) as { encodings: { format: string }[] };
        record.encodings = record.encodings.filter((e) => e.format !== 'aac');
        blobs.stored.set(name, Buffer.from(JSON.stringify(record)));
      },
    };
    it.each(Object.keys(withoutAac) as (keyof typeof withoutAac)[])(
      'when %s, Apple encodes the book from every master, fetched once each, and reads no AAC',
      async (situation) => {
        const stored = new Map(blobs.stored);
        try {
          const {
            built,
            reads,
            m4bInputs: encoded,
          } = await build('apple', 'masters-apple', undefined, () => withoutAac[situation]());
          expect(reads.filter((name) => name.endsWith('.m4a'))).toEqual([]);
          expect(masterReads(reads).sort()).toEqual(allMasters);
          expect(encoded).toEqual([
            [
              'credits-opening.flac',
              'master-0000.flac',
              'master-0001.flac',
              'master-0002.flac',
              'credits-closing.flac',
            ],
          ]);
          expect(built.stats).toEqual({ encoded: 1, reused: 0 });
          // The stored M4B's audio is one encode of the masters, sample for sample, and spans each master's length.
          const m4b = path.join(dir, 'masters-apple.m4b');
          await writeFile(m4b, blobs.stored.get(built.deliverable.blobName)!);
          const masterFiles = await Promise.all(
            ['credits-opening', 'chapter-1', 'chapter-2', 'chapter-3', 'credits-closing'].map(async (name) => {
              const file = path.join(dir, `reference-${name}.flac`);
              await writeFile(file, blobs.stored.get(`${PREFIX}masters/${name}.flac`)!);
              return file;
            }),
          );
          const reference = path.join(dir, 'reference.m4b');
          await audio.encodeM4b({
            chapters: masterFiles.map((file) => ({ title: path.basename(file), file })),
            out: reference,
            tags: { title: 'Reference' },
            bitrateKbps: 64,
            workDir: dir,
          });
          expect(await decodedAudio(m4b)).toBe(await decodedAudio(reference));
          const probed = await audio.probe(m4b);
          const [one, two, three, opening, closing] = rendered;
          for (const [index, master] of [opening, one, two, three, closing].entries()) {
            const { startSec, endSec } = probed.chapters[index];
            expect(Math.abs(endSec - startSec - master.durationSec)).toBeLessThanOrEqual(0.0015);
          }
        } finally {
          blobs.stored.clear();
          for (const [name, body] of stored) blobs.stored.set(name, body);
        }
      },
      120_000,
    );

    it('ACX reads the credits’ MP3 only; a rebuild reuses the sample without its master, a probe or an upload', async () => {
      const first = await build('acx', 'fetch-acx-1');
      expect(creditsReads(first.reads).sort()).toEqual([
        `${PREFIX}masters/credits-closing.mp3`,
        `${PREFIX}masters/credits-opening.mp3`,
      ]);
      // The first build finds the sample's window in the master: one fetch, and its length from its FLAC header (no
      // ffprobe process).
      expect(masterReads(first.reads)).toEqual([`${PREFIX}masters/chapter-1.flac`]);
      expect(first.probes).toEqual([]);
      expect(first.built.stats).toEqual({ encoded: 1, reused: 0 });
      const sampleEncoding = first.built.encodings.find((e) => e.sampleCut);
      expect(sampleEncoding?.sampleCut).toMatchObject({ masterSha256: rendered[0].sha256, startSec: 0 });
      // Stored under the sha256 of its bytes (sent by the first ACX build above, which cut the same sample).
      expect(sha256(blobs.stored.get(sampleEncoding!.blobName)!)).toBe(sampleEncoding!.sha256);
      expect((first.built.previews ?? []).map((preview) => preview.role).sort()).toEqual([
        'closing-credits',
        'opening-credits',
        'retail-sample',
      ]);
      /** Uploads of a build's own previews. */
      const previewWrites = ({ built, writes }: typeof first) =>
        writes.filter((name) => (built.previews ?? []).some((preview) => preview.blobName === name));

      const second = await build('acx', 'fetch-acx-2', first.built);
      // The deliverable is stored sharing the parts of the previous build's, which the store holds already.
      expect(blobs.sharingLike.get(first.built.deliverable.blobName)).toBeUndefined();
      expect(blobs.sharingLike.get(second.built.deliverable.blobName)).toBe(first.built.deliverable.blobName);
      expect(masterReads(second.reads)).toEqual([]);
      expect(second.probes).toEqual([]);
      expect(second.built.stats).toEqual({ encoded: 0, reused: 1 });
      expect(second.writes).not.toContain(sampleEncoding!.blobName);
      // The same bytes as the first build's previews, stored under their content's hash: nothing sent.
      expect(previewWrites(second)).toEqual([]);
      expect(second.built.previews).toEqual(first.built.previews);
      for (const { blobName } of first.built.previews ?? [])
        expect(`${PREFIX}packages/previews/${sha256(blobs.stored.get(blobName)!)}.mp3`).toBe(blobName);
      expect(second.built.encodings).toEqual(first.built.encodings);
      expect(deliverableOf(second.built)).toBe(deliverableOf(first.built));
      expect(second.built.readiness).toEqual(first.built.readiness);
      // Every chapter and credits file has the bytes of one the first build probed: none is opened to be measured; the
      // sample, reused from its blob, is.
      expect(first.measuredFiles).toContain('01 - Chapter 1.mp3');
      expect(second.measuredFiles).toEqual(['Retail Sample.mp3']);
      expect(second.built.fileFacts).toEqual(first.built.fileFacts);

      // The previous sample gone from the store: the master is fetched and cut again, to the same bytes.
      const stored = blobs.stored.get(sampleEncoding!.blobName)!;
      blobs.stored.delete(sampleEncoding!.blobName);
      const third = await build('acx', 'fetch-acx-3', second.built);
      expect(masterReads(third.reads)).toEqual([`${PREFIX}masters/chapter-1.flac`]);
      expect(third.built.stats).toEqual({ encoded: 1, reused: 0 });
      expect(blobs.stored.get(sampleEncoding!.blobName)).toEqual(stored);
      expect(previewWrites(third)).toEqual([]);
      expect(deliverableOf(third.built)).toBe(deliverableOf(first.built));
    }, 180_000);

    it('a rebuild without the record of encodings stored under their names sends none of their bytes', async () => {
      const first = await build('acx', 'lost-record-1');
      expect(first.built.encodings.length).toBeGreaterThan(0);
      const encodingBlobs = new Set(first.built.encodings.map((e) => e.blobName));
      /** Bytes a build sent to encoding blobs, refused create-only writes included. */
      const encodingBytesSent = ({ sentBytes }: typeof first) =>
        [...sentBytes].reduce((sum, [name, bytes]) => sum + (name.includes('/packages/encodings/') ? bytes : 0), 0);

      // The package record is lost (or this is another build of the same files): nothing names the stored encodings,
      // so the sample is encoded again, to the same bytes, which are stored already.
      const rebuild = await build('acx', 'lost-record-2');
      expect(rebuild.built.stats).toEqual({ encoded: 1, reused: 0 });
      expect(rebuild.built.encodings).toEqual(first.built.encodings);
      expect(rebuild.writes.filter((name) => encodingBlobs.has(name))).toEqual([]);
      expect(encodingBytesSent(rebuild)).toBe(0);
      expect(deliverableOf(rebuild.built)).toBe(deliverableOf(first.built));
      for (const { blobName, sha256: hash } of first.built.encodings) {
        // Named by the sha256 of the bytes stored under the name.
        expect(blobName.startsWith(`${PREFIX}packages/encodings/${hash}-`)).toBe(true);
        expect(sha256(blobs.stored.get(blobName)!)).toBe(hash);
      }

      // An encoding gone from the store is sent again, once, under the same name.
      const [gone] = first.built.encodings;
      const bytes = blobs.stored.get(gone.blobName)!;
      blobs.stored.delete(gone.blobName);
      const third = await build('acx', 'lost-record-3');
      expect(third.writes.filter((name) => name === gone.blobName)).toEqual([gone.blobName]);
      expect(encodingBytesSent(third)).toBe(bytes.length);
      expect(blobs.stored.get(gone.blobName)).toEqual(bytes);
    }, 180_000);

    it('takes the chapters’ encodings this machine stored from its copies: no HEAD, no download, the same zip', async () => {
      localCopies = createSegmentCache({ maxBytes: 64 * 1024 * 1024, dir: path.join(dir, 'local-copies') });
      try {
        // Mastering keeps a copy of each encoding its write stored (not of the master, which packages rarely read).
        const kept = await render('kept', [0, 1], localCopies);
        for (const encoding of kept.encodings)
          expect(
            await localCopies.take(encoding.blobName, path.join(dir, `kept.${encoding.format}`), encoding.bytes),
          ).toBe(true);
        const masterBytes = blobs.stored.get(`${PREFIX}masters/kept.flac`)!.length;
        expect(await localCopies.take(`${PREFIX}masters/kept.flac`, path.join(dir, 'kept.flac'), masterBytes)).toBe(
          false,
        );

        const { chapters } = await packageInputs();
        const mp3s = chapters.map((chapter) => chapter.master!.encodings!.find((e) => e.format === 'mp3')!);
        for (const [index, mp3] of mp3s.entries()) {
          const file = path.join(dir, `copy-${index}.mp3`);
          const bytes = blobs.stored.get(mp3.blobName)!;
          // The second chapter's copy was cut short: it is downloaded.
          await writeFile(file, index === 1 ? bytes.subarray(0, bytes.length - 1) : bytes);
          await localCopies.keep(mp3.blobName, file);
        }
        const local = await build('acx', 'local-copies');
        expect(local.reads.filter((name) => name.endsWith('.mp3') && name.includes('masters/chapter-'))).toEqual([
          mp3s[1].blobName,
        ]);
        expect(local.heads.filter((name) => name.includes('masters/chapter-'))).toEqual([mp3s[1].blobName]);
        localCopies = undefined;
        const downloaded = await build('acx', 'no-local-copies');
        expect(
          downloaded.reads.filter((name) => name.endsWith('.mp3') && name.includes('masters/chapter-')).sort(),
        ).toEqual(mp3s.map((mp3) => mp3.blobName).sort());
        expect(deliverableOf(local.built)).toBe(deliverableOf(downloaded.built));
      } finally {
        localCopies = undefined;
      }
    }, 180_000);
  });
});
