/**
 * Document storage port. Every call states the tenant: partition key and WHERE filter are derived from it by the
 * adapter, so a caller cannot forget either. ETags implement optimistic concurrency.
 */
export interface StoredDocument {
  id: string;
  tenantId: string;
  /** Opaque version; present on documents read from the store. */
  etag?: string;
}

export interface PageRequest {
  pageSize: number;
  continuationToken?: string;
}

export interface Page<T> {
  items: T[];
  continuationToken: string | null;
}

/**
 * Of an object-valued top-level field, the fields to keep, where a reader wants only part of it (a chapter master's
 * sound record, not its per-line timings).
 */
export type SubfieldSelection<T, K extends keyof T> = {
  readonly [P in K]?: readonly (keyof NonNullable<T[P]> & string)[];
};

/** What `listFields` answers: the named fields, each one given a subfield selection narrowed to it. */
export type SelectedFields<T, K extends keyof T, S extends SubfieldSelection<T, K>> = [keyof S] extends [never]
  ? Pick<T, K>
  : {
      [P in K]: S[P] extends readonly (infer F extends keyof NonNullable<T[P]>)[]
        ? Pick<NonNullable<T[P]>, F> | Extract<T[P], null | undefined>
        : T[P];
    };

/** A listing with its query bound, asked for one page at a time (a collection's `list`, `listFields`, …). */
export type PagedListing<T> = (page: PageRequest) => Promise<Page<T>>;

/** Items per page when a caller reads everything a listing matches and names no page size. */
export const READ_ALL_PAGE_SIZE = 200;

/**
 * Every item a listing matches, in the store's order, page after page as they arrive: the one implementation of the
 * continuation loop. A store may answer a page with nothing yet more to come, so only a missing continuation token
 * ends it. A reader that has seen enough leaves with `break` and no further page is asked for.
 */
export async function* readAll<T>(listing: PagedListing<T>, pageSize = READ_ALL_PAGE_SIZE): AsyncGenerator<T> {
  let continuationToken: string | undefined;
  do {
    const page = await listing({ pageSize, continuationToken });
    yield* page.items;
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
}

/** `readAll` gathered into an array, for readers that need every item at once (to sort them, to count them). */
export async function readAllItems<T>(listing: PagedListing<T>, pageSize = READ_ALL_PAGE_SIZE): Promise<T[]> {
  const items: T[] = [];
  for await (const item of readAll(listing, pageSize)) items.push(item);
  return items;
}

/** A filter the adapter turns into a parameterized query. Field paths are fixed by code, never by user input. */
export type Filter =
  | { field: string; op: 'eq'; value: string | number | boolean | null }
  | { field: string; op: 'ne'; value: string | number | boolean | null }
  | { field: string; op: 'in'; values: (string | number)[] }
  | { field: string; op: 'arrayContains'; value: string }
  | { field: string; op: 'containsText'; value: string }
  | { op: 'or'; filters: Filter[] }
  | { op: 'and'; filters: Filter[] }
  | { field: string; op: 'lt'; value: string | number }
  | { field: string; op: 'gt'; value: string | number }
  /** The map at `field` has an entry `key` greater than `value` (`c.field[@key] > @value`). */
  | { field: string; op: 'entryGt'; key: string; value: number }
  | { field: string; op: 'isNull' }
  /** The field is missing or null. */
  | { field: string; op: 'absent' };

export interface ListQuery {
  filter?: Filter;
  orderBy?: { field: string; direction: 'ASC' | 'DESC' };
  page: PageRequest;
}

/** Documents partitioned by tenant (projects, users). */
export interface TenantCollection<T extends StoredDocument> {
  get(tenantId: string, id: string): Promise<T | undefined>;
  /** Create-only: throws ConflictError when the id exists. */
  create(doc: T): Promise<T>;
  /** Replace if the stored version still has `etag`; throws PreconditionFailedError (with the current doc) otherwise. */
  replace(doc: T, etag: string): Promise<T>;
  /** With `etag`, only while the stored version still has it (PreconditionFailedError otherwise); gone is done. */
  delete(tenantId: string, id: string, etag?: string): Promise<void>;
  list(tenantId: string, query: ListQuery): Promise<Page<T>>;
}

/** Documents of one project, partitioned by (tenantId, projectId). */
export interface ProjectScopedDocument extends StoredDocument {
  projectId: string;
}

/**
 * One write of a transaction; every write of one is in the same project (one partition). An upsert, and a delete
 * without an ETag, are unconditional (a document gone is an error for the delete, as in the store).
 */
export type TransactionWrite<T> =
  | { op: 'create'; doc: T }
  | { op: 'upsert'; doc: T }
  | { op: 'replace'; doc: T; etag: string }
  | { op: 'delete'; id: string; etag?: string };

/** The most writes one transaction may hold (Cosmos DB's limit for a transactional batch). */
export const MAX_TRANSACTION_WRITES = 100;

export interface ProjectCollection<T extends ProjectScopedDocument> {
  get(tenantId: string, projectId: string, id: string): Promise<T | undefined>;
  create(doc: T): Promise<T>;
  upsert(doc: T): Promise<T>;
  replace(doc: T, etag: string): Promise<T>;
  /** With `etag`, only if the stored version still has it (PreconditionFailedError otherwise); gone is not an error. */
  delete(tenantId: string, projectId: string, id: string, etag?: string): Promise<void>;
  /**
   * Every write or none, atomically (a transactional batch), each create create-only and each replace (and each delete
   * given one) conditional on its ETag. Answers the stored documents in order (undefined for a delete). A write that fails throws
   * as the single write would (ConflictError, PreconditionFailedError without the current document, NotFoundError) and
   * nothing of the others is stored.
   */
  transact(tenantId: string, projectId: string, writes: TransactionWrite<T>[]): Promise<(T | undefined)[]>;
  list(tenantId: string, projectId: string, query: ListQuery): Promise<Page<T>>;
  /**
   * Like `list`, returning only the named top-level fields of each document, and of those given `subfields` only the
   * fields named there: the store sends nothing else.
   */
  listFields<K extends keyof T & string, S extends SubfieldSelection<T, K> = Record<never, never>>(
    tenantId: string,
    projectId: string,
    fields: readonly K[],
    query: ListQuery,
    subfields?: S,
  ): Promise<Page<SelectedFields<T, K, S>>>;
  /** How many documents match, counted by the store (no documents are read). */
  count(tenantId: string, projectId: string, filter: Filter): Promise<number>;
  /**
   * The tenant's documents across all its project partitions, including those of projects since deleted: one query
   * on the tenant level of the key, never reaching another tenant's documents.
   */
  listTenantWide(tenantId: string, query: ListQuery): Promise<Page<T>>;
}

/** Tenants are their own partition (`/id`). */
export interface TenantDirectory<T extends { id: string; etag?: string }> {
  get(id: string): Promise<T | undefined>;
  create(doc: T): Promise<T>;
  replace(doc: T, etag: string): Promise<T>;
  list(query: ListQuery): Promise<Page<T>>;
}
