export { EspeakSynthesizer, type EspeakSynthesizerOptions } from './espeakSynthesizer';
export { offlineVoices, findOfflineVoice, offlineVoiceForLocale, type OfflineVoice } from './voices';
export { translateSsml, type EspeakRun } from './ssmlToEspeak';
