/** Measurements of encoded deliverables in the shape core's readiness rules read: container facts from the file's headers, levels from the pass that encoded it. */
import path from 'node:path';
import type { LoudnessMeasurement, ProbeResult } from '../../core/audio/measurements';
import type { AudioFileRole, MeasuredAudioFile, MeasuredCover } from '../../core/audio/readiness';
import { measureLoudness } from './measure';
import { detectMp3BitrateMode } from './mp3Info';
import { probe } from './probe';

export async function measureDeliverableFile(
  file: string,
  role: AudioFileRole,
  name = path.basename(file),
  tools: { ffmpegPath?: string; ffprobePath?: string; signal?: AbortSignal } = {},
  knownLoudness?: LoudnessMeasurement,
  probedBefore?: ProbeResult,
): Promise<MeasuredAudioFile> {
  const probed = probedBefore ?? (await probe(file, { binaryPath: tools.ffprobePath, signal: tools.signal }));
  const audio = probed.audio;
  if (!audio) throw new Error(`${name} has no audio stream`);
  // Levels measured when the file was encoded are the file's; only an unknown file is decoded to measure it.
  const loudness = knownLoudness
    ? { ...knownLoudness, durationSec: probed.durationSec }
    : await measureLoudness(file, tools);
  const isMp3 = audio.codecName === 'mp3';
  const bitRate = audio.bitRateBps ?? probed.bitRateBps;
  return {
    name,
    role,
    formatName: probed.formatName,
    codec: audio.codecName,
    bitrateMode: isMp3 ? await detectMp3BitrateMode(file) : audio.codecName.startsWith('pcm_') ? 'cbr' : 'unknown',
    bitRateKbps: bitRate !== undefined ? Math.round(bitRate / 1000) : undefined,
    sampleRateHz: audio.sampleRateHz,
    channels: audio.channels,
    bitsPerSample: audio.bitsPerSample,
    durationSec: probed.durationSec,
    sizeBytes: probed.sizeBytes,
    loudness,
  };
}

export async function measureCover(file: string): Promise<MeasuredCover> {
  // sharp is CJS; its metadata call reads only the header.
  const sharp = (await import('sharp')).default;
  const meta = await sharp(file).metadata();
  const space = meta.space ?? '';
  return {
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    colorSpace:
      space === 'srgb' || space === 'rgb' ? 'rgb' : space === 'cmyk' ? 'cmyk' : space === 'b-w' ? 'gray' : 'other',
    format: meta.format === 'jpeg' ? 'jpeg' : meta.format === 'png' ? 'png' : 'other',
  };
}
