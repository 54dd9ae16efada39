import {
  CostAccumulator,
  type CostRecord,
  estimateCost,
  enforceQuotas,
  priceUsage,
  unitPriceUsd,
} from '../../core/costs';
import { validateCostEntry } from '../../core/costs/costEntry';
import { DomainError, ValidationError } from '../../core/errors';
import { defaultQuotasByPlan } from '../../core/tenants/tenant';
import { toErrorResponse } from '../../functions/http/errors';

describe('price table (docs/domain.md §Costs and quotas)', () => {
  it('prices neural TTS at $16 per million characters and gpt-4o tokens at $2.50 / $10 per million', () => {
    expect(unitPriceUsd('standard', 'tts:neural') * 1_000_000).toBeCloseTo(16, 9);
    expect(unitPriceUsd('standard', 'llm:gpt-4o:input') * 1_000_000).toBeCloseTo(2.5, 9);
    expect(unitPriceUsd('standard', 'llm:gpt-4o:output') * 1_000_000).toBeCloseTo(10, 9);
    expect(unitPriceUsd('trial', 'llm:gpt-4o-mini:output') * 1_000_000).toBeCloseTo(0.6, 9);
    expect(unitPriceUsd('standard', 'tts:offline')).toBe(0);
  });

  it('gives enterprise its discount', () => {
    expect(unitPriceUsd('enterprise', 'tts:neural') * 1_000_000).toBeCloseTo(14.4, 9);
  });
});

describe('estimate', () => {
  it('prices a 500,000-character novel with LLM analysis', () => {
    const estimate = estimateCost(
      { billableCharacters: 500_000, llmTokens: { input: 1_000_000, output: 100_000, model: 'gpt-4o' } },
      'standard',
    );
    expect(estimate.lines.map((l) => [l.rate, l.amountUsd])).toEqual([
      ['tts:neural', 8],
      ['llm:gpt-4o:input', 2.5],
      ['llm:gpt-4o:output', 1],
    ]);
    expect(estimate.totalUsd).toBe(11.5);
  });

  it('refuses negative quantities', () => {
    expect(() => estimateCost({ billableCharacters: -1 }, 'trial')).toThrow(RangeError);
  });
});

describe('cost entries', () => {
  const usage = {
    tenantId: 't-andes',
    projectId: 'prj_1',
    userId: 'u-1',
    rate: 'tts:neural' as const,
    quantity: 1234,
    at: new Date('2025-03-04T23:59:59Z'),
  };

  it('are priced from usage at the plan price, on the UTC day', () => {
    const entry = priceUsage(usage, 'standard');
    expect(entry).toMatchObject({ kind: 'tts_characters', day: '2025-03-04', amountUsd: 0.019744 });
    expect(() => validateCostEntry(entry, 0)).not.toThrow();
  });

  it('are refused when inconsistent', () => {
    const entry = priceUsage(usage, 'standard');
    expect(() => validateCostEntry({ ...entry, amountUsd: 5 }, 0)).toThrow(ValidationError);
    expect(() => validateCostEntry({ ...entry, kind: 'llm_tokens' }, 0)).toThrow(ValidationError);
    expect(() => validateCostEntry({ ...entry, day: '2025-13-01' }, 0)).toThrow(ValidationError);
    expect(() => validateCostEntry({ ...entry, projectId: '../x' }, 0)).toThrow(ValidationError);
  });
});

describe('aggregates', () => {
  const record = (over: Partial<CostRecord>): CostRecord => ({
    id: Math.random().toString(36),
    type: 'cost',
    tenantId: 't',
    projectId: 'p1',
    userId: 'u1',
    jobId: null,
    kind: 'tts_characters',
    rate: 'tts:neural',
    quantity: 1000,
    unitPriceUsd: 0.000016,
    amountUsd: 0.016,
    day: '2025-03-01',
    month: '2025-03',
    recordedAt: '2025-03-01T00:00:00Z',
    ...over,
  });

  it('group by day in time order, within the range', () => {
    const acc = new CostAccumulator('day', '2025-03-01', '2025-03-02');
    acc.add(record({ day: '2025-03-02' }));
    acc.add(record({ day: '2025-03-01' }));
    acc.add(record({ day: '2025-03-01', kind: 'llm_tokens', rate: 'llm:gpt-4o:input', amountUsd: 0.0025 }));
    acc.add(record({ day: '2025-03-03' }));
    const report = acc.report();
    expect(report.groups.map((g) => [g.key, g.amountUsd])).toEqual([
      ['2025-03-01', 0.0185],
      ['2025-03-02', 0.016],
    ]);
    expect(report.totalUsd).toBe(0.0345);
    expect(report.byKind.tts_characters.quantity).toBe(2000);
  });
});

describe('quotas', () => {
  const quotas = defaultQuotasByPlan.trial;
  const usage = { monthToDateCharacters: 1_900_000, resetsAt: '2025-04-01T00:00:00.000Z' };

  it('refuse a job that would pass the monthly characters, naming the numbers', () => {
    let error: unknown;
    try {
      enforceQuotas(quotas, usage, { characters: 200_000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('quota_exceeded');
    expect((error as DomainError).message).toContain('1900000 of 2000000');
    expect((error as DomainError).details).toMatchObject({ quota: 'monthlyCharacters', requested: 200_000 });
    expect(toErrorResponse(error, 'req').status).toBe(429);
  });

  it('accept what fits, and check concurrent jobs and storage', () => {
    expect(enforceQuotas(quotas, usage, { characters: 100_000 }).monthlyCharacters.remaining).toBe(100_000);
    expect(() => enforceQuotas(quotas, usage, { concurrentJobs: 1 })).toThrow(/Concurrent job quota/);
    expect(() => enforceQuotas(quotas, usage, { concurrentJobs: 0 })).not.toThrow();
    expect(() => enforceQuotas(quotas, usage, { storageBytes: quotas.storageBytes + 1 })).toThrow(/Storage quota/);
  });
});
