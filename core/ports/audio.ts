/**
 * Audio toolchain port: what orchestrations need from ffmpeg, in file paths (temp files or downloaded blobs).
 * Implemented by adapters/audio (createFfmpegToolchain). Audio never passes through this interface as bytes.
 */
import type { LevelBlocks } from '../audio/levelBlocks';
import type { MeteredLevels } from '../audio/loudnessMeter';
import type { LoudnessMeasurement, ProbeResult } from '../audio/measurements';
import type { MasteringTarget } from '../audio/masteringTarget';
import type { AudioFileRole, MeasuredAudioFile, MeasuredCover } from '../audio/readiness';

export type { LoudnessMeasurement, ProbeResult, MeasuredAudioFile, MeasuredCover };

export interface AudioTags {
  title?: string;
  album?: string;
  artist?: string;
  albumArtist?: string;
  /** Written as composer (and an ID3 NARRATOR frame in MP3). */
  narrator?: string;
  description?: string;
  year?: string | number;
  genre?: string;
  track?: string;
  comment?: string;
  copyright?: string;
  publisher?: string;
}

/** Retail encodings a render can write beside its master, from the same stream, in the same pass. */
export interface RenderEncodings {
  /** MP3, constant bit rate, 44.1 kHz mono, no tags (packaging adds them without re-encoding). */
  mp3?: { file: string; bitrateKbps: number };
  /** AAC-LC in an MP4 (.m4a) container, 44.1 kHz mono, for M4Bs assembled by stream copy. */
  aac?: { file: string; bitrateKbps: number };
}

export interface MasterChapterRequest {
  segmentFiles: { path: string; pauseAfterMs: number }[];
  headRoomToneMs: number;
  tailRoomToneMs: number;
  target: MasteringTarget;
  roomToneLevelDb?: number;
  /**
   * Levels of the segments with their pauses (head and tail room tone not included), measured as they were fetched;
   * the gain is computed from them before the single render pass. Measured from the files when absent.
   */
  levels?: MeteredLevels;
  /**
   * The gain to render at, in place of the one the levels predict: the gain a chapter's master recorded, so a whole
   * render can be compared with one of the chapter's end rendered again at it.
   */
  gainDb?: number;
  encodings?: RenderEncodings;
  workDir: string;
  signal?: AbortSignal;
}

export interface MasterRegionRequest {
  /** The segments from the first one rendered again to the chapter's last, each with the pause after it. */
  segmentFiles: { path: string; pauseAfterMs: number }[];
  /** The stored master's segment rate: every segment must have it (a whole render would convert one that differs). */
  inputRateHz: number;
  /** Input samples of silence the render starts with: the end of the pause before the first segment. */
  leadSilenceSamples: number;
  /** The master sample the region starts at. */
  startSample: number;
  /** The input sample the first segment starts at in the chapter (the stored master's rendered layout). */
  firstSegmentStartSample: number;
  /** The stored master's head room tone; the chapter's room tone is decided again from its new length. */
  headRoomToneMs: number;
  requestedRoomTone: { headMs: number; tailMs: number };
  gainDb: number;
  target: MasteringTarget;
  roomToneLevelDb?: number;
  /** The region's MP3, encoded from `fromSample` of the chapter (a frame boundary at or after the region's start). */
  mp3?: { file: string; bitrateKbps: number; fromSample: number };
  /** The chapter sample the measurement starts at (at or after the region's start). */
  measureFromSample: number;
  /** Where the chapter's new master goes: the stored one's samples before `startSample`, then the region's. */
  join: JoinMasterRequest;
  workDir: string;
  signal?: AbortSignal;
}

export interface MasteredRegion {
  /** The chapter's, as a whole render computes them. */
  durationSec: number;
  speechSec: number;
  /** The starts and ends of the region's segments. */
  segmentStartsSec: number[];
  segmentEndsSec: number[];
  /** Of the audio from `measureFromSample` on. */
  measured: LoudnessMeasurement;
  blocks: LevelBlocks;
}

export interface JoinMasterRequest {
  /** The stored master (FLAC at the master's rate), kept before the region's start. */
  storedMaster: string;
  /**
   * The new FLAC's frames from `fromSample` of the chapter (a frame boundary of the stored master's, at or before the
   * region's start) in `file`, to be spliced after the stored master's frames before it (flacSplice.ts), and in
   * `md5File` the MD5 of every sample of the joined chapter, which the spliced file's STREAMINFO states.
   */
  master: { file: string; fromSample: number; md5File: string };
  /**
   * The AAC: of the region's samples from `fromSample` of the chapter (a frame boundary at or after the region's
   * start), for its packets to be spliced into the stored MP4; without it, the chapter's whole, from the joined samples.
   */
  aac?: { file: string; bitrateKbps: number; fromSample?: number };
}

export interface MasteredChapter {
  outFile: string;
  durationSec: number;
  gainDb: number;
  /** The segments' sample rate (the first segment's: any other is converted to it before the pass). */
  inputRateHz: number;
  segmentStartsSec: number[];
  /** Where each segment's audio ends in the master: the pauses between are known quiet, with no scan. */
  segmentEndsSec: number[];
  /** Measured in the render pass on the stream the master and every encoding were written from. */
  measured: LoudnessMeasurement;
  /** What `measured` is made of, from the same pass (core/audio/levelBlocks.ts). */
  levels: LevelBlocks;
}

/** An encode measured in its own pass (the measurement branch reads the stream the encoder gets). */
/** A file as it was written: its size and the sha256 of its bytes, taken while writing them. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

export interface EncodedAudio {
  loudness: LoudnessMeasurement;
  /** The encoded file's probe (which gave its duration), for a measurement of the file not to probe it again. */
  probed?: ProbeResult;
}

export interface M4bRequest {
  chapters: { title: string; file: string }[];
  out: string;
  tags: AudioTags;
  coverJpeg?: string;
  bitrateKbps?: number;
  workDir: string;
  signal?: AbortSignal;
}

export interface SplitRequest {
  maxMinutes: number;
  outDir: string;
  stem: string;
  boundariesSec?: number[];
  signal?: AbortSignal;
}

export interface AudioToolchain {
  probe(file: string): Promise<ProbeResult>;
  measureLoudness(file: string, options?: { startSec?: number; durationSec?: number }): Promise<LoudnessMeasurement>;
  masterChapter(request: MasterChapterRequest, outFile: string): Promise<MasteredChapter>;
  /**
   * A chapter's end rendered again as the whole render would write it, and its samples joined to a stored master's
   * (adapters/audio/masterRegion.ts). A toolchain without them has its chapters rendered whole.
   */
  masterChapterRegion?(request: MasterRegionRequest): Promise<MasteredRegion>;
  /** An MP3 of a lossless master; an encoded source (AAC, MP3) is refused, never encoded again. */
  encodeMp3Cbr(
    master: string,
    out: string,
    options?: { bitrateKbps?: number; sampleRate?: number; channels?: 1 | 2; tags?: AudioTags },
  ): Promise<EncodedAudio>;
  /**
   * An MP3 with new tags and the same audio frames (stream copy: nothing is decoded or encoded), with the size and
   * sha256 of what was written.
   */
  retagMp3(source: string, out: string, tags: AudioTags): Promise<WrittenFile>;
  /**
   * The M4B: chapters that are all AAC of one profile, rate and channel count are joined by stream copy; lossless
   * masters are encoded once, with the measurement taken in that pass (`loudness`; absent for a stream copy, whose
   * parts were measured when encoded). Any other mix is refused: an encoding is never decoded to be encoded again.
   */
  encodeM4b(request: M4bRequest): Promise<{
    durationSec: number;
    chapterStartsSec: number[];
    loudness?: LoudnessMeasurement;
    /** Its size and sha256, when the file was hashed as it was written. */
    written?: WrittenFile;
  }>;
  splitLongAudio(master: string, request: SplitRequest): Promise<{ file: string; startSec: number; endSec: number }[]>;
  /**
   * Probe (+ CBR detection for MP3) of an encoded deliverable, ready for evaluateReadiness, with the levels measured
   * when it was encoded; only a file whose levels are not known is decoded to measure them. A file the caller has
   * probed already (`probed`) is not probed again.
   */
  measureDeliverableFile(
    file: string,
    role: AudioFileRole,
    name?: string,
    loudness?: LoudnessMeasurement,
    probed?: ProbeResult,
  ): Promise<MeasuredAudioFile>;
  measureCover(file: string): Promise<MeasuredCover>;
}
