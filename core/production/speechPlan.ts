/**
 * What production will say for a chapter: each segment's spoken form, the voice and prosody of its speaker and the
 * pause after it, and the SSML requests that carry them within Azure's limits. Pure: the pipeline and the SSML preview
 * call it with documents they have read.
 */
import type { VoiceAssignment, VoiceDescriptor } from '../casting/casting';
import { NARRATOR_ID } from '../characters/character';
import type { LexiconEntry } from '../lexicon/lexicon';
import { pauseAfterMs, type PausePolicy } from '../planning/pausePolicy';
import type { SegmentBoundary, SegmentKind } from '../planning/segmentation';
import { planSsmlRequests, type SsmlRequest } from '../ssml/planRequests';
import { SsmlAllowlistError, type SsmlEngine } from '../ssml/ssmlBuilder';
import { toSpokenForm } from '../speech/normalize';

export interface SpeechPlanSegment {
  id: string;
  index: number;
  kind: SegmentKind;
  text: string;
  boundaryBefore: SegmentBoundary;
  speakerId: string;
}

export interface SpeechPlanCharacter {
  characterId: string;
  voice: VoiceAssignment | null;
}

export interface SpeechPlanInput {
  /** One chapter's segments (any order; sorted by index here). */
  segments: SpeechPlanSegment[];
  characters: SpeechPlanCharacter[];
  /** The catalog allowlist for the engine: only these voices may be used. */
  voices: VoiceDescriptor[];
  lexicon: LexiconEntry[];
  pausePolicy: PausePolicy;
  bookLocale: string;
  engine: SsmlEngine;
}

/** Everything that decides a segment's audio: the pipeline hashes this (with lexicon version and engine) per segment. */
export interface SegmentSpeechInput {
  segmentId: string;
  spokenText: string;
  voiceName: string;
  style: string | null;
  styleDegree: number | null;
  ratePercent: number;
  pitchPercent: number;
  locale: string;
  pauseAfterMs: number;
}

type ResolvedVoice = Omit<VoiceAssignment, 'characterId' | 'overridden'>;

function language(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0];
}

/** Before casting has run, the narrator reads with the first catalog voice of the book's locale (then language). */
export function defaultNarratorVoice(voices: VoiceDescriptor[], bookLocale: string): VoiceDescriptor {
  const sorted = [...voices].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found =
    sorted.find((voice) => voice.locale.toLowerCase() === bookLocale.toLowerCase()) ??
    sorted.find((voice) => language(voice.locale) === language(bookLocale)) ??
    sorted[0];
  if (!found) throw new SsmlAllowlistError('unknown_voice', '(empty catalog)');
  return found;
}

function narratorVoice(input: SpeechPlanInput): ResolvedVoice {
  const cast = input.characters.find((character) => character.characterId === NARRATOR_ID)?.voice;
  if (cast) return cast;
  const voice = defaultNarratorVoice(input.voices, input.bookLocale);
  return {
    voiceName: voice.name,
    locale: voice.locale,
    style: null,
    styleDegree: null,
    ratePercent: 0,
    pitchPercent: 0,
  };
}

/** Narration, headings and unattributed lines are read by the narrator; dialogue by its speaker's cast voice. */
function voiceFor(segment: SpeechPlanSegment, voices: Map<string, VoiceAssignment>, narrator: ResolvedVoice) {
  if (segment.kind !== 'dialogue') return narrator;
  return voices.get(segment.speakerId) ?? narrator;
}

export function segmentSpeechInputs(input: SpeechPlanInput): SegmentSpeechInput[] {
  const allowed = new Map(input.voices.map((voice) => [voice.name, voice]));
  const narrator = narratorVoice(input);
  const cast = new Map<string, VoiceAssignment>();
  for (const character of input.characters) if (character.voice) cast.set(character.characterId, character.voice);
  const ordered = [...input.segments].sort((a, b) => a.index - b.index);
  return ordered.map((segment, position) => {
    const voice = voiceFor(segment, cast, narrator);
    const descriptor = allowed.get(voice.voiceName);
    if (!descriptor) throw new SsmlAllowlistError('unknown_voice', voice.voiceName);
    const style = voice.style && descriptor.styles.includes(voice.style) ? voice.style : null;
    return {
      segmentId: segment.id,
      spokenText: toSpokenForm(segment.text, input.bookLocale, { isHeading: segment.kind === 'heading' }).trim(),
      voiceName: descriptor.name,
      style,
      styleDegree: style === null ? null : voice.styleDegree,
      ratePercent: voice.ratePercent,
      pitchPercent: voice.pitchPercent,
      locale: descriptor.locale,
      pauseAfterMs: pauseAfterMs(segment, ordered[position + 1], input.pausePolicy),
    };
  });
}

/** The synthesis requests for one chapter, each within Azure's size, voice-element and duration limits. */
export function speechRequestsForChapter(input: SpeechPlanInput): SsmlRequest[] {
  const segments = segmentSpeechInputs(input).map((speech) => ({
    segmentId: speech.segmentId,
    text: speech.spokenText,
    voiceName: speech.voiceName,
    style: speech.style,
    styleDegree: speech.styleDegree,
    ratePercent: speech.ratePercent,
    pitchPercent: speech.pitchPercent,
    pauseAfterMs: speech.pauseAfterMs,
    locale: input.bookLocale,
  }));
  return planSsmlRequests(segments, {
    bookLocale: input.bookLocale,
    voices: input.voices,
    lexicon: input.lexicon,
    engine: input.engine,
  });
}
