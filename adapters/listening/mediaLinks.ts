/**
 * Short-lived media links: a URL the browser's audio element can stream and seek in without a bearer token (media
 * elements cannot send one, and the web app's Content-Security-Policy only lets them load from its own origin).
 * A link is issued by an authorized API call and carries, sealed (AES-256-GCM), which blob it opens and until when;
 * nothing else about the blob or the tenant's data can be read or changed through it. Each tenant has its own key,
 * a random blob under the tenant's prefix created once (create-only, so racing creators agree on one key).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { tenantBlobPrefix, type BlobStore } from '../../core/ports/blobs';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{40,4096})$/;

const Sealed = z.strictObject({ b: z.string().min(1), c: z.string().min(1), e: z.number().int() });

export interface MediaTarget {
  blobName: string;
  contentType: string;
}

function keyBlobName(tenantId: string): string {
  return `${tenantBlobPrefix(tenantId)}system/media-link-key`;
}

export class MediaLinks {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly now: () => Date,
  ) {}

  /** A token for `target`, valid for `ttlSeconds`. Only blobs of the tenant can be named. */
  async issue(tenantId: string, target: MediaTarget, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
    if (!target.blobName.startsWith(tenantBlobPrefix(tenantId))) throw new Error('A media link names its own tenant');
    const expiresAt = new Date(this.now().getTime() + ttlSeconds * 1000);
    const key = await this.key(tenantId, true);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key!, iv);
    cipher.setAAD(Buffer.from(tenantId));
    const plain = JSON.stringify({
      b: target.blobName,
      c: target.contentType,
      e: Math.floor(expiresAt.getTime() / 1000),
    });
    const sealed = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { token: `${tenantId}.${sealed.toString('base64url')}`, expiresAt };
  }

  /** What a token opens, or undefined when it is malformed, forged, tampered with or expired. */
  async open(token: string): Promise<{ tenantId: string; target: MediaTarget } | undefined> {
    const match = TOKEN.exec(token);
    if (!match) return undefined;
    const [, tenantId, body] = match;
    const key = await this.key(tenantId, false);
    if (!key) return undefined;
    const sealed = Buffer.from(body, 'base64url');
    if (sealed.length <= IV_BYTES + TAG_BYTES) return undefined;
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(tenantId));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      plain = Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
    const parsed = Sealed.safeParse(JSON.parse(plain));
    if (!parsed.success) return undefined;
    if (parsed.data.e * 1000 <= this.now().getTime()) return undefined;
    if (!parsed.data.b.startsWith(tenantBlobPrefix(tenantId))) return undefined;
    return { tenantId, target: { blobName: parsed.data.b, contentType: parsed.data.c } };
  }

  private async key(tenantId: string, create: boolean): Promise<Buffer | undefined> {
    const cached = this.keys.get(tenantId);
    if (cached) return cached;
    const name = keyBlobName(tenantId);
    let stored = await this.blobs.readBuffer(name, KEY_BYTES);
    if (!stored && create) {
      await this.blobs.putIfAbsent(name, randomBytes(KEY_BYTES), 'application/octet-stream');
      stored = await this.blobs.readBuffer(name, KEY_BYTES);
    }
    if (!stored || stored.length !== KEY_BYTES) return undefined;
    this.keys.set(tenantId, stored);
    return stored;
  }
}
