/**
 * Spoken-form normalization on the case table (bench/data/normalization/cases.ts): cases passed per language and
 * topic, and the normalizer's throughput on a corpus-sized text (the same cases repeated).
 */
import { NORMALIZATION_CASES, type CaseLanguage, type NormalizationCase } from './data/normalization/cases';
import { toSpokenForm } from '../core/speech/normalize';
import type { BenchContext, BenchModule, BenchRow } from './types';

const LANGUAGES: CaseLanguage[] = ['en', 'es', 'pt'];
/** Characters normalized for the throughput figure, about a short novel. */
const THROUGHPUT_CHARACTERS = 500_000;

function passes(normalizationCase: NormalizationCase): boolean {
  const spoken = toSpokenForm(normalizationCase.input, normalizationCase.locale, {
    isHeading: normalizationCase.heading === true,
  });
  return spoken === normalizationCase.expected;
}

function row(caseName: string, selected: readonly NormalizationCase[], context: BenchContext): BenchRow {
  const failed = selected.filter((c) => !passes(c));
  for (const c of failed) context.log(`failed ${c.locale} ${c.topic}: ${JSON.stringify(c.input)}`);
  return {
    benchmark: 'normalization',
    case: caseName,
    metrics: { cases: selected.length, passed: selected.length - failed.length, failed: failed.length },
  };
}

/** Characters a second through toSpokenForm, paragraph by paragraph as production calls it. */
function throughput(language: CaseLanguage): number {
  const samples = NORMALIZATION_CASES.filter((c) => c.language === language && !c.heading);
  const paragraphs: { text: string; locale: string }[] = [];
  let characters = 0;
  for (let i = 0; characters < THROUGHPUT_CHARACTERS; i++) {
    const sample = samples[i % samples.length];
    const text = `${sample.input} The next sentence runs on for a while, as prose does, before it stops.`;
    paragraphs.push({ text, locale: sample.locale });
    characters += text.length;
  }
  const started = process.hrtime.bigint();
  for (const paragraph of paragraphs) toSpokenForm(paragraph.text, paragraph.locale);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return Math.round(characters / seconds);
}

const normalizationBench: BenchModule = {
  name: 'normalization',
  description: `Spoken-form cases passed (${NORMALIZATION_CASES.length} cases, en/es/pt) and characters normalized a second`,
  async run(context) {
    const rows: BenchRow[] = [row('all', NORMALIZATION_CASES, context)];
    for (const language of LANGUAGES) {
      const ofLanguage = NORMALIZATION_CASES.filter((c) => c.language === language);
      const languageRow = row(language, ofLanguage, context);
      languageRow.metrics.charactersPerSecond = throughput(language);
      rows.push(languageRow);
    }
    const topics = [...new Set(NORMALIZATION_CASES.map((c) => c.topic))].sort();
    for (const topic of topics) {
      rows.push(
        row(
          `topic: ${topic}`,
          NORMALIZATION_CASES.filter((c) => c.topic === topic),
          context,
        ),
      );
    }
    return rows;
  },
};

export default normalizationBench;
