import { parseInboundEvent, testEventTarget, webhookPayload } from '../../core/webhooks/webhookEvent';

const now = new Date('2025-01-01T00:00:00Z');
const event = (subject: string, type = 'khipu.job.completed') => ({
  id: 'e1',
  type,
  source: '/khipu',
  subject,
  data: {},
});

describe('inbound events', () => {
  it('take the tenant from the subject', () => {
    const parsed = parseInboundEvent(event('/tenants/t-andes/projects/p/jobs/j'), now);
    expect(parsed).toMatchObject({ ok: true, event: { tenantId: 't-andes', time: now.toISOString() } });
  });

  it.each([
    ['no tenant prefix', '/projects/p/jobs/j'],
    ['traversal', '/tenants/t-andes/../t-pampa/jobs/j'],
    ['empty segment', '/tenants//projects'],
    ['encoded slash', '/tenants/t-andes%2F..%2Ft-pampa/x'],
    ['tenant in a later segment', '/x/tenants/t-andes'],
  ])('refuse %s', (_label, subject) => {
    expect(parseInboundEvent(event(subject), now).ok).toBe(false);
  });

  it('refuse unknown event types and non-events', () => {
    expect(parseInboundEvent(event('/tenants/t/projects/p', 'com.evil.type'), now).ok).toBe(false);
    expect(parseInboundEvent('not an event', now).ok).toBe(false);
    expect(parseInboundEvent({ id: 'x' }, now).ok).toBe(false);
  });

  it('name the target of a test event', () => {
    const parsed = parseInboundEvent(event('/tenants/t/webhooks/whk_1', 'khipu.webhook.test'), now);
    expect(parsed.ok && testEventTarget(parsed.event)).toBe('whk_1');
    const job = parseInboundEvent(event('/tenants/t/webhooks/whk_1'), now);
    expect(job.ok && testEventTarget(job.event)).toBeUndefined();
  });

  it('become the Standard Webhooks payload shape', () => {
    const parsed = parseInboundEvent({ ...event('/tenants/t/projects/p'), data: { a: 1 } }, now);
    expect(parsed.ok && JSON.parse(webhookPayload(parsed.event))).toEqual({
      id: 'e1',
      type: 'khipu.job.completed',
      timestamp: now.toISOString(),
      subject: '/tenants/t/projects/p',
      data: { a: 1 },
    });
  });
});
