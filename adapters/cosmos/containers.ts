/**
 * The Cosmos containers the app uses and their partition keys. The local launcher creates them;
 * in Azure, Bicep does (test/bicep checks the two agree).
 * Ids in per-project containers are server-generated and unique per tenant: the local emulator enforces id
 * uniqueness on the first key level only, where Azure enforces it per (tenantId, projectId).
 */
export interface ContainerDefinition {
  id: string;
  partitionKeyPaths: string[];
}

const byTenant = (id: string): ContainerDefinition => ({ id, partitionKeyPaths: ['/tenantId'] });
const byProject = (id: string): ContainerDefinition => ({ id, partitionKeyPaths: ['/tenantId', '/projectId'] });

export const containerDefinitions = {
  tenants: { id: 'tenants', partitionKeyPaths: ['/id'] },
  /** Signed-in identities and the tenants they created (one partition per identity). */
  identities: { id: 'identities', partitionKeyPaths: ['/id'] },
  users: byTenant('users'),
  projects: byTenant('projects'),
  webhooks: byTenant('webhooks'),
  idempotency: byTenant('idempotency'),
  deliveries: byTenant('deliveries'),
  chapters: byProject('chapters'),
  characters: byProject('characters'),
  segments: byProject('segments'),
  jobs: byProject('jobs'),
  packages: byProject('packages'),
  costs: byProject('costs'),
  lexicon: byProject('lexicon'),
  reviews: byProject('reviews'),
  /** Per-tenant and platform daily metric aggregates (core/metrics/dailyMetricsStore.ts), expiring by TTL. */
  metrics: byTenant('metrics'),
  /** One record per state-changing request, expiring by TTL (core/privacy/audit.ts). */
  audit: byTenant('audit'),
  /** Erasure and tenant-export jobs (core/privacy/privacyJob.ts). */
  privacy: byTenant('privacy'),
} satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof containerDefinitions;
