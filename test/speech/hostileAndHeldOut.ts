/**
 * What the spoken-form rounds' suites share: a megabyte of one hostile unit read within a CPU budget (every new
 * pattern must read in linear time), and a held-out page said paragraph by paragraph as the engine is asked to say it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';

/** The CPU a suite's hostile inputs may take: far above a linear read, far below a quadratic one. */
export const HOSTILE_CPU_BUDGET_MS = 120_000;
/**
 * Jest's wall-clock limit for those tests: it only stops a hang, above the CPU budget since a loaded machine stretches
 * wall time and not CPU time.
 */
export const HOSTILE_BUDGET_MS = 3 * HOSTILE_CPU_BUDGET_MS;
const MEGABYTE = 1_000_000;

export const megabyteOf = (unit: string): string => unit.repeat(Math.ceil(MEGABYTE / unit.length));

/**
 * Says each input whole (as body text, or as a heading), checking the CPU the inputs took against the budget after
 * each. A promise, so the suites that await it need not change.
 */
export function readsWhole(inputs: readonly string[], language: string, isHeading = false): Promise<void> {
  const start = process.cpuUsage();
  for (const input of inputs) {
    expect(toSpokenForm(input, language, { isHeading }).length).toBeGreaterThan(0);
    expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
  }
  return Promise.resolve();
}

const HELD_OUT_DIR = path.join(__dirname, '..', '..', 'bench', 'data', 'normalization', 'heldout');

/** A held-out page as the engine is asked to say it, paragraph by paragraph. */
export function spokenPage(file: string, language: string): string {
  return readFileSync(path.join(HELD_OUT_DIR, file), 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => toSpokenForm(paragraph.trim(), language))
    .join('\n\n');
}
