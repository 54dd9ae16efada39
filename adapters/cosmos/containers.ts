/**
 * The Cosmos containers the app uses and their partition keys (ARCHITECTURE.md). The local launcher creates them;
 * in Azure, Bicep does (test/bicep checks the two agree).
 */
export interface ContainerDefinition {
  id: string;
  partitionKeyPaths: string[];
}

export const containerDefinitions = {
  tenants: { id: 'tenants', partitionKeyPaths: ['/id'] },
  users: { id: 'users', partitionKeyPaths: ['/tenantId'] },
  projects: { id: 'projects', partitionKeyPaths: ['/tenantId'] },
  idempotency: { id: 'idempotency', partitionKeyPaths: ['/tenantId'] },
  content: { id: 'content', partitionKeyPaths: ['/tenantId', '/projectId'] },
  jobs: { id: 'jobs', partitionKeyPaths: ['/tenantId', '/projectId'] },
  costs: { id: 'costs', partitionKeyPaths: ['/tenantId', '/projectId'] },
  webhooks: { id: 'webhooks', partitionKeyPaths: ['/tenantId'] },
} satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof containerDefinitions;
