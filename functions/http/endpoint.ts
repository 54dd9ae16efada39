import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '../../core/auth/principal';
import type { TenantRecord } from '../../core/tenants/tenant';
import { DomainError } from '../../core/errors';
import { services, type Services } from '../../adapters/compositionRoot';
import { toErrorResponse } from './errors';
import { jsonReply, toHttpResponse } from './httpReply';
import { openUpload, readBinaryBody, readJsonBody, type IncomingUpload } from './body';
import { TenantRateLimiter } from './rateLimiter';
import { withIdempotency } from './idempotency';
import { durableClientInput, orchestrationClientFor } from './orchestrationClient';
import type { OrchestrationClient } from '../../core/ports/orchestrations';
import { endpointCatalog, type AnyEndpoint, type EndpointDefinition, type Reply } from './catalog';
import { standardResponses } from './standardResponses';
import { isAudited } from '../../core/privacy/audit';
import { requireOperator } from '../../core/auth/permissions';
import { runForTenant } from '../../adapters/metrics/tenantScope';
import { admitsGuess, startReadAhead } from './readAhead';
import { confirmMember, limitKey, verifyCaller } from './authentication';

export type { Reply } from './catalog';

export interface RequestContext<P, Q, B> {
  requestId: string;
  principal: Principal | undefined;
  params: P;
  query: Q;
  body: B;
  ifMatch: string | undefined;
  request: HttpRequest;
  services: Services;
  /** The caller's tenant, already read (and found active) while authenticating a tenant user. */
  tenant: TenantRecord | undefined;
  /** Present when the endpoint declares `orchestrates: true`. */
  orchestrations: OrchestrationClient;
  /** Present when the endpoint declares a `streamed` binary body: the upload, opened but not read. */
  upload: IncomingUpload | undefined;
}

let rateLimiter: TenantRateLimiter | undefined;

/**
 * Registers one HTTP operation with the Functions runtime and the endpoint catalog (which feeds OpenAPI and the
 * tenant-isolation tests). The wrapper does everything every endpoint needs: request id, authentication, rate
 * limiting, input validation from the zod schemas, idempotency, error mapping and one structured log line.
 */
export function endpoint<
  P extends z.ZodObject = z.ZodObject<{}>,
  Q extends z.ZodObject = z.ZodObject<{}>,
  B extends z.ZodType = z.ZodUndefined,
>(
  definition: EndpointDefinition<P, Q, B> & {
    handle(
      ctx: RequestContext<z.output<P>, z.output<Q>, B extends z.ZodUndefined ? Buffer : z.output<B>>,
    ): Promise<Reply>;
  },
): void {
  if (definition.readAhead && !readsOnly(definition as unknown as AnyEndpoint)) {
    throw new Error(`${definition.operationId}: only a tenant GET without a body may read ahead of authorization`);
  }
  const responses = { ...standardResponses(definition as unknown as AnyEndpoint), ...definition.responses };
  endpointCatalog.push({ ...(definition as unknown as AnyEndpoint), responses });
  app.http(definition.operationId, {
    methods: [definition.method],
    route: definition.route,
    authLevel: 'anonymous',
    ...(definition.orchestrates ? { extraInputs: [durableClientInput] } : {}),
    handler: (request, context) => handle(definition as unknown as AnyEndpoint, request, context),
  });
}

async function handle(
  definition: AnyEndpoint,
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const started = Date.now();
  const requestId = validRequestId(request.headers.get('x-request-id')) ?? randomUUID();
  let principal: Principal | undefined;
  let tenant: TenantRecord | undefined;
  let svc: Services | undefined;
  let upload: IncomingUpload | undefined;
  let status = 500;
  /** Validates the request and runs the handler as `caller`, in its tenant's scope. */
  const run = async (
    ready: Services,
    caller: Principal | undefined,
    callerTenant: TenantRecord | undefined,
  ): Promise<Reply> => {
    const params = parse(definition.params, request.params, 'path');
    const query = parse(definition.query, Object.fromEntries(request.query.entries()), 'query');
    const body = await readBody(definition, request, ready);
    upload = openStreamedUpload(definition, request, ready);
    const ctx: RequestContext<unknown, unknown, unknown> = {
      requestId,
      principal: caller,
      params,
      query,
      body,
      ifMatch: request.headers.get('if-match') ?? undefined,
      request,
      services: ready,
      tenant: callerTenant,
      orchestrations: definition.orchestrates ? orchestrationClientFor(context) : unavailableOrchestrations,
      upload,
    };
    // The work runs in its tenant's scope, so the measuring wrappers of speech and analysis can attribute it.
    return runForTenant(caller?.kind === 'tenant-user' ? caller.tenantId : undefined, () =>
      definition.idempotent
        ? withIdempotency(
            ready,
            caller,
            definition.operationId,
            request.headers.get('idempotency-key'),
            { params, query, body },
            () => definition.handle(ctx),
          )
        : definition.handle(ctx),
    );
  };
  try {
    svc = services();
    rateLimiter ??= new TenantRateLimiter(svc.config.RATE_LIMIT_PER_MINUTE);
    const ready = svc;
    const caller = await verifyCaller(definition, request, ready);
    const membership = confirmMember(definition, caller, ready);
    // Not for a tenant over its budget: the limiter, checked after authorization, would refuse the read anyway.
    const readAhead =
      definition.readAhead && caller?.kind === 'tenant-user' && rateLimiter.admits(limitKey(caller))
        ? startReadAhead(caller, (guess) => run(ready, guess, undefined))
        : undefined;
    ({ principal, tenant } = await membership);
    // Operator routes refuse everyone else before anything about the request is looked at (403, never a 400).
    if (definition.access === 'operator') requireOperator(principal);
    if (principal) rateLimiter.take(limitKey(principal));
    const reply =
      readAhead && admitsGuess(readAhead, principal) ? await readAhead.reply : await run(ready, principal, tenant);
    status = reply.status;
    return toHttpResponse(reply, requestId);
  } catch (error) {
    const response = toErrorResponse(error, requestId);
    status = response.status;
    if (status >= 500) context.error(error);
    return jsonReply(status, { ...response.headers, 'x-request-id': requestId }, response.body);
  } finally {
    upload?.release();
    if (svc) await recordRequest(svc, definition, request, { requestId, principal, status, started });
  }
}

/**
 * One JSON log line per request and, for a tenant user's state-changing request, an audit record. Tenant users
 * appear in both by pseudonym only (docs/privacy.md, "Audit trail and logs"); the operator by id.
 */
async function recordRequest(
  svc: Services,
  definition: AnyEndpoint,
  request: HttpRequest,
  outcome: { requestId: string; principal: Principal | undefined; status: number; started: number },
): Promise<void> {
  const { requestId, principal, status } = outcome;
  const tenantUser = principal?.kind === 'tenant-user' ? principal : undefined;
  const durationMs = Date.now() - outcome.started;
  const tenantId = tenantUser?.tenantId;
  svc.metrics.recorder.record({
    name: 'http.request',
    tenantId,
    operation: definition.operationId,
    status,
    durationMs,
  });
  if (tenantUser)
    svc.metrics.recorder.record({ name: 'user.active', tenantId: tenantUser.tenantId, userId: tenantUser.userId });
  const actor = tenantUser
    ? await svc.privacy.pseudonyms.of(tenantUser.tenantId, tenantUser.userId).catch(() => 'unavailable')
    : undefined;
  svc.logger.info('request', {
    requestId,
    operation: definition.operationId,
    method: definition.method,
    status,
    outcome: status < 400 ? 'success' : status < 500 ? 'rejected' : 'error',
    durationMs,
    tenantId,
    actor,
    userId: principal?.kind === 'operator' ? principal.userId : undefined,
  });
  if (!tenantUser || !isAudited(definition.method, status)) return;
  try {
    await svc.privacy.audit.record({
      tenantId: tenantUser.tenantId,
      userId: tenantUser.userId,
      operation: definition.operationId,
      method: definition.method,
      params: Object.fromEntries(Object.entries(request.params).filter(([, value]) => typeof value === 'string')),
      objectKinds: { ...definition.objects },
      status,
      requestId,
    });
  } catch (error) {
    // The request itself is done; a lost audit record is logged, never turned into a failed response.
    svc.logger.error('audit record not written', {
      requestId,
      operation: definition.operationId,
      error: String(error),
    });
  }
}

const unavailableOrchestrations: OrchestrationClient = new Proxy({} as OrchestrationClient, {
  get() {
    throw new Error('This endpoint does not declare `orchestrates: true`');
  },
});

function validRequestId(value: string | null): string | undefined {
  return value && /^[A-Za-z0-9._-]{8,128}$/.test(value) ? value : undefined;
}

function readsOnly(definition: AnyEndpoint): boolean {
  const { method, access, body, idempotent, orchestrates } = definition;
  return method === 'GET' && access === 'tenant' && !body && !idempotent && !orchestrates;
}

function parse(schema: z.ZodObject | undefined, value: unknown, where: 'path' | 'query'): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(result.error, where);
}

async function readBody(definition: AnyEndpoint, request: HttpRequest, svc: Services): Promise<unknown> {
  if (!definition.body) return undefined;
  if (definition.body.kind === 'binary') {
    if (definition.body.streamed) return undefined;
    return readBinaryBody(
      request,
      definition.body.contentTypes,
      definition.body.maxBytes ?? svc.config.MAX_UPLOAD_BYTES,
    );
  }
  const json = await readJsonBody(request, svc.config.MAX_JSON_BODY_BYTES);
  const result = definition.body.schema.safeParse(json);
  if (result.success) return result.data;
  throw validationError(result.error, 'body');
}

/** Opened only once the caller is authenticated and the request valid; its body is read when the service asks. */
function openStreamedUpload(definition: AnyEndpoint, request: HttpRequest, svc: Services): IncomingUpload | undefined {
  if (definition.body?.kind !== 'binary' || !definition.body.streamed) return undefined;
  return openUpload(request, definition.body.contentTypes, definition.body.maxBytes ?? svc.config.MAX_UPLOAD_BYTES);
}

export function validationError(error: z.ZodError, where: 'path' | 'query' | 'body'): DomainError {
  const fields = error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'unknown field' }));
    }
    return [{ field: base || where, message: issue.message }];
  });
  const first = fields[0];
  return new DomainError(
    'validation_failed',
    first ? `Invalid ${where}: ${first.field} ${first.message}` : `Invalid ${where}`,
    {
      fields,
    },
  );
}
