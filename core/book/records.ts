/**
 * The stored shape of a book in production: its manuscript, chapters, characters and segments. One document per
 * object in the per-project Cosmos containers (partition `(tenantId, projectId)`). Every step of the pipeline reads
 * and writes these; the API views in core/api are derived from them.
 */
import type { FileNote } from '../common/fileNotes';
import type { VoiceAssignment, CastingOverride } from '../casting/casting';
import type { Character } from '../characters/character';
import type {
  ChapterDetectionNote,
  ChapterReport,
  ChapterType,
  ManuscriptFormat,
  TocEntry,
} from '../manuscript/manuscript';
import type { LoudnessMeasurement } from '../audio/measurements';
import type { SegmentBoundary, SegmentKind } from '../planning/segmentation';
import type { ProjectScopedDocument } from '../ports/documents';

export interface ManuscriptRecord extends ProjectScopedDocument {
  type: 'manuscript';
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  /** The original upload, kept as sent. */
  originalBlob: string;
  status: 'processing' | 'ready' | 'failed';
  format: ManuscriptFormat | null;
  detectedEncoding: string | null;
  /** The notes' English sentences (what API clients read before notes had codes). */
  warnings: string[];
  /** What the parser noticed about the file, with codes (absent on uploads imported before notes had codes). */
  notes?: FileNote[];
  tocEntries: TocEntry[];
  /** What chapter detection found and doubted (absent on uploads imported before it was kept). */
  chapterReport?: ChapterReport | null;
  error: { code: string; message: string } | null;
  /** The import job that parses it. */
  jobId: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface ChapterStats {
  words: number;
  characters: number;
  estimatedMinutes: number;
}

export interface ChapterMasterRecord {
  blobName: string;
  sha256: string;
  durationSec: number;
  /**
   * Segment starts in the master, for splitting at segment boundaries and for the editor's timeline. On a master whose
   * `rendering` keeps `masterSamples`, these times, the ends and `durationSec` are where the samples were written.
   */
  segmentStartsSec: number[];
  /**
   * Where each segment's audio ends in the master: with the starts, where the pauses are, so the retail sample and
   * split parts are cut without scanning the master for silence. Absent on masters made before: those are scanned.
   */
  segmentEndsSec?: number[];
  integratedLufs: number;
  truePeakDb: number;
  rmsDb: number;
  peakDb: number;
  noiseFloorDb: number;
  masteredAt: string;
  jobId: string;
  /**
   * The chapter's plan revision (core/planning/planRevision.ts) the master was made from. Absent on masters made before
   * it was recorded.
   */
  planRevision?: number;
  /**
   * Everything the render pass measured (head and tail room tone included). Absent on masters made before the
   * measurements were kept: their chapters are encoded again from the master when packaged.
   */
  measured?: LoudnessMeasurement;
  /** Retail encodings written from the master's own stream in its render pass: their levels are `measured`. */
  encodings?: ChapterEncodingRecord[];
  /**
   * The level blocks `measured` is made of (core/audio/levelBlocks.ts), stored beside the master, so the levels of a
   * chapter whose end is rendered again can be recombined. Absent on masters made before they were kept.
   */
  levels?: StoredLevels;
  /**
   * What shaped the master's sound beyond its plan (core/production/masterSound.ts), so whether it would sound
   * different now is told without planning it again. Absent on masters made before it was recorded.
   */
  sound?: MasterSoundRecord;
  /**
   * How the render made it, so a later one can render only the chapter's end (core/audio/regionCut.ts). Absent on
   * masters made before it was recorded: those are rendered whole.
   */
  rendering?: MasterRenderingRecord;
}

export interface MasterRenderingRecord {
  /** The one gain the render applied (dB). */
  gainDb: number;
  /** The segments' sample rate. */
  inputRateHz: number;
  /** The room tone and target the render used, as a short content key: another one changes every sample. */
  settingsKey: string;
  /** Per segment: a short key of its audio's content address and the pause after it, so the first change is found. */
  segmentKeys: string[];
  /**
   * The master's length in samples, as written. A record that has it gives its times as the render laid the samples
   * out (each segment start and end a whole input sample, the pauses rounded as written), so the chapter's end can be
   * rendered again from them. Absent on masters recorded before: their times add the pauses' nominal milliseconds,
   * and they are rendered whole.
   */
  masterSamples?: number;
  /** Whether it was rendered whole (and why, when a previous master could not serve) or only from a segment on. */
  path?: MasterRenderPath;
}

/**
 * How a master was rendered: only from a segment on (the rest kept from the previous master; its AAC spliced into the
 * previous one, or encoded whole and why), or whole and why.
 */
export type MasterRenderPath =
  { kind: 'region'; fromSegment: number; aacWhole?: AacWholeReason } | { kind: 'whole'; fallback?: RegionFallback };

/** Why a region render encoded the chapter's whole AAC instead of splicing the region's into the previous MP4. */
export type AacWholeReason = 'no-stored-aac' | 'aac-version' | 'stored-file-missing' | 'mismatch';

/** Why a chapter with a previous master was rendered whole after all (docs/audio-pipeline.md lists each). */
export type RegionFallback =
  | 'no-render-record'
  | 'no-level-blocks'
  | 'no-stored-mp3'
  | 'mp3-version-1'
  | 'no-pause'
  | 'loudness'
  | 'stored-file-missing'
  | 'mismatch'
  | 'error';

/** Digests of the voices, pronunciations and rendering settings a chapter master was made with. */
export interface MasterSoundRecord {
  /** By speaker id (the narrator's and each dialogue speaker's): the voice, style and prosody their lines were read in. */
  voices: Record<string, string>;
  /** By lexicon entry id: each entry that changed how one of its lines is said. */
  lexicon: Record<string, string>;
  /** When the lexicon was read for it: an entry stored since then may match its lines. */
  lexiconReadAt: string;
  /** The pause policy, the speech engine, room tone and the loudness target. */
  rendering: string;
}

/** A master's level blocks as stored: a gzipped JSON blob named by the sha256 of its bytes. */
export interface StoredLevels {
  blobName: string;
  sha256: string;
  bytes: number;
}

export interface ChapterEncodingRecord {
  format: 'mp3' | 'aac';
  blobName: string;
  sha256: string;
  bytes: number;
}

export interface ChapterRecord extends ProjectScopedDocument {
  type: 'chapter';
  /** 0-based reading order; reorder rewrites it. */
  order: number;
  title: string;
  chapterType: ChapterType;
  /** The heading as written in the text ('' when none). */
  headingText: string;
  /** The stored text is never rewritten by normalization; only a user edit changes it. */
  text: string;
  stats: ChapterStats;
  /** Soft delete: a deleted chapter can be restored and is left out of planning and production. */
  deleted: boolean;
  /** Bumped on every text change; segments carry the version they were cut from. */
  textVersion: number;
  planStatus: 'none' | 'planned' | 'stale';
  /** How sure the import was of this chapter and what it doubted; dropped when a person edits the text. */
  detection?: ChapterDetectionNote | null;
  /**
   * The plan generation readers see (docs/planning.md). Absent on chapters planned before generations existed: their
   * segments carry no generation either, and count as generation 0.
   */
  planGeneration?: number;
  /** The job whose plan is committed, so a retried activity of that job does not plan the chapter again. */
  planJobId?: string;
  /**
   * The planner revision that made the committed plan (core/planning/planRevision.ts). Absent on plans made before it
   * was recorded: how they were made is not known.
   */
  plannerRevision?: number;
  /** The generation a planner is writing now (claimed before its first segment is written); null when none. */
  planning?: PlanClaim | null;
  /**
   * What the committed plan holds, written with the commit and kept current by segment edits, so listings and the
   * estimate need not read the segments (docs/planning.md, "Read side"). Absent on chapters planned before it was
   * kept: readers then read the segments.
   */
  planTotals?: ChapterPlanTotals | null;
  /**
   * Edits of the committed plan's segments, counted once each is stored (docs/planning.md, "Segment edits and
   * re-planning"): a generation built from the segments is committed only if none was counted since its claim.
   * Absent: 0.
   */
  segmentEdits?: number;
  /** Those of the edits that changed what is heard (a speaker or words): part of the chapter's audible version. */
  audibleEdits?: number;
  master: ChapterMasterRecord | null;
  createdAt: string;
  updatedAt: string;
}

/** Counts over one plan generation of a chapter; sums over its segments, so an edit adjusts them by difference. */
export interface ChapterPlanTotals {
  /** The generation counted; totals of any other generation describe nothing a reader sees. */
  generation: number;
  segments: number;
  /** Characters of segment text. */
  characters: number;
  /** Characters a speech service bills for the segments' text (core/ssml/text.ts). */
  billableCharacters: number;
  /** Segments of any kind whose speaker is unknown. */
  unknownSpeaker: number;
  /** Dialogue segments whose speaker is unknown (what refuses production). */
  unknownDialogue: number;
  flagged: number;
  /** Segments per speaker id, any kind. */
  speakers: Record<string, number>;
  /** Dialogue segments per speaker id. */
  dialogueSpeakers: Record<string, number>;
  /** Segments production would skip, having nothing to speak (core/production/preflight.ts). */
  nothingToSpeak: number;
  /**
   * Segments silent on purpose (a play's speaker label, core/planning/speakable.ts): never sent, so never billed.
   * Absent when there are none.
   */
  unspoken?: number;
  /** Segments too long for one synthesis request. */
  tooLong: number;
  /** The book language the spoken-form checks were made in. */
  language: string;
}

/** A planner's claim on the next generation of a chapter's segments. */
export interface PlanClaim {
  generation: number;
  /** The job planning it: a retry of the same job writes the same generation again (create-only, same ids). */
  jobId: string;
  /** The chapter text the generation is cut from; a claim for an older text is abandoned. */
  textVersion: number;
  /** The chapter's `segmentEdits` when claimed; an edit counted since means the generation may lack it. */
  segmentEdits?: number;
  claimedAt: string;
}

export interface AbsorbedCharacter {
  lines: number;
  createdAt: string;
  /** Its name when it was merged, to say where it went (absent on merges stored before it was kept). */
  name?: string;
}

export interface CharacterRecord extends ProjectScopedDocument, Omit<Character, 'id'> {
  type: 'character';
  /** Stable within the project (`narrator`, `char-elizabeth-bennet`); the document id adds the project id. */
  characterId: string;
  /** The voice cast for this character; null until casting runs. */
  voice: VoiceAssignment | null;
  /** The user's manual choices; casting keeps them. */
  override: CastingOverride | null;
  source: 'heuristic' | 'llm' | 'user';
  /**
   * Set while a merge (the character it goes into) or a delete (`unknown`) moves this character's lines away
   * (core/characters/characterRetirement.ts); absent otherwise.
   */
  retiringInto?: string;
  /** When that merge or delete began. */
  retiringSince?: string;
  /**
   * The characters merged into this one, by character id: how many lines each added and when it was created (a
   * character added later under the same id is another one), with those they had absorbed themselves. A merge retried
   * after its mark lapsed finds its character here and adds nothing again, and a merge into a character merged away
   * finds here where it went. Absent until a merge.
   */
  absorbed?: Record<string, AbsorbedCharacter>;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentTake {
  takeId: string;
  blobName: string;
  /** Content address: hash of spoken text, voice, prosody, lexicon version, engine and format. */
  contentHash: string;
  durationMs: number;
  createdAt: string;
  /**
   * SHA-256 of the audio bytes, so a retake can tell whether the voice gave back the same audio. Absent on takes
   * stored before it was kept and on takes found already rendered.
   */
  audioDigest?: string;
}

export interface SegmentRecord extends ProjectScopedDocument {
  type: 'segment';
  chapterId: string;
  /** 0-based order within the chapter. */
  index: number;
  kind: SegmentKind;
  /** The exact slice of the chapter text (segments of a chapter concatenate to it). */
  text: string;
  boundaryBefore: SegmentBoundary;
  /**
   * Characters at the start of `text` shown but never spoken (a script's speaker label, set by segmentation;
   * core/planning/speakable.ts). Absent when all of it is spoken.
   */
  unspokenChars?: number;
  /** `narrator`, a character id, or `unknown`. */
  speakerId: string;
  speakerConfidence: number;
  speakerSource: 'heuristic' | 'llm' | 'user';
  /** Low confidence, unknown speaker, or marked by a user for revision. */
  flagged: boolean;
  revisionNote: string | null;
  /** The chapter textVersion this segment was cut from. */
  chapterTextVersion: number;
  /** The plan generation it belongs to; only the chapter's committed generation is read. Absent means 0. */
  planGeneration?: number;
  /** Rendered audio takes, newest last; `currentTakeId` is the one production uses. */
  takes: SegmentTake[];
  currentTakeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const UNKNOWN_SPEAKER = 'unknown';

/** Cosmos ids must be unique per tenant on the local emulator, so stable per-project ids get the project id. */
export function characterDocumentId(projectId: string, characterId: string): string {
  return `${projectId}.${characterId}`;
}
