/** The offline analysis engines: the heuristic detector and attributor behind the analysis ports, at zero token cost. */
import {
  emptyUsage,
  type AttributionEngine,
  type AttributionInput,
  type AttributionResult,
  type CharacterDetectionEngine,
  type CharacterDetectionInput,
  type CharacterDetectionResult,
} from '../ports/analysis';
import { attributeSpeakers } from './attributeHeuristic';
import { detectCharactersHeuristic } from './detectHeuristic';

const HEURISTIC_MODEL = 'heuristic';

export class HeuristicCharacterDetection implements CharacterDetectionEngine {
  readonly engine = 'heuristic' as const;

  detect(input: CharacterDetectionInput, signal?: AbortSignal): Promise<CharacterDetectionResult> {
    signal?.throwIfAborted();
    const chapters = input.chapters.map((chapter) => ({ ...chapter, language: chapter.language || input.language }));
    return Promise.resolve({ characters: detectCharactersHeuristic(chapters), usage: emptyUsage(HEURISTIC_MODEL) });
  }
}

export class HeuristicAttribution implements AttributionEngine {
  readonly engine = 'heuristic' as const;

  attribute(input: AttributionInput, signal?: AbortSignal): Promise<AttributionResult> {
    signal?.throwIfAborted();
    const segments = input.segments.map((segment) => ({ ...segment, chapterId: input.chapter.id }));
    return Promise.resolve({
      labels: attributeSpeakers(segments, input.characters, input.chapter.language),
      usage: emptyUsage(HEURISTIC_MODEL),
    });
  }
}
