/**
 * What the spoken-form rounds' suites share: a megabyte of one hostile unit read within the jest budget (every new
 * pattern must read in linear time), and a held-out page said paragraph by paragraph as the engine is asked to say it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toSpokenForm } from '../../core/speech/normalize';
import { jestBudgetCheck } from '../support/jestBudget';

export const HOSTILE_BUDGET_MS = 120_000;
const MEGABYTE = 1_000_000;

export const megabyteOf = (unit: string): string => unit.repeat(Math.ceil(MEGABYTE / unit.length));

/** Says each input whole (as body text, or as a heading), checking the budget after each. */
export async function readsWhole(inputs: readonly string[], language: string, isHeading = false): Promise<void> {
  for (const input of inputs) {
    expect(toSpokenForm(input, language, { isHeading }).length).toBeGreaterThan(0);
    await jestBudgetCheck();
  }
}

const HELD_OUT_DIR = path.join(__dirname, '..', '..', 'bench', 'data', 'normalization', 'heldout');

/** A held-out page as the engine is asked to say it, paragraph by paragraph. */
export function spokenPage(file: string, language: string): string {
  return readFileSync(path.join(HELD_OUT_DIR, file), 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => toSpokenForm(paragraph.trim(), language))
    .join('\n\n');
}
