/**
 * The analysis ports over Azure OpenAI (or any OpenAI-compatible endpoint) chat completions with structured outputs.
 * Characters: the whole book in chunks within the token budget, read in order so each chunk sees the names found so
 * far, merged into one cast. Attribution: per chapter, dialogue batched with preceding context, label-only replies
 * mapped through allowlists of segment and character refs; anything else becomes `unknown`.
 */
import type OpenAI from 'openai';
import { narratesInFirstPerson } from '../../core/characters/attribution/cast';
import { NARRATOR_ID } from '../../core/characters/character';
import {
  addUsage,
  emptyUsage,
  type AnalysisEngineKind,
  type AttributableSegment,
  type AttributionEngine,
  type AttributionInput,
  type AttributionResult,
  type CharacterDetectionEngine,
  type CharacterDetectionInput,
  type CharacterDetectionResult,
  type SpeakerLabel,
  type TokenUsage,
} from '../../core/ports/analysis';
import { chunkChapters, estimateTokens } from './chunking';
import { CharacterMerger } from './characterMerge';
import {
  ATTRIBUTION_SYSTEM_PROMPT,
  CHARACTER_SCHEMA_NAME,
  CHARACTER_SYSTEM_PROMPT,
  CharacterReplySchema,
  delimited,
  LABEL_SCHEMA_NAME,
  LabelReplySchema,
} from './prompts';
import { StructuredChat, type StructuredChatOptions } from './structuredChat';

export interface LlmEngineOptions extends StructuredChatOptions {
  engine: Exclude<AnalysisEngineKind, 'heuristic'>;
  charactersDeployment: string;
  attributionDeployment: string;
  /** Estimated manuscript tokens per character-detection call (the models take 128k; smaller chunks read better). */
  maxChunkTokens?: number;
  /** Estimated segment tokens per attribution call. */
  maxBatchTokens?: number;
  /** Characters of earlier segments given as context to each attribution batch. */
  contextChars?: number;
  /** Told when a model reply stayed invalid after the allowed retries (the affected labels are `unknown`). */
  onInvalidReply?: (event: { task: 'characters' | 'attribution'; problems: string[] }) => void;
}

const DEFAULTS = { maxChunkTokens: 30_000, maxBatchTokens: 6_000, contextChars: 1_500 };
const KNOWN_NAMES_LIMIT = 150;
const CHARACTERS_IN_PROMPT = 200;

export class InvalidModelOutputError extends Error {
  constructor(readonly problems: string[]) {
    super(`The model returned invalid output: ${problems.join('; ')}`);
    this.name = 'InvalidModelOutputError';
  }
}

export class LlmCharacterDetection implements CharacterDetectionEngine {
  readonly engine: AnalysisEngineKind;
  private readonly chat: StructuredChat;

  constructor(
    client: OpenAI,
    private readonly options: LlmEngineOptions,
  ) {
    this.engine = options.engine;
    this.chat = new StructuredChat(client, options);
  }

  async detect(input: CharacterDetectionInput, signal?: AbortSignal): Promise<CharacterDetectionResult> {
    const chapters = input.chapters.map((chapter) => ({ ...chapter, language: chapter.language || input.language }));
    const merger = new CharacterMerger();
    let usage: TokenUsage = emptyUsage(this.options.charactersDeployment);
    const chunks = chunkChapters(chapters, this.options.maxChunkTokens ?? DEFAULTS.maxChunkTokens);
    for (const chunk of chunks) {
      const text = chunk.parts.map((part) => part.text).join('');
      if (text.trim().length === 0) continue;
      const known = merger.knownNames(KNOWN_NAMES_LIMIT);
      const user = [
        `Book language: ${input.language}.`,
        `Known characters so far: ${JSON.stringify(known)}`,
        delimited('MANUSCRIPT', text),
      ].join('\n');
      const reply = await this.chat.complete(
        {
          deployment: this.options.charactersDeployment,
          system: CHARACTER_SYSTEM_PROMPT,
          user,
          schemaName: CHARACTER_SCHEMA_NAME,
          schema: CharacterReplySchema,
        },
        signal,
      );
      usage = { ...addUsage(usage, reply.usage), model: reply.usage.model };
      if (reply.value === undefined) {
        this.options.onInvalidReply?.({ task: 'characters', problems: reply.problems });
        throw new InvalidModelOutputError(reply.problems);
      }
      merger.add(reply.value.characters, text);
    }
    return { characters: merger.characters(chapters), usage };
  }
}

interface Batch {
  context: AttributableSegment[];
  segments: AttributableSegment[];
}

export class LlmAttribution implements AttributionEngine {
  readonly engine: AnalysisEngineKind;
  private readonly chat: StructuredChat;

  constructor(
    client: OpenAI,
    private readonly options: LlmEngineOptions,
  ) {
    this.engine = options.engine;
    this.chat = new StructuredChat(client, options);
  }

  async attribute(input: AttributionInput, signal?: AbortSignal): Promise<AttributionResult> {
    const ordered = [...input.segments].sort((a, b) => a.index - b.index);
    const labels = new Map<string, SpeakerLabel>();
    for (const segment of ordered)
      if (segment.kind !== 'dialogue')
        labels.set(segment.id, { segmentId: segment.id, speakerId: NARRATOR_ID, confidence: 1 });

    const speakers = input.characters.filter((character) => character.id !== NARRATOR_ID);
    const ranked = [...speakers]
      .sort((a, b) => b.dialogueLineCount - a.dialogueLineCount)
      .slice(0, CHARACTERS_IN_PROMPT);
    const refOf = new Map(ranked.map((character, index) => [character.id, `c${index + 1}`]));
    const idOfRef = new Map(ranked.map((character, index) => [`c${index + 1}`, character.id]));
    const characterList = ranked.map((character) => ({
      ref: refOf.get(character.id),
      name: character.name,
      aliases: character.aliases.slice(0, 8),
      gender: character.gender,
    }));
    const narrator = input.characters.find((character) => character.id === NARRATOR_ID);
    const narratorLine = narratesInFirstPerson(narrator)
      ? {
          ref: NARRATOR_ID,
          firstPerson: true,
          name: narrator!.name,
          aliases: narrator!.aliases.slice(0, 8),
          gender: narrator!.gender,
        }
      : { ref: NARRATOR_ID, firstPerson: false };

    const segmentRef = new Map(ordered.map((segment, position) => [segment.id, `s${position + 1}`]));
    let usage: TokenUsage = emptyUsage(this.options.attributionDeployment);
    for (const batch of this.batches(ordered)) {
      const wanted = new Map(
        batch.segments.filter(isDialogue).map((segment) => [segmentRef.get(segment.id)!, segment]),
      );
      const lines = [...batch.context, ...batch.segments].map((segment) => {
        const label = labels.get(segment.id);
        const isWanted = wanted.has(segmentRef.get(segment.id)!);
        return JSON.stringify({
          ref: segmentRef.get(segment.id),
          kind: segment.kind,
          label: isWanted,
          ...(isWanted || !label ? {} : { speaker: refFor(label.speakerId, refOf) }),
          text: segment.text,
        });
      });
      const user = [
        `Language: ${input.chapter.language}.`,
        `Characters: ${JSON.stringify(characterList)}`,
        `Narrator: ${JSON.stringify(narratorLine)}`,
        delimited('SEGMENTS', lines.join('\n')),
      ].join('\n');
      const reply = await this.chat.complete(
        {
          deployment: this.options.attributionDeployment,
          system: ATTRIBUTION_SYSTEM_PROMPT,
          user,
          schemaName: LABEL_SCHEMA_NAME,
          schema: LabelReplySchema,
        },
        signal,
      );
      usage = { ...addUsage(usage, reply.usage), model: reply.usage.model };
      if (reply.value === undefined) this.options.onInvalidReply?.({ task: 'attribution', problems: reply.problems });
      for (const item of reply.value?.labels ?? []) {
        const segment = wanted.get(item.segment);
        if (!segment || labels.has(segment.id)) continue;
        const speakerId =
          item.speaker === NARRATOR_ID ? NARRATOR_ID : (idOfRef.get(item.speaker) ?? ('unknown' as const));
        const confidence = speakerId === 'unknown' || !Number.isFinite(item.confidence) ? 0 : item.confidence;
        labels.set(segment.id, { segmentId: segment.id, speakerId, confidence: Math.min(1, Math.max(0, confidence)) });
      }
    }
    return {
      labels: input.segments.map(
        (segment) => labels.get(segment.id) ?? { segmentId: segment.id, speakerId: 'unknown', confidence: 0 },
      ),
      usage,
    };
  }

  /** Consecutive runs of segments within the token budget, each with the segments just before it as context. */
  private batches(ordered: AttributableSegment[]): Batch[] {
    const budget = this.options.maxBatchTokens ?? DEFAULTS.maxBatchTokens;
    const contextChars = this.options.contextChars ?? DEFAULTS.contextChars;
    const batches: Batch[] = [];
    let start = 0;
    while (start < ordered.length) {
      let end = start;
      let tokens = 0;
      while (end < ordered.length && (end === start || tokens + estimateTokens(ordered[end].text) <= budget)) {
        tokens += estimateTokens(ordered[end].text);
        end++;
      }
      const segments = ordered.slice(start, end);
      if (segments.some(isDialogue)) {
        const context: AttributableSegment[] = [];
        let chars = 0;
        for (let position = start - 1; position >= 0 && chars < contextChars; position--) {
          context.unshift(ordered[position]);
          chars += ordered[position].text.length;
        }
        batches.push({ context, segments });
      }
      start = end;
    }
    return batches;
  }
}

function isDialogue(segment: AttributableSegment): boolean {
  return segment.kind === 'dialogue';
}

function refFor(speakerId: string, refOf: Map<string, string>): string {
  if (speakerId === NARRATOR_ID || speakerId === 'unknown') return speakerId;
  return refOf.get(speakerId) ?? 'unknown';
}
