/**
 * Speech synthesis port. Adapters (offline espeak-ng, Azure Speech) write PCM audio to a file the caller names,
 * so a chapter's audio never sits whole in memory; one request is bounded by the service limits (≤ 10 min audio).
 */

/** Absolute path of a file the adapter creates or overwrites (server-generated, never user input). */
export type WritableTarget = string;

export type SpeechEngine = 'offline' | 'azure';

/**
 * 16-bit signed little-endian mono PCM in a RIFF/WAVE container, at 22.05, 24 or 48 kHz. 22.05 kHz is the offline
 * engine's own rate: production asks each engine for its own rate, so no segment is resampled on its own (mastering
 * resamples a whole chapter once).
 */
export type SpeechOutputFormat = 'pcm-22050hz-16bit-mono' | 'pcm-24khz-16bit-mono' | 'pcm-48khz-16bit-mono';

export const SPEECH_OUTPUT_FORMATS: readonly SpeechOutputFormat[] = [
  'pcm-22050hz-16bit-mono',
  'pcm-24khz-16bit-mono',
  'pcm-48khz-16bit-mono',
];

export function sampleRateOfFormat(format: SpeechOutputFormat): 22050 | 24000 | 48000 {
  if (format === 'pcm-22050hz-16bit-mono') return 22050;
  return format === 'pcm-48khz-16bit-mono' ? 48000 : 24000;
}

export interface SpeechRequest {
  /** A complete `<speak>` document; the caller has escaped every text node. */
  ssml: string;
  outputFormat: SpeechOutputFormat;
}

export interface SpeechResult {
  durationMs: number;
  /** Size of the written file, header included. */
  bytes: number;
  /** Characters billed by Azure's rule (SSML body minus `<speak>`/`<voice>` tags), also reported by the offline engine. */
  billableCharacters: number;
}

export interface SpeechSynthesizer {
  readonly engine: SpeechEngine;
  synthesize(request: SpeechRequest, destination: WritableTarget): Promise<SpeechResult>;
}

/** The service asked us to slow down (HTTP 429, websocket 4429 / 1007). Retry after the delay, with backoff. */
export class SpeechThrottledError extends Error {
  readonly retryable = true;
  constructor(
    message: string,
    public readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SpeechThrottledError';
  }
}

export type SpeechPermanentReason = 'invalid_ssml' | 'unauthorized' | 'voice_not_found' | 'too_long' | 'other';

/** Retrying cannot help (bad SSML, auth, unknown voice, request over limits). */
export class SpeechPermanentError extends Error {
  readonly retryable = false;
  constructor(
    message: string,
    public readonly reason: SpeechPermanentReason = 'other',
  ) {
    super(message);
    this.name = 'SpeechPermanentError';
  }
}

export function isSpeechThrottled(error: unknown): error is SpeechThrottledError {
  return error instanceof SpeechThrottledError;
}

export function isSpeechPermanent(error: unknown): error is SpeechPermanentError {
  return error instanceof SpeechPermanentError;
}
