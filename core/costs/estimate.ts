import type { TenantPlan } from '../tenants/tenant';
import { type CostKind, type LlmModel, type RateKey, round, unitPriceUsd, type VoiceClass } from './priceTable';

export interface EstimateInput {
  /** Azure's billable count (every SSML character except `<speak>`/`<voice>` tags). */
  billableCharacters: number;
  /** Default `neural`. */
  voiceClass?: VoiceClass;
  /** Expected LLM usage (characters, attribution); default model gpt-4o-mini. */
  llmTokens?: { input: number; output: number; model?: LlmModel };
  computeSeconds?: number;
  /** Bytes the deliverables will occupy, charged for `storageDays` (default 30). */
  storageBytes?: number;
  storageDays?: number;
}

export interface CostLine {
  kind: CostKind;
  rate: RateKey;
  quantity: number;
  unitPriceUsd: number;
  amountUsd: number;
}

export interface CostEstimate {
  plan: TenantPlan;
  currency: 'USD';
  lines: CostLine[];
  totalUsd: number;
}

function line(plan: TenantPlan, kind: CostKind, rate: RateKey, quantity: number): CostLine {
  const unit = unitPriceUsd(plan, rate);
  return { kind, rate, quantity, unitPriceUsd: unit, amountUsd: round(quantity * unit, 6) };
}

function nonNegative(name: string, value: number | undefined): number {
  const n = value ?? 0;
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${name} must be a non-negative number`);
  return n;
}

/** What a job will cost before it runs (shown to the user and checked against quotas). */
export function estimateCost(input: EstimateInput, plan: TenantPlan): CostEstimate {
  const lines: CostLine[] = [
    line(
      plan,
      'tts_characters',
      `tts:${input.voiceClass ?? 'neural'}`,
      nonNegative('billableCharacters', input.billableCharacters),
    ),
  ];
  if (input.llmTokens) {
    const model = input.llmTokens.model ?? 'gpt-4o-mini';
    lines.push(line(plan, 'llm_tokens', `llm:${model}:input`, nonNegative('llm input', input.llmTokens.input)));
    lines.push(line(plan, 'llm_tokens', `llm:${model}:output`, nonNegative('llm output', input.llmTokens.output)));
  }
  const seconds = nonNegative('computeSeconds', input.computeSeconds);
  if (seconds > 0) lines.push(line(plan, 'compute_seconds', 'compute', seconds));
  const bytes = nonNegative('storageBytes', input.storageBytes);
  if (bytes > 0) {
    const days = nonNegative('storageDays', input.storageDays ?? 30);
    lines.push(line(plan, 'storage_bytes', 'storage', bytes * days));
  }
  return {
    plan,
    currency: 'USD',
    lines,
    totalUsd: round(
      lines.reduce((sum, l) => sum + l.amountUsd, 0),
      6,
    ),
  };
}
