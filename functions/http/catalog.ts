import type { z } from 'zod';

export type Reply =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  /** JSON already serialized (`serializedViews.ts`): sent as `json` sends its value, but no ETag is read from it. */
  | { status: number; jsonText: string; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; headers?: Record<string, string> }
  | { status: number; stream: NodeJS.ReadableStream; headers?: Record<string, string> }
  | { status: number; html: string; headers?: Record<string, string> };

export type ObjectKind = 'project' | 'user' | 'tenant' | 'webhook' | 'privacyJob';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Non-JSON responses, e.g. image/jpeg. */
  contentType?: string;
}

export interface EndpointDefinition<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Route under the `api` prefix, Functions syntax: `v1/projects/{projectId}`. */
  route: string;
  summary: string;
  tags: string[];
  /** Who may call: anyone, any signed-in identity, a member of a tenant, or the platform operator. */
  access: 'public' | 'signed-in' | 'tenant' | 'operator';
  params?: P;
  query?: Q;
  /**
   * A JSON body (validated), or a binary one of the given media types: read whole into `ctx.body`, or with
   * `streamed`, handed over unread as `ctx.upload` for the handler to stream into storage.
   */
  body?:
    { kind: 'json'; schema: B } | { kind: 'binary'; contentTypes: string[]; maxBytes?: number; streamed?: boolean };
  /**
   * What it answers besides the standard errors its kind gives (functions/http/standardResponses.ts): its successes
   * and the refusals particular to it.
   */
  responses: Record<number, ResponseSpec>;
  /**
   * An update made against the version the caller read (`If-Match`): `required` answers 428 without one, both answer
   * 412 with the stored version when it is stale. The service checks, after it has found the object for the caller.
   */
  ifMatch?: 'required' | 'optional';
  /** Creating POSTs honour `Idempotency-Key`. */
  idempotent?: boolean;
  /** Path parameters that name tenant-owned objects, for the tenant-isolation matrix. */
  objects?: Record<string, ObjectKind>;
  /** The handler starts or steers durable orchestrations (binds a durable client; `ctx.orchestrations`). */
  orchestrates?: boolean;
  /**
   * Tenant users may call it before accepting the terms in force (reading who they are, reading and giving consent,
   * exporting their own data); every other tenant operation answers 403 `consent_required` until they accept.
   */
  beforeConsent?: boolean;
  /**
   * A read whose handler may start with the token's principal while the caller's user and tenant documents are still
   * being read (`readAhead.ts`). Only for a tenant `GET` whose handler writes nothing and does not use `ctx.tenant`.
   */
  readAhead?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers are typed at definition; the catalog only routes
export type AnyEndpoint = EndpointDefinition & { handle(ctx: any): Promise<Reply> };

/** Filled by `endpoint()` as each function file registers its routes; read by OpenAPI and the isolation tests. */
export const endpointCatalog: AnyEndpoint[] = [];
