/**
 * The Cosmos containers the app uses and their partition keys. The local launcher creates them;
 * in Azure, Bicep does (test/bicep checks the two agree).
 * Ids in per-project containers are server-generated and unique per tenant: the local emulator enforces id
 * uniqueness on the first key level only, where Azure enforces it per (tenantId, projectId).
 */
export interface IndexedPath {
  path: string;
  order: 'ascending' | 'descending';
}

export interface ContainerDefinition {
  id: string;
  partitionKeyPaths: string[];
  /**
   * Composite indexes the read side relies on, besides the per-listing ones Bicep declares for every container: the
   * fields a query filters on by equality first, then the one it is ordered by (docs/planning.md, "Read side").
   */
  compositeIndexes?: IndexedPath[][];
  /** Paths kept out of the index: long text nothing filters on, which would only make every write dearer. */
  excludedPaths?: string[];
}

const byTenant = (id: string): ContainerDefinition => ({ id, partitionKeyPaths: ['/tenantId'] });
const byProject = (id: string): ContainerDefinition => ({ id, partitionKeyPaths: ['/tenantId', '/projectId'] });
const ascending = (...paths: string[]): IndexedPath[] => paths.map((path) => ({ path, order: 'ascending' }));

export const containerDefinitions = {
  tenants: { id: 'tenants', partitionKeyPaths: ['/id'] },
  /** Signed-in identities and the tenants they created (one partition per identity). */
  identities: { id: 'identities', partitionKeyPaths: ['/id'] },
  users: byTenant('users'),
  projects: byTenant('projects'),
  webhooks: byTenant('webhooks'),
  idempotency: byTenant('idempotency'),
  deliveries: byTenant('deliveries'),
  chapters: {
    ...byProject('chapters'),
    // Chapter outlines in reading order (segment listing, estimate).
    compositeIndexes: [ascending('/type', '/deleted', '/order')],
    excludedPaths: ['/text/?'],
  },
  characters: byProject('characters'),
  segments: {
    ...byProject('segments'),
    // A chapter's committed plan in order, whole or narrowed to a speaker (unknown included) or to flagged lines.
    compositeIndexes: [
      ascending('/chapterId', '/planGeneration', '/index'),
      ascending('/chapterId', '/planGeneration', '/speakerId', '/index'),
      ascending('/chapterId', '/planGeneration', '/flagged', '/index'),
    ],
    excludedPaths: ['/text/?'],
  },
  jobs: byProject('jobs'),
  packages: byProject('packages'),
  costs: byProject('costs'),
  lexicon: byProject('lexicon'),
  reviews: byProject('reviews'),
  /**
   * Per-tenant and platform daily metric aggregates (core/metrics/dailyMetricsStore.ts), expiring by TTL; and each
   * tenant's stored-bytes measurement (core/tenants/storageUsage.ts), which does not expire.
   */
  metrics: byTenant('metrics'),
  /** One record per state-changing request, expiring by TTL (core/privacy/audit.ts). */
  audit: byTenant('audit'),
  /** Erasure and tenant-export jobs (core/privacy/privacyJob.ts). */
  privacy: byTenant('privacy'),
} satisfies Record<string, ContainerDefinition>;
