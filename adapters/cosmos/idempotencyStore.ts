import type { Container } from '@azure/cosmos';
import { createHash } from 'node:crypto';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * One `Idempotency-Key`: reserved (`pending`) by the request that runs, then `completed` with its response. Records
 * written before reservations existed carry only a response and no state; they read as completed.
 */
export interface IdempotencyRecord {
  id: string;
  tenantId: string;
  requestHash: string;
  state?: 'pending' | 'completed';
  response?: StoredResponse;
  /** When the running request reserved the key; a pending record older than the lease is abandoned. */
  reservedAt?: string;
  createdAt: string;
  /** Cosmos TTL in seconds: keys are honoured for a day. */
  ttl: number;
  _etag?: string;
}

export type Reservation =
  { outcome: 'reserved'; etag: string } | { outcome: 'exists'; record: IdempotencyRecord & { _etag: string } };

const KEY_TTL_SECONDS = 24 * 3600;
/** Create, read and retry races with releases are short; a key that keeps changing this often is a bug. */
const MAX_RESERVE_ATTEMPTS = 10;

function isExpired(record: IdempotencyRecord, now: Date): boolean {
  return (now.getTime() - Date.parse(record.createdAt)) / 1000 > KEY_TTL_SECONDS;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? Number((error as { code?: unknown }).code) : undefined;
}

/**
 * Remembers the response to a creating POST under the client's `Idempotency-Key`, per tenant, user and operation.
 * Every transition is atomic in Cosmos: the reservation is create-only, completion, take-over and release are
 * conditional on the ETag the caller holds, so two requests can never both believe they own a key.
 */
export class IdempotencyStore {
  constructor(private readonly container: Container) {}

  static recordId(userId: string, operation: string, key: string): string {
    return createHash('sha256').update(`${userId}\n${operation}\n${key}`).digest('hex');
  }

  static requestHash(request: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify(request ?? null))
      .digest('hex');
  }

  /** Claims the key for a request about to run, or returns the live record that already holds it. */
  async reserve(tenantId: string, id: string, requestHash: string, now: Date): Promise<Reservation> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { resource } = await this.container.items.create(this.pending(tenantId, id, requestHash, now));
        return { outcome: 'reserved', etag: resource!._etag };
      } catch (error) {
        if (statusOf(error) !== 409 || attempt >= MAX_RESERVE_ATTEMPTS) throw error;
      }
      const existing = await this.read(tenantId, id);
      if (existing && !isExpired(existing, now)) return { outcome: 'exists', record: existing };
      if (existing) {
        // The emulator does not expire TTL documents: an expired record is replaced as if it were gone.
        const etag = await this.takeOver(tenantId, id, existing._etag, requestHash, now);
        if (etag) return { outcome: 'reserved', etag };
      }
      // Released, expired or taken between our create and read: try again.
    }
  }

  /**
   * Takes over a reservation whose request never finished (its lease ran out): only one caller can replace the
   * abandoned record, the others see the new reservation.
   */
  async takeOver(
    tenantId: string,
    id: string,
    abandonedEtag: string,
    requestHash: string,
    now: Date,
  ): Promise<string | undefined> {
    try {
      const { resource } = await this.container
        .item(id, tenantId)
        .replace(this.pending(tenantId, id, requestHash, now), {
          accessCondition: { type: 'IfMatch', condition: abandonedEtag },
        });
      return resource!._etag;
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Stores the response of the request that holds the reservation. */
  async complete(
    tenantId: string,
    id: string,
    etag: string,
    requestHash: string,
    response: StoredResponse,
  ): Promise<void> {
    const record: IdempotencyRecord = {
      id,
      tenantId,
      requestHash,
      state: 'completed',
      response,
      createdAt: new Date().toISOString(),
      ttl: KEY_TTL_SECONDS,
    };
    try {
      await this.container
        .item(id, tenantId)
        .replace(record, { accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      // Our lease ran out and another request took the key over: its outcome is the one remembered.
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }

  /** Gives the key back after a run that failed, so a retry runs again. */
  async release(tenantId: string, id: string, etag: string): Promise<void> {
    try {
      await this.container.item(id, tenantId).delete({ accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }

  /** The live record of a key (absent when released or expired). */
  async find(tenantId: string, id: string, now: Date): Promise<(IdempotencyRecord & { _etag: string }) | undefined> {
    const record = await this.read(tenantId, id);
    return record && !isExpired(record, now) ? record : undefined;
  }

  private async read(tenantId: string, id: string): Promise<(IdempotencyRecord & { _etag: string }) | undefined> {
    try {
      const { resource } = await this.container.item(id, tenantId).read<IdempotencyRecord>();
      return resource as (IdempotencyRecord & { _etag: string }) | undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private pending(tenantId: string, id: string, requestHash: string, now: Date): IdempotencyRecord {
    const at = now.toISOString();
    return { id, tenantId, requestHash, state: 'pending', reservedAt: at, createdAt: at, ttl: KEY_TTL_SECONDS };
  }
}
