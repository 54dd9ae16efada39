/** The offline engine's voices (espeak-ng languages × variants) as the catalog port. */
import type { VoiceCatalog, VoiceDescriptor, VoiceFilter } from '../../core/ports/voices';
import { filterVoices } from '../../core/voices/voiceFilter';
import { offlineVoices } from '../tts/espeak/voices';

const descriptors: readonly VoiceDescriptor[] = Object.freeze(
  offlineVoices.map((voice): VoiceDescriptor => ({
    name: voice.name,
    locale: voice.locale,
    gender: voice.gender,
    ageHint: voice.ageHint,
    styles: [...voice.styles],
    engine: voice.engine,
  })),
);
const byName = new Map(descriptors.map((voice) => [voice.name.toLowerCase(), voice]));

export class OfflineVoiceCatalog implements VoiceCatalog {
  readonly engine = 'offline';

  list(filter?: VoiceFilter): Promise<VoiceDescriptor[]> {
    return Promise.resolve(filterVoices(descriptors, filter));
  }

  find(name: string): Promise<VoiceDescriptor | undefined> {
    return Promise.resolve(byName.get(name.trim().toLowerCase()));
  }
}
