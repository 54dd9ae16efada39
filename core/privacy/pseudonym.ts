/**
 * Pseudonymous ids: a keyed hash (HMAC-SHA256) of a user id under the tenant's own secret key. Audit records and
 * log lines carry the pseudonym instead of the id, and an erasure replaces the person's id with it wherever a
 * record must keep its attribution (cost entries, jobs, comments). Without the key and the original id nobody can
 * link a pseudonym back to a person; once the person is erased the id is stored nowhere, and once the tenant is
 * deleted its key is gone too.
 */
import { createHmac } from 'node:crypto';

export const PSEUDONYM_PREFIX = 'anon_';
const PSEUDONYM_HEX_CHARS = 32;

/** Port: the tenant's pseudonym key, created once (create-only, so racing creators agree on one key). */
export interface PseudonymKeys {
  keyFor(tenantId: string): Promise<Buffer>;
}

export function pseudonymOf(key: Buffer, userId: string): string {
  const digest = createHmac('sha256', key).update(userId, 'utf8').digest('hex');
  return `${PSEUDONYM_PREFIX}${digest.slice(0, PSEUDONYM_HEX_CHARS)}`;
}

export function isPseudonym(value: string): boolean {
  return value.startsWith(PSEUDONYM_PREFIX) && value.length === PSEUDONYM_PREFIX.length + PSEUDONYM_HEX_CHARS;
}

export class Pseudonyms {
  constructor(private readonly keys: PseudonymKeys) {}

  async of(tenantId: string, userId: string): Promise<string> {
    return pseudonymOf(await this.keys.keyFor(tenantId), userId);
  }
}
