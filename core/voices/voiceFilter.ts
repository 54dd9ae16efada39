/** Catalog filtering and ordering shared by every catalog adapter, so the offline and Azure lists behave alike. */
import type { VoiceDescriptor, VoiceFilter } from '../ports/voices';

export function languageOf(locale: string): string {
  return locale.trim().toLowerCase().split(/[-_]/)[0];
}

export function matchesFilter(voice: VoiceDescriptor, filter: VoiceFilter = {}): boolean {
  if (filter.language && languageOf(voice.locale) !== languageOf(filter.language)) return false;
  if (filter.locale && voice.locale.toLowerCase() !== filter.locale.trim().toLowerCase()) return false;
  if (filter.gender && voice.gender !== filter.gender) return false;
  if (filter.style) {
    const wanted = filter.style.toLowerCase();
    if (!voice.styles.some((style) => style.toLowerCase() === wanted)) return false;
  }
  return true;
}

/** Stable order (locale, then name) so lists and default pools never depend on the source's order. */
export function sortVoices(voices: readonly VoiceDescriptor[]): VoiceDescriptor[] {
  return [...voices].sort((a, b) =>
    a.locale === b.locale ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.locale < b.locale ? -1 : 1,
  );
}

export function filterVoices(voices: readonly VoiceDescriptor[], filter?: VoiceFilter): VoiceDescriptor[] {
  return sortVoices(voices.filter((voice) => matchesFilter(voice, filter)));
}
