/** What the analysis jobs' activities (character detection, planning) share: LLM cost metering. */
import type { Services } from '../../adapters/compositionRoot';
import { priceUsage } from '../../core/costs/costEntry';
import type { RateKey } from '../../core/costs/priceTable';
import type { JobInput } from '../../core/jobs/job';
import type { TokenUsage } from '../../core/ports/analysis';

/**
 * Records the tokens a model call used. `dedupeScope` names the unit of work (the job, or job and chapter), so an
 * activity that runs again after a crash records nothing twice.
 */
export async function recordTokenCost(
  svc: Services,
  job: JobInput,
  usage: TokenUsage,
  dedupeScope: string,
): Promise<void> {
  if (usage.promptTokens + usage.completionTokens === 0) return;
  const model = /mini/i.test(usage.model) ? 'gpt-4o-mini' : 'gpt-4o';
  const tenant = await svc.tenants.assertActive(job.tenantId);
  const at = svc.clock.now();
  const lines: [RateKey, number][] = [
    [`llm:${model}:input`, usage.promptTokens],
    [`llm:${model}:output`, usage.completionTokens],
  ];
  await svc.costs.record(
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
