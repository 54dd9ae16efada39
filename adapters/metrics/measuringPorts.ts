/**
 * Decorators that measure the speech and analysis ports without the engines knowing: built around whatever engine
 * the configuration picked, in the composition root. The tenant comes from the work's scope (tenantScope.ts).
 */
import type {
  AnalysisEngines,
  AttributionEngine,
  CharacterDetectionEngine,
  TokenUsage,
} from '../../core/ports/analysis';
import type { LlmOperation, MetricsRecorder, SpeechOutcome } from '../../core/ports/metrics';
import type { SpeechSynthesizer } from '../../core/ports/speech';
import { classifySpeechFailure } from '../../core/production/speechRetry';
import { currentTenant } from './tenantScope';

export interface MeasuringOptions {
  tenantOf?: () => string | undefined;
  /** Milliseconds from any fixed origin. */
  now?: () => number;
}

function speechOutcomeOf(error: unknown): SpeechOutcome {
  const kind = classifySpeechFailure(error);
  if (kind === 'throttled') return 'throttled';
  if (kind === 'cancelled') return 'cancelled';
  return 'failed';
}

export function measuringSpeechSynthesizer(
  inner: SpeechSynthesizer,
  metrics: MetricsRecorder,
  { tenantOf = currentTenant, now = () => performance.now() }: MeasuringOptions = {},
): SpeechSynthesizer {
  return {
    engine: inner.engine,
    async synthesize(request, destination) {
      const tenantId = tenantOf();
      const started = now();
      const measure = (outcome: SpeechOutcome, billableCharacters: number) =>
        metrics.record({
          name: 'speech.request',
          tenantId,
          engine: inner.engine,
          outcome,
          durationMs: now() - started,
          billableCharacters,
        });
      try {
        const result = await inner.synthesize(request, destination);
        measure('ok', result.billableCharacters);
        return result;
      } catch (error) {
        measure(speechOutcomeOf(error), 0);
        throw error;
      }
    },
  };
}

async function measured<T extends { usage: TokenUsage }>(
  metrics: MetricsRecorder,
  engine: AnalysisEngines['characters']['engine'],
  operation: LlmOperation,
  { tenantOf = currentTenant, now = () => performance.now() }: MeasuringOptions,
  call: () => Promise<T>,
): Promise<T> {
  const tenantId = tenantOf();
  const started = now();
  const measure = (outcome: 'ok' | 'failed', usage: Omit<TokenUsage, 'model'>) =>
    metrics.record({
      name: 'llm.request',
      tenantId,
      engine,
      operation,
      outcome,
      durationMs: now() - started,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      modelCalls: usage.calls,
    });
  try {
    const result = await call();
    measure('ok', result.usage);
    return result;
  } catch (error) {
    // What a failed call used is not reported by the engine: its tokens are unknown, not zero, so none are added.
    measure('failed', { promptTokens: 0, completionTokens: 0, calls: 0 });
    throw error;
  }
}

export function measuringAnalysisEngines(
  inner: AnalysisEngines,
  metrics: MetricsRecorder,
  options: MeasuringOptions = {},
): AnalysisEngines {
  const characters: CharacterDetectionEngine = {
    engine: inner.characters.engine,
    detect: (input, signal) =>
      measured(metrics, inner.characters.engine, 'characters', options, () => inner.characters.detect(input, signal)),
  };
  const attribution: AttributionEngine = {
    engine: inner.attribution.engine,
    attribute: (input, signal) =>
      measured(metrics, inner.attribution.engine, 'attribution', options, () =>
        inner.attribution.attribute(input, signal),
      ),
  };
  return { characters, attribution };
}
