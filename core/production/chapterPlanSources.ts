/**
 * The one reader of what a chapter's speech plan is made from: the book's language, its cast, the voices, the pause
 * policy and the lexicon. Read live for a question about now (which masters sound different, the player); pinned for
 * the activities of one production of a chapter: the listing of its lines stores what it read, create-only, and every
 * later one (the synthesis batches, their retries, the mastering) plans from that copy. So a cast or lexicon edit
 * landing while a chapter is produced cannot make mastering look for audio under an address synthesis never rendered:
 * the master is made from the sources its audio was, and records them (the edit then shows in the sound changes,
 * docs/reliability.md). The lines themselves are pinned beside them (chapterLinesPin.ts), and both go with the job.
 */
import type { CharacterRecord } from '../book/records';
import type { VoiceDescriptor } from '../casting/casting';
import { NotFoundError } from '../errors';
import type { LexiconEntry } from '../lexicon/lexicon';
import type { PausePolicy } from '../planning/pausePolicy';
import type { BlobStore } from '../ports/blobs';
import type { SpeechEngine } from '../ports/speech';
import type { ProjectService } from '../projects/projectService';
import { jobPinsPrefix } from './chapterLinesPin';
import { charactersOf, type ProductionBook } from './productionBook';

/** A lexicon entry as stored: when it was last written, where the store keeps it (masterSound.ts compares it). */
export type StoredLexiconEntry = LexiconEntry & { updatedAt?: string };

/** Where a chapter's plan sources are read from. */
export interface SpeechPlanSources {
  projects: Pick<ProjectService, 'find'>;
  book: Pick<ProductionBook, 'characters'>;
  /** The configured engine's voice catalog. */
  voices(): Promise<VoiceDescriptor[]>;
  pausePolicy(tenantId: string, projectId: string): Promise<PausePolicy>;
  /**
   * The project's pronunciation lexicon. Each segment's content address carries the version of the entries that
   * change its request (speechPlan.ts segmentLexicon), so an edit re-renders only those segments.
   */
  lexicon(tenantId: string, projectId: string): Promise<StoredLexiconEntry[]>;
  speechEngine: SpeechEngine;
  /** Where a production pins the sources and lines of each chapter; without it every read is live. */
  pins?: Pick<BlobStore, 'putIfAbsent' | 'readBuffer' | 'delete' | 'deletePrefix'>;
}

/** A chapter's plan sources as read at one moment. */
export interface ChapterPlanSources {
  language: string;
  characters: CharacterRecord[];
  voices: VoiceDescriptor[];
  pausePolicy: PausePolicy;
  lexicon: StoredLexiconEntry[];
  /** For a pinned read: when the read that pinned them began (an entry stored later may be missing). */
  readAt?: string;
}

/** One production of one chapter, whose activities plan from the same sources. */
export interface PlanSourcesPin {
  jobId: string;
  chapterId: string;
  /** Now, as the caller's clock says: recorded as `readAt` when this read is the one that pins the sources. */
  readAt: string;
  /**
   * Read the pinned copy, or the live sources when there is none, and never pin: only the listing of the chapter's
   * lines pins, so nothing is pinned once the job's pins are released (a batch still running after its job failed).
   */
  readOnly?: boolean;
}

/** Bumped when ChapterPlanSources changes shape: a copy of another shape is read again live, not trusted. */
const PIN_FORMAT = 1;
/** A cast of a few hundred characters and a full neural catalog stay far below this. */
const MAX_PIN_BYTES = 8 * 1024 * 1024;

interface PinnedCopy extends ChapterPlanSources {
  format: number;
}

function pinBlobName(tenantId: string, projectId: string, pin: PlanSourcesPin): string {
  return `${jobPinsPrefix(tenantId, projectId, pin.jobId)}plan-sources/${pin.chapterId}.json`;
}

export async function readChapterPlanSources(
  sources: SpeechPlanSources,
  tenantId: string,
  projectId: string,
  pin?: PlanSourcesPin,
): Promise<ChapterPlanSources> {
  if (!pin) return readLive(sources, tenantId, projectId);
  const store = sources.pins;
  if (!store) return { ...(await readLive(sources, tenantId, projectId)), readAt: pin.readAt };
  const name = pinBlobName(tenantId, projectId, pin);
  const pinned = await readPinned(store, name);
  if (pinned) return pinned;
  const read = { ...(await readLive(sources, tenantId, projectId)), readAt: pin.readAt };
  if (pin.readOnly) return read;
  const copy: PinnedCopy = { format: PIN_FORMAT, ...read };
  if (await store.putIfAbsent(name, Buffer.from(JSON.stringify(copy)), 'application/json')) return read;
  // Another activity of this production pinned its read first: that one is the chapter's.
  return (await readPinned(store, name)) ?? read;
}

/** Removes the sources a chapter's listing pinned (it pinned them after its job stopped: see ProductionJob). */
export async function dropChapterPlanSources(
  store: Pick<BlobStore, 'delete'>,
  tenantId: string,
  projectId: string,
  pin: Pick<PlanSourcesPin, 'jobId' | 'chapterId'>,
): Promise<void> {
  await store.delete(pinBlobName(tenantId, projectId, { ...pin, readAt: '' }));
}

async function readPinned(store: Pick<BlobStore, 'readBuffer'>, name: string): Promise<ChapterPlanSources | undefined> {
  const bytes = await store.readBuffer(name, MAX_PIN_BYTES);
  if (!bytes) return undefined;
  const { format, ...copy } = JSON.parse(bytes.toString('utf8')) as PinnedCopy;
  return format === PIN_FORMAT ? copy : undefined;
}

async function readLive(sources: SpeechPlanSources, tenantId: string, projectId: string): Promise<ChapterPlanSources> {
  const [project, characters, voices, pausePolicy, lexicon] = await Promise.all([
    sources.projects.find(tenantId, projectId),
    charactersOf(sources.book, tenantId, projectId),
    sources.voices(),
    sources.pausePolicy(tenantId, projectId),
    sources.lexicon(tenantId, projectId),
  ]);
  if (!project) throw new NotFoundError('Project');
  return { language: project.metadata.language, characters, voices, pausePolicy, lexicon };
}
