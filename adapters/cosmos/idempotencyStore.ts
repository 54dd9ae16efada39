import type { Container } from '@azure/cosmos';
import { createHash } from 'node:crypto';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface IdempotencyRecord {
  id: string;
  tenantId: string;
  requestHash: string;
  response: StoredResponse;
  createdAt: string;
  /** Cosmos TTL in seconds: keys are honoured for a day. */
  ttl: number;
}

const KEY_TTL_SECONDS = 24 * 3600;

/** Remembers the response to a creating POST under the client's `Idempotency-Key`, per tenant, user and operation. */
export class IdempotencyStore {
  constructor(private readonly container: Container) {}

  static recordId(userId: string, operation: string, key: string): string {
    return createHash('sha256').update(`${userId}\n${operation}\n${key}`).digest('hex');
  }

  static requestHash(body: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex');
  }

  async find(tenantId: string, id: string): Promise<IdempotencyRecord | undefined> {
    try {
      const { resource } = await this.container.item(id, tenantId).read<IdempotencyRecord>();
      if (!resource) return undefined;
      // The emulator does not expire TTL documents; treat stale ones as absent.
      const ageSeconds = (Date.now() - Date.parse(resource.createdAt)) / 1000;
      return ageSeconds > KEY_TTL_SECONDS ? undefined : resource;
    } catch (error) {
      if ((error as { code?: number }).code === 404) return undefined;
      throw error;
    }
  }

  async remember(tenantId: string, id: string, requestHash: string, response: StoredResponse): Promise<void> {
    const record: IdempotencyRecord = {
      id,
      tenantId,
      requestHash,
      response,
      createdAt: new Date().toISOString(),
      ttl: KEY_TTL_SECONDS,
    };
    await this.container.items.upsert(record);
  }
}
