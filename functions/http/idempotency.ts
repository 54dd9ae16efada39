import type { Principal } from '../../core/auth/principal';
import { DomainError, IdempotencyInProgressError, ValidationError } from '../../core/errors';
import type { Services } from '../../adapters/compositionRoot';
import { IdempotencyStore, type IdempotencyRecord, type StoredResponse } from '../../adapters/cosmos/idempotencyStore';
import type { Reply } from './catalog';

/**
 * A reservation whose request has not finished after this long is abandoned (the process died): the next request
 * with the key takes it over. Longer than any request can run (Azure's front end gives up on HTTP after 230 s).
 */
export const PENDING_LEASE_SECONDS = 300;
/** How long a duplicate waits for the first request's response before answering 409 `idempotency_in_progress`. */
const WAIT_FOR_RESPONSE_MS = 2_000;
const POLL_INTERVAL_MS = 100;
const RETRY_AFTER_SECONDS = 1;

/** What makes two requests "the same": the path and query parameters and the body. */
export interface IdempotentRequest {
  params: unknown;
  query: unknown;
  body: unknown;
}

/**
 * `Idempotency-Key` on creating POSTs. The key is reserved atomically before the request runs, so of many
 * concurrent requests with one key exactly one runs; the others wait briefly for its stored response and replay
 * it, or answer 409 `idempotency_in_progress` with Retry-After. A run that fails releases the key (a retry runs
 * again); a successful one is replayed for a day. The same key with a different request is refused (422).
 */
export async function withIdempotency(
  svc: Services,
  principal: Principal | undefined,
  operation: string,
  key: string | null,
  request: IdempotentRequest,
  run: () => Promise<Reply>,
): Promise<Reply> {
  if (!key || !principal) return run();
  if (!/^[\x21-\x7e]{8,128}$/.test(key)) {
    throw new ValidationError('Idempotency-Key must be 8-128 visible ASCII characters', [
      { field: 'Idempotency-Key', message: 'invalid' },
    ]);
  }
  const partition = principal.kind === 'tenant-user' ? principal.tenantId : `user:${principal.userId}`;
  const id = IdempotencyStore.recordId(principal.userId, operation, key);
  const hash = IdempotencyStore.requestHash({
    params: request.params,
    query: request.query,
    body: Buffer.isBuffer(request.body) ? request.body.toString('base64') : request.body,
  });
  const store = svc.idempotency;

  const waitUntil = Date.now() + WAIT_FOR_RESPONSE_MS;
  for (;;) {
    const reservation = await store.reserve(partition, id, hash, svc.clock.now());
    if (reservation.outcome === 'reserved') return runHoldingKey(reservation.etag);
    const record = reservation.record;
    if (record.requestHash !== hash) {
      throw new DomainError('unprocessable', 'This Idempotency-Key was used with a different request', {
        field: 'Idempotency-Key',
      });
    }
    if (isCompleted(record)) return replay(record.response);
    if (isAbandoned(record, svc.clock.now())) {
      const etag = await store.takeOver(partition, id, record._etag, hash, svc.clock.now());
      if (etag) return runHoldingKey(etag);
      continue;
    }
    const settled = await waitForSettlement(svc, partition, id, waitUntil);
    if (settled === 'released') continue;
    if (settled) return replay(settled);
    throw new IdempotencyInProgressError(RETRY_AFTER_SECONDS);
  }

  async function runHoldingKey(etag: string): Promise<Reply> {
    let reply: Reply;
    try {
      reply = await run();
    } catch (error) {
      await store.release(partition, id, etag);
      throw error;
    }
    const response = storable(reply);
    try {
      if (response) await store.complete(partition, id, etag, hash, response);
      else await store.release(partition, id, etag);
    } catch (error) {
      // The work is done and the caller gets its answer; a retry may run it again, which beats a key stuck pending.
      svc.logger.warn('idempotency record not stored', { operation, error: String(error) });
      await store.release(partition, id, etag).catch(() => undefined);
    }
    return reply;
  }
}

/** Only successful JSON (or empty) responses are remembered; anything else leaves the key free for a retry. */
function storable(reply: Reply): StoredResponse | undefined {
  if (reply.status >= 300) return undefined;
  if ('bytes' in reply || 'stream' in reply || 'html' in reply || 'jsonText' in reply) return undefined;
  return { status: reply.status, body: reply.json, headers: reply.headers ?? {} };
}

function replay(response: StoredResponse): Reply {
  return {
    status: response.status,
    json: response.body,
    headers: { ...response.headers, 'Idempotent-Replayed': 'true' },
  };
}

function isCompleted(record: IdempotencyRecord): record is IdempotencyRecord & { response: StoredResponse } {
  return record.response !== undefined && record.state !== 'pending';
}

function isAbandoned(record: IdempotencyRecord, now: Date): boolean {
  const reservedAt = Date.parse(record.reservedAt ?? record.createdAt);
  return (now.getTime() - reservedAt) / 1000 > PENDING_LEASE_SECONDS;
}

/** Polls the key until the running request stores its response or gives the key back, or the wait is over. */
async function waitForSettlement(
  svc: Services,
  partition: string,
  id: string,
  waitUntil: number,
): Promise<StoredResponse | 'released' | undefined> {
  while (Date.now() < waitUntil) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    const record = await svc.idempotency.find(partition, id, svc.clock.now());
    if (!record) return 'released';
    if (isCompleted(record)) return record.response;
  }
  return undefined;
}
