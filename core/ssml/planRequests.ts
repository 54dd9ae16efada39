/**
 * Batches segments into synthesis requests within Azure's limits (docs/domain.md §Azure AI Speech), never splitting a
 * segment.
 */
import { buildSsml, voiceRuns, type SsmlBuildOptions, type SsmlSegment } from './ssmlBuilder';
import { billableCharacters, sanitizeSpokenText } from './text';

export const SSML_LIMITS = {
  maxBytes: 64 * 1024,
  maxVoiceElements: 50,
  maxAudioSeconds: 600,
  charsPerMinute: 990,
} as const;

export interface SsmlRequest {
  ssml: string;
  segmentIds: string[];
  billableCharacters: number;
  estimatedSeconds: number;
}

export interface PlanOptions extends SsmlBuildOptions {
  limits?: Partial<typeof SSML_LIMITS>;
}

export class SegmentTooLargeError extends Error {
  constructor(public readonly segmentId: string) {
    super(`Segment ${segmentId} alone exceeds a synthesis request limit`);
    this.name = 'SegmentTooLargeError';
  }
}

function estimatedSeconds(segment: SsmlSegment, charsPerMinute: number): number {
  return (Array.from(segment.text).length / charsPerMinute) * 60 + (segment.pauseAfterMs ?? 0) / 1000;
}

export function planSsmlRequests(segments: SsmlSegment[], options: PlanOptions): SsmlRequest[] {
  const limits = { ...SSML_LIMITS, ...options.limits };
  const bytes = (ssml: string) => Buffer.byteLength(ssml, 'utf8');
  const overhead = bytes(buildSsml([], options));
  const requests: SsmlRequest[] = [];
  let batch: SsmlSegment[] = [];
  let batchBytes = overhead;
  let batchSeconds = 0;

  const flush = () => {
    if (batch.length === 0) return;
    const ssml = buildSsml(batch, options);
    requests.push({
      ssml,
      segmentIds: batch.map((segment) => segment.segmentId),
      billableCharacters: billableCharacters(ssml),
      estimatedSeconds: batchSeconds,
    });
    batch = [];
    batchBytes = overhead;
    batchSeconds = 0;
  };

  for (const segment of segments) {
    const clean = { ...segment, text: sanitizeSpokenText(segment.text) };
    // Rendering a segment in its own voice element is an upper bound on what it adds to any batch.
    const segmentBytes = bytes(buildSsml([clean], options)) - overhead;
    const seconds = estimatedSeconds(clean, limits.charsPerMinute);
    if (overhead + segmentBytes > limits.maxBytes || seconds > limits.maxAudioSeconds)
      throw new SegmentTooLargeError(segment.segmentId);
    const voiceElements = voiceRuns([...batch, clean]).length;
    if (
      batchBytes + segmentBytes > limits.maxBytes ||
      batchSeconds + seconds > limits.maxAudioSeconds ||
      voiceElements > limits.maxVoiceElements
    )
      flush();
    batch.push(clean);
    batchBytes += segmentBytes;
    batchSeconds += seconds;
  }
  flush();
  return requests;
}
