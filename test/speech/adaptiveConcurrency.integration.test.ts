/**
 * The AIMD limiter driving the real Azure adapter (real Speech SDK) against the fake service while it throttles:
 * a storm of 4429s and refused upgrades, then a capacity it enforces. Every request completes, the limiter backs
 * off (visible in its stats), a permanent error surfaces once and is never retried, and cancel stops new work.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SpeechPermanentError } from '../../core/ports/speech';
import { AdaptiveConcurrency } from '../../core/production/adaptiveConcurrency';
import { SpeechCancelledError } from '../../core/production/speechRetry';
import { readWavInfo } from '../../adapters/audio/wavHeader';
import { AzureSpeechSynthesizer } from '../../adapters/tts/azure';
import { type FakeSpeechService, startFakeSpeechService } from '../support/fakeSpeechService';

const ssmlFor = (text: string, voice = 'es-PE-CamilaNeural') =>
  `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="es-PE"><voice name="${voice}">${text}</voice></speak>`;

describe('AdaptiveConcurrency + AzureSpeechSynthesizer under throttling', () => {
  let fake: FakeSpeechService | undefined;
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'khipu-aimd-'));
  });
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  function synthesizerFor(service: FakeSpeechService): AzureSpeechSynthesizer {
    return new AzureSpeechSynthesizer({
      endpoint: service.websocketUrl,
      credentials: { kind: 'key', key: service.key },
      requestTimeoutMs: 30_000,
    });
  }

  it('completes 40 requests through a throttling storm, backs off, and surfaces a permanent error once', async () => {
    fake = await startFakeSpeechService({ latencyMs: 40 });
    const service = fake;
    service.script('throttle-4429', 6);
    service.script('throttle-http-429', 3);
    service.script('throttle-1007', 3);
    service.setCapacity(4);
    const synthesizer = synthesizerFor(service);
    const limiter = new AdaptiveConcurrency({
      initialLimit: 2,
      maxLimit: 12,
      retry: { maxAttempts: 15, baseDelayMs: 20, maxDelayMs: 250 },
    });

    const texts = Array.from({ length: 40 }, (_, i) => `Línea número ${i + 1}${' y más'.repeat(i % 5)}.`);
    const jobs = texts.map((text, i) =>
      limiter.run(() =>
        synthesizer.synthesize(
          { ssml: ssmlFor(text), outputFormat: 'pcm-24khz-16bit-mono' },
          path.join(dir, `${i}.wav`),
        ),
      ),
    );
    const doomed = limiter.run(() =>
      synthesizer.synthesize(
        { ssml: ssmlFor('Nadie.', 'es-PE-NadieNeural'), outputFormat: 'pcm-24khz-16bit-mono' },
        path.join(dir, 'doomed.wav'),
      ),
    );

    const results = await Promise.all(jobs);
    await expect(doomed).rejects.toBeInstanceOf(SpeechPermanentError);

    expect(results).toHaveLength(40);
    for (const [i, text] of texts.entries()) {
      const info = await readWavInfo(path.join(dir, `${i}.wav`));
      expect(info).toMatchObject({ sampleRateHz: 24000, channels: 1, bitsPerSample: 16 });
      expect(results[i]!.durationMs).toBe(Math.round((0.15 + 0.04 * Array.from(text).length) * 1000));
    }
    expect((await readdir(dir)).sort()).toEqual(texts.map((_, i) => `${i}.wav`).sort());

    const stats = limiter.stats();
    expect(stats.succeeded).toBe(40);
    expect(stats.throttled).toBeGreaterThanOrEqual(12);
    expect(stats.decreases).toBeGreaterThanOrEqual(1);
    expect(stats.retries).toBe(stats.throttled);
    expect(stats.lowestConcurrencyAfterBackoff).not.toBeNull();
    expect(stats.permanentFailures).toBe(1);
    expect(stats.exhausted).toBe(0);
    // The doomed request may be throttled (and retried) before the service looks at its voice; once refused for the
    // voice it is never sent again.
    expect(service.ssml.filter((s) => s.includes('es-PE-NadieNeural')).length).toBeGreaterThanOrEqual(1);
    expect(service.stats().failed).toBe(1);
    expect(service.stats().completed).toBe(40);
  });

  it('pauses new work for the retry-after the service sends', async () => {
    fake = await startFakeSpeechService({ latencyMs: 10, retryAfterSeconds: 1 });
    fake.script('throttle-4429');
    const synthesizer = synthesizerFor(fake);
    const limiter = new AdaptiveConcurrency({ initialLimit: 2 });
    const jobs = Array.from({ length: 4 }, (_, i) =>
      limiter.run(() =>
        synthesizer.synthesize(
          { ssml: ssmlFor(`Pausa ${i}.`), outputFormat: 'pcm-24khz-16bit-mono' },
          path.join(dir, `p${i}.wav`),
        ),
      ),
    );
    await Promise.all(jobs);
    expect(limiter.stats()).toMatchObject({ succeeded: 4, throttled: 1, pauses: 1, retries: 1 });
  });

  it('cancel stops new work: nothing reaches the service after the abort beyond calls already running', async () => {
    fake = await startFakeSpeechService({ latencyMs: 30 });
    const service = fake;
    const synthesizer = synthesizerFor(service);
    const controller = new AbortController();
    const limiter = new AdaptiveConcurrency({ initialLimit: 2, maxLimit: 4, signal: controller.signal });
    let done = 0;
    let atAbort: { requests: number; inFlight: number } | undefined;
    const jobs = Array.from({ length: 20 }, (_, i) =>
      limiter
        .run(async (signal) => {
          if (signal.aborted) throw new SpeechCancelledError();
          return synthesizer.synthesize(
            { ssml: ssmlFor(`Corte ${i}.`), outputFormat: 'pcm-24khz-16bit-mono' },
            path.join(dir, `c${i}.wav`),
          );
        })
        .then(() => {
          done++;
          if (done === 3) {
            atAbort = { requests: service.stats().requests, inFlight: limiter.stats().inFlight };
            controller.abort();
          }
        }),
    );
    const outcomes = await Promise.allSettled(jobs);
    expect(atAbort).toBeDefined();
    const cancelled = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof SpeechCancelledError);
    expect(cancelled.length).toBeGreaterThanOrEqual(20 - 3 - atAbort!.inFlight);
    expect(service.stats().requests).toBeLessThanOrEqual(atAbort!.requests + atAbort!.inFlight);
    await expect(limiter.run(async () => 'late')).rejects.toBeInstanceOf(SpeechCancelledError);
  });
});
