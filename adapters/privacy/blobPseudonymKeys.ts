import { randomBytes } from 'node:crypto';
import { tenantBlobPrefix, type BlobStore } from '../../core/ports/blobs';
import type { PseudonymKeys } from '../../core/privacy/pseudonym';

const KEY_BYTES = 32;

export function pseudonymKeyBlobName(tenantId: string): string {
  return `${tenantBlobPrefix(tenantId)}system/pseudonym-key`;
}

/**
 * Each tenant's pseudonym key: a random blob under the tenant's prefix, created once with a create-only write (so
 * racing creators agree on one key), cached per process. Deleting the tenant's blobs deletes it.
 */
export class BlobPseudonymKeys implements PseudonymKeys {
  private readonly keys = new Map<string, Promise<Buffer>>();

  constructor(private readonly blobs: BlobStore) {}

  keyFor(tenantId: string): Promise<Buffer> {
    let key = this.keys.get(tenantId);
    if (!key) {
      key = this.load(tenantId);
      // A failed read is not remembered: the next call tries again.
      key.catch(() => this.keys.delete(tenantId));
      this.keys.set(tenantId, key);
    }
    return key;
  }

  private async load(tenantId: string): Promise<Buffer> {
    const name = pseudonymKeyBlobName(tenantId);
    let stored = await this.blobs.readBuffer(name, KEY_BYTES);
    if (!stored) {
      await this.blobs.putIfAbsent(name, randomBytes(KEY_BYTES), 'application/octet-stream');
      stored = await this.blobs.readBuffer(name, KEY_BYTES);
    }
    if (!stored || stored.length !== KEY_BYTES)
      throw new Error(`The pseudonym key of tenant ${tenantId} is unreadable`);
    return stored;
  }
}
