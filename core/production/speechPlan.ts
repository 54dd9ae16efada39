/**
 * What production will say for a chapter: each segment's spoken form, the voice and prosody of its speaker and the
 * pause after it, and the SSML requests that carry them within Azure's limits. Pure: the pipeline and the SSML preview
 * call it with documents they have read.
 */
import type { VoiceAssignment, VoiceDescriptor } from '../casting/casting';
import { NARRATOR_ID } from '../characters/character';
import { findLexiconMatches, type LexiconEntry } from '../lexicon/lexicon';
import { pauseAfterMs, type PausePolicy } from '../planning/pausePolicy';
import type { SegmentBoundary, SegmentKind } from '../planning/segmentation';
import { hasUnspokenPart, spokenPart } from '../planning/speakable';
import { planSsmlRequests, type SsmlRequest } from '../ssml/planRequests';
import {
  buildSsml,
  isHdVoice,
  lexiconRendering,
  SsmlAllowlistError,
  type SsmlEngine,
  type SsmlSegment,
} from '../ssml/ssmlBuilder';
import { hasSpeakableText, sanitizeSpokenText } from '../ssml/text';
import { toSpokenForm } from '../speech/normalize';
import { canonicalJson, sha256Hex } from './contentAddress';

export interface SpeechPlanSegment {
  id: string;
  index: number;
  kind: SegmentKind;
  text: string;
  boundaryBefore: SegmentBoundary;
  speakerId: string;
  /** Characters at the start of `text` shown but never said (a script's speaker label; planning/speakable.ts). */
  unspokenChars?: number;
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
  /**
   * The lexicon entries chosen for this segment's spoken form (a subset of the project lexicon that yields the same
   * matches), so the segment's SSML is a function of this input alone.
   */
  lexicon: LexiconEntry[];
  /** `none`, or the hash of the lexicon substitutions that change this segment's request (see segmentLexicon). */
  lexiconVersion: string;
}

export const NO_LEXICON = 'none';

/**
 * The lexicon as it applies to one segment. The version is per segment, not per project, on purpose: the lexicon API
 * drops the audio of exactly the segments whose text contains a changed entry (segmentsAffectedBy), and a per-project
 * version would give every other segment of the book a new address too, so one new entry would re-synthesize (and,
 * on Azure, re-bill) the whole book while the audio of all but a few segments stays the same. Hashing the
 * substitutions actually made (position, kind, value, in text order) rather than the stored entries keeps the address
 * independent of storage order, ids, notes and timestamps, and of entries that change nothing for this engine and
 * voice (an IPA entry on the offline engine or an HD voice); a segment no entry touches keeps the version `none` it
 * had before the lexicon existed, so its audio stays valid.
 */
export function segmentLexicon(
  spokenText: string,
  lexicon: LexiconEntry[],
  options: { bookLocale: string; engine: SsmlEngine; hd: boolean },
): { entries: LexiconEntry[]; version: string } {
  if (lexicon.length === 0) return { entries: [], version: NO_LEXICON };
  // The builder matches on the sanitized text and the book's locale (as the lexicon API does): so must the version.
  const matches = findLexiconMatches(sanitizeSpokenText(spokenText), lexicon, options.bookLocale);
  const entries = [...new Map(matches.map((match) => [match.entry.id, match.entry])).values()];
  const effective = matches
    .filter((match) => lexiconRendering(match.entry.kind, options.engine, options.hd) !== 'grapheme')
    .map((match) => ({ start: match.start, end: match.end, kind: match.entry.kind, value: match.entry.value }));
  return { entries, version: effective.length === 0 ? NO_LEXICON : `lex-${sha256Hex(canonicalJson(effective))}` };
}

/** A speech input as an SSML segment; the lexicon is matched in the book's locale, as the lexicon API does. */
function ssmlSegmentOf(speech: SegmentSpeechInput, bookLocale: string, pauseAfterMs: number): SsmlSegment {
  return {
    segmentId: speech.segmentId,
    text: speech.spokenText,
    voiceName: speech.voiceName,
    style: speech.style,
    styleDegree: speech.styleDegree,
    ratePercent: speech.ratePercent,
    pitchPercent: speech.pitchPercent,
    pauseAfterMs,
    locale: bookLocale,
  };
}

/**
 * The SSML production sends for one segment (pauses are added at mastering, so none here). The chapter preview
 * renders each segment through the same mapping, builder and lexicon, so a segment reads the same in both.
 */
export function segmentSsml(
  speech: SegmentSpeechInput,
  options: { bookLocale: string; voices: VoiceDescriptor[]; engine: SsmlEngine },
): string {
  return buildSsml([ssmlSegmentOf(speech, options.bookLocale, 0)], {
    bookLocale: options.bookLocale,
    voices: options.voices,
    lexicon: speech.lexicon,
    engine: options.engine,
  });
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

function narratorVoice(input: Pick<SpeechPlanInput, 'characters' | 'voices' | 'bookLocale'>): ResolvedVoice {
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

/** The voice a line is read with: its catalog entry, and the style (one the voice has) and prosody cast. */
export interface LineVoice {
  descriptor: VoiceDescriptor;
  style: string | null;
  styleDegree: number | null;
  ratePercent: number;
  pitchPercent: number;
}

/**
 * Who reads which line with the cast and catalog given: narration, headings and unattributed lines the narrator;
 * dialogue its speaker's cast voice, or the narrator's while the speaker has none.
 */
export function lineVoices(
  input: Pick<SpeechPlanInput, 'characters' | 'voices' | 'bookLocale'>,
): (segment: Pick<SpeechPlanSegment, 'kind' | 'speakerId'>) => LineVoice {
  const allowed = new Map(input.voices.map((voice) => [voice.name, voice]));
  const narrator = narratorVoice(input);
  const cast = new Map<string, VoiceAssignment>();
  for (const character of input.characters) if (character.voice) cast.set(character.characterId, character.voice);
  return (segment) => {
    const voice = segment.kind === 'dialogue' ? (cast.get(segment.speakerId) ?? narrator) : narrator;
    const descriptor = allowed.get(voice.voiceName);
    if (!descriptor) throw new SsmlAllowlistError('unknown_voice', voice.voiceName);
    const style = voice.style && descriptor.styles.includes(voice.style) ? voice.style : null;
    return {
      descriptor,
      style,
      styleDegree: style === null ? null : voice.styleDegree,
      ratePercent: voice.ratePercent,
      pitchPercent: voice.pitchPercent,
    };
  };
}

interface SpokenSegment {
  segment: SpeechPlanSegment;
  spokenText: string;
  /** The boundary the rest before this segment is taken from: its own, or that of the silent label before it. */
  restBefore: { boundaryBefore: SegmentBoundary };
}

/** The segments that say something, each with the boundary it is reached across. */
function spokenSegments(ordered: SpeechPlanSegment[], spoken: string[]): SpokenSegment[] {
  const result: SpokenSegment[] = [];
  let silentBoundary: SegmentBoundary | undefined;
  ordered.forEach((segment, position) => {
    if (hasSpeakableText(spoken[position])) {
      result.push({
        segment,
        spokenText: spoken[position],
        restBefore: { boundaryBefore: silentBoundary ?? segment.boundaryBefore },
      });
      silentBoundary = undefined;
    } else if (hasUnspokenPart(segment)) {
      silentBoundary ??= segment.boundaryBefore;
    }
  });
  return result;
}

/** A segment production leaves out: its spoken form has nothing an engine can say (core/planning/speakable.ts). */
export interface UnspeakableSegment {
  segmentId: string;
  index: number;
  text: string;
}

export interface ChapterSpeech {
  /** What each speakable segment says, in reading order. */
  speech: SegmentSpeechInput[];
  skipped: UnspeakableSegment[];
}

/**
 * What each segment of a chapter says and how. Only a segment's spoken part is said (a script's speaker label is
 * not). A segment with nothing to speak (a lone "--" between quotations) is skipped rather than sent, so it cannot fail
 * the job; the segment before it rests as it would before the next one that is spoken. A segment left silent on
 * purpose (a label alone) is not reported as skipped, and the rest before the speech after it is the label's: the
 * pause between two speeches of a play is a paragraph's, not a turn's.
 */
export function chapterSpeech(input: SpeechPlanInput): ChapterSpeech {
  const voiceOf = lineVoices(input);
  const ordered = [...input.segments].sort((a, b) => a.index - b.index);
  const spoken = ordered.map((segment) =>
    toSpokenForm(spokenPart(segment), input.bookLocale, { isHeading: segment.kind === 'heading' }).trim(),
  );
  const skipped = ordered
    .filter((segment, position) => !hasSpeakableText(spoken[position]) && !hasUnspokenPart(segment))
    .map((segment) => ({ segmentId: segment.id, index: segment.index, text: segment.text }));
  const speakable = spokenSegments(ordered, spoken);
  const speech = speakable.map(({ segment, spokenText }, position) => {
    const { descriptor, style, styleDegree, ratePercent, pitchPercent } = voiceOf(segment);
    const lexicon = segmentLexicon(spokenText, input.lexicon, {
      bookLocale: input.bookLocale,
      engine: input.engine,
      hd: isHdVoice(descriptor),
    });
    return {
      segmentId: segment.id,
      spokenText,
      voiceName: descriptor.name,
      style,
      styleDegree,
      ratePercent,
      pitchPercent,
      locale: descriptor.locale,
      pauseAfterMs: pauseAfterMs(segment, speakable[position + 1]?.restBefore, input.pausePolicy),
      lexicon: lexicon.entries,
      lexiconVersion: lexicon.version,
    };
  });
  return { speech, skipped };
}

/** The speech inputs of a chapter's speakable segments (see chapterSpeech). */
export function segmentSpeechInputs(input: SpeechPlanInput): SegmentSpeechInput[] {
  return chapterSpeech(input).speech;
}

/** The synthesis requests for one chapter, each within Azure's size, voice-element and duration limits. */
export function speechRequestsForChapter(input: SpeechPlanInput): SsmlRequest[] {
  const speech = segmentSpeechInputs(input);
  return planSsmlRequests(
    speech.map((segment) => ssmlSegmentOf(segment, input.bookLocale, segment.pauseAfterMs)),
    {
      bookLocale: input.bookLocale,
      voices: input.voices,
      // The union of the segments' chosen entries matches exactly as the whole lexicon does (see segmentLexicon).
      lexicon: [...new Map(speech.flatMap((segment) => segment.lexicon).map((entry) => [entry.id, entry])).values()],
      engine: input.engine,
    },
  );
}
