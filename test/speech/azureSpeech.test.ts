/**
 * The Azure Speech adapter with the REAL Speech SDK against the local fake service (websocket protocol, voices list):
 * audio lands as a WAV ffprobe reads as 16-bit mono PCM at the requested rate; throttling, permanent failures,
 * hangs and Entra token auth behave as the port promises.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { SpeechPermanentError, SpeechThrottledError, type SpeechOutputFormat } from '../../core/ports/speech';
import { SpeechTransientError } from '../../core/production/speechRetry';
import { probe } from '../../adapters/audio/probe';
import { AzureSpeechSynthesizer, createAzureVoiceListClient } from '../../adapters/tts/azure';
import { type FakeSpeechService, startFakeSpeechService } from '../support/fakeSpeechService';

const RESOURCE_ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/speech';

function ssmlFor(text: string, voice = 'en-US-JennyNeural'): string {
  return (
    '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">' +
    `<voice name="${voice}"><prosody rate="-5%">${text}</prosody></voice></speak>`
  );
}

class CountingCredential implements TokenCredential {
  calls = 0;
  constructor(private readonly expiresInMs: number) {}
  async getToken(): Promise<AccessToken> {
    this.calls++;
    return { token: `entra-token-${this.calls}`, expiresOnTimestamp: Date.now() + this.expiresInMs };
  }
}

describe('AzureSpeechSynthesizer against the fake Speech service', () => {
  let fake: FakeSpeechService;
  let dir: string;
  let synthesizer: AzureSpeechSynthesizer;
  const out = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    fake = await startFakeSpeechService({ retryAfterSeconds: 2 });
    synthesizer = new AzureSpeechSynthesizer({
      endpoint: fake.websocketUrl,
      credentials: { kind: 'key', key: fake.key },
      requestTimeoutMs: 20_000,
    });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'khipu-azure-speech-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a 24 kHz 16-bit mono WAV that ffprobe reads, and reports duration and billable characters', async () => {
    const ssml = ssmlFor('Hello from the fake service.');
    const result = await synthesizer.synthesize({ ssml, outputFormat: 'pcm-24khz-16bit-mono' }, out('a.wav'));
    const probed = await probe(out('a.wav'));
    expect(probed.audio).toMatchObject({ codecName: 'pcm_s16le', sampleRateHz: 24000, channels: 1 });
    // The fake renders 150 ms + 40 ms per spoken character (28 here).
    expect(result.durationMs).toBe(1270);
    expect(Math.round(probed.durationSec * 1000)).toBe(1270);
    expect(result.bytes).toBe(probed.sizeBytes);
    expect(result.billableCharacters).toBe('<prosody rate="-5%">Hello from the fake service.</prosody>'.length);
    expect(fake.ssml.at(-1)).toBe(ssml);
    expect(fake.outputFormats.at(-1)).toBe('raw-24khz-16bit-mono-pcm');
  });

  it('asks for 48 kHz (Riff48Khz16BitMonoPcm) when the request names that format', async () => {
    const ssml = ssmlFor('Forty eight.');
    const result = await synthesizer.synthesize({ ssml, outputFormat: 'pcm-48khz-16bit-mono' }, out('b.wav'));
    const probed = await probe(out('b.wav'));
    expect(probed.audio).toMatchObject({ codecName: 'pcm_s16le', sampleRateHz: 48000, channels: 1 });
    expect(fake.outputFormats.at(-1)).toBe('raw-48khz-16bit-mono-pcm');
    // Same duration as at 24 kHz (150 ms + 40 ms per spoken character), twice the samples.
    expect(result.durationMs).toBe(150 + 40 * 'Forty eight.'.length);
    expect(Math.round(probed.durationSec * 1000)).toBe(result.durationMs);
    expect(result.bytes).toBe(probed.sizeBytes);
  });

  it('refuses an output format the port does not define, before calling the service', async () => {
    const requestsBefore = fake.ssml.length;
    const outputFormat = 'pcm-16khz-16bit-mono' as unknown as SpeechOutputFormat;
    await expect(synthesizer.synthesize({ ssml: ssmlFor('Sixteen.'), outputFormat }, out('c.wav'))).rejects.toThrow(
      SpeechPermanentError,
    );
    expect(fake.ssml.length).toBe(requestsBefore);
  });

  it.each([
    ['throttle-4429', 2000],
    ['throttle-1007', 2000],
    // The SDK does not surface the headers of a refused upgrade, so the delay is unknown there.
    ['throttle-http-429', undefined],
  ] as const)('maps %s to SpeechThrottledError with retry-after %p', async (behavior, retryAfterMs) => {
    fake.script(behavior);
    const failure = synthesizer.synthesize(
      { ssml: ssmlFor('Slow down.'), outputFormat: 'pcm-24khz-16bit-mono' },
      out('t.wav'),
    );
    await expect(failure).rejects.toBeInstanceOf(SpeechThrottledError);
    await expect(failure).rejects.toMatchObject({ retryAfterMs });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['malformed SSML', '<speak>unclosed', 'invalid_ssml'],
    ['an unknown voice', ssmlFor('Who?', 'en-US-NobodyNeural'), 'voice_not_found'],
  ])('maps %s to SpeechPermanentError', async (_case, ssml, reason) => {
    const failure = synthesizer.synthesize({ ssml, outputFormat: 'pcm-24khz-16bit-mono' }, out('p.wav'));
    await expect(failure).rejects.toBeInstanceOf(SpeechPermanentError);
    await expect(failure).rejects.toMatchObject({ reason });
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects a wrong key as unauthorized, and SSML over 64 KB without calling the service', async () => {
    const wrongKey = new AzureSpeechSynthesizer({
      endpoint: fake.websocketUrl,
      credentials: { kind: 'key', key: 'nope' },
    });
    await expect(
      wrongKey.synthesize({ ssml: ssmlFor('Let me in.'), outputFormat: 'pcm-24khz-16bit-mono' }, out('u.wav')),
    ).rejects.toMatchObject({ name: 'SpeechPermanentError', reason: 'unauthorized' });
    const before = fake.stats().requests;
    const huge = ssmlFor('word '.repeat(14_000));
    await expect(
      synthesizer.synthesize({ ssml: huge, outputFormat: 'pcm-24khz-16bit-mono' }, out('h.wav')),
    ).rejects.toMatchObject({ name: 'SpeechPermanentError', reason: 'too_long' });
    expect(fake.stats().requests).toBe(before);
  });

  it('gives up on a request the service never answers with a retryable timeout', async () => {
    const impatient = new AzureSpeechSynthesizer({
      endpoint: fake.websocketUrl,
      credentials: { kind: 'key', key: fake.key },
      requestTimeoutMs: 1_000,
    });
    fake.script('hang');
    const failure = impatient.synthesize(
      { ssml: ssmlFor('Anyone?'), outputFormat: 'pcm-24khz-16bit-mono' },
      out('x.wav'),
    );
    await expect(failure).rejects.toBeInstanceOf(SpeechTransientError);
    await expect(failure).rejects.toMatchObject({ kind: 'timeout' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('authenticates with Entra as aad#{resourceId}#{token}, reusing the token until it nears expiry', async () => {
    const credential = new CountingCredential(60 * 60_000);
    fake.acceptToken(`aad#${RESOURCE_ID}#entra-token-1`);
    const entra = new AzureSpeechSynthesizer({
      endpoint: fake.websocketUrl,
      credentials: { kind: 'entra', resourceId: RESOURCE_ID, credential },
    });
    await entra.synthesize({ ssml: ssmlFor('One.'), outputFormat: 'pcm-24khz-16bit-mono' }, out('e1.wav'));
    await entra.synthesize({ ssml: ssmlFor('Two.'), outputFormat: 'pcm-24khz-16bit-mono' }, out('e2.wav'));
    expect(credential.calls).toBe(1);
    expect(fake.authorizations.filter((a) => a === `Bearer aad#${RESOURCE_ID}#entra-token-1`)).toHaveLength(2);

    // A token that expires within the refresh margin is replaced before the next request.
    const shortLived = new CountingCredential(60_000);
    fake.acceptToken(`aad#${RESOURCE_ID}#entra-token-2`);
    const refreshing = new AzureSpeechSynthesizer({
      endpoint: fake.websocketUrl,
      credentials: { kind: 'entra', resourceId: RESOURCE_ID, credential: shortLived },
    });
    await refreshing.synthesize({ ssml: ssmlFor('Three.'), outputFormat: 'pcm-24khz-16bit-mono' }, out('e3.wav'));
    await refreshing.synthesize({ ssml: ssmlFor('Four.'), outputFormat: 'pcm-24khz-16bit-mono' }, out('e4.wav'));
    expect(shortLived.calls).toBe(2);
  });
});

describe('createAzureVoiceListClient against the fake Speech service', () => {
  let fake: FakeSpeechService;
  beforeAll(async () => {
    fake = await startFakeSpeechService();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('parses voices into descriptors and caches them per region until the TTL passes', async () => {
    let now = 1_000_000;
    const client = createAzureVoiceListClient({
      endpoint: fake.httpUrl,
      credentials: { kind: 'key', key: fake.key },
      ttlMs: 60_000,
      now: () => now,
    });
    const before = fake.stats().voiceListRequests;
    const [voices] = await Promise.all([client.listVoices(), client.listVoices()]);
    await client.listVoices();
    expect(fake.stats().voiceListRequests - before).toBe(1);

    const byName = new Map(voices.map((v) => [v.name, v]));
    expect(byName.get('en-US-JennyNeural')).toEqual({
      name: 'en-US-JennyNeural',
      locale: 'en-US',
      gender: 'female',
      styles: ['assistant', 'chat', 'cheerful', 'sad'],
      engine: 'azure',
    });
    expect(byName.get('es-PE-AlexNeural')).toMatchObject({ locale: 'es-PE', gender: 'male', styles: [] });
    expect(byName.get('en-US-AnaNeural')?.ageHint).toBe('child');
    expect(byName.get('en-GB-RyanNeural')?.ageHint).toBe('elderly');
    expect(byName.get('en-US-Ava:DragonHDLatestNeural')?.hd).toBe(true);
    expect(byName.get('en-US-JennyNeural')?.hd).toBeUndefined();

    now += 61_000;
    await client.listVoices();
    expect(fake.stats().voiceListRequests - before).toBe(2);
  });

  it('refuses a wrong key', async () => {
    const client = createAzureVoiceListClient({ endpoint: fake.httpUrl, credentials: { kind: 'key', key: 'nope' } });
    await expect(client.listVoices()).rejects.toThrow(/HTTP 401/);
  });
});
