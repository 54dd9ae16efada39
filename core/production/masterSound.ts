/**
 * What shapes a chapter master's sound beyond its plan, as digests recorded on the master when it is made: the voice
 * of each speaker, the lexicon entries that change how its lines are said, and the rendering settings (pauses, engine,
 * room tone, loudness target). Comparing them with the same digests of the cast, lexicon and settings as they are now
 * tells whether the master would sound different (soundChanges.ts) without reading its lines.
 */
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../audio/masteringTarget';
import type { MasterSoundRecord } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import type { LexiconEntry } from '../lexicon/lexicon';
import type { PausePolicy } from '../planning/pausePolicy';
import type { SpeechEngine } from '../ports/speech';
import { isHdVoice, lexiconRendering } from '../ssml/ssmlBuilder';
import type { ChapterSpeechPlan } from './chapterSpeechPlan';
import { canonicalJson, sha256Hex } from './contentAddress';
import type { LineVoice } from './speechPlan';

const digest = (value: unknown) => sha256Hex(canonicalJson(value)).slice(0, 32);

/**
 * Whose voice a line is read in, as the speech plan decides it (speechPlan.ts lineVoices): the narrator reads every
 * line but dialogue, which its speaker reads (in the narrator's voice while the speaker has none).
 */
function voiceRole(segment: { kind: string; speakerId: string }): string {
  return segment.kind === 'dialogue' ? segment.speakerId : NARRATOR_ID;
}

export function voiceDigest(voice: Omit<LineVoice, 'descriptor'> & { voiceName: string }): string {
  return digest([voice.voiceName, voice.style, voice.styleDegree, voice.ratePercent, voice.pitchPercent]);
}

/** An entry's digest: what it matches and what it says instead (not its id, notes or timestamps). */
export function entryDigest(entry: LexiconEntry): string {
  return digest([entry.grapheme, entry.locale, entry.kind, entry.value, entry.wholeWord, entry.caseSensitive]);
}

/** Whether an entry of this kind can change how a line is said on this engine (an IPA entry offline cannot). */
export function entryCanChangeSpeech(entry: Pick<LexiconEntry, 'kind'>, engine: SpeechEngine): boolean {
  return lexiconRendering(entry.kind, engine, false) !== 'grapheme';
}

export function renderingDigest(pausePolicy: PausePolicy, engine: SpeechEngine): string {
  return digest({ pausePolicy, engine, roomTone: DEFAULT_ROOM_TONE, target: DEFAULT_MASTERING_TARGET });
}

/** The record of a master made from this plan; `lexiconReadAt` is a time no later than the plan's lexicon read. */
export function masterSoundOf(
  plan: Pick<ChapterSpeechPlan, 'items' | 'voices' | 'pausePolicy'>,
  engine: SpeechEngine,
  lexiconReadAt: string,
): MasterSoundRecord {
  const hd = new Map(plan.voices.map((voice) => [voice.name, isHdVoice(voice)]));
  const voices: Record<string, string> = {};
  const lexicon: Record<string, string> = {};
  for (const { segment, speech } of plan.items) {
    voices[voiceRole(segment)] = voiceDigest(speech);
    for (const entry of speech.lexicon)
      if (lexiconRendering(entry.kind, engine, hd.get(speech.voiceName) ?? false) !== 'grapheme')
        lexicon[entry.id] = entryDigest(entry);
  }
  return { voices, lexicon, lexiconReadAt, rendering: renderingDigest(plan.pausePolicy, engine) };
}
