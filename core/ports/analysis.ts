/**
 * Book analysis ports: finding the characters of a whole book and labelling who speaks each segment. Implemented
 * offline by the heuristic engine (core/characters) and remotely by Azure OpenAI (adapters/llm). Attribution is
 * label-only: engines return a speaker per segment id, never text.
 */
import type { AttributableSegment, SpeakerLabel } from '../characters/attributeHeuristic';
import type { ChapterInput, Character } from '../characters/character';

export type { AttributableSegment, SpeakerLabel } from '../characters/attributeHeuristic';
export type { ChapterInput, Character } from '../characters/character';

/** Token counts from the service's own usage figures (never estimates), for cost accounting. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** Model (or deployment) that produced the usage; `heuristic` for the offline engine. */
  model: string;
  /** Completed model calls, including calls whose output was rejected and asked again. */
  calls: number;
}

export interface CharacterDetectionInput {
  /** The whole book, in reading order. */
  chapters: ChapterInput[];
  /** The book's language (BCP-47), used when a chapter does not say otherwise. */
  language: string;
}

export interface CharacterDetectionResult {
  /** The narrator first, then the characters; ids are stable for the same book. */
  characters: Character[];
  usage: TokenUsage;
}

export interface CharacterDetectionEngine {
  readonly engine: AnalysisEngineKind;
  detect(input: CharacterDetectionInput, signal?: AbortSignal): Promise<CharacterDetectionResult>;
}

export interface AttributionInput {
  chapter: { id: string; language: string };
  /** The chapter's segments in reading order (narration and headings included, as context). */
  segments: AttributableSegment[];
  characters: Character[];
}

export interface AttributionResult {
  /** One label per input segment, in input order; speakers are ids from `characters`, `narrator` or `unknown`. */
  labels: SpeakerLabel[];
  usage: TokenUsage;
}

export interface AttributionEngine {
  readonly engine: AnalysisEngineKind;
  attribute(input: AttributionInput, signal?: AbortSignal): Promise<AttributionResult>;
}

export type AnalysisEngineKind = 'heuristic' | 'azure-openai' | 'openai-compatible';

export interface AnalysisEngines {
  characters: CharacterDetectionEngine;
  attribution: AttributionEngine;
}

export function emptyUsage(model: string): TokenUsage {
  return { promptTokens: 0, completionTokens: 0, model, calls: 0 };
}

export function addUsage(total: TokenUsage, more: Omit<TokenUsage, 'model'>): TokenUsage {
  return {
    promptTokens: total.promptTokens + more.promptTokens,
    completionTokens: total.completionTokens + more.completionTokens,
    model: total.model,
    calls: total.calls + more.calls,
  };
}
