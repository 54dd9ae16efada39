import { z } from 'zod';
import type { VoiceDescriptor } from '../ports/voices';
import { text } from './common';

/** Azure names like `es-PE-CamilaNeural` or `en-US-Ava:DragonHDLatestNeural`; offline `en-US-EspeakFemale1`. */
export const VoiceName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9:_.-]{1,119}$/, 'must be a voice name from the catalog');

const LocaleTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'must be a BCP 47 tag such as es-PE');
const StyleName = z.string().regex(/^[A-Za-z0-9_-]{1,50}$/, 'must be a style name');

export const VoiceView = z
  .object({
    name: z.string(),
    locale: z.string(),
    gender: z.enum(['female', 'male', 'neutral']),
    ageHint: z.string().nullable(),
    styles: z.array(z.string()),
    engine: z.string(),
    hd: z.boolean(),
  })
  .meta({ id: 'Voice' });
export type VoiceView = z.infer<typeof VoiceView>;

export const VoiceList = z.object({ engine: z.string(), items: z.array(VoiceView) }).meta({ id: 'VoiceList' });

export const ListVoicesQuery = z.strictObject({
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}$/, 'must be a language code such as es')
    .optional(),
  locale: LocaleTag.optional(),
  gender: z.enum(['female', 'male', 'neutral']).optional(),
  style: StyleName.optional(),
});

export const AuditionRequest = z
  .strictObject({
    /** Longer text is cut to 300 characters at a word boundary. */
    text: text(2000).optional(),
    locale: LocaleTag.optional(),
    style: StyleName.optional(),
  })
  .meta({ id: 'AuditionRequest' });

export const VoiceNameParams = z.strictObject({ voiceName: VoiceName });

export function toVoiceView(voice: VoiceDescriptor): VoiceView {
  return {
    name: voice.name,
    locale: voice.locale,
    gender: voice.gender,
    ageHint: voice.ageHint === 'young adult' ? 'young_adult' : (voice.ageHint ?? null),
    styles: voice.styles,
    engine: voice.engine,
    hd: voice.hd === true,
  };
}
