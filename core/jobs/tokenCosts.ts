/** What an analysis job (character detection, planning) pays a language model for, recorded as cost entries. */
import { priceUsage } from '../costs/costEntry';
import type { CostService } from '../costs/costService';
import type { RateKey } from '../costs/priceTable';
import type { TokenUsage } from '../ports/analysis';
import type { Clock } from '../ports/system';
import type { TenantService } from '../tenants/tenantService';
import type { JobInput } from './job';

export interface TokenCostDeps {
  tenants: Pick<TenantService, 'assertActive'>;
  costs: Pick<CostService, 'record'>;
  clock: Clock;
}

/**
 * Records the tokens a model call used. `dedupeScope` names the unit of work (the job, or job and chapter), so a step
 * that runs again after a crash records nothing twice.
 */
export async function recordTokenCost(
  deps: TokenCostDeps,
  job: JobInput,
  usage: TokenUsage,
  dedupeScope: string,
): Promise<void> {
  if (usage.promptTokens + usage.completionTokens === 0) return;
  const model = /mini/i.test(usage.model) ? 'gpt-4o-mini' : 'gpt-4o';
  const tenant = await deps.tenants.assertActive(job.tenantId);
  const at = deps.clock.now();
  const lines: [RateKey, number][] = [
    [`llm:${model}:input`, usage.promptTokens],
    [`llm:${model}:output`, usage.completionTokens],
  ];
  await deps.costs.record(
    lines
      .filter(([, quantity]) => quantity > 0)
      .map(([rate, quantity]) =>
        priceUsage(
          {
            tenantId: job.tenantId,
            projectId: job.projectId,
            jobId: job.jobId,
            userId: job.userId,
            rate,
            quantity,
            at,
            dedupeKey: `${dedupeScope}:${rate.replace(/:/g, '-')}`,
          },
          tenant.plan,
        ),
      ),
  );
}
