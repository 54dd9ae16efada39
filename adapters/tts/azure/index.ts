export { AzureSpeechSynthesizer } from './azureSpeechSynthesizer';
export { createAzureVoiceListClient } from './azureVoiceList';
export { azureSpeechCredentials, createAzureSpeechFromConfig } from './fromConfig';
