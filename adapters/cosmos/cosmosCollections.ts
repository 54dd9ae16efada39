import type {
  Container,
  ErrorResponse,
  FeedResponse,
  ItemDefinition,
  JSONObject,
  OperationInput,
  OperationResponse,
  PartitionKey,
} from '@azure/cosmos';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../core/errors';
import {
  MAX_TRANSACTION_WRITES,
  type Filter,
  type ListQuery,
  type Page,
  type ProjectCollection,
  type ProjectScopedDocument,
  type StoredDocument,
  type TenantCollection,
  type TenantDirectory,
  type TransactionWrite,
  type SelectedFields,
  type SubfieldSelection,
} from '../../core/ports/documents';
import { openContinuationToken, rejectedContinuationToken, sealContinuationToken } from './continuationToken';
import { buildQuery, type Selection } from './queryBuilder';
import { withoutQueryPlan } from './singlePartitionQuery';

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_ts', '_attachments', '_etag', '_lsn']);

/**
 * The stored document without Cosmos' system fields, its `_etag` as `etag`. Built by copying the other fields rather
 * than by deleting from a copy: an object that loses properties turns into a slow dictionary for every later read
 * and for JSON serialisation, and a listing builds and serialises one per item.
 */
export function fromCosmos<T>(item: ItemDefinition | undefined): T | undefined {
  if (!item) return undefined;
  const doc: Record<string, unknown> = {};
  for (const field of Object.keys(item)) if (!SYSTEM_FIELDS.has(field)) doc[field] = item[field];
  doc.etag = item._etag;
  return doc as T;
}

export function toCosmos<T extends { etag?: string }>(doc: T): ItemDefinition {
  const { etag: _ignored, ...rest } = doc;
  return rest as ItemDefinition;
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? Number((error as ErrorResponse).code) : undefined;
}

/** Shared implementation: the partition key and WHERE scope are computed from the document's own fields. */
class ScopedCollection<T extends { id: string; etag?: string }> {
  constructor(
    protected readonly container: Container,
    private readonly keyOf: (doc: T) => PartitionKey,
  ) {}

  protected async read(id: string, partitionKey: PartitionKey): Promise<T | undefined> {
    try {
      const { resource } = await this.container.item(id, partitionKey).read();
      return fromCosmos<T>(resource);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async create(doc: T): Promise<T> {
    try {
      const { resource } = await this.container.items.create(toCosmos(doc));
      return fromCosmos<T>(resource)!;
    } catch (error) {
      if (statusOf(error) === 409) throw new ConflictError('An object with this id already exists');
      throw error;
    }
  }

  async upsert(doc: T): Promise<T> {
    const { resource } = await this.container.items.upsert(toCosmos(doc));
    return fromCosmos<T>(resource)!;
  }

  async replace(doc: T, etag: string): Promise<T> {
    const partitionKey = this.keyOf(doc);
    try {
      const { resource } = await this.container
        .item(doc.id, partitionKey)
        .replace(toCosmos(doc), { accessCondition: { type: 'IfMatch', condition: etag } });
      return fromCosmos<T>(resource)!;
    } catch (error) {
      if (statusOf(error) === 412) {
        throw new PreconditionFailedError(
          'The object changed since you loaded it',
          await this.read(doc.id, partitionKey),
        );
      }
      // Deleted since it was read: the caller's object is gone (a 404 to the client, not a failure of ours).
      if (statusOf(error) === 404) throw new NotFoundError('The object');
      throw error;
    }
  }

  protected async remove(id: string, partitionKey: PartitionKey, etag?: string): Promise<void> {
    try {
      await this.container
        .item(id, partitionKey)
        .delete(etag === undefined ? undefined : { accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      if (statusOf(error) === 412) {
        throw new PreconditionFailedError('The object changed since you loaded it', await this.read(id, partitionKey));
      }
      if (statusOf(error) !== 404) throw error;
    }
  }

  protected async query<R = T>(
    scope: Record<string, string>,
    partitionKey: PartitionKey | undefined,
    query: ListQuery,
    select: Selection = 'documents',
  ): Promise<Page<R>> {
    const querySpec = buildQuery(scope, query, select);
    const listing = { container: this.container.id, partitionKey, query: querySpec };
    const given = query.page.continuationToken;
    const scoped = this.container.items.query<ItemDefinition>(querySpec, {
      partitionKey,
      maxItemCount: query.page.pageSize,
      continuationToken: given === undefined ? undefined : openContinuationToken(given, listing),
    });
    // One logical partition (a whole key): no query plan to fetch (singlePartitionQuery.ts).
    const iterator = partitionKey === undefined ? scoped : withoutQueryPlan(scoped);
    let response: FeedResponse<ItemDefinition>;
    try {
      response = await iterator.fetchNext();
    } catch (error) {
      // The SDK answers a token it cannot parse with 400: the client's token, not our failure.
      if (given !== undefined && statusOf(error) === 400) throw rejectedContinuationToken();
      throw error;
    }
    return {
      items: response.resources.map((r) => fromCosmos<R>(r)!),
      continuationToken: response.continuationToken ? sealContinuationToken(response.continuationToken, listing) : null,
    };
  }
}

export class CosmosTenantCollection<T extends StoredDocument>
  extends ScopedCollection<T>
  implements TenantCollection<T>
{
  constructor(container: Container) {
    super(container, (doc) => doc.tenantId);
  }
  get(tenantId: string, id: string): Promise<T | undefined> {
    return this.read(id, tenantId).then((doc) => (doc && doc.tenantId === tenantId ? doc : undefined));
  }
  delete(tenantId: string, id: string, etag?: string): Promise<void> {
    return this.remove(id, tenantId, etag);
  }
  list(tenantId: string, query: ListQuery): Promise<Page<T>> {
    return this.query({ tenantId }, tenantId, query);
  }
}

export class CosmosProjectCollection<T extends ProjectScopedDocument>
  extends ScopedCollection<T>
  implements ProjectCollection<T>
{
  constructor(container: Container) {
    super(container, (doc) => [doc.tenantId, doc.projectId]);
  }
  get(tenantId: string, projectId: string, id: string): Promise<T | undefined> {
    return this.read(id, [tenantId, projectId]).then((doc) =>
      doc && doc.tenantId === tenantId && doc.projectId === projectId ? doc : undefined,
    );
  }
  delete(tenantId: string, projectId: string, id: string, etag?: string): Promise<void> {
    return this.remove(id, [tenantId, projectId], etag);
  }
  async transact(tenantId: string, projectId: string, writes: TransactionWrite<T>[]): Promise<(T | undefined)[]> {
    if (writes.length > MAX_TRANSACTION_WRITES) {
      throw new Error(`A transaction holds at most ${MAX_TRANSACTION_WRITES} writes (${writes.length} given)`);
    }
    for (const write of writes) {
      if (write.op !== 'delete' && (write.doc.tenantId !== tenantId || write.doc.projectId !== projectId)) {
        throw new Error('Every write of a transaction belongs to its project');
      }
    }
    const operations: OperationInput[] = writes.map((write) => {
      switch (write.op) {
        case 'create':
          return { operationType: 'Create', resourceBody: toCosmos(write.doc) as JSONObject };
        case 'upsert':
          return { operationType: 'Upsert', resourceBody: toCosmos(write.doc) as JSONObject };
        case 'replace':
          return {
            operationType: 'Replace',
            id: write.doc.id,
            ifMatch: write.etag,
            resourceBody: toCosmos(write.doc) as JSONObject,
          };
        case 'delete':
          return write.etag
            ? { operationType: 'Delete', id: write.id, ifMatch: write.etag }
            : { operationType: 'Delete', id: write.id };
      }
    });
    const { result } = await this.container.items.batch(operations, [tenantId, projectId]);
    const answers = result ?? [];
    const failed = answers.find((answer) => answer.statusCode >= 400 && answer.statusCode !== 424);
    if (failed || answers.length !== writes.length) throw transactionFailure(failed);
    return answers.map((answer) => fromCosmos<T>(answer.resourceBody as ItemDefinition | undefined));
  }
  list(tenantId: string, projectId: string, query: ListQuery): Promise<Page<T>> {
    return this.query({ tenantId, projectId }, [tenantId, projectId], query);
  }
  listFields<K extends keyof T & string, S extends SubfieldSelection<T, K> = Record<never, never>>(
    tenantId: string,
    projectId: string,
    fields: readonly K[],
    query: ListQuery,
    subfields?: S,
  ): Promise<Page<SelectedFields<T, K, S>>> {
    return this.query<SelectedFields<T, K, S>>({ tenantId, projectId }, [tenantId, projectId], query, {
      fields,
      subfields: subfields as Record<string, readonly string[] | undefined> | undefined,
    });
  }
  async count(tenantId: string, projectId: string, filter: Filter): Promise<number> {
    const { resources } = await this.container.items
      .query<number>(buildQuery({ tenantId, projectId }, { filter }, 'count'), { partitionKey: [tenantId, projectId] })
      .fetchAll();
    // One partition answers with one number; summed in case the service splits the aggregate into partial results.
    return resources.reduce((sum, partial) => sum + partial, 0);
  }
  /**
   * Filters on the first level of the hierarchical key only, so Cosmos routes it as a prefix query to the physical
   * partitions holding that tenant (a full-key `partitionKey` option would name one project; none is named here).
   */
  listTenantWide(tenantId: string, query: ListQuery): Promise<Page<T>> {
    return this.query({ tenantId }, undefined, query);
  }
}

export class CosmosTenantDirectory<T extends { id: string; etag?: string }>
  extends ScopedCollection<T>
  implements TenantDirectory<T>
{
  constructor(container: Container) {
    super(container, (doc) => doc.id);
  }
  get(id: string): Promise<T | undefined> {
    return this.read(id, id);
  }
  /** Operator-only listing across tenants: the one deliberate cross-partition query. */
  async list(query: ListQuery): Promise<Page<T>> {
    return this.query({}, undefined, query);
  }
}

/** The error a single write would have thrown for the operation that failed a transaction (the others answer 424). */
function transactionFailure(failed: OperationResponse | undefined): Error {
  switch (failed?.statusCode) {
    case 409:
      return new ConflictError('An object with this id already exists');
    case 412:
      return new PreconditionFailedError('The object changed since you loaded it');
    case 404:
      return new NotFoundError('The object');
    default:
      return new Error(`The transaction failed (status ${failed?.statusCode ?? 'unknown'})`);
  }
}
