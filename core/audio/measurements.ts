/** Shapes of audio measurements, produced by the ffmpeg adapter and consumed by mastering and readiness rules. */

export interface LoudnessMeasurement {
  /** EBU R128 integrated loudness (LUFS); null when the file is too short or silent to gate. */
  integratedLufs: number | null;
  loudnessRangeLu: number | null;
  /** EBU R128 true peak (dBTP, 4× oversampled). */
  truePeakDb: number | null;
  /** Unweighted RMS over the whole file (dBFS), what ACX calls RMS. */
  rmsDb: number | null;
  /** Highest sample (dBFS). */
  peakDb: number | null;
  /**
   * RMS of the quietest 500 ms window (dBFS), ACX's noise-floor definition; `-Infinity` for digital silence.
   * Measured with astats `RMS_trough` at a 0.5 s window (this ffmpeg build has no `Noise_floor`).
   */
  noiseFloorDb: number | null;
  /** Length of low-level audio (below the silence threshold) at the start and end, in milliseconds. */
  headSilenceMs: number;
  tailSilenceMs: number;
  durationSec: number;
}

export interface ProbedStream {
  index: number;
  codecType: 'audio' | 'video' | 'subtitle' | 'data' | 'attachment' | 'unknown';
  codecName: string;
  profile?: string;
  sampleRateHz?: number;
  channels?: number;
  bitRateBps?: number;
  bitsPerSample?: number;
  width?: number;
  height?: number;
  pixelFormat?: string;
  /** True for cover art (`disposition.attached_pic`). */
  attachedPicture: boolean;
}

export interface ProbedChapter {
  title: string;
  startSec: number;
  endSec: number;
}

export interface ProbeResult {
  formatName: string;
  durationSec: number;
  sizeBytes: number;
  bitRateBps?: number;
  /** Lower-cased tag keys. */
  tags: Record<string, string>;
  chapters: ProbedChapter[];
  streams: ProbedStream[];
  audio?: ProbedStream;
  coverArt?: ProbedStream;
}

export type BitrateMode = 'cbr' | 'vbr' | 'unknown';
