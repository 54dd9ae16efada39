/**
 * What the production activities need, built once per process by productionContext.ts (called by the composition
 * root): production's core services (core/production/: the job's steps, synthesis, mastering, packaging, the player's
 * reads of a chapter), the sources of a chapter's speech plan, and the tools the audio side of packaging works with.
 */
import type { AudioToolchain } from '../../core/ports/audio';
import type { BlobStore } from '../../core/ports/blobs';
import type { BookPackaging } from '../../core/production/bookPackaging';
import type { ChapterListening } from '../../core/production/chapterListening';
import type { ChapterMastering } from '../../core/production/chapterMastering';
import type { SpeechPlanSources } from '../../core/production/chapterPlanSources';
import type { ProductionJob } from '../../core/production/productionJob';
import type { SegmentSynthesis } from '../../core/production/segmentSynthesis';
import type { SegmentCache } from './segmentCache';

/** What the credits' audio and the package build work with: blob storage, the ffmpeg toolchain, ffmpeg itself. */
export interface AudioTools {
  blobs: BlobStore;
  audio: AudioToolchain;
  /** The configured ffmpeg binary (FFMPEG_PATH); the runner's default when not configured. */
  ffmpegPath?: string;
  /** Files this machine stored (segments, chapter encodings), read back from disk instead of downloaded. */
  localCopies?: SegmentCache;
}

export interface ProductionContext {
  tools: AudioTools;
  /** The job's steps: preflight, checkpoints, progress, the stop watch, finish and fail. */
  job: ProductionJob;
  /** The credits, then one package per platform: which chapters, reuse or build, the record. */
  packaging: BookPackaging;
  /** A batch of segments synthesized and their takes recorded, through the process's one TTS limiter. */
  synthesis: SegmentSynthesis;
  /** What a chapter's speech plan is made from (the cast, voices, pauses, lexicon). */
  speechPlan: SpeechPlanSources;
  /** The player's reads of a chapter (timeline, takes) from the same speech plan. */
  listening: ChapterListening;
  /** A chapter's master and retail encodings, and its record. */
  mastering: ChapterMastering;
}
