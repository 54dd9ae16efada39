import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AzureVoiceCatalog, clearAzureVoiceCache } from './azureVoiceCatalog';
import { createAzureVoiceListClient, voiceListUrl } from '../tts/azure/azureVoiceList';

/** A local stand-in for the Speech service's voices/list REST endpoint (the real one needs an Azure account). */
const VOICES = [
  {
    ShortName: 'es-PE-CamilaNeural',
    Locale: 'es-PE',
    Gender: 'Female',
    VoiceType: 'Neural',
    Status: 'GA',
  },
  {
    ShortName: 'en-US-JennyNeural',
    Locale: 'en-US',
    Gender: 'Female',
    StyleList: ['cheerful', 'sad'],
  },
  { ShortName: 'en-US-GuyNeural', Locale: 'en-US', Gender: 'Male', StyleList: ['newscast'] },
  { ShortName: 'en-US-Ava:DragonHDLatestNeural', Locale: 'en-US', Gender: 'Female' },
  { ShortName: '<script>', Locale: 'en-US', Gender: 'Female' },
];

let server: http.Server;
let baseUrl: string;
let requests: { key: string | undefined; path: string | undefined }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push({ key: req.headers['ocp-apim-subscription-key'] as string | undefined, path: req.url });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(VOICES));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
  clearAzureVoiceCache();
});

const catalog = () =>
  new AzureVoiceCatalog(baseUrl, () =>
    createAzureVoiceListClient({ endpoint: baseUrl, credentials: { kind: 'key', key: 'k' }, ttlMs: 0 }).listVoices(),
  );

describe('Azure voice catalog', () => {
  it('builds the documented regional URL', () => {
    expect(voiceListUrl(undefined, 'eastus')).toBe(
      'https://eastus.tts.speech.microsoft.com/cognitiveservices/voices/list',
    );
    expect(() => voiceListUrl(undefined, 'east us/../x')).toThrow();
    expect(voiceListUrl('ws://127.0.0.1:9/cognitiveservices/websocket/v1', undefined)).toBe(
      'http://127.0.0.1:9/cognitiveservices/voices/list',
    );
  });

  it('maps the service list to descriptors, drops malformed names, and filters by locale, gender and style', async () => {
    const voices = await catalog().list();
    expect(voices.map((v) => v.name)).toEqual([
      'en-US-Ava:DragonHDLatestNeural',
      'en-US-GuyNeural',
      'en-US-JennyNeural',
      'es-PE-CamilaNeural',
    ]);
    expect(voices.find((v) => v.name.includes('Dragon'))).toMatchObject({ hd: true, engine: 'azure' });
    expect((await catalog().list({ style: 'cheerful' })).map((v) => v.name)).toEqual(['en-US-JennyNeural']);
    expect((await catalog().list({ language: 'es', gender: 'female' })).map((v) => v.name)).toEqual([
      'es-PE-CamilaNeural',
    ]);
    expect(await catalog().find('es-pe-camilaneural')).toMatchObject({ name: 'es-PE-CamilaNeural', locale: 'es-PE' });
    expect(await catalog().find('<script>')).toBeUndefined();
  });

  it('asks the service once per region and reuses the list', async () => {
    await catalog().list();
    await catalog().find('en-US-GuyNeural');
    await Promise.all([catalog().list(), catalog().list()]);
    expect(requests).toEqual([{ key: 'k', path: '/cognitiveservices/voices/list' }]);
  });
});
