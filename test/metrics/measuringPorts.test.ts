/**
 * The measuring wrappers of the speech and analysis ports: outcomes, billable characters and tokens as the engines
 * report them, and the tenant taken from the work's scope, also when many tenants' requests wait in the one TTS
 * limiter production shares and are started by each other's completions.
 */
import { measuringAnalysisEngines, measuringSpeechSynthesizer } from '../../adapters/metrics/measuringPorts';
import { runForTenant } from '../../adapters/metrics/tenantScope';
import { AdaptiveConcurrency } from '../../core/production/adaptiveConcurrency';
import { SpeechCancelledError } from '../../core/production/speechRetry';
import type { AnalysisEngines } from '../../core/ports/analysis';
import type { Measurement } from '../../core/ports/metrics';
import {
  SpeechPermanentError,
  SpeechThrottledError,
  type SpeechRequest,
  type SpeechSynthesizer,
} from '../../core/ports/speech';

function collecting(): { measurements: Measurement[]; record(m: Measurement): void } {
  const measurements: Measurement[] = [];
  return { measurements, record: (m) => measurements.push(m) };
}

const request = (text: string): SpeechRequest => ({
  ssml: `<speak version="1.0" xml:lang="en-US"><voice name="v">${text}</voice></speak>`,
  outputFormat: 'pcm-24khz-16bit-mono',
});

/** An engine that answers in the order it is told to, so requests overlap as they do in production. */
function engineWithBehaviour(behave: (text: string) => Promise<number>): SpeechSynthesizer {
  return {
    engine: 'azure',
    async synthesize(req) {
      const text = /<voice name="v">(.*)<\/voice>/.exec(req.ssml)![1]!;
      const characters = await behave(text);
      return { durationMs: 1000, bytes: 44, billableCharacters: characters };
    },
  };
}

test('each TTS request is measured with its outcome and billed characters, and errors still reach the caller', async () => {
  const metrics = collecting();
  let clock = 0;
  const speech = measuringSpeechSynthesizer(
    engineWithBehaviour(async (text) => {
      clock += 250;
      if (text === 'slow down') throw new SpeechThrottledError('429', 1000);
      if (text === 'bad') throw new SpeechPermanentError('invalid SSML', 'invalid_ssml');
      if (text === 'stop') throw new SpeechCancelledError('the job was stopped');
      return text.length;
    }),
    metrics,
    { now: () => clock },
  );
  await runForTenant('t-andes', async () => {
    await speech.synthesize(request('hello there'), '/tmp/unused.wav');
    await expect(speech.synthesize(request('slow down'), '/tmp/unused.wav')).rejects.toBeInstanceOf(
      SpeechThrottledError,
    );
    await expect(speech.synthesize(request('bad'), '/tmp/unused.wav')).rejects.toBeInstanceOf(SpeechPermanentError);
    await expect(speech.synthesize(request('stop'), '/tmp/unused.wav')).rejects.toBeInstanceOf(SpeechCancelledError);
  });
  expect(speech.engine).toBe('azure');
  expect(metrics.measurements).toEqual([
    {
      name: 'speech.request',
      tenantId: 't-andes',
      engine: 'azure',
      outcome: 'ok',
      durationMs: 250,
      billableCharacters: 11,
    },
    {
      name: 'speech.request',
      tenantId: 't-andes',
      engine: 'azure',
      outcome: 'throttled',
      durationMs: 250,
      billableCharacters: 0,
    },
    {
      name: 'speech.request',
      tenantId: 't-andes',
      engine: 'azure',
      outcome: 'failed',
      durationMs: 250,
      billableCharacters: 0,
    },
    {
      name: 'speech.request',
      tenantId: 't-andes',
      engine: 'azure',
      outcome: 'cancelled',
      durationMs: 250,
      billableCharacters: 0,
    },
  ]);
});

test('requests of 24 tenants queued in one limiter are each attributed to their own tenant', async () => {
  const metrics = collecting();
  // Every request waits for the next tick of its own, so requests finish while others are queued behind them.
  const speech = measuringSpeechSynthesizer(
    engineWithBehaviour(async (text) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return Number(text);
    }),
    metrics,
  );
  const limiter = new AdaptiveConcurrency({ initialLimit: 1, maxLimit: 1 });
  const tenants = Array.from({ length: 24 }, (_, i) => `t-${i}`);
  await Promise.all(
    tenants.map((tenantId, i) =>
      runForTenant(tenantId, () =>
        Promise.all(
          [0, 1, 2].map((n) => limiter.run(() => speech.synthesize(request(String(i * 10 + n)), '/tmp/unused.wav'))),
        ),
      ),
    ),
  );
  expect(metrics.measurements).toHaveLength(72);
  for (const m of metrics.measurements) {
    if (m.name !== 'speech.request') throw new Error(m.name);
    // The characters encode which tenant sent the request.
    expect(m.tenantId).toBe(`t-${Math.floor(m.billableCharacters / 10)}`);
  }
});

test('work outside any tenant is measured without one, even inside another tenant’s scope', async () => {
  const metrics = collecting();
  const speech = measuringSpeechSynthesizer(
    engineWithBehaviour(async () => 3),
    metrics,
  );
  await runForTenant('t-andes', () => runForTenant(undefined, () => speech.synthesize(request('abc'), '/tmp/x.wav')));
  expect(metrics.measurements[0]).toMatchObject({ tenantId: undefined });
});

test('analysis calls are measured with the tokens and model calls the engine reports; failures without tokens', async () => {
  const metrics = collecting();
  let clock = 0;
  const usage = { promptTokens: 1200, completionTokens: 80, model: 'gpt-4o', calls: 2 };
  const inner: AnalysisEngines = {
    characters: {
      engine: 'azure-openai',
      detect: async () => {
        clock += 4000;
        return { characters: [], usage };
      },
    },
    attribution: {
      engine: 'azure-openai',
      attribute: async () => {
        clock += 900;
        throw new Error('the deployment answered 500 three times');
      },
    },
  };
  const engines = measuringAnalysisEngines(inner, metrics, { now: () => clock });
  await runForTenant('t-pampa', async () => {
    await engines.characters.detect({ chapters: [], language: 'en' });
    await expect(
      engines.attribution.attribute({ chapter: { id: 'c', language: 'en' }, segments: [], characters: [] }),
    ).rejects.toThrow('500 three times');
  });
  expect(engines.characters.engine).toBe('azure-openai');
  expect(metrics.measurements).toEqual([
    {
      name: 'llm.request',
      tenantId: 't-pampa',
      engine: 'azure-openai',
      operation: 'characters',
      outcome: 'ok',
      durationMs: 4000,
      promptTokens: 1200,
      completionTokens: 80,
      modelCalls: 2,
    },
    {
      name: 'llm.request',
      tenantId: 't-pampa',
      engine: 'azure-openai',
      operation: 'attribution',
      outcome: 'failed',
      durationMs: 900,
      promptTokens: 0,
      completionTokens: 0,
      modelCalls: 0,
    },
  ]);
});
