/** Shared setup for the LLM engine tests: settings pointing at the fake, and a fast retry policy. */
import type { LlmSettings } from '../../adapters/llm/createAnalysisEngines';
import type { RetryPolicy } from '../../adapters/llm/retry';
import type { AttributableSegment } from '../../core/ports/analysis';
import { segmentChapter } from '../../core/planning/segmentation';

export function settingsFor(endpoint: string, apiKey: string): LlmSettings {
  return {
    LLM_ENGINE: 'azure-openai',
    OPENAI_ENDPOINT: endpoint,
    OPENAI_DEPLOYMENT_CHARACTERS: 'chars-deploy',
    OPENAI_DEPLOYMENT_ATTRIBUTION: 'attr-deploy',
    OPENAI_TEMPERATURE: 0.2,
    OPENAI_API_VERSION: '2024-10-21',
    OPENAI_API_KEY: apiKey,
  };
}

export const FAST_RETRIES: RetryPolicy = { maxRetries: 4, baseDelayMs: 1, maxBackoffMs: 5, maxServerDelayMs: 30 };

export function segmentsOf(chapterId: string, text: string): AttributableSegment[] {
  return segmentChapter(text).map((segment) => ({
    id: `${chapterId}-seg-${segment.index}`,
    kind: segment.kind,
    text: segment.text,
    chapterId,
    index: segment.index,
    boundaryBefore: segment.boundaryBefore,
  }));
}
