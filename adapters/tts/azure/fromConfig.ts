/**
 * Builds the Azure Speech synthesizer and voice-list client from the app config, for the composition root:
 * a key when one is configured (local testing only; config forbids SPEECH_KEY in azure mode), otherwise Microsoft
 * Entra tokens for SPEECH_RESOURCE_ID from the given credential (the managed identity in Azure).
 */
import type { TokenCredential } from '@azure/identity';
import type { AppEnvironment } from '../../config/config';
import { AzureSpeechSynthesizer } from './azureSpeechSynthesizer';
import { type AzureVoiceListClient, createAzureVoiceListClient } from './azureVoiceList';
import type { SpeechCredentials } from './speechAuth';

export type AzureSpeechSettings = Pick<AppEnvironment, 'SPEECH_REGION' | 'SPEECH_ENDPOINT' | 'SPEECH_RESOURCE_ID'> & {
  SPEECH_KEY?: string;
};

export function azureSpeechCredentials(
  settings: AzureSpeechSettings,
  credential: () => TokenCredential,
): SpeechCredentials {
  if (settings.SPEECH_KEY) return { kind: 'key', key: settings.SPEECH_KEY };
  if (!settings.SPEECH_RESOURCE_ID) {
    throw new Error('Azure Speech needs SPEECH_RESOURCE_ID (keyless, Microsoft Entra) or, locally, SPEECH_KEY');
  }
  return { kind: 'entra', resourceId: settings.SPEECH_RESOURCE_ID, credential: credential() };
}

/** The Azure Speech clients of one configuration: both authenticate the same way. */
export interface AzureSpeech {
  synthesizer: AzureSpeechSynthesizer;
  voices: AzureVoiceListClient;
}

export function createAzureSpeechFromConfig(
  settings: AzureSpeechSettings,
  credential: () => TokenCredential,
  options: { requestTimeoutMs?: number } = {},
): AzureSpeech {
  const credentials = azureSpeechCredentials(settings, credential);
  const location = { region: settings.SPEECH_REGION, endpoint: settings.SPEECH_ENDPOINT };
  return {
    synthesizer: new AzureSpeechSynthesizer({ ...location, credentials, requestTimeoutMs: options.requestTimeoutMs }),
    // The regional voices/list host accepts aad# tokens directly; a custom domain would need the SDK's redirect probe.
    voices: createAzureVoiceListClient(
      settings.SPEECH_REGION
        ? { region: settings.SPEECH_REGION, credentials }
        : { endpoint: settings.SPEECH_ENDPOINT, credentials },
    ),
  };
}
