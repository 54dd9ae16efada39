export const tenantPlans = ['trial', 'standard', 'enterprise'] as const;
export type TenantPlan = (typeof tenantPlans)[number];

export interface TenantQuotas {
  monthlyCharacters: number;
  concurrentJobs: number;
  storageBytes: number;
}

export const defaultQuotasByPlan: Record<TenantPlan, TenantQuotas> = {
  trial: { monthlyCharacters: 2_000_000, concurrentJobs: 1, storageBytes: 5 * 1024 ** 3 },
  standard: { monthlyCharacters: 20_000_000, concurrentJobs: 3, storageBytes: 100 * 1024 ** 3 },
  enterprise: { monthlyCharacters: 200_000_000, concurrentJobs: 10, storageBytes: 1024 ** 4 },
};

/** Days packages are kept for download, by plan. */
export const packageRetentionDaysByPlan: Record<TenantPlan, number> = { trial: 7, standard: 90, enterprise: 365 };

/** A production holding one of the tenant's concurrent-production slots (see core/jobs/productionSlots.ts). */
export interface RunningProduction {
  jobId: string;
  projectId: string;
  claimedAt: string;
  /**
   * The characters the production's estimate said it would synthesize, held against the monthly character quota
   * while the slot is held (absent on slots claimed before reservations existed, and on jobs that synthesize nothing).
   */
  reservedCharacters?: number;
}

export interface TenantDeletion {
  requestedAt: string;
  /** The pseudonym of the admin who asked. */
  requestedBy: string;
  purgeAfter: string;
  /**
   * When a retention run claimed the purge (one ETag-conditional write): from then on the organization can no longer
   * be reopened, and another run leaves it to the claimer until the claim is an hour old.
   */
  purgeStartedAt?: string;
}

export interface TenantRecord {
  id: string;
  type: 'tenant';
  name: string;
  plan: TenantPlan;
  status: 'active' | 'suspended';
  quotas: TenantQuotas;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** Productions holding the concurrent-jobs quota, claimed and released with ETag-conditional writes. */
  runningProductions?: RunningProduction[];
  /** Set when an admin deletes the organization: closed at once, purged after `purgeAfter` (docs/privacy.md). */
  deletion?: TenantDeletion | null;
  etag?: string;
}
