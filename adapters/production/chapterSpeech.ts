/**
 * The speech plan of a chapter's segments with their content addresses: what each segment says, in which voice, and
 * which blob holds (or will hold) its audio. Shared by synthesis and mastering so both agree on every name.
 */
import type { SegmentRecord, SegmentTake } from '../../core/book/records';
import type { VoiceDescriptor } from '../../core/casting/casting';
import { NotFoundError } from '../../core/errors';
import type { SpeechEngine, SpeechOutputFormat } from '../../core/ports/speech';
import { segmentAudioBlobName, segmentAudioHash, type SegmentAudioKey } from '../../core/production/contentAddress';
import {
  chapterSpeech,
  segmentSsml,
  type SegmentSpeechInput,
  type UnspeakableSegment,
} from '../../core/production/speechPlan';
import type { PausePolicy } from '../../core/planning/pausePolicy';
import { charactersOf } from '../../core/production/productionBook';
import type { ProductionContext } from './productionContextType';

/**
 * Each engine's own rate, so no segment is resampled on its own (mastering resamples each chapter once): espeak-ng
 * renders 22.05 kHz, Azure's neural voices 24 kHz.
 */
export function outputFormatFor(engine: SpeechEngine): SpeechOutputFormat {
  return engine === 'offline' ? 'pcm-22050hz-16bit-mono' : 'pcm-24khz-16bit-mono';
}

export interface PlannedSegment {
  segment: SegmentRecord;
  speech: SegmentSpeechInput;
  key: SegmentAudioKey;
  /** Content address of the audio for the current inputs (no take nonce). */
  baseHash: string;
}

export interface ChapterSpeechPlan {
  items: PlannedSegment[];
  /** Segments with nothing to speak: never synthesized, left out of the master. */
  skipped: UnspeakableSegment[];
  voices: VoiceDescriptor[];
  bookLocale: string;
  pausePolicy: PausePolicy;
}

export async function planSegments(
  ctx: ProductionContext,
  tenantId: string,
  projectId: string,
  segments: SegmentRecord[],
): Promise<ChapterSpeechPlan> {
  const { svc } = ctx;
  const [project, characters, voices, pausePolicy, lexicon] = await Promise.all([
    svc.projects.find(tenantId, projectId),
    charactersOf(svc.book, tenantId, projectId),
    ctx.voices(),
    ctx.pausePolicy(tenantId, projectId),
    ctx.lexicon(tenantId, projectId),
  ]);
  if (!project) throw new NotFoundError('Project');
  const bookLocale = project.metadata.language;
  const { speech, skipped } = chapterSpeech({
    segments: segments.map((s) => ({
      id: s.id,
      index: s.index,
      kind: s.kind,
      text: s.text,
      boundaryBefore: s.boundaryBefore,
      speakerId: s.speakerId,
    })),
    characters: characters.map((c) => ({ characterId: c.characterId, voice: c.voice })),
    voices,
    lexicon,
    pausePolicy,
    bookLocale,
    engine: svc.speech.engine,
  });
  const byId = new Map(segments.map((s) => [s.id, s]));
  const items = speech.map((input) => {
    const key: SegmentAudioKey = {
      spokenText: input.spokenText,
      voiceName: input.voiceName,
      style: input.style,
      styleDegree: input.styleDegree,
      rate: input.ratePercent,
      pitch: input.pitchPercent,
      // Per segment: only segments a lexicon entry changes get a new address (see segmentLexicon).
      lexiconVersion: input.lexiconVersion,
      engine: svc.speech.engine,
      outputFormat: outputFormatFor(svc.speech.engine),
    };
    return { segment: byId.get(input.segmentId)!, speech: input, key, baseHash: segmentAudioHash(key) };
  });
  return { items, skipped, voices, bookLocale, pausePolicy };
}

/**
 * The SSML the engine receives for one segment: the project lexicon applied exactly as in the chapter's SSML preview
 * (same builder, same entries, same locale). Synthesis must send this, not a document of its own making.
 */
export function plannedSegmentSsml(
  speech: SegmentSpeechInput,
  plan: Pick<ChapterSpeechPlan, 'bookLocale' | 'voices'>,
  engine: SpeechEngine,
): string {
  return segmentSsml(speech, { bookLocale: plan.bookLocale, voices: plan.voices, engine });
}

/** A take is current while the inputs it was rendered from are: its hash is the base hash, or the base plus its nonce. */
export function isTakeCurrent(take: SegmentTake, item: PlannedSegment): boolean {
  return (
    take.contentHash === item.baseHash || take.contentHash === segmentAudioHash({ ...item.key, takeNonce: take.takeId })
  );
}

export function currentTake(item: PlannedSegment): SegmentTake | undefined {
  const take = item.segment.takes.find((t) => t.takeId === item.segment.currentTakeId);
  return take && isTakeCurrent(take, item) ? take : undefined;
}

/** Where the segment's audio is: its current take when still valid, else the content address of its inputs. */
export function audioLocation(
  item: PlannedSegment,
  tenantId: string,
  projectId: string,
): { blobName: string; hash: string } {
  const take = currentTake(item);
  if (take) return { blobName: take.blobName, hash: take.contentHash };
  return { blobName: segmentAudioBlobName(tenantId, projectId, item.baseHash), hash: item.baseHash };
}

export function baseTakeId(hash: string): string {
  return `take-${hash.slice(0, 24)}`;
}
