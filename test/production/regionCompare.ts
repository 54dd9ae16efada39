/**
 * How a region render's MP3 or AAC compares with a whole render's (docs/audio-pipeline.md, "Re-rendering only the
 * region that changed"): decoded, the same samples up to a frame before the cut, and within the splice threshold
 * around it.
 */
import { readFile } from 'node:fs/promises';
import { runFfmpeg } from '../../adapters/audio';
import { AAC_FRAME_SAMPLES, MP3_FRAME_SAMPLES } from '../../core/audio/regionCut';

const RATE = 44100;
const MP3_DECODER_DELAY = 1105;
/** The doc's threshold, within 50 ms of a splice: peak under the room tone's (−54.5 dBFS), RMS 6 dB under its RMS. */
export const MAX_PEAK_DBFS = -54.5;
export const MAX_RMS_DBFS = -71.5;

const dbfs = (amplitude: number) => 20 * Math.log10(Math.max(amplitude, 1e-9) / 32768);

/** A file's samples, decoded to 16-bit mono at the master's rate. */
export async function decodeSamples(file: string): Promise<Int16Array> {
  const raw = `${file}.raw`;
  await runFfmpeg(['-y', '-i', file, '-f', 's16le', '-ac', '1', '-ar', String(RATE), raw]);
  const bytes = await readFile(raw);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}

export interface SpliceComparison {
  /** Decoded lengths: the same when the splice kept every frame. */
  regionSamples: number;
  wholeSamples: number;
  /** How far past the frame before the cut the first differing sample is (≥ 0: none before it). */
  firstDifferenceAfterFrameBeforeCut: number;
  /** The difference within 50 ms of the cut. */
  peakDbfs: number;
  rmsDbfs: number;
}

export function compareMp3Splice(region: Int16Array, whole: Int16Array, mp3KeepFrames: number): SpliceComparison {
  return compareSplice(region, whole, mp3KeepFrames * MP3_FRAME_SAMPLES - MP3_DECODER_DELAY, MP3_FRAME_SAMPLES);
}

/**
 * The AAC decoded through its edit list (the priming skipped): the stored MP4's packet k decodes the master's samples
 * (k − 1) × 1,024 to k × 1,024, so the region's first packet kept plays from (keepPackets − 1) × 1,024.
 */
export function compareAacSplice(region: Int16Array, whole: Int16Array, aacKeepPackets: number): SpliceComparison {
  return compareSplice(region, whole, (aacKeepPackets - 1) * AAC_FRAME_SAMPLES, AAC_FRAME_SAMPLES);
}

function compareSplice(region: Int16Array, whole: Int16Array, cutAt: number, frameSamples: number): SpliceComparison {
  let firstDifference = Math.min(region.length, whole.length);
  for (let i = 0; i < firstDifference; i++)
    if (region[i] !== whole[i]) {
      firstDifference = i;
      break;
    }
  const around = Math.round(RATE * 0.05);
  let peak = 0;
  let squares = 0;
  for (let i = cutAt - around; i < cutAt + around; i++) {
    const difference = Math.abs(region[i] - whole[i]);
    peak = Math.max(peak, difference);
    squares += difference * difference;
  }
  return {
    regionSamples: region.length,
    wholeSamples: whole.length,
    firstDifferenceAfterFrameBeforeCut: firstDifference - (cutAt - frameSamples),
    peakDbfs: dbfs(peak),
    rmsDbfs: dbfs(Math.sqrt(squares / (2 * around))),
  };
}
