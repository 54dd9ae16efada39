import type { TenantPlan } from '../tenants/tenant';

/**
 * What each billable unit costs a tenant, per plan, in US dollars (docs/domain.md §Costs and quotas). TTS and LLM
 * rates are Azure's list prices passed through; enterprise tenants get the negotiated discount below. Compute and
 * storage follow Flex Consumption on-demand execution (≈ $0.000026 per GB-s on a 2 GB instance) and hot LRS blob
 * storage (≈ $0.02 per GB-month). Change the numbers here, nowhere else.
 */

export const costKinds = ['tts_characters', 'llm_tokens', 'compute_seconds', 'storage_bytes'] as const;
export type CostKind = (typeof costKinds)[number];

/** `offline` is the embedded espeak-ng engine: free, but still metered so usage shows up. */
export const voiceClasses = ['neural', 'hd', 'offline'] as const;
export type VoiceClass = (typeof voiceClasses)[number];

export const llmModels = ['gpt-4o', 'gpt-4o-mini', 'heuristic'] as const;
export type LlmModel = (typeof llmModels)[number];
export type TokenDirection = 'input' | 'output';

/**
 * The rate a cost line was priced at, so a stored entry explains itself: `tts:neural`, `llm:gpt-4o:output`,
 * `compute`, `storage`.
 */
export type RateKey = `tts:${VoiceClass}` | `llm:${LlmModel}:${TokenDirection}` | 'compute' | 'storage';

export interface PriceTable {
  ttsPerMillionCharacters: Record<VoiceClass, number>;
  llmPerMillionTokens: Record<LlmModel, Record<TokenDirection, number>>;
  computePerSecond: number;
  /** Per GB (2^30 bytes) stored for a 30-day month; daily storage entries are charged 1/30 of it. */
  storagePerGbMonth: number;
}

const LIST_PRICES: PriceTable = {
  ttsPerMillionCharacters: { neural: 16, hd: 30, offline: 0 },
  llmPerMillionTokens: {
    'gpt-4o': { input: 2.5, output: 10 },
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    heuristic: { input: 0, output: 0 },
  },
  computePerSecond: 0.000052,
  storagePerGbMonth: 0.02,
};

const ENTERPRISE_DISCOUNT = 0.1;

function discounted(table: PriceTable, ratio: number): PriceTable {
  const off = (price: number) => round(price * (1 - ratio), 9);
  const llm = Object.fromEntries(
    Object.entries(table.llmPerMillionTokens).map(([model, prices]) => [
      model,
      { input: off(prices.input), output: off(prices.output) },
    ]),
  ) as PriceTable['llmPerMillionTokens'];
  return {
    ttsPerMillionCharacters: {
      neural: off(table.ttsPerMillionCharacters.neural),
      hd: off(table.ttsPerMillionCharacters.hd),
      offline: 0,
    },
    llmPerMillionTokens: llm,
    computePerSecond: off(table.computePerSecond),
    storagePerGbMonth: off(table.storagePerGbMonth),
  };
}

export const priceTables: Record<TenantPlan, PriceTable> = {
  trial: LIST_PRICES,
  standard: LIST_PRICES,
  enterprise: discounted(LIST_PRICES, ENTERPRISE_DISCOUNT),
};

const GB = 1024 ** 3;
const DAYS_PER_BILLING_MONTH = 30;

/** Dollars per single unit (one character, token, second or byte-day) of `rate` on `plan`. */
export function unitPriceUsd(plan: TenantPlan, rate: RateKey): number {
  const table = priceTables[plan];
  if (rate === 'compute') return table.computePerSecond;
  if (rate === 'storage') return table.storagePerGbMonth / GB / DAYS_PER_BILLING_MONTH;
  const [family, name, direction] = rate.split(':') as [string, string, TokenDirection | undefined];
  if (family === 'tts') return table.ttsPerMillionCharacters[name as VoiceClass] / 1_000_000;
  return table.llmPerMillionTokens[name as LlmModel][direction!] / 1_000_000;
}

export function kindOfRate(rate: RateKey): CostKind {
  if (rate === 'compute') return 'compute_seconds';
  if (rate === 'storage') return 'storage_bytes';
  return rate.startsWith('tts:') ? 'tts_characters' : 'llm_tokens';
}

export function isRateKey(value: string): value is RateKey {
  if (value === 'compute' || value === 'storage') return true;
  const [family, name, direction, extra] = value.split(':');
  if (extra !== undefined) return false;
  if (family === 'tts') return direction === undefined && (voiceClasses as readonly string[]).includes(name);
  return (
    family === 'llm' &&
    (llmModels as readonly string[]).includes(name) &&
    (direction === 'input' || direction === 'output')
  );
}

/** Money is summed from many tiny products; rounding at a fixed precision keeps totals reproducible. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
