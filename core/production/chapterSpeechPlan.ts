/**
 * The speech plan of a chapter's segments with their content addresses: what each segment says, in which voice, and
 * which blob holds (or will hold) its audio. Shared by synthesis, mastering, the credits and the player so all agree
 * on every name.
 */
import type { SegmentRecord, SegmentTake } from '../book/records';
import type { VoiceDescriptor } from '../casting/casting';
import type { PausePolicy } from '../planning/pausePolicy';
import type { SpeechEngine, SpeechOutputFormat } from '../ports/speech';
import { readChapterPlanSources, type PlanSourcesPin, type SpeechPlanSources } from './chapterPlanSources';
import { segmentAudioBlobName, segmentAudioHash, type SegmentAudioKey } from './contentAddress';
import { chapterSpeech, segmentSsml, type SegmentSpeechInput, type UnspeakableSegment } from './speechPlan';

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
  /** With a pin: when the sources it was planned from were read (chapterPlanSources.ts). */
  sourcesReadAt?: string;
}

/**
 * Plans the segments from the chapter's plan sources: read now, or, with a pin, those one production of the chapter
 * plans every activity from, so its synthesis and its mastering name each segment's audio alike.
 */
export async function planSegments(
  sources: SpeechPlanSources,
  tenantId: string,
  projectId: string,
  segments: SegmentRecord[],
  pin?: PlanSourcesPin,
): Promise<ChapterSpeechPlan> {
  const engine = sources.speechEngine;
  const {
    language: bookLocale,
    characters,
    voices,
    pausePolicy,
    lexicon,
    readAt,
  } = await readChapterPlanSources(sources, tenantId, projectId, pin);
  const { speech, skipped } = chapterSpeech({
    segments: segments.map((s) => ({
      id: s.id,
      index: s.index,
      kind: s.kind,
      text: s.text,
      boundaryBefore: s.boundaryBefore,
      speakerId: s.speakerId,
      ...(s.unspokenChars === undefined ? {} : { unspokenChars: s.unspokenChars }),
    })),
    characters: characters.map((c) => ({ characterId: c.characterId, voice: c.voice })),
    voices,
    lexicon,
    pausePolicy,
    bookLocale,
    engine,
  });
  const byId = new Map(segments.map((s) => [s.id, s]));
  const items = speech.map((input) => {
    const key = segmentAudioKeyOf(input, engine);
    return { segment: byId.get(input.segmentId)!, speech: input, key, baseHash: segmentAudioHash(key) };
  });
  return {
    items,
    skipped,
    voices,
    bookLocale,
    pausePolicy,
    ...(readAt === undefined ? {} : { sourcesReadAt: readAt }),
  };
}

/** Everything that decides a segment's audio, from its speech input: the content address its audio is stored under. */
export function segmentAudioKeyOf(input: SegmentSpeechInput, engine: SpeechEngine): SegmentAudioKey {
  return {
    spokenText: input.spokenText,
    voiceName: input.voiceName,
    style: input.style,
    styleDegree: input.styleDegree,
    rate: input.ratePercent,
    pitch: input.pitchPercent,
    // Per segment: only segments a lexicon entry changes get a new address (see segmentLexicon).
    lexiconVersion: input.lexiconVersion,
    engine,
    outputFormat: outputFormatFor(engine),
  };
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

/**
 * Where mastering finds the segment's audio: its current take when still valid; else the latest take rendered from
 * these inputs, which is the one this production's synthesis recorded when an edit dropped it since (a lexicon edit
 * drops the current take of the lines it matches, and the production's plan sources are pinned from before it);
 * else the content address of its inputs.
 */
export function audioLocation(
  item: PlannedSegment,
  tenantId: string,
  projectId: string,
): { blobName: string; hash: string } {
  const take = currentTake(item) ?? item.segment.takes.findLast((t) => isTakeCurrent(t, item));
  if (take) return { blobName: take.blobName, hash: take.contentHash };
  return { blobName: segmentAudioBlobName(tenantId, projectId, item.baseHash), hash: item.baseHash };
}

export function baseTakeId(hash: string): string {
  return `take-${hash.slice(0, 24)}`;
}
