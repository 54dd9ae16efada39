import type { TokenCredential } from '@azure/identity';
import { azureSpeechCredentials, createAzureSpeechFromConfig } from '../../adapters/tts/azure';
import { voiceListUrl } from '../../adapters/tts/azure/azureVoiceList';

const RESOURCE_ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/speech';
const credential: TokenCredential = {
  getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

describe('Azure Speech from config', () => {
  it('uses the key when one is configured (local testing) and Entra for the resource otherwise', () => {
    expect(azureSpeechCredentials({ SPEECH_KEY: 'k', SPEECH_REGION: 'eastus' }, () => credential)).toEqual({
      kind: 'key',
      key: 'k',
    });
    expect(azureSpeechCredentials({ SPEECH_RESOURCE_ID: RESOURCE_ID }, () => credential)).toEqual({
      kind: 'entra',
      resourceId: RESOURCE_ID,
      credential,
    });
    expect(() => azureSpeechCredentials({ SPEECH_REGION: 'eastus' }, () => credential)).toThrow(/SPEECH_RESOURCE_ID/);
  });

  it('refuses a resource id that is not an Azure resource id and a config without region or endpoint', () => {
    expect(() =>
      createAzureSpeechFromConfig({ SPEECH_RESOURCE_ID: 'aad#evil', SPEECH_REGION: 'eastus' }, () => credential),
    ).toThrow(/resource id/);
    expect(() => createAzureSpeechFromConfig({ SPEECH_KEY: 'k' }, () => credential)).toThrow(/region or an endpoint/);
  });

  it('builds voice-list URLs only from a well-formed region or the endpoint host', () => {
    expect(voiceListUrl(undefined, 'eastus')).toBe(
      'https://eastus.tts.speech.microsoft.com/cognitiveservices/voices/list',
    );
    expect(voiceListUrl('wss://x.example/any?q=1', undefined)).toBe('https://x.example/cognitiveservices/voices/list');
    expect(() => voiceListUrl(undefined, 'evil.com/')).toThrow(/valid region/);
  });
});
