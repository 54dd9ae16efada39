import { classifyAddress } from '../../core/webhooks/addressPolicy';
import { checkDeliveryUrl } from '../../core/webhooks/deliveryUrl';
import { isRetryableDeliveryFailure, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '../../core/webhooks/retryPolicy';
import { CreateWebhookRequest, UpdateWebhookRequest } from '../../core/api/webhooks';

const strict = { allowLoopback: false };
const loopbackOk = { allowLoopback: true };

describe('address policy', () => {
  it.each([
    '0.0.0.0',
    '0.1.2.3',
    '10.0.0.1',
    '10.255.255.255',
    '100.64.0.1',
    '100.127.255.254',
    '127.0.0.1',
    '127.9.9.9',
    '169.254.169.254',
    '169.254.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.168.1.1',
    '198.18.0.1',
    '198.19.255.255',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '168.63.129.16',
    '::',
    '::1',
    'fc00::1',
    'fd00:ec2::254',
    'fe80::1',
    'febf::1',
    'ff02::1',
    'ff00::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '::7f00:1',
    '::a00:1',
    '64:ff9b::10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::1',
    '2002:a00:1::',
    '2002:7f00:1::1',
    '2001:db8::1',
    '2001::1',
    '[::1]',
    'fe80::1%eth0',
    'not-an-ip',
    '1.2.3',
    '0:0:0:0:0:0:0:1',
    '0000:0000:0000:0000:0000:ffff:7f00:0001',
  ])('refuses %s', (address) => {
    expect(classifyAddress(address, strict).allowed).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '2a00:1450::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows public %s', (address) => {
    expect(classifyAddress(address, strict).allowed).toBe(true);
  });

  it('allowLoopback admits only 127/8 and ::1', () => {
    for (const ok of ['127.0.0.1', '127.1.2.3', '::1']) expect(classifyAddress(ok, loopbackOk).allowed).toBe(true);
    for (const refused of [
      '10.0.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '::',
      '::ffff:127.0.0.1',
      'fe80::1',
      '192.168.0.1',
    ])
      expect(classifyAddress(refused, loopbackOk).allowed).toBe(false);
  });
});

describe('delivery URL check', () => {
  it.each([
    'http://2130706433/',
    'https://2130706433/',
    'https://0x7f.1/',
    'https://017700000001/',
    'https://0x7f000001/',
    'https://127.1/',
    'https://0177.0.0.1/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[::1]/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00:ec2::254]/',
    'https://0/',
    'https://3232235777/',
    'https://0xa9.0xfe.0xa9.0xfe/',
  ])('refuses numeric and IPv6 spellings of forbidden hosts: %s', (url) => {
    expect(checkDeliveryUrl(url, strict).ok).toBe(false);
  });

  it('requires https, ports 443/80, no credentials, http(s) only', () => {
    expect(checkDeliveryUrl('https://hooks.example.com/x?y=1', strict)).toMatchObject({
      ok: true,
      hostname: 'hooks.example.com',
      port: 443,
      path: '/x?y=1',
    });
    for (const url of [
      'http://hooks.example.com/',
      'https://hooks.example.com:8443/',
      'ftp://hooks.example.com/',
      'file:///etc/passwd',
      'gopher://x/',
      'https://user:pw@hooks.example.com/',
      'not a url',
      `https://a.com/${'x'.repeat(2100)}`,
    ])
      expect(checkDeliveryUrl(url, strict).ok).toBe(false);
  });

  it('allowLoopback admits http and any port on loopback, still refuses private literals', () => {
    expect(checkDeliveryUrl('http://127.0.0.1:4567/hook', loopbackOk)).toMatchObject({ ok: true, port: 4567 });
    expect(checkDeliveryUrl('http://[::1]:4567/hook', loopbackOk)).toMatchObject({ ok: true, hostname: '::1' });
    expect(checkDeliveryUrl('http://10.0.0.1:4567/', loopbackOk).ok).toBe(false);
    expect(checkDeliveryUrl('http://169.254.169.254/', loopbackOk).ok).toBe(false);
  });
});

describe('subscription request schemas', () => {
  const create = CreateWebhookRequest;

  it('accepts a valid subscription and defaults active', () => {
    const parsed = create.parse({ url: 'https://hooks.example.com/k', eventTypes: ['khipu.job.completed'] });
    expect(parsed).toEqual({ url: 'https://hooks.example.com/k', eventTypes: ['khipu.job.completed'], active: true });
  });

  it('refuses unknown or duplicate event types, client-chosen secrets; the URL policy refuses http and private literals', () => {
    const base = { url: 'https://hooks.example.com/k', eventTypes: ['khipu.job.completed'] };
    expect(create.safeParse({ ...base, eventTypes: ['khipu.everything'] }).success).toBe(false);
    expect(create.safeParse({ ...base, eventTypes: [] }).success).toBe(false);
    expect(create.safeParse({ ...base, eventTypes: ['khipu.job.failed', 'khipu.job.failed'] }).success).toBe(false);
    expect(create.safeParse({ ...base, secret: 'whsec_AAAA' }).success).toBe(false);
    expect(create.safeParse({ ...base, description: 'x'.repeat(201) }).success).toBe(false);
    // The service checks every URL it stores with the delivery policy (WebhookService.checkUrl).
    expect(checkDeliveryUrl('http://hooks.example.com/k', strict).ok).toBe(false);
    expect(checkDeliveryUrl('https://10.1.2.3/k', strict).ok).toBe(false);
    expect(checkDeliveryUrl('http://127.0.0.1:9/k', loopbackOk).ok).toBe(true);
  });

  it('update needs at least one field', () => {
    const update = UpdateWebhookRequest;
    expect(update.safeParse({}).success).toBe(false);
    expect(update.parse({ active: false })).toEqual({ active: false });
  });
});

describe('retry policy', () => {
  it('backs off exponentially with bounded jitter over hours, then dead-letters', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect(retryDelayMs(1, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(1, low)).toBe(4_000);
    expect(retryDelayMs(1, high)).toBeLessThanOrEqual(6_000);
    let total = 0;
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
      const delay = retryDelayMs(attempt, () => 0.5)!;
      if (attempt > 1) expect(delay).toBeGreaterThan(retryDelayMs(attempt - 1, () => 0.5)!);
      total += delay;
    }
    expect(total).toBeGreaterThan(12 * 3600_000);
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS, low)).toBeUndefined();
    expect(isRetryableDeliveryFailure('ssrf_refused')).toBe(false);
    expect(isRetryableDeliveryFailure('http_error')).toBe(true);
  });
});
