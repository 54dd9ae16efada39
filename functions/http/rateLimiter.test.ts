import { RateLimitedError } from '../../core/errors';
import { TenantRateLimiter } from './rateLimiter';

describe('per-tenant rate limiter', () => {
  it('refuses past the budget with a Retry-After and refills over time', () => {
    let now = 0;
    const limiter = new TenantRateLimiter(3, () => now);
    for (let i = 0; i < 3; i++) limiter.take('t1');
    let error: unknown;
    try {
      limiter.take('t1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(20);
    expect(() => limiter.take('t2')).not.toThrow();
    now += 20_000;
    expect(() => limiter.take('t1')).not.toThrow();
  });
});

describe('asking the limiter without taking', () => {
  it('answers what take would do and spends nothing', () => {
    let now = 0;
    const limiter = new TenantRateLimiter(2, () => now);
    expect(limiter.admits('t1')).toBe(true);
    limiter.take('t1');
    expect(limiter.admits('t1')).toBe(true);
    expect(limiter.admits('t1')).toBe(true);
    limiter.take('t1');
    expect(limiter.admits('t1')).toBe(false);
    expect(() => limiter.take('t1')).toThrow(RateLimitedError);
    now += 30_000;
    expect(limiter.admits('t1')).toBe(true);
  });
});
