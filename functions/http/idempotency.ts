import type { Principal } from '../../core/auth/principal';
import { DomainError, ValidationError } from '../../core/errors';
import type { Services } from '../../adapters/compositionRoot';
import { IdempotencyStore } from '../../adapters/cosmos/idempotencyStore';
import type { Reply } from './catalog';

/**
 * `Idempotency-Key` on creating POSTs: the first successful response is stored and replayed for retries with the
 * same key and body; the same key with a different body is refused.
 */
export async function withIdempotency(
  svc: Services,
  principal: Principal | undefined,
  operation: string,
  key: string | null,
  body: unknown,
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
  const hash = IdempotencyStore.requestHash(Buffer.isBuffer(body) ? body.toString('base64') : body);
  const previous = await svc.idempotency.find(partition, id);
  if (previous) {
    if (previous.requestHash !== hash) {
      throw new DomainError('unprocessable', 'This Idempotency-Key was used with a different request', {
        field: 'Idempotency-Key',
      });
    }
    return {
      status: previous.response.status,
      json: previous.response.body,
      headers: { ...previous.response.headers, 'Idempotent-Replayed': 'true' },
    };
  }
  const reply = await run();
  if (reply.status < 300 && 'json' in reply) {
    await svc.idempotency.remember(partition, id, hash, {
      status: reply.status,
      body: reply.json,
      headers: reply.headers ?? {},
    });
  }
  return reply;
}
