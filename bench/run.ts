/**
 * `npm run bench`: runs every bench/*.bench.ts module (each default-exports a BenchModule), prints one table, and
 * writes bench/results/latest.json and bench/results/latest.md. `npm run bench -- attribution` runs the named ones and
 * replaces only their sections in the results, so one benchmark can be re-run without losing the others' figures.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchModule, BenchRow, MetricValue } from './types';

const BENCH_DIR = __dirname;
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

async function loadModules(only: string[]): Promise<BenchModule[]> {
  const files = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const modules: BenchModule[] = [];
  for (const file of files) {
    const loaded = (await import(path.join(BENCH_DIR, file))) as { default?: BenchModule };
    const module = loaded.default;
    if (!module || typeof module.run !== 'function') throw new Error(`${file} must default-export a BenchModule`);
    if (only.length === 0 || only.includes(module.name)) modules.push(module);
  }
  return modules;
}

function format(value: MetricValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(3);
  return String(value);
}

export function table(rows: BenchRow[]): string[][] {
  const metricNames = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))];
  return [
    ['benchmark', 'case', ...metricNames],
    ...rows.map((row) => [row.benchmark, row.case, ...metricNames.map((name) => format(row.metrics[name]))]),
  ];
}

function plainTable(cells: string[][]): string {
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ')).join('\n');
}

function markdownTable(cells: string[][]): string {
  const [header, ...body] = cells;
  return [header, header.map(() => '---'), ...body].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

interface SectionResult {
  name: string;
  description: string;
  rows: BenchRow[];
  seconds: number;
  /** When this section was measured; sections kept from an earlier run keep their own time. */
  measuredAt: string;
  error?: string;
}

const LATEST_JSON = path.join(RESULTS_DIR, 'latest.json');

/** Sections of the previous results file that this run did not re-measure, in their original order. */
function keptSections(measured: SectionResult[]): SectionResult[] {
  if (!existsSync(LATEST_JSON)) return [];
  const previous = JSON.parse(readFileSync(LATEST_JSON, 'utf8')) as { startedAt?: string; sections?: SectionResult[] };
  const names = new Set(measured.map((section) => section.name));
  return (previous.sections ?? [])
    .filter((section) => !names.has(section.name))
    .map((section) => ({ ...section, measuredAt: section.measuredAt ?? previous.startedAt ?? 'unknown' }));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const modules = await loadModules(only);
  const startedAt = new Date().toISOString();
  const measured: SectionResult[] = [];
  for (const module of modules) {
    const started = process.hrtime.bigint();
    const section = { name: module.name, description: module.description, measuredAt: startedAt };
    console.log(`running ${module.name}…`);
    try {
      const rows = await module.run({ env: process.env, log: (message) => console.log(`  ${message}`) });
      measured.push({ ...section, rows, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`  ${module.name} failed: ${message}`);
      measured.push({ ...section, rows: [], seconds: Number(process.hrtime.bigint() - started) / 1e9, error: message });
    }
  }
  const rows = measured.flatMap((section) => section.rows);
  if (rows.length > 0) console.log(`\n${plainTable(table(rows))}\n`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const sections = [...(only.length > 0 ? keptSections(measured) : []), ...measured].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const machine = `${process.platform} ${process.arch}, node ${process.version}`;
  writeFileSync(LATEST_JSON, `${JSON.stringify({ startedAt, machine, sections }, null, 2)}\n`);
  const markdown = [
    `# Benchmark results`,
    '',
    `Run ${startedAt} on ${machine}; each section says when it was measured.`,
    ...sections.flatMap(({ name, description, rows: sectionRows, seconds, measuredAt, error }) => [
      '',
      `## ${name}`,
      '',
      `${description} (${seconds.toFixed(1)} s, measured ${measuredAt})`,
      '',
      error ? `Failed: ${error}` : sectionRows.length > 0 ? markdownTable(table(sectionRows)) : 'No rows.',
    ]),
    '',
  ].join('\n');
  writeFileSync(path.join(RESULTS_DIR, 'latest.md'), markdown);
  console.log(`results written to ${path.relative(process.cwd(), RESULTS_DIR)}/latest.{json,md}`);
  if (measured.some((section) => section.error)) process.exitCode = 1;
}

if (require.main === module) void main();
