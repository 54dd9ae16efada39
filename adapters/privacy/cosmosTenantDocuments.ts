import type { Container, Database, FeedOptions, ItemDefinition, PartitionKey } from '@azure/cosmos';
import type { Filter, Page, PageRequest } from '../../core/ports/documents';
import type { AnyDocument, TenantDocuments } from '../../core/privacy/ports';
import { containerDefinitions, type ContainerDefinition } from '../cosmos/containers';
import { fromCosmos, statusOf, toCosmos } from '../cosmos/cosmosCollections';
import { buildQuery } from '../cosmos/queryBuilder';

/**
 * Every container, read generically for one tenant at a time (core/privacy/ports.ts). Each query carries the
 * tenant in its WHERE clause and, where the container is partitioned by tenant, as its partition key; project
 * containers are read across the tenant's projects, or within one project's partition when a project is named.
 */
export class CosmosTenantDocuments implements TenantDocuments {
  readonly containers: readonly string[];
  readonly projectContainers: readonly string[];
  private readonly definitions: Map<string, ContainerDefinition>;

  constructor(private readonly database: Database) {
    this.definitions = new Map(Object.values(containerDefinitions).map((def) => [def.id, def]));
    this.containers = [...this.definitions.keys()];
    this.projectContainers = this.containers.filter((id) => this.definition(id).partitionKeyPaths[1] === '/projectId');
  }

  async scan(
    container: string,
    tenantId: string,
    page: PageRequest,
    options: { projectId?: string; filter?: Filter } = {},
  ): Promise<Page<AnyDocument>> {
    const definition = this.definition(container);
    const [firstKey, secondKey] = definition.partitionKeyPaths;
    if (firstKey !== '/tenantId' && container !== containerDefinitions.tenants.id) {
      // Documents not partitioned by tenant (sign-in identities) belong to no tenant.
      return { items: [], continuationToken: null };
    }
    let scope: Record<string, string>;
    let partitionKey: PartitionKey | undefined;
    if (container === containerDefinitions.tenants.id) {
      scope = { id: tenantId };
      partitionKey = tenantId;
    } else if (secondKey === '/projectId') {
      scope = options.projectId ? { tenantId, projectId: options.projectId } : { tenantId };
      partitionKey = options.projectId ? [tenantId, options.projectId] : undefined;
    } else {
      scope = { tenantId };
      partitionKey = tenantId;
    }
    const feedOptions: FeedOptions = {
      partitionKey,
      maxItemCount: page.pageSize,
      continuationToken: page.continuationToken,
    };
    const response = await this.client(container)
      .items.query<ItemDefinition>(buildQuery(scope, { filter: options.filter }), feedOptions)
      .fetchNext();
    const items = response.resources
      .map((resource) => fromCosmos<AnyDocument>(resource)!)
      // The tenant is in the query; checked again in code, so no other tenant's document can ever be handed on.
      .filter((doc) => (container === containerDefinitions.tenants.id ? doc.id : doc.tenantId) === tenantId);
    return { items, continuationToken: response.continuationToken ?? null };
  }

  async replace(container: string, doc: AnyDocument): Promise<'replaced' | 'stale'> {
    if (!doc.etag) throw new Error('A document is replaced only with the version it was read at');
    try {
      await this.client(container)
        .item(doc.id, this.partitionKeyOf(container, doc))
        .replace(toCosmos(doc), { accessCondition: { type: 'IfMatch', condition: doc.etag } });
      return 'replaced';
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 404) return 'stale';
      throw error;
    }
  }

  async delete(container: string, doc: AnyDocument): Promise<void> {
    try {
      await this.client(container).item(doc.id, this.partitionKeyOf(container, doc)).delete();
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  private definition(container: string): ContainerDefinition {
    const definition = this.definitions.get(container);
    if (!definition) throw new Error(`Unknown container ${container}`);
    return definition;
  }

  private client(container: string): Container {
    return this.database.container(this.definition(container).id);
  }

  private partitionKeyOf(container: string, doc: AnyDocument): PartitionKey {
    const values = this.definition(container).partitionKeyPaths.map((path) => {
      const value = doc[path.slice(1)];
      if (typeof value !== 'string') throw new Error(`Document ${doc.id} has no ${path} in ${container}`);
      return value;
    });
    return values.length === 1 ? values[0] : values;
  }
}
