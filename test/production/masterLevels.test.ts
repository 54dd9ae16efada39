/**
 * A chapter's mastering stores, beside the master, the level blocks its measurement is made of (core/audio/
 * levelBlocks.ts): one small blob named by the sha256 of its bytes, written from the render's own measurement pass
 * (no second ffmpeg run), which reads back as the blocks of the levels recorded. A render of the same chapter again
 * names the same blob and stores nothing new. Over a real Azurite.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { readLevelBlocks } from '../../adapters/audio/levelBlocksFile';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { createMasterFiles } from '../../adapters/production/masterFiles';
import { levelsOfBlocks } from '../../core/audio/levelBlocks';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { AudioToolchain } from '../../core/ports/audio';
import { startBlobWire, type BlobWire } from '../support/blobWire';

const PREFIX = 'tenants/t1/projects/p1/';
const MASTER = `${PREFIX}audio/chapters/c1/${'a'.repeat(64)}.flac`;

let wire: BlobWire;
let blobs: AzureBlobStore;

beforeAll(async () => {
  wire = await startBlobWire('master-levels');
  blobs = (await wire.container('levels')).blobs;
  const work = path.join(wire.dir, 'work');
  fs.mkdirSync(work);
  for (const [index, frequency] of [220, 330, 440].entries()) {
    const file = path.join(work, `tone-${index}.wav`);
    // Tones of different lengths and levels, so the blocks differ from one another.
    await runFfmpeg([
      ...['-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:sample_rate=22050:duration=${2 + index}`],
      ...['-af', `volume=${-6 * index}dB`, '-ac', '1', '-c:a', 'pcm_s16le', file],
    ]);
    await blobs.putIfAbsent(`${PREFIX}audio/segments/tone-${index}.wav`, { filePath: file }, 'audio/wav');
  }
}, 60_000);

afterAll(async () => {
  await wire?.stop();
});

function render(audio: AudioToolchain) {
  return createMasterFiles(blobs, audio).render({
    segments: [0, 1, 2].map((index) => ({ blobName: `${PREFIX}audio/segments/tone-${index}.wav`, pauseAfterMs: 400 })),
    roomTone: DEFAULT_ROOM_TONE,
    target: DEFAULT_MASTERING_TARGET,
    masterBlobName: MASTER,
    encodings: [],
  });
}

describe('level blocks stored beside the master', () => {
  it('are written from the render pass, named by their bytes, and read back as the levels recorded', async () => {
    const audio = createFfmpegToolchain();
    let renders = 0;
    const counting: AudioToolchain = {
      ...audio,
      masterChapter: (request, out) => {
        renders++;
        return audio.masterChapter(request, out);
      },
    };
    const rendered = await render(counting);
    expect(renders).toBe(1);
    expect(rendered.levels).toBeDefined();
    const { blobName, sha256, bytes } = rendered.levels!;
    expect(blobName).toBe(`${PREFIX}audio/chapters/c1/levels/${sha256}.json.gz`);

    const stored = await blobs.readBuffer(blobName, 1024 * 1024);
    expect(stored?.length).toBe(bytes);
    expect(createHash('sha256').update(stored!).digest('hex')).toBe(sha256);
    const fromBlocks = levelsOfBlocks(readLevelBlocks(stored!));
    // ebur128's summary is printed to a tenth, its true peak per block to a thousandth of full scale; astats's
    // figures in full.
    expect(Math.abs(fromBlocks.integratedLufs! - rendered.measured.integratedLufs!)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(fromBlocks.truePeakDb! - rendered.measured.truePeakDb!)).toBeLessThanOrEqual(0.07);
    expect(fromBlocks.rmsDb).toBeCloseTo(rendered.measured.rmsDb!, 3);
    expect(fromBlocks.noiseFloorDb).toBeCloseTo(rendered.measured.noiseFloorDb!, 3);

    // The same chapter rendered again: the same blob, already stored.
    wire.clear();
    const again = await render(audio);
    expect(again.levels).toEqual(rendered.levels);
  }, 120_000);
});
