import { z } from 'zod';
import type { CastingPool, CastingSummary } from '../casting/castingService';
import { VoiceName } from './voices';

export const VoiceAssignmentView = z
  .object({
    characterId: z.string(),
    voiceName: z.string(),
    locale: z.string(),
    style: z.string().nullable(),
    styleDegree: z.number().nullable(),
    ratePercent: z.number(),
    pitchPercent: z.number(),
    overridden: z.boolean(),
  })
  .meta({ id: 'VoiceAssignment' });

export const CastingOverrideView = z
  .object({
    voiceName: z.string().optional(),
    style: z.string().optional(),
    styleDegree: z.number().optional(),
    ratePercent: z.number().optional(),
    pitchPercent: z.number().optional(),
    allowExtremes: z.boolean().optional(),
  })
  .meta({ id: 'CastingOverride' });

/**
 * Prosody values outside the prosody clamps (docs/domain.md §Casting) are accepted and clamped, unless `allowExtremes`
 * lets them through.
 */
export const SetVoiceRequest = z
  .strictObject({
    voiceName: VoiceName,
    style: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,50}$/)
      .optional(),
    styleDegree: z.number().min(0.01).max(2).optional(),
    ratePercent: z.number().min(-50).max(100).optional(),
    pitchPercent: z.number().min(-50).max(50).optional(),
    allowExtremes: z.boolean().optional(),
  })
  .meta({ id: 'SetVoiceRequest' });

export const CastingPoolView = z
  .object({ voiceNames: z.array(z.string()), isDefault: z.boolean(), bookLocale: z.string() })
  .meta({ id: 'CastingPool' });

export const SetCastingPoolRequest = z
  .strictObject({ voiceNames: z.array(VoiceName).min(1).max(500) })
  .meta({ id: 'SetCastingPoolRequest' });

export const CastingSummaryView = z
  .object({
    pool: CastingPoolView,
    assignments: z.array(
      z.object({
        characterId: z.string(),
        name: z.string(),
        importance: z.string(),
        voice: VoiceAssignmentView.nullable(),
        overridden: z.boolean(),
      }),
    ),
    characterCount: z.number().int(),
    charactersWithVoice: z.number().int(),
  })
  .meta({ id: 'CastingSummary' });
export type CastingSummaryView = z.infer<typeof CastingSummaryView>;

export function toCastingPoolView(pool: CastingPool): z.infer<typeof CastingPoolView> {
  return { voiceNames: pool.voiceNames, isDefault: pool.isDefault, bookLocale: pool.bookLocale };
}

export function toCastingSummaryView(summary: CastingSummary): CastingSummaryView {
  return {
    pool: toCastingPoolView(summary.pool),
    assignments: summary.characters.map((character) => ({
      characterId: character.characterId,
      name: character.name,
      importance: character.importance,
      voice: character.voice,
      overridden: character.override !== null,
    })),
    characterCount: summary.characterCount,
    charactersWithVoice: summary.charactersWithVoice,
  };
}
