export { EspeakSynthesizer } from './espeakSynthesizer';
export { offlineVoices } from './voices';
