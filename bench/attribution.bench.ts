/**
 * Speaker attribution accuracy on the labelled excerpts (bench/data/attribution): the heuristic always, the LLM when
 * OPENAI_ENDPOINT is configured. Per language and overall: accuracy, coverage (non-unknown) and the precision of
 * confident labels.
 */
import { createAnalysisEngines, type LlmSettings } from '../adapters/llm/createAnalysisEngines';
import { HeuristicAttribution } from '../core/characters/heuristicEngines';
import type { AttributionEngine } from '../core/ports/analysis';
import { ALL_EXCERPTS } from './data/attribution';
import { prepareExcerpt, type BenchLanguage } from './attribution/dataset';
import { addTally, emptyTally, runExcerpt, scores, type Tally } from './attribution/score';
import type { BenchContext, BenchModule, BenchRow } from './types';

const LANGUAGES: BenchLanguage[] = ['en', 'es', 'pt'];

export async function scoreEngine(engine: AttributionEngine): Promise<Map<BenchLanguage | 'all', Tally>> {
  const tallies = new Map<BenchLanguage | 'all', Tally>([['all', emptyTally()]]);
  for (const language of LANGUAGES) tallies.set(language, emptyTally());
  for (const excerpt of ALL_EXCERPTS) {
    const prepared = prepareExcerpt(excerpt);
    if (prepared.problems.length > 0) throw new Error(`malformed excerpt: ${prepared.problems.join('; ')}`);
    const tally = await runExcerpt(engine, prepared);
    tallies.set(excerpt.language, addTally(tallies.get(excerpt.language)!, tally));
    tallies.set('all', addTally(tallies.get('all')!, tally));
  }
  return tallies;
}

function llmSettings(env: Record<string, string | undefined>): LlmSettings | null {
  if (!env.OPENAI_ENDPOINT) return null;
  return {
    LLM_ENGINE: env.LLM_ENGINE === 'openai-compatible' ? 'openai-compatible' : 'azure-openai',
    OPENAI_ENDPOINT: env.OPENAI_ENDPOINT,
    OPENAI_DEPLOYMENT_CHARACTERS: env.OPENAI_DEPLOYMENT_CHARACTERS ?? 'gpt-4o-mini',
    OPENAI_DEPLOYMENT_ATTRIBUTION: env.OPENAI_DEPLOYMENT_ATTRIBUTION ?? 'gpt-4o-mini',
    OPENAI_TEMPERATURE: Number(env.OPENAI_TEMPERATURE ?? 0),
    OPENAI_API_VERSION: env.OPENAI_API_VERSION ?? '2024-10-21',
    OPENAI_API_KEY: env.OPENAI_API_KEY,
  };
}

function rows(engineName: string, tallies: Map<BenchLanguage | 'all', Tally>): BenchRow[] {
  return [...tallies.entries()].map(([language, tally]) => {
    const score = scores(tally);
    return {
      benchmark: 'attribution',
      case: `${engineName} / ${language}`,
      metrics: {
        segments: score.segments,
        accuracy: round(score.accuracy),
        coverage: round(score.coverage),
        confidentPrecision: round(score.confidentPrecision),
        confidentShare: round(score.confidentShare),
        promptTokens: tally.promptTokens,
        completionTokens: tally.completionTokens,
      },
    };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const attribution: BenchModule = {
  name: 'attribution',
  description: `Speaker attribution on ${ALL_EXCERPTS.length} labelled excerpts (en/es/pt); confident = confidence ≥ 0.7`,
  async run(context: BenchContext): Promise<BenchRow[]> {
    const result = rows('heuristic', await scoreEngine(new HeuristicAttribution()));
    const settings = llmSettings(context.env);
    if (!settings) {
      context.log('attribution: OPENAI_ENDPOINT not set, LLM engine skipped');
      return result;
    }
    let credential;
    if (!settings.OPENAI_API_KEY) {
      const { DefaultAzureCredential } = await import('@azure/identity');
      credential = new DefaultAzureCredential();
    }
    const { attribution: engine } = createAnalysisEngines(settings, credential);
    return [...result, ...rows(`llm ${settings.OPENAI_DEPLOYMENT_ATTRIBUTION}`, await scoreEngine(engine))];
  },
};

export default attribution;
