/**
 * Chapter mastering (one activity): the chapter's segment audio with the plan's pauses, room tone at head and tail,
 * gained to the loudness target and peak-limited, stored under a name derived from everything that went into it,
 * together with the retail encodings the job's platforms need, and the levels the mastering pass measured. An
 * unchanged chapter whose master and encodings are already recorded is not mastered again. The audio work (download,
 * the one ffmpeg pass, storing the files) is behind the MasterFiles port.
 */
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE, type MasteringTarget } from '../audio/masteringTarget';
import type { LoudnessMeasurement } from '../audio/measurements';
import type {
  ChapterEncodingRecord,
  ChapterMasterRecord,
  MasterRenderingRecord,
  MasterRenderPath,
  RegionFallback,
  StoredLevels,
} from '../book/records';
import { updateWithRetry } from '../common/optimisticUpdate';
import { DomainError, NotFoundError } from '../errors';
import { JOB_EVENT_SOURCE } from '../jobs/jobEvents';
import type { JobInput } from '../jobs/job';
import { RETAIL_ENCODINGS, type ChapterEncodingFormat } from '../packaging';
import type { BlobStore } from '../ports/blobs';
import { createDomainEvent, EventTypes, jobSubject, type EventPublisher } from '../ports/events';
import type { Clock } from '../ports/system';
import type { SpeechPlanSources } from './chapterPlanSources';
import { linesWithTakes, pinnedChapterLines, recordedLineAudio, type LineAudio } from './chapterLinesPin';
import { audioLocation, planSegments, type ChapterSpeechPlan } from './chapterSpeechPlan';
import { chapterEncodingBlobName, chapterMasterBlobName, chapterMasterHash, contentKey } from './contentAddress';
import { masterSoundOf } from './masterSound';
import { readCommittedPlan } from '../planning/planGenerations';
import { planRevision } from '../planning/planRevision';
import type { ProductionBook } from './productionBook';
import type { ProductionJob } from './productionJob';
import { synthesisBatches } from './synthesisBatches';

export interface MasterChapterInput extends JobInput {
  chapterId: string;
  /** Retail encodings to write in the mastering pass (the job's platforms decide); none when absent. */
  formats?: ChapterEncodingFormat[];
}

export interface MasterSummary {
  chapterId: string;
  blobName: string;
  durationSec: number;
  /** True when the recorded master already matched the chapter's audio. */
  reused: boolean;
}

/** What the audio side is asked to render and store, create-only, under the names given. */
export interface MasterRenderRequest {
  /** The stored segment audio in reading order, each with the pause after it. */
  segments: { blobName: string; pauseAfterMs: number }[];
  roomTone: { headMs: number; tailMs: number; levelDb: number };
  target: MasteringTarget;
  masterBlobName: string;
  encodings: { format: ChapterEncodingFormat; blobName: string; bitrateKbps: number; extension: string }[];
  /**
   * The chapter's master as recorded before, when it is replaced: the audio side renders only the chapter's end from
   * it when it can (docs/audio-pipeline.md, "Re-rendering only the region that changed"), the whole chapter otherwise.
   */
  previous?: PreviousMaster;
}

export interface PreviousMaster {
  record: ChapterMasterRecord;
  /**
   * The first segment whose audio or following pause differs from the record's (the record's count when segments
   * were only added); null when the record does not say what it was rendered from or with other settings.
   */
  firstChangedSegment: number | null;
}

export type { MasterRenderPath, RegionFallback };

export interface RenderedMaster {
  sha256: string;
  durationSec: number;
  /** The master's length in samples, read from the file written (absent when its header does not say). */
  masterSamples?: number;
  segmentStartsSec: number[];
  segmentEndsSec: number[];
  /** Measured in the render pass on the stream the master and every encoding were written from. */
  measured: LoudnessMeasurement;
  /** The level blocks of `measured`, stored (absent from a render that keeps none). */
  levels?: StoredLevels;
  encodings: ChapterEncodingRecord[];
  gainDb: number;
  inputRateHz: number;
  path: MasterRenderPath;
}

/** The audio side of mastering: downloading the segments, the one render pass, storing the files. */
export interface MasterFiles {
  render(request: MasterRenderRequest): Promise<RenderedMaster>;
}

export interface ChapterMasteringDeps {
  book: Pick<ProductionBook, 'chapters' | 'segments'>;
  speechPlan: SpeechPlanSources;
  blobs: Pick<BlobStore, 'exists'>;
  files: MasterFiles;
  job: Pick<ProductionJob, 'addProgress'>;
  events: EventPublisher;
  clock: Clock;
}

/**
 * Where the chapter's master for this plan lives: named by everything that decides it (each segment's audio, which
 * is named by its words, voice, prosody and pronunciations; the pauses; room tone; target), so a master of another
 * name would sound different. `recorded` is the audio this production's synthesis recorded for each line, used
 * before any take the line holds now.
 */
export function masterAddress(
  plan: Pick<ChapterSpeechPlan, 'items'>,
  tenantId: string,
  projectId: string,
  chapterId: string,
  recorded: ReadonlyMap<string, LineAudio> = new Map(),
): { locations: { blobName: string; hash: string }[]; masterHash: string; blobName: string } {
  const locations = plan.items.map((item) => recorded.get(item.segment.id) ?? audioLocation(item, tenantId, projectId));
  const masterHash = chapterMasterHash({
    segmentHashes: locations.map((l) => l.hash),
    pausesAfterMs: plan.items.map((item) => item.speech.pauseAfterMs),
    headRoomToneMs: DEFAULT_ROOM_TONE.headMs,
    tailRoomToneMs: DEFAULT_ROOM_TONE.tailMs,
    target: DEFAULT_MASTERING_TARGET,
    format: 'flac',
  });
  return { locations, masterHash, blobName: chapterMasterBlobName(tenantId, projectId, chapterId, masterHash, 'flac') };
}

export class ChapterMastering {
  constructor(private readonly deps: ChapterMasteringDeps) {}

  async master(input: MasterChapterInput): Promise<MasterSummary> {
    const { book, blobs, clock } = this.deps;
    const { tenantId, projectId, chapterId } = input;
    const found = await book.chapters.get(tenantId, projectId, chapterId);
    if (!found || found.type !== 'chapter') throw new NotFoundError('Chapter');
    // The chapter as of the plan read: the one read above, or a later copy when a commit raced the read.
    const { chapter, segments: stored, readBefore } = await readCommittedPlan(book.chapters, book.segments, found);
    // The lines, sources and audio this production's synthesis planned and made, so the master is made of exactly
    // that: a speaker, text, cast or lexicon edit since then is left for the next production (the master records the
    // lines' plan revision and its sound, which show the edit). A production that pinned nothing masters the lines
    // as stored now.
    const pins = this.deps.speechPlan.pins;
    const pinned = pins && (await pinnedChapterLines(pins, input));
    const segments = pinned ? linesWithTakes(pinned.lines, stored) : stored;
    // Unprocessable: the stored chapter decides it, so mastering it again would fail the same way (stepFailure.ts).
    if (segments.length === 0)
      throw new DomainError('unprocessable', `Chapter "${chapter.title}" has no segments to master`);
    const pin = { jobId: input.jobId, chapterId, readAt: clock.now().toISOString(), readOnly: true };
    const plan = await planSegments(this.deps.speechPlan, tenantId, projectId, segments, pin);
    // Taken before the sources' lexicon was read, so an entry stored meanwhile counts as stored after the master.
    const lexiconReadAt = plan.sourcesReadAt ?? pin.readAt;
    // Preflight leaves such chapters out; this only meets one whose plan changed since.
    if (plan.items.length === 0)
      throw new DomainError('unprocessable', `Chapter "${chapter.title}" has nothing to speak`);
    const recorded =
      pins && pinned
        ? await recordedLineAudio(
            pins,
            input,
            synthesisBatches(pinned.lines.map((line) => line.id)).map((batch) => batch[0]!),
          )
        : undefined;
    const { locations, masterHash, blobName } = masterAddress(plan, tenantId, projectId, chapterId, recorded);
    const target = DEFAULT_MASTERING_TARGET;

    let master = chapter.master;
    const wanted = input.formats ?? [];
    const reused = master?.blobName === blobName && (await isComplete(blobs, master, wanted));
    // Of the copy read before the lines: an edit counted after them may be missing from this audio (then the master
    // says it is out of date, and the next production finds that and masters again or updates it).
    const revision = pinned ? pinned.planRevision : planRevision(readBefore);
    const sound = masterSoundOf(plan, this.deps.speechPlan.speechEngine, lexiconReadAt);
    if (reused) {
      // The same audio as before (an edit undone, a speaker changed back): it matches the plan as it is now, and the
      // cast, lexicon and settings as read now (a later lexicon read also narrows which new entries are checked).
      const current = { ...master!, planRevision: revision, sound };
      master = current;
      await this.recordMaster(tenantId, projectId, chapterId, current);
    }
    if (!reused) {
      // A master already made for these inputs keeps its other encodings: the new pass writes them all again.
      const kept = master?.blobName === blobName ? (master.encodings ?? []).map((e) => e.format) : [];
      const formats = [...new Set([...wanted, ...kept])].sort();
      const segmentKeys = locations.map((location, index) =>
        segmentKey(location.hash, plan.items[index].speech.pauseAfterMs),
      );
      const settingsKey = renderSettingsKey(target);
      const rendered = await this.deps.files.render({
        segments: locations.map((location, index) => ({
          blobName: location.blobName,
          pauseAfterMs: plan.items[index].speech.pauseAfterMs,
        })),
        roomTone: DEFAULT_ROOM_TONE,
        target,
        masterBlobName: blobName,
        encodings: formats.map((format) => ({
          format,
          blobName: chapterEncodingBlobName(tenantId, projectId, chapterId, masterHash, RETAIL_ENCODINGS[format]),
          bitrateKbps: RETAIL_ENCODINGS[format].kbps,
          extension: RETAIL_ENCODINGS[format].extension,
        })),
        ...(master && {
          previous: { record: master, firstChangedSegment: firstChange(master, settingsKey, segmentKeys) },
        }),
      });
      const rendering: MasterRenderingRecord = {
        gainDb: rendered.gainDb,
        inputRateHz: rendered.inputRateHz,
        settingsKey,
        segmentKeys,
        ...(rendered.masterSamples !== undefined && { masterSamples: rendered.masterSamples }),
        path: rendered.path,
      };
      const m = rendered.measured;
      const record: ChapterMasterRecord = {
        blobName,
        sha256: rendered.sha256,
        durationSec: rendered.durationSec,
        segmentStartsSec: rendered.segmentStartsSec,
        segmentEndsSec: rendered.segmentEndsSec,
        integratedLufs: m.integratedLufs ?? -70,
        truePeakDb: m.truePeakDb ?? -70,
        rmsDb: m.rmsDb ?? -70,
        peakDb: m.peakDb ?? -70,
        noiseFloorDb: m.noiseFloorDb === null || !Number.isFinite(m.noiseFloorDb) ? -120 : m.noiseFloorDb,
        masteredAt: clock.now().toISOString(),
        jobId: input.jobId,
        planRevision: revision,
        measured: finiteMeasurement(m),
        encodings: rendered.encodings,
        ...(rendered.levels && { levels: rendered.levels }),
        sound,
        rendering,
      };
      master = record;
      await this.recordMaster(tenantId, projectId, chapterId, record);
    }
    // Progress shown while the window runs (the job's total is set again, exactly, before packaging; a rerun of this
    // activity after a crash may count its chapter twice until then).
    await this.deps.job.addProgress(input, { chaptersDone: 1 });
    await this.deps.events.publish([
      createDomainEvent({
        type: EventTypes.chapterCompleted,
        source: JOB_EVENT_SOURCE,
        subject: jobSubject(tenantId, projectId, input.jobId),
        time: clock.now().toISOString(),
        data: {
          tenantId,
          projectId,
          jobId: input.jobId,
          chapterId,
          title: chapter.title,
          durationSec: master!.durationSec,
        },
        discriminator: chapterId,
      }),
    ]);
    return { chapterId, blobName, durationSec: master!.durationSec, reused };
  }

  private async recordMaster(tenantId: string, projectId: string, chapterId: string, record: ChapterMasterRecord) {
    const { chapters } = this.deps.book;
    await updateWithRetry(
      'Chapter',
      () => chapters.get(tenantId, projectId, chapterId),
      (doc, etag) => chapters.replace(doc, etag),
      (doc) => ({ ...doc, master: record }),
    );
  }
}

/** A recorded master serves this job when its file, its measurements and every encoding the job needs are stored. */
async function isComplete(
  blobs: Pick<BlobStore, 'exists'>,
  master: ChapterMasterRecord,
  formats: ChapterEncodingFormat[],
): Promise<boolean> {
  if (formats.length > 0 && !master.measured) return false;
  const encodings = formats.map((format) => master.encodings?.find((e) => e.format === format));
  if (encodings.some((e) => !e)) return false;
  const names = [master.blobName, ...encodings.map((e) => e!.blobName)];
  return (await Promise.all(names.map((name) => blobs.exists(name)))).every(Boolean);
}

/** A segment's short key in the master record: its audio's content address (16 hex digits) and the pause after it. */
function segmentKey(hash: string, pauseAfterMs: number): string {
  return `${hash.slice(0, 16)}:${pauseAfterMs}`;
}

/** The render settings beyond the segments, as a short key: room tone and target. */
function renderSettingsKey(target: MasteringTarget): string {
  return contentKey({ roomTone: DEFAULT_ROOM_TONE, target }).slice(0, 16);
}

/** The first segment of the new chapter whose audio or following pause is not the recorded master's. */
function firstChange(master: ChapterMasterRecord, settingsKey: string, keys: string[]): number | null {
  const rendering = master.rendering;
  if (!rendering || rendering.settingsKey !== settingsKey) return null;
  const common = Math.min(rendering.segmentKeys.length, keys.length);
  for (let index = 0; index < common; index++) if (rendering.segmentKeys[index] !== keys[index]) return index;
  // Segments taken off the end: the last one kept is followed by the tail room tone where a pause was.
  return keys.length < rendering.segmentKeys.length ? keys.length - 1 : common;
}

/** Cosmos stores JSON: −Infinity (digital silence) becomes a very low finite level. */
function finiteMeasurement(m: LoudnessMeasurement): LoudnessMeasurement {
  const finite = (value: number | null, floor: number) =>
    value === null ? null : Number.isFinite(value) ? value : floor;
  return {
    ...m,
    truePeakDb: finite(m.truePeakDb, -120),
    rmsDb: finite(m.rmsDb, -120),
    peakDb: finite(m.peakDb, -120),
    noiseFloorDb: finite(m.noiseFloorDb, -120),
  };
}
