/** The contract between `npm run bench` (bench/run.ts) and each benchmark module (bench/*.bench.ts). */

export type MetricValue = number | string;

export interface BenchRow {
  /** Benchmark module name, e.g. `attribution`. */
  benchmark: string;
  /** What was measured, e.g. `heuristic / es`. */
  case: string;
  metrics: Record<string, MetricValue>;
}

export interface BenchContext {
  /** Environment the runner was started with (engines configure themselves from it). */
  env: Record<string, string | undefined>;
  log(message: string): void;
}

export interface BenchModule {
  name: string;
  /** One-line description printed in the markdown summary. */
  description: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
