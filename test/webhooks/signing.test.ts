import { createHmac } from 'node:crypto';
import { signStandardWebhook, verifyStandardWebhook } from '../../core/webhooks/signing';
import { generateWebhookSecret } from '../../core/webhooks/subscription';

/** Independent implementation of the documented algorithm, written from the spec, not from our module. */
function referenceSignature(secret: string, id: string, timestamp: string, payload: string): string {
  const key = Buffer.from(secret.split('_')[1], 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64');
}

describe('Standard Webhooks signing', () => {
  const secret = generateWebhookSecret();
  const payload = JSON.stringify({ type: 'khipu.job.completed', data: { jobId: 'job_1', title: 'Ñandú — 🦜' } });
  const now = 1_750_000_000;

  it('matches the published Standard Webhooks test vector', () => {
    const headers = signStandardWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      payload: '{"test": 2432232314}',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('produces headers an independent HMAC implementation verifies', () => {
    const headers = signStandardWebhook({ id: 'evt_1', timestamp: now, payload, secret });
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-timestamp']).toBe(String(now));
    expect(headers['webhook-signature']).toBe(`v1,${referenceSignature(secret, 'evt_1', String(now), payload)}`);
  });

  it('generates whsec_ secrets of 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('verifies its own signatures, with header names in any case', () => {
    const headers = signStandardWebhook({ id: 'evt_1', timestamp: now, payload, secret });
    const shouted = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyStandardWebhook({ headers: shouted, payload, secret, nowSeconds: now + 10 })).toEqual({ ok: true });
  });

  it('rejects a tampered payload, id or timestamp', () => {
    const headers = signStandardWebhook({ id: 'evt_1', timestamp: now, payload, secret });
    const verify = (h: Record<string, string>, p = payload) =>
      verifyStandardWebhook({ headers: h, payload: p, secret, nowSeconds: now });
    expect(verify(headers, payload.replace('job_1', 'job_2'))).toEqual({ ok: false, reason: 'no_matching_signature' });
    expect(verify({ ...headers, 'webhook-id': 'evt_2' })).toEqual({ ok: false, reason: 'no_matching_signature' });
    expect(verify({ ...headers, 'webhook-timestamp': String(now + 1) })).toEqual({
      ok: false,
      reason: 'no_matching_signature',
    });
    expect(verify({ ...headers, 'webhook-timestamp': `${now}.0` })).toEqual({ ok: false, reason: 'invalid_timestamp' });
  });

  it('rejects signatures made with another secret', () => {
    const headers = signStandardWebhook({ id: 'evt_1', timestamp: now, payload, secret: generateWebhookSecret() });
    expect(verifyStandardWebhook({ headers, payload, secret, nowSeconds: now }).ok).toBe(false);
  });

  it('enforces a five-minute tolerance either side', () => {
    const headers = signStandardWebhook({ id: 'evt_1', timestamp: now, payload, secret });
    const at = (nowSeconds: number) => verifyStandardWebhook({ headers, payload, secret, nowSeconds });
    expect(at(now + 300).ok).toBe(true);
    expect(at(now + 301)).toEqual({ ok: false, reason: 'timestamp_too_old' });
    expect(at(now - 301)).toEqual({ ok: false, reason: 'timestamp_too_new' });
  });

  it('accepts any one of several space-separated signatures (secret rotation) and ignores other versions', () => {
    const headers = signStandardWebhook({ id: 'evt_1', timestamp: now, payload, secret });
    const stale = signStandardWebhook({ id: 'evt_1', timestamp: now, payload, secret: generateWebhookSecret() });
    const combined = {
      ...headers,
      'webhook-signature': `v1a,AAAA ${stale['webhook-signature']} ${headers['webhook-signature']}`,
    };
    expect(verifyStandardWebhook({ headers: combined, payload, secret, nowSeconds: now })).toEqual({ ok: true });
    const wrongVersion = { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') };
    expect(verifyStandardWebhook({ headers: wrongVersion, payload, secret, nowSeconds: now }).ok).toBe(false);
  });

  it('refuses ids that would make the signed string ambiguous and malformed secrets', () => {
    expect(() => signStandardWebhook({ id: 'a.b', timestamp: now, payload, secret })).toThrow(TypeError);
    expect(() => signStandardWebhook({ id: 'a', timestamp: 1.5, payload, secret })).toThrow(TypeError);
    expect(() => signStandardWebhook({ id: 'a', timestamp: now, payload, secret: 'nope' })).toThrow(TypeError);
  });
});
