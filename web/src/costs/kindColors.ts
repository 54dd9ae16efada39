import type { CostKind } from '../api/costs';

/** One colour per kind of spend, the same in every chart; each is ≥ 3:1 against white (WCAG non-text contrast). */
export const KIND_COLORS: Record<CostKind, string> = {
  tts_characters: '#2f5fb3',
  llm_tokens: '#7a3e9d',
  compute_seconds: '#b44a0c',
  storage_bytes: '#0f766e',
};
