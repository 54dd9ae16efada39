/**
 * Retail packaging: what the production pipeline asks for (PackageRequest) and what it gets back (PackageResult).
 * Implemented by adapters/packaging `buildPackage`; everything here is plain data, file paths are local temp files.
 */
import type { LoudnessMeasurement } from '../audio/measurements';
import type { ReadinessReport } from '../audio/readiness';
import type { RetailPlatform } from '../audio/retailSpecs';
import type { ChapterType } from '../manuscript/manuscript';

/** `apple` is the M4B; acx/google/spotify/kobo are zips of per-chapter MP3s. */
export type PackagePlatform = RetailPlatform;

export const PACKAGE_PLATFORMS: readonly PackagePlatform[] = ['apple', 'acx', 'google', 'spotify', 'kobo'];

export interface PackageBookMetadata {
  title: string;
  subtitle?: string | null;
  authors: string[];
  /** Human narrators, or the voice names credited for synthetic narration. */
  narrators?: string[];
  /** Synthetic (TTS) narration: the narrator credit and the description carry the digital-voice disclosure. */
  aiNarrated: boolean;
  /** Disclosure sentence (project metadata); defaults to DEFAULT_DISCLOSURE. */
  digitalVoiceDisclosure?: string | null;
  publisher?: string | null;
  year?: number | string | null;
  /** BCP 47 tag, e.g. `en-US`. */
  language: string;
  genre?: string | null;
  description?: string | null;
  isbn?: string | null;
  copyright?: string | null;
}

/** A retail encoding made when the audio was mastered, measured in that pass. */
export interface EncodedAudioFile {
  file: string;
  sha256: string;
  loudness: LoudnessMeasurement;
}

/** The encodings of one master, by format (see encodings.ts). */
export interface EncodedSet {
  mp3?: EncodedAudioFile;
  aac?: EncodedAudioFile;
}

export interface PackageChapterInput {
  title: string;
  /**
   * 44.1 kHz mono WAV/FLAC master at the target loudness, with head and tail room tone. When `encoded` holds what the
   * package needs and the chapter is not split, a local copy of one of its encodings may stand in for it here, to be
   * stream-copied or retagged only: anything encoded from the chapter (the retail sample, when its recorded window
   * cannot be reused; an M4B not joined from AAC) reads the master, through the build's `masterOf`.
   */
  masterFile: string;
  /** Encodings made with the master: used as they are (MP3 retagged, AAC joined) instead of encoding again. */
  encoded?: EncodedSet;
  durationSec: number;
  /** The master's sha256 when the caller knows it (ChapterMasterRecord.sha256); computed otherwise. */
  masterSha256?: string;
  /** Front matter, credits etc. are never picked for the automatic retail sample. */
  chapterType?: ChapterType;
  /** Segment starts in the master (MasteredChapter.segmentStartsSec): preferred cut points for long chapters. */
  segmentStartsSec?: number[];
  /** Where each segment's audio ends (ChapterMasterRecord.segmentEndsSec): with the starts, the pauses, unscanned. */
  segmentEndsSec?: number[];
}

export interface RetailSampleWindow {
  fromChapterIndex: number;
  startSec: number;
  durationSec: number;
}

/** A file a previous build encoded, available locally, reusable when its key matches. */
export interface ReusableEncoding {
  /** Hash of everything that determines the encoded bytes: source master sha256, window, tags, format. */
  key: string;
  path: string;
  sha256: string;
  /** Levels measured when it was encoded; a reused file without them is measured again. */
  loudness?: LoudnessMeasurement;
}

export interface PreviousEncodings {
  encodings: ReusableEncoding[];
}

export interface PackageRequest {
  platform: PackagePlatform;
  book: PackageBookMetadata;
  /** 3000×3000 RGB JPEG (the retail cover variant); absent → the cover rule fails. */
  coverJpeg?: string | null;
  chapters: PackageChapterInput[];
  /**
   * Masters of the spoken opening credits (title, author, narrator) and closing credits ("The End"); as for a chapter,
   * a file with its encoding may stand in for its master, which the build's `creditsMasterOf` then gives.
   */
  credits?: {
    openingFile?: string | null;
    closingFile?: string | null;
    openingEncoded?: EncodedSet;
    closingEncoded?: EncodedSet;
  };
  /**
   * Retail sample (1–5 min): `auto` takes it from the first narrative chapter, cut in a pause. Platforms that need
   * one (ACX) default to `auto`; others get a sample only when a window is given. `none` leaves it out.
   */
  retailSample?: 'auto' | 'none' | RetailSampleWindow;
  /** The previous build's result (or its `encodings`): unchanged files are copied instead of re-encoded. */
  previous?: PreviousEncodings;
  /** Per-file length cap in minutes; only lowers the platform's own limit. */
  maxFileMinutes?: number;
}

export type PackageFileRole =
  'book' | 'chapter' | 'opening-credits' | 'closing-credits' | 'retail-sample' | 'zip' | 'cover' | 'manifest';

export interface PackageFile {
  /**
   * Local path (server-generated, inside the build's output directory); empty for a zip deliverable the store took
   * while it was written, which is never on the local disk.
   */
  path: string;
  role: PackageFileRole;
  /** Sanitized name: the zip entry name, or the download name of the deliverable. */
  name: string;
  bytes: number;
  sha256: string;
  durationSec?: number;
  /** Index into `request.chapters` for chapter files and the sample's source. */
  chapterIndex?: number;
  /** 1-based part number when a long chapter was split. */
  part?: number;
  encodingKey?: string;
}

export interface ManifestFileEntry {
  name: string;
  role: PackageFileRole;
  bytes: number;
  sha256: string;
  durationSec?: number;
  chapterIndex?: number;
  part?: number;
  title?: string;
}

export interface PackageManifest {
  schema: 'khipu.package/1';
  platform: PackagePlatform;
  book: {
    title: string;
    subtitle: string | null;
    authors: string[];
    narratorCredit: string;
    aiNarrated: boolean;
    publisher: string | null;
    year: string | null;
    language: string;
    genre: string | null;
    description: string;
    isbn: string | null;
    copyright: string | null;
  };
  totalDurationSec: number;
  chapters: { index: number; title: string; files: string[] }[];
  files: ManifestFileEntry[];
  readiness: { passed: boolean; failedRules: string[] };
}

export interface PackageResult {
  platform: PackagePlatform;
  /** Server-generated directory under the caller's workDir holding every file below; the caller removes it. */
  outputDir: string;
  /** Every file of the build, deliverable included; for zips, the audio, cover and manifest entries too. */
  files: PackageFile[];
  /** The one file to download: the zip, or the M4B for Apple Books. */
  deliverable: PackageFile;
  /** Measured on the encoded files (not the masters). */
  readiness: ReadinessReport;
  manifest: PackageManifest;
  /** What the next build may reuse; pass this result as `previous`. */
  encodings: ReusableEncoding[];
  stats: { encoded: number; reused: number };
}
