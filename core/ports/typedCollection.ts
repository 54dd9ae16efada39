/**
 * A collection bound to one record type. Per-project containers hold several record types side by side (a chapter
 * beside its manuscript, lexicon entries beside the pause policy, review threads beside approvals), told apart by
 * their `type` field. A `TypedCollection` applies that discriminator itself: every read, listing and count it makes
 * is scoped to its type, and every write stamps it, so a service never filters by `type` by hand and never mistakes
 * another record for its own. Partition scoping is the underlying collection's (tenant and project from the caller).
 */
import {
  readAll,
  readAllItems,
  READ_ALL_PAGE_SIZE,
  type Filter,
  type ListQuery,
  type Page,
  type ProjectCollection,
  type ProjectScopedDocument,
  type StoredDocument,
  type TenantCollection,
  type TransactionWrite,
  type SelectedFields,
  type SubfieldSelection,
} from './documents';

export interface TypedRecord extends ProjectScopedDocument {
  type: string;
}

/** A listing's filter and order, without a page: what `readAll` reads to the end. */
export type ReadQuery = Pick<ListQuery, 'filter' | 'orderBy'>;

export interface TypedCollection<T extends TypedRecord> extends ProjectCollection<T> {
  /** The record type every call is scoped to. */
  readonly type: T['type'];
  /** How many records of this type (matching `filter`) the project holds, counted by the store. */
  count(tenantId: string, projectId: string, filter?: Filter): Promise<number>;
  /** Every record of this type in the project matching `query`, page after page (a reader may `break` early). */
  readAll(tenantId: string, projectId: string, query?: ReadQuery, pageSize?: number): AsyncGenerator<T>;
  /** `readAll` gathered into an array. */
  readAllItems(tenantId: string, projectId: string, query?: ReadQuery, pageSize?: number): Promise<T[]>;
  /** `readAllItems` returning only the named top-level fields of each record. */
  readAllFields<K extends keyof T & string>(
    tenantId: string,
    projectId: string,
    fields: readonly K[],
    query?: ReadQuery,
    pageSize?: number,
  ): Promise<Pick<T, K>[]>;
}

/** A collection of `store` bound to the record type `type` (the composition root binds one per record type). */
export function typedCollection<T extends TypedRecord>(
  store: ProjectCollection<TypedRecord>,
  type: T['type'],
): TypedCollection<T> {
  return new RecordsOfType<T>(store as ProjectCollection<T>, type);
}

export interface TypedTenantRecord extends StoredDocument {
  type: string;
}

/** The same binding for a container partitioned by tenant only (webhook subscriptions, privacy jobs …). */
export interface TypedTenantCollection<T extends TypedTenantRecord> extends TenantCollection<T> {
  readonly type: T['type'];
}

export function typedTenantCollection<T extends TypedTenantRecord>(
  store: TenantCollection<TypedTenantRecord>,
  type: T['type'],
): TypedTenantCollection<T> {
  return new TenantRecordsOfType<T>(store as TenantCollection<T>, type);
}

/** The type condition first, then the caller's, as one flat conjunction (a caller's own type condition not twice). */
function withType(type: string, filter: Filter | undefined): Filter {
  const ofType: Filter = { field: 'type', op: 'eq', value: type };
  if (!filter) return ofType;
  const namesType = (f: Filter) => f.op === 'eq' && f.field === 'type' && f.value === type;
  const conditions = (filter.op === 'and' ? filter.filters : [filter]).filter((f) => !namesType(f));
  return conditions.length === 0 ? ofType : { op: 'and', filters: [ofType, ...conditions] };
}

function stamped<T extends { type: string }>(doc: T, type: T['type']): T {
  return doc.type === type ? doc : { ...doc, type };
}

class TenantRecordsOfType<T extends TypedTenantRecord> implements TypedTenantCollection<T> {
  constructor(
    private readonly store: TenantCollection<T>,
    readonly type: T['type'],
  ) {}

  async get(tenantId: string, id: string): Promise<T | undefined> {
    const found = await this.store.get(tenantId, id);
    return found?.type === this.type ? found : undefined;
  }

  create(doc: T): Promise<T> {
    return this.store.create(stamped(doc, this.type));
  }

  replace(doc: T, etag: string): Promise<T> {
    return this.store.replace(stamped(doc, this.type), etag);
  }

  delete(tenantId: string, id: string, etag?: string): Promise<void> {
    return this.store.delete(tenantId, id, etag);
  }

  list(tenantId: string, query: ListQuery): Promise<Page<T>> {
    return this.store.list(tenantId, { ...query, filter: withType(this.type, query.filter) });
  }
}

class RecordsOfType<T extends TypedRecord> implements TypedCollection<T> {
  constructor(
    private readonly store: ProjectCollection<T>,
    readonly type: T['type'],
  ) {}

  async get(tenantId: string, projectId: string, id: string): Promise<T | undefined> {
    const found = await this.store.get(tenantId, projectId, id);
    return found?.type === this.type ? found : undefined;
  }

  create(doc: T): Promise<T> {
    return this.store.create(stamped(doc, this.type));
  }

  upsert(doc: T): Promise<T> {
    return this.store.upsert(stamped(doc, this.type));
  }

  replace(doc: T, etag: string): Promise<T> {
    return this.store.replace(stamped(doc, this.type), etag);
  }

  delete(tenantId: string, projectId: string, id: string, etag?: string): Promise<void> {
    return this.store.delete(tenantId, projectId, id, etag);
  }

  transact(tenantId: string, projectId: string, writes: TransactionWrite<T>[]): Promise<(T | undefined)[]> {
    return this.store.transact(
      tenantId,
      projectId,
      writes.map((write) => (write.op === 'delete' ? write : { ...write, doc: stamped(write.doc, this.type) })),
    );
  }

  list(tenantId: string, projectId: string, query: ListQuery): Promise<Page<T>> {
    return this.store.list(tenantId, projectId, this.scoped(query));
  }

  listFields<K extends keyof T & string, S extends SubfieldSelection<T, K> = Record<never, never>>(
    tenantId: string,
    projectId: string,
    fields: readonly K[],
    query: ListQuery,
    subfields?: S,
  ): Promise<Page<SelectedFields<T, K, S>>> {
    return this.store.listFields(tenantId, projectId, fields, this.scoped(query), subfields);
  }

  count(tenantId: string, projectId: string, filter?: Filter): Promise<number> {
    return this.store.count(tenantId, projectId, withType(this.type, filter));
  }

  listTenantWide(tenantId: string, query: ListQuery): Promise<Page<T>> {
    return this.store.listTenantWide(tenantId, this.scoped(query));
  }

  readAll(
    tenantId: string,
    projectId: string,
    query: ReadQuery = {},
    pageSize = READ_ALL_PAGE_SIZE,
  ): AsyncGenerator<T> {
    return readAll((page) => this.list(tenantId, projectId, { ...query, page }), pageSize);
  }

  readAllItems(
    tenantId: string,
    projectId: string,
    query: ReadQuery = {},
    pageSize = READ_ALL_PAGE_SIZE,
  ): Promise<T[]> {
    return readAllItems((page) => this.list(tenantId, projectId, { ...query, page }), pageSize);
  }

  readAllFields<K extends keyof T & string>(
    tenantId: string,
    projectId: string,
    fields: readonly K[],
    query: ReadQuery = {},
    pageSize = READ_ALL_PAGE_SIZE,
  ): Promise<Pick<T, K>[]> {
    return readAllItems((page) => this.listFields(tenantId, projectId, fields, { ...query, page }), pageSize);
  }

  private scoped(query: ListQuery): ListQuery {
    return { ...query, filter: withType(this.type, query.filter) };
  }
}
