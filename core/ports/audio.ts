/**
 * Audio toolchain port: what orchestrations need from ffmpeg, in file paths (temp files or downloaded blobs).
 * Implemented by adapters/audio (createFfmpegToolchain). Audio never passes through this interface as bytes.
 */
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

export interface MasterChapterRequest {
  segmentFiles: { path: string; pauseAfterMs: number }[];
  headRoomToneMs: number;
  tailRoomToneMs: number;
  target: MasteringTarget;
  roomToneLevelDb?: number;
  workDir: string;
  signal?: AbortSignal;
}

export interface MasteredChapter {
  outFile: string;
  durationSec: number;
  gainDb: number;
  segmentStartsSec: number[];
  measured: LoudnessMeasurement;
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
  encodeMp3Cbr(
    master: string,
    out: string,
    options?: { bitrateKbps?: number; sampleRate?: number; channels?: 1 | 2; tags?: AudioTags },
  ): Promise<void>;
  encodeM4b(request: M4bRequest): Promise<{ durationSec: number; chapterStartsSec: number[] }>;
  splitLongAudio(master: string, request: SplitRequest): Promise<{ file: string; startSec: number; endSec: number }[]>;
  /** Probe + loudness (+ CBR detection for MP3) of an encoded deliverable, ready for evaluateReadiness. */
  measureDeliverableFile(file: string, role: AudioFileRole, name?: string): Promise<MeasuredAudioFile>;
  measureCover(file: string): Promise<MeasuredCover>;
}
