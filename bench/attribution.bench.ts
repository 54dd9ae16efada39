/**
 * Speaker attribution accuracy: on the labelled excerpts (bench/data/attribution, one convention each) and on the
 * development books (bench/data/books, the whole production pipeline on each book, hand-labelled lines split into
 * the part the rules were tuned on and a held-out part). The heuristic always runs; the LLM engines run when
 * OPENAI_ENDPOINT is configured. Confident = confidence ≥ 0.7; precision = accuracy over the lines given a speaker.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAnalysisEngines, type LlmSettings } from '../adapters/llm/createAnalysisEngines';
import { HeuristicAttribution, HeuristicCharacterDetection } from '../core/characters/heuristicEngines';
import type { AttributionEngine } from '../core/ports/analysis';
import { CORPUS_DIR } from '../test/support/corpus';
import { ALL_EXCERPTS } from './data/attribution';
import {
  DEVELOPMENT_BOOKS,
  LABELLED_STORIES,
  loadBookTruth,
  STORIES_DIR,
  runBook,
  type BookResult,
  type Engines,
  type TruthPart,
} from './attribution/books';
import { prepareExcerpt, type BenchLanguage } from './attribution/dataset';
import { addTally, emptyTally, runExcerpt, scores, type Tally } from './attribution/score';
import type { BenchContext, BenchModule, BenchRow, MetricValue } from './types';

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

const sumTallies = (tallies: Tally[]): Tally => tallies.reduce(addTally, emptyTally());

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function tallyMetrics(tally: Tally): Record<string, MetricValue> {
  const score = scores(tally);
  return {
    lines: score.segments,
    accuracy: round(score.accuracy),
    coverage: round(score.coverage),
    precision: round(score.precision),
    confidentPrecision: round(score.confidentPrecision),
    confidentShare: round(score.confidentShare),
    flaggedLines: round(score.flaggedShare),
  };
}

function excerptRows(engineName: string, tallies: Map<BenchLanguage | 'all', Tally>): BenchRow[] {
  return [...tallies.entries()].map(([language, tally]) => ({
    benchmark: 'attribution',
    case: `${engineName} / excerpts ${language}`,
    metrics: {
      ...tallyMetrics(tally),
      promptTokens: tally.promptTokens,
      completionTokens: tally.completionTokens,
    },
  }));
}

const PART_NAMES: Record<string, TruthPart> = {
  tuned: 'tuned',
  'held-out': 'heldOut',
  fresh: 'fresh',
  unseen: 'unseen',
};

/** ATTRIBUTION_MISSES=tuned (or held-out, fresh, unseen) logs that part's wrong and unknown lines, for reading. */
function logMisses(slug: string, result: BookResult, context: BenchContext): void {
  const part = PART_NAMES[context.env.ATTRIBUTION_MISSES ?? ''];
  if (!part) return;
  for (const miss of result.misses.filter((scored) => scored.part === part))
    context.log(
      `${slug} / ${miss.line.chapter}: ${miss.line.speaker} ≠ ${miss.predicted} (${miss.confidence.toFixed(2)}) ` +
        JSON.stringify(miss.segment.slice(0, 160)),
    );
}

async function bookRows(engineName: string, engines: Engines, context: BenchContext): Promise<BenchRow[]> {
  if (!existsSync(CORPUS_DIR)) {
    context.log(`attribution: corpus not found at ${CORPUS_DIR}, book rows skipped`);
    return [];
  }
  const rows: BenchRow[] = [];
  const all = { development: emptyTally(), heldOut: emptyTally(), fresh: emptyTally(), unseen: emptyTally() };
  for (const slug of DEVELOPMENT_BOOKS) {
    const truth = loadBookTruth(slug);
    const result = await runBook(truth, CORPUS_DIR, engines);
    if (result.problems.length > 0) throw new Error(`${slug}: ${result.problems.join('; ')}`);
    all.development = addTally(all.development, result.development);
    all.heldOut = addTally(all.heldOut, result.heldOut);
    all.fresh = addTally(all.fresh, result.fresh);
    all.unseen = addTally(all.unseen, result.unseen);
    logMisses(slug, result, context);
    const plan = {
      planSegments: result.segments,
      dialogueSegments: result.dialogueSegments,
      flagged: result.flagged,
      flaggedShare: round(result.flagged / Math.max(1, result.segments)),
      characters: result.characters,
    };
    rows.push(
      { benchmark: 'attribution', case: `${engineName} / ${slug} / tuned`, metrics: tallyMetrics(result.development) },
      { benchmark: 'attribution', case: `${engineName} / ${slug} / held-out`, metrics: tallyMetrics(result.heldOut) },
      { benchmark: 'attribution', case: `${engineName} / ${slug} / fresh`, metrics: tallyMetrics(result.fresh) },
      { benchmark: 'attribution', case: `${engineName} / ${slug} / unseen`, metrics: tallyMetrics(result.unseen) },
      {
        benchmark: 'attribution',
        case: `${engineName} / ${slug} / all`,
        metrics: {
          ...tallyMetrics(sumTallies([result.development, result.heldOut, result.fresh, result.unseen])),
          ...plan,
        },
      },
    );
  }
  rows.push(
    { benchmark: 'attribution', case: `${engineName} / books / tuned`, metrics: tallyMetrics(all.development) },
    { benchmark: 'attribution', case: `${engineName} / books / held-out`, metrics: tallyMetrics(all.heldOut) },
    { benchmark: 'attribution', case: `${engineName} / books / fresh`, metrics: tallyMetrics(all.fresh) },
    { benchmark: 'attribution', case: `${engineName} / books / unseen`, metrics: tallyMetrics(all.unseen) },
    {
      benchmark: 'attribution',
      case: `${engineName} / books / all`,
      metrics: tallyMetrics(sumTallies([all.development, all.heldOut, all.fresh, all.unseen])),
    },
  );
  return rows;
}

/** The stories written for the benchmark: every labelled line is held out, so only the totals are read. */
async function storyRows(engineName: string, engines: Engines, context: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const slug of LABELLED_STORIES) {
    const truth = loadBookTruth(slug, STORIES_DIR);
    const result = await runBook(truth, path.join(STORIES_DIR, slug), engines);
    if (result.problems.length > 0) throw new Error(`${slug}: ${result.problems.join('; ')}`);
    logMisses(slug, result, context);
    rows.push({
      benchmark: 'attribution',
      case: `${engineName} / story / ${slug} / held-out`,
      metrics: { ...tallyMetrics(result.heldOut), characters: result.characters },
    });
  }
  return rows;
}

const attribution: BenchModule = {
  name: 'attribution',
  description:
    `Speaker attribution on ${ALL_EXCERPTS.length} labelled excerpts (en/es/pt) and on the hand-labelled lines of ` +
    `${DEVELOPMENT_BOOKS.length} development books through the whole pipeline (tuned part / held-out part / fresh ` +
    'held-out set); ' +
    'precision = accuracy over lines given a speaker; confident = confidence ≥ 0.7; flagged = plan segments ' +
    'left unknown or below the review confidence',
  async run(context: BenchContext): Promise<BenchRow[]> {
    const heuristic: Engines = {
      characters: new HeuristicCharacterDetection(),
      attribution: new HeuristicAttribution(),
    };
    const result = [
      ...excerptRows('heuristic', await scoreEngine(heuristic.attribution)),
      ...(await bookRows('heuristic', heuristic, context)),
      ...(await storyRows('heuristic', heuristic, context)),
    ];
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
    const llm = createAnalysisEngines(settings, credential);
    const name = `llm ${settings.OPENAI_DEPLOYMENT_ATTRIBUTION}`;
    return [
      ...result,
      ...excerptRows(name, await scoreEngine(llm.attribution)),
      ...(await bookRows(name, llm, context)),
      ...(await storyRows(name, llm, context)),
    ];
  },
};

export default attribution;
