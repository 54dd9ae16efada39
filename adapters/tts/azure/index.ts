export { AzureSpeechSynthesizer, type AzureSpeechSynthesizerOptions, MAX_SSML_BYTES } from './azureSpeechSynthesizer';
export {
  createAzureVoiceListClient,
  type AzureVoiceListClient,
  type AzureVoiceListClientOptions,
} from './azureVoiceList';
export { SpeechAuthProvider, type SpeechCredentials, COGNITIVE_SERVICES_SCOPE } from './speechAuth';
export { mapSdkCancellation, retryAfterMsOf } from './speechFailures';
export {
  azureSpeechCredentials,
  createAzureSpeechFromConfig,
  type AzureSpeech,
  type AzureSpeechSettings,
} from './fromConfig';
