/**
 * Picks the analysis engines for the configured LLM_ENGINE: the offline heuristic by default, Azure OpenAI (keyless
 * with a token credential in Azure, an api-key only locally) or any OpenAI-compatible endpoint.
 */
import { getBearerTokenProvider, type TokenCredential } from '@azure/identity';
import OpenAI, { AzureOpenAI } from 'openai';
import { HeuristicAttribution, HeuristicCharacterDetection } from '../../core/characters/heuristicEngines';
import type { AnalysisEngines } from '../../core/ports/analysis';
import { LlmAttribution, LlmCharacterDetection, type LlmEngineOptions } from './azureOpenAiEngine';
import type { RetryObserver, RetryPolicy } from './retry';

export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** The config keys the engines read (a subset of AppEnvironment, so tests and the bench can pass plain objects). */
export interface LlmSettings {
  LLM_ENGINE: 'heuristic' | 'azure-openai' | 'openai-compatible';
  OPENAI_ENDPOINT?: string;
  OPENAI_DEPLOYMENT_CHARACTERS: string;
  OPENAI_DEPLOYMENT_ATTRIBUTION: string;
  OPENAI_TEMPERATURE: number;
  OPENAI_API_VERSION: string;
  OPENAI_API_KEY?: string;
}

export interface EngineTuning extends Partial<
  Pick<LlmEngineOptions, 'maxChunkTokens' | 'maxBatchTokens' | 'contextChars' | 'onInvalidReply'>
> {
  retry?: RetryPolicy;
  onRetry?: RetryObserver;
  /** Per-request timeout. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 180_000;

/** `credential` may be a factory, so the composition root builds a credential only when the engine needs one. */
export function createAnalysisEngines(
  config: LlmSettings,
  credential?: TokenCredential | (() => TokenCredential),
  tuning: EngineTuning = {},
): AnalysisEngines {
  if (config.LLM_ENGINE === 'heuristic')
    return { characters: new HeuristicCharacterDetection(), attribution: new HeuristicAttribution() };
  const client = createOpenAiClient(config, credential, tuning.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const options: LlmEngineOptions = {
    engine: config.LLM_ENGINE,
    charactersDeployment: config.OPENAI_DEPLOYMENT_CHARACTERS,
    attributionDeployment: config.OPENAI_DEPLOYMENT_ATTRIBUTION,
    temperature: config.OPENAI_TEMPERATURE,
    ...tuning,
  };
  return { characters: new LlmCharacterDetection(client, options), attribution: new LlmAttribution(client, options) };
}

function createOpenAiClient(
  config: LlmSettings,
  credential: TokenCredential | (() => TokenCredential) | undefined,
  timeout: number,
): OpenAI {
  if (!config.OPENAI_ENDPOINT) throw new Error(`OPENAI_ENDPOINT is required when LLM_ENGINE=${config.LLM_ENGINE}`);
  // Our own retry loop (retry.ts) honours retry-after with a cap; the SDK's would double the attempts.
  const common = { maxRetries: 0, timeout };
  if (config.LLM_ENGINE === 'openai-compatible') {
    return new OpenAI({ ...common, baseURL: config.OPENAI_ENDPOINT, apiKey: config.OPENAI_API_KEY ?? 'unused' });
  }
  if (config.OPENAI_API_KEY) {
    return new AzureOpenAI({
      ...common,
      endpoint: config.OPENAI_ENDPOINT,
      apiVersion: config.OPENAI_API_VERSION,
      apiKey: config.OPENAI_API_KEY,
    });
  }
  if (!credential) throw new Error('Azure OpenAI needs OPENAI_API_KEY (local only) or a token credential');
  return new AzureOpenAI({
    ...common,
    endpoint: config.OPENAI_ENDPOINT,
    apiVersion: config.OPENAI_API_VERSION,
    azureADTokenProvider: getBearerTokenProvider(
      typeof credential === 'function' ? credential() : credential,
      COGNITIVE_SERVICES_SCOPE,
    ),
  });
}
