/**
 * Metrics port: what the platform measures, named in the product's terms. Callers state a measurement once; the
 * adapters behind `MetricsRecorder` decide where it goes (OpenTelemetry instruments exported to Application Insights,
 * and the per-tenant daily aggregates the operator API reads). Recording never blocks and never throws: a
 * measurement lost is better than a request failed. docs/operations.md lists every metric with its unit and
 * dimensions.
 *
 * Dimensions carry the tenant id and closed sets (engine, outcome, job kind, operation id), never personal data:
 * `user.active` carries the user id only so the recorder can turn it into a one-way key for counting; no adapter
 * exports it.
 */
import type { JobKind } from '../jobs/job';
import type { AnalysisEngineKind } from './analysis';
import type { SpeechEngine } from './speech';

/** How one TTS request ended; `throttled` is the service asking us to slow down (the request is retried). */
export const speechOutcomes = ['ok', 'throttled', 'failed', 'cancelled'] as const;
export type SpeechOutcome = (typeof speechOutcomes)[number];

export const llmOperations = ['characters', 'attribution'] as const;
export type LlmOperation = (typeof llmOperations)[number];

export const jobOutcomes = ['succeeded', 'failed', 'cancelled'] as const;
export type JobOutcome = (typeof jobOutcomes)[number];

export type Measurement =
  /** One request to the TTS engine, whatever production, an audition or a retail credit asked for. */
  | {
      name: 'speech.request';
      tenantId: string | undefined;
      engine: SpeechEngine;
      outcome: SpeechOutcome;
      durationMs: number;
      /** Characters billed for the request (0 unless it succeeded). */
      billableCharacters: number;
    }
  /** A production batch's segments: served from stored audio (cache hits) or rendered by a TTS request. */
  | { name: 'speech.segments'; tenantId: string; cacheHits: number; synthesized: number }
  /** One call of an analysis engine (a book's character detection, a chapter's attribution). */
  | {
      name: 'llm.request';
      tenantId: string | undefined;
      engine: AnalysisEngineKind;
      operation: LlmOperation;
      outcome: 'ok' | 'failed';
      durationMs: number;
      promptTokens: number;
      completionTokens: number;
      /** Model calls the engine made (0 for the offline heuristic). */
      modelCalls: number;
    }
  /** A job reached its end (measured once, when it becomes terminal). */
  | { name: 'job.ended'; tenantId: string; kind: JobKind; outcome: JobOutcome; durationMs: number }
  /** One API request; `operation` is the OpenAPI operation id. */
  | { name: 'http.request'; tenantId: string | undefined; operation: string; status: number; durationMs: number }
  /** A tenant user made a request (counted once per user and day). */
  | { name: 'user.active'; tenantId: string; userId: string }
  | { name: 'project.created'; tenantId: string }
  /**
   * A project's first successful production. `createdDay` (UTC, YYYY-MM-DD) is the day the project was created:
   * completion rates compare completions with the creations of the same days.
   */
  | { name: 'project.completed'; tenantId: string; createdDay: string };

export interface MetricsRecorder {
  record(measurement: Measurement): void;
}

/** Fans one measurement out to several recorders; one failing recorder does not keep it from the others. */
export function allOf(...recorders: MetricsRecorder[]): MetricsRecorder {
  return {
    record(measurement) {
      for (const recorder of recorders) {
        try {
          recorder.record(measurement);
        } catch {
          // Measuring must never fail the work it measures.
        }
      }
    },
  };
}
