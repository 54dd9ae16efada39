/** A measured MP3 deliverable that passes every level rule, shared by the readiness tests. */
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import type { MeasuredAudioFile } from '../../core/audio/readiness';

export const goodLevels: LoudnessMeasurement = {
  integratedLufs: -20,
  loudnessRangeLu: 5,
  truePeakDb: -4.5,
  rmsDb: -21.5,
  peakDb: -5,
  noiseFloorDb: -66,
  headSilenceMs: 800,
  tailSilenceMs: 2600,
  durationSec: 600,
};

/** A ten-minute 192 kbps CBR mono MP3 at 44.1 kHz with `goodLevels`, changed by `overrides`. */
export function mp3(
  name: string,
  role: MeasuredAudioFile['role'],
  overrides: Partial<MeasuredAudioFile> = {},
): MeasuredAudioFile {
  return {
    name,
    role,
    formatName: 'mp3',
    codec: 'mp3',
    bitrateMode: 'cbr',
    bitRateKbps: 192,
    sampleRateHz: 44100,
    channels: 1,
    durationSec: 600,
    sizeBytes: 14_400_000,
    loudness: goodLevels,
    ...overrides,
  };
}
