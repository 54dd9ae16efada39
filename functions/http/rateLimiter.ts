import { RateLimitedError } from '../../core/errors';

/**
 * Per-tenant token bucket. Per instance on purpose: Functions scale out, so this bounds bursts on each worker
 * rather than giving a global guarantee (Azure API Management would be the place for a global one).
 */
export class TenantRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(tenantKey: string): void {
    const now = this.now();
    const refillPerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(tenantKey) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) {
      this.buckets.set(tenantKey, bucket);
      throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)));
    }
    bucket.tokens -= 1;
    this.buckets.set(tenantKey, bucket);
    if (this.buckets.size > 10_000) this.evictOldest();
  }

  /** Whether `take` would admit a request for this key now; takes nothing. */
  admits(tenantKey: string): boolean {
    const bucket = this.buckets.get(tenantKey);
    if (!bucket) return this.perMinute >= 1;
    const refilled = bucket.tokens + (this.now() - bucket.updatedAt) * (this.perMinute / 60_000);
    return Math.min(this.perMinute, refilled) >= 1;
  }

  private evictOldest(): void {
    const oldest = [...this.buckets.entries()].sort((a, b) => a[1].updatedAt - b[1].updatedAt).slice(0, 1000);
    for (const [key] of oldest) this.buckets.delete(key);
  }
}
