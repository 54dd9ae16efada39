/** The offline voice catalog: espeak-ng languages × variants, named like Azure voices so casting treats them alike. */

export type VoiceGender = 'female' | 'male';

export interface OfflineVoice {
  name: string;
  locale: string;
  gender: VoiceGender;
  ageHint: 'young adult' | 'adult' | 'elderly';
  styles: string[];
  engine: 'offline';
  /** espeak-ng language voice, e.g. `en-us`. */
  espeakVoice: string;
  /** espeak-ng variant, e.g. `f2`. */
  variant: string;
}

const LANGUAGES: { locale: string; espeakVoice: string }[] = [
  { locale: 'en-US', espeakVoice: 'en-us' },
  { locale: 'en-GB', espeakVoice: 'en-gb-x-rp' },
  { locale: 'es-ES', espeakVoice: 'es' },
  { locale: 'es-419', espeakVoice: 'es-419' },
  { locale: 'pt-BR', espeakVoice: 'pt-br' },
  { locale: 'pt-PT', espeakVoice: 'pt' },
  { locale: 'fr-FR', espeakVoice: 'fr' },
  { locale: 'de-DE', espeakVoice: 'de' },
  { locale: 'it-IT', espeakVoice: 'it' },
];

const VARIANTS: { label: string; gender: VoiceGender; variant: string; ageHint: OfflineVoice['ageHint'] }[] = [
  { label: 'Female1', gender: 'female', variant: 'f2', ageHint: 'adult' },
  { label: 'Female2', gender: 'female', variant: 'f4', ageHint: 'young adult' },
  { label: 'Male1', gender: 'male', variant: 'm3', ageHint: 'adult' },
  { label: 'Male2', gender: 'male', variant: 'm1', ageHint: 'adult' },
  { label: 'Male3', gender: 'male', variant: 'm7', ageHint: 'elderly' },
];

export const offlineVoices: readonly OfflineVoice[] = Object.freeze(
  LANGUAGES.flatMap(({ locale, espeakVoice }) =>
    VARIANTS.map(({ label, gender, variant, ageHint }) =>
      Object.freeze({
        name: `${locale}-Espeak${label}`,
        locale,
        gender,
        ageHint,
        styles: [],
        engine: 'offline' as const,
        espeakVoice,
        variant,
      }),
    ),
  ),
);

const BY_NAME = new Map(offlineVoices.map((voice) => [voice.name.toLowerCase(), voice]));

export function findOfflineVoice(name: string): OfflineVoice | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Closest catalog voice for a BCP-47 locale (`es-PE` → `es-419`, `pt` → `pt-BR`), preferring a gender. */
export function offlineVoiceForLocale(locale: string, gender?: VoiceGender): OfflineVoice | undefined {
  const wanted = locale.trim().toLowerCase();
  const language = wanted.split('-')[0];
  const candidates =
    pick((v) => v.locale.toLowerCase() === wanted) ??
    (language === 'es' && wanted !== 'es-es' && wanted !== 'es' ? pick((v) => v.locale === 'es-419') : undefined) ??
    pick((v) => v.locale.toLowerCase().startsWith(`${language}-`));
  if (!candidates) return undefined;
  return candidates.find((v) => v.gender === gender) ?? candidates[0];
}

function pick(predicate: (voice: OfflineVoice) => boolean): OfflineVoice[] | undefined {
  const found = offlineVoices.filter(predicate);
  return found.length > 0 ? found : undefined;
}

/** `en-us+f2`: the string espeak-ng's set_voice understands. */
export function espeakVoiceId(voice: Pick<OfflineVoice, 'espeakVoice' | 'variant'>): string {
  return voice.variant ? `${voice.espeakVoice}+${voice.variant}` : voice.espeakVoice;
}
