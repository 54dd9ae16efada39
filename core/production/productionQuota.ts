/**
 * The quota check a production passes before anything is spent: the month's characters, and the storage its files
 * would take on top of the bytes the tenant stores as last measured (core/tenants/storageUsage.ts, a point read,
 * never a listing). Concurrent productions are not counted here: the job claims one of the tenant's production slots
 * atomically when it starts (core/jobs/productionSlots.ts).
 */
import type { CostService } from '../costs/costService';
import type { PackagePlatform } from '../packaging';
import type { TenantRecord } from '../tenants/tenant';
import type { TenantService } from '../tenants/tenantService';
import type { TenantStorageUsage } from '../tenants/storageUsage';
import { estimateProductionBytes } from './outputSize';

/** What the quota is checked against: the characters to synthesize and the audio the stored files will hold. */
export interface QuotaDemand {
  billableCharacters: number;
  estimatedAudioSeconds: number;
}

/** The tenant (found active) and the bytes it stores, as last measured. */
export interface QuotaState {
  tenant: TenantRecord;
  storedBytes: number;
}

export interface ProductionQuotaDeps {
  tenants: Pick<TenantService, 'assertActive'>;
  /** The tenant's stored bytes as last measured (a point read, never a listing). */
  storage: Pick<TenantStorageUsage, 'current'>;
  costs: Pick<CostService, 'checkQuota'>;
}

export class ProductionQuota {
  constructor(private readonly deps: ProductionQuotaDeps) {}

  /** The tenant (refused when not active) and the bytes it stores, as last measured. */
  async state(tenantId: string): Promise<QuotaState> {
    const [tenant, stored] = await Promise.all([
      this.deps.tenants.assertActive(tenantId),
      this.deps.storage.current(tenantId),
    ]);
    return { tenant, storedBytes: stored.bytes };
  }

  /**
   * Refuses (quota_exceeded) when the month's characters or the storage the files would take, on top of what the
   * tenant stores now, pass the tenant's quotas.
   */
  async enforce(job: { platforms: PackagePlatform[] }, demand: QuotaDemand, state: QuotaState): Promise<void> {
    await this.deps.costs.checkQuota(state.tenant, {
      characters: demand.billableCharacters,
      storageBytes: state.storedBytes + estimateProductionBytes(demand.estimatedAudioSeconds, job.platforms),
    });
  }
}
