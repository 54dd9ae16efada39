/**
 * Deterministic voice casting (docs/domain.md §Casting): narrator first, then characters by importance and line count;
 * each gets the best-matching voice (gender, age band, locale → language → any), least-used first, ties broken by name.
 * Input order never matters: characters and voices are sorted before anything is decided.
 */
import type { AgeBand, Character } from '../characters/character';
import { NARRATOR_ID } from '../characters/character';

export type VoiceAgeHint = 'child' | 'teen' | 'young_adult' | 'adult' | 'elderly';

export interface VoiceDescriptor {
  name: string;
  locale: string;
  gender: 'female' | 'male' | 'neutral';
  /** `young adult` (with a space) is accepted as an alias of `young_adult`. */
  ageHint?: VoiceAgeHint | 'young adult';
  styles: string[];
  engine: string;
  /** HD voices accept no phoneme, prosody, break or express-as. */
  hd?: boolean;
}

export interface CastingOverride {
  voiceName?: string;
  style?: string;
  styleDegree?: number;
  ratePercent?: number;
  pitchPercent?: number;
  /** Lets the user go beyond the prosody clamps. */
  allowExtremes?: boolean;
}

export interface VoiceAssignment {
  characterId: string;
  voiceName: string;
  locale: string;
  style: string | null;
  styleDegree: number | null;
  ratePercent: number;
  pitchPercent: number;
  overridden: boolean;
}

export interface CastVoicesInput {
  characters: Character[];
  voices: VoiceDescriptor[];
  bookLocale: string;
  overrides?: Record<string, CastingOverride>;
}

export class NoVoicesError extends Error {
  constructor() {
    super('No voices are available for casting');
    this.name = 'NoVoicesError';
  }
}

export const PROSODY_LIMITS = {
  rate: { min: -12, max: 8 },
  pitch: { min: -8, max: 6 },
  styleDegree: { min: 0.3, max: 0.9 },
} as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function clampRate(percent: number, allowExtremes = false): number {
  return allowExtremes ? clamp(percent, -50, 100) : clamp(percent, PROSODY_LIMITS.rate.min, PROSODY_LIMITS.rate.max);
}

export function clampPitch(percent: number, allowExtremes = false): number {
  return allowExtremes ? clamp(percent, -50, 50) : clamp(percent, PROSODY_LIMITS.pitch.min, PROSODY_LIMITS.pitch.max);
}

export function clampStyleDegree(degree: number, allowExtremes = false): number {
  return allowExtremes
    ? clamp(degree, 0.01, 2)
    : clamp(degree, PROSODY_LIMITS.styleDegree.min, PROSODY_LIMITS.styleDegree.max);
}

const IMPORTANCE_ORDER: Record<Character['importance'], number> = { narrator: 0, main: 1, supporting: 2, minor: 3 };
const AGE_ORDER: VoiceAgeHint[] = ['child', 'teen', 'young_adult', 'adult', 'elderly'];

function ageOf(voice: VoiceDescriptor): VoiceAgeHint {
  return voice.ageHint === 'young adult' ? 'young_adult' : (voice.ageHint ?? 'adult');
}

function language(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower is better; locale outranks gender outranks age. */
function mismatch(voice: VoiceDescriptor, character: Character, bookLocale: string): number {
  const localeCost =
    voice.locale.toLowerCase() === bookLocale.toLowerCase()
      ? 0
      : language(voice.locale) === language(bookLocale)
        ? 1
        : 2;
  const wantGender = character.gender === 'unknown' ? null : character.gender;
  const genderCost =
    wantGender === null
      ? voice.gender === 'male'
        ? 0.1
        : 0
      : voice.gender === wantGender
        ? 0
        : voice.gender === 'neutral'
          ? 0.5
          : 1;
  const ageCost =
    Math.abs(AGE_ORDER.indexOf(ageOf(voice)) - AGE_ORDER.indexOf(character.ageBand as AgeBand)) / AGE_ORDER.length;
  return localeCost * 100 + genderCost * 10 + ageCost;
}

export function castVoices({ characters, voices, bookLocale, overrides = {} }: CastVoicesInput): VoiceAssignment[] {
  if (voices.length === 0) throw new NoVoicesError();
  const pool = [...voices].sort((a, b) => compareText(a.name, b.name));
  const usage = new Map(pool.map((voice) => [voice.name, 0]));
  const ordered = [...characters].sort(
    (a, b) =>
      (a.id === NARRATOR_ID ? -1 : 0) - (b.id === NARRATOR_ID ? -1 : 0) ||
      IMPORTANCE_ORDER[a.importance] - IMPORTANCE_ORDER[b.importance] ||
      b.dialogueLineCount - a.dialogueLineCount ||
      compareText(a.id, b.id),
  );
  const byName = new Map(pool.map((voice) => [voice.name, voice]));
  const assignments: VoiceAssignment[] = [];
  for (const character of ordered) {
    const override = overrides[character.id] ?? {};
    const chosen =
      (override.voiceName ? byName.get(override.voiceName) : undefined) ??
      bestVoice(pool, usage, character, bookLocale);
    usage.set(chosen.name, (usage.get(chosen.name) ?? 0) + 1);
    const style = override.style && chosen.styles.includes(override.style) ? override.style : null;
    assignments.push({
      characterId: character.id,
      voiceName: chosen.name,
      locale: chosen.locale,
      style,
      styleDegree: style === null ? null : clampStyleDegree(override.styleDegree ?? 0.6, override.allowExtremes),
      ratePercent: clampRate(override.ratePercent ?? 0, override.allowExtremes),
      pitchPercent: clampPitch(override.pitchPercent ?? 0, override.allowExtremes),
      overridden: Object.keys(override).length > 0,
    });
  }
  return assignments;
}

function bestVoice(
  pool: VoiceDescriptor[],
  usage: Map<string, number>,
  character: Character,
  bookLocale: string,
): VoiceDescriptor {
  // The narrator never shares: it is cast first, so its voice is simply the best match and used once.
  const scored = pool.map((voice) => ({ voice, cost: mismatch(voice, character, bookLocale) }));
  const localeFloor = Math.min(...scored.map(({ cost }) => Math.floor(cost / 100)));
  const genderFloor = Math.min(
    ...scored
      .filter(({ cost }) => Math.floor(cost / 100) === localeFloor)
      .map(({ cost }) => Math.floor((cost % 100) / 10)),
  );
  const eligible = scored.filter(
    ({ cost }) => Math.floor(cost / 100) === localeFloor && Math.floor((cost % 100) / 10) === genderFloor,
  );
  eligible.sort(
    (a, b) =>
      (usage.get(a.voice.name) ?? 0) - (usage.get(b.voice.name) ?? 0) ||
      a.cost - b.cost ||
      compareText(a.voice.name, b.voice.name),
  );
  return eligible[0].voice;
}
