import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { deliverWebhook, type HostResolver } from '../../adapters/webhooks/safeHttpDelivery';
import type { DeliveryResult } from '../../core/webhooks/delivery';

/**
 * The SSRF battery (docs/webhooks.md), item by item, against the real delivery adapter (the code that opens sockets):
 * private ranges, names resolving to them, redirects to them, IPv6 forms including IPv4-mapped ones, the metadata
 * address, 0.0.0.0, numeric IPv4 spellings, IPv6 loopback, unique-local and link-local ranges, and the connect,
 * response-time and response-size caps. Each refusal must name the address rule that fired, so a case cannot pass by
 * accident on an unrelated rule (the https-only rule, say). safeHttpDelivery.test.ts covers delivery itself.
 */
const limits = { timeouts: { connectMs: 2_000, responseMs: 2_000 }, maxResponseBytes: 4096 };
const body = JSON.stringify({ type: 'khipu.webhook.test', data: {} });
const production = { allowLoopback: false };
/** The local platform's test setting: loopback is reachable, nothing else private is. */
const localTests = { allowLoopback: true };

function post(url: string, extra: Partial<Parameters<typeof deliverWebhook>[0]> = {}): Promise<DeliveryResult> {
  return deliverWebhook({ url, headers: {}, body, ...production, ...limits, ...extra });
}

/** A resolver that would be consulted only for names; literals must never reach DNS. */
const noDns: HostResolver = async (hostname) => {
  throw new Error(`unexpected DNS lookup of ${hostname}`);
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(server: http.Server | net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        if (server instanceof http.Server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

/** An HTTP receiver counting requests, answering with `respond`. */
async function receiver(respond: (res: http.ServerResponse) => void) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    req.on('end', () => respond(res));
  });
  const port = await listen(server);
  return { port, hits };
}

describe('literal addresses are refused by the address rule, before any DNS or connection', () => {
  it.each([
    // private ranges
    ['https://10.0.0.1/', '10.0.0.1 is private'],
    ['https://10.255.255.254/', 'private'],
    ['https://172.16.0.1/', 'private'],
    ['https://172.31.255.254/', 'private'],
    ['https://192.168.0.1/', 'private'],
    ['https://100.64.0.1/', 'carrier-grade NAT'],
    ['https://127.0.0.1/', 'loopback'],
    ['https://127.255.255.254/', 'loopback'],
    // link-local and metadata
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is link-local / instance metadata'],
    ['https://169.254.0.1/', 'link-local'],
    ['https://168.63.129.16/', 'Azure platform metadata'],
    // 0.0.0.0 reaches local services on Linux
    ['https://0.0.0.0/', '0.0.0.0 is this-network'],
    ['https://0/', '0.0.0.0 is this-network'],
    // decimal, hex, octal and shortened IPv4 spellings, normalized by the WHATWG parser before the check
    ['https://2130706433/', '127.0.0.1 is loopback'],
    ['https://0x7f000001/', '127.0.0.1 is loopback'],
    ['https://017700000001/', '127.0.0.1 is loopback'],
    ['https://0x7f.1/', '127.0.0.1 is loopback'],
    ['https://127.1/', '127.0.0.1 is loopback'],
    ['https://0177.0.0.01/', '127.0.0.1 is loopback'],
    ['https://127.0.0.1./', '127.0.0.1 is loopback'],
    ['https://%31%32%37.0.0.1/', '127.0.0.1 is loopback'],
    ['https://167772161/', '10.0.0.1 is private'],
    ['https://0xa9fea9fe/', '169.254.169.254 is link-local'],
    ['https://025177524776/', '169.254.169.254 is link-local'],
    ['https://0251.0376.0251.0376/', '169.254.169.254 is link-local'],
    // IPv6 loopback and unspecified
    ['https://[::1]/', '::1 is loopback'],
    ['https://[0:0:0:0:0:0:0:1]/', '::1 is loopback'],
    ['https://[::]/', ':: is unspecified'],
    // IPv4-mapped and IPv4-compatible IPv6, dotted and hex
    ['https://[::ffff:10.0.0.1]/', 'IPv4-mapped form of 10.0.0.1 is private'],
    ['https://[::ffff:a00:1]/', 'IPv4-mapped form of 10.0.0.1 is private'],
    ['https://[::ffff:127.0.0.1]/', 'IPv4-mapped form of 127.0.0.1 is loopback'],
    ['https://[::ffff:7f00:1]/', 'IPv4-mapped form of 127.0.0.1 is loopback'],
    ['https://[::ffff:169.254.169.254]/', 'IPv4-mapped form of 169.254.169.254'],
    ['https://[::ffff:a9fe:a9fe]/', 'IPv4-mapped form of 169.254.169.254'],
    ['https://[::ffff:0.0.0.0]/', 'IPv4-mapped form of 0.0.0.0'],
    ['https://[0:0:0:0:0:ffff:c0a8:101]/', 'IPv4-mapped form of 192.168.1.1 is private'],
    ['https://[::a00:1]/', 'IPv4-compatible form of 10.0.0.1'],
    // unique local fc00::/7 and link-local fe80::/10, both ends of each range, and deprecated site-local
    ['https://[fc00::1]/', 'not global unicast'],
    ['https://[fdff:ffff:ffff:ffff::1]/', 'not global unicast'],
    ['https://[fd00:ec2::254]/', 'not global unicast'],
    ['https://[fe80::1]/', 'not global unicast'],
    ['https://[febf:ffff::1]/', 'not global unicast'],
    ['https://[fec0::1]/', 'not global unicast'],
    ['https://[ff02::1]/', 'not global unicast'],
  ])('%s', async (url, rule) => {
    for (const mode of [production, localTests]) {
      // Loopback is the one thing the local test setting admits; everything else must hold in both modes.
      if (mode === localTests && /loopback$/.test(rule) && !rule.includes('form of')) continue;
      const result = await post(url, { ...mode, resolve: noDns });
      expect({ url, mode, ok: result.ok, code: result.error?.code }).toEqual({
        url,
        mode,
        ok: false,
        code: 'ssrf_refused',
      });
      expect(result.error?.message).toContain(rule);
    }
  });

  it('refuses the issue’s http:// numeric spellings of loopback in production, and their private twins in local tests', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f000001/', 'http://017700000001/']) {
      expect((await post(url, { resolve: noDns })).error?.code).toBe('ssrf_refused');
    }
    // With http and any port allowed, only the address rule stands between these and the network.
    for (const [url, address] of [
      ['http://167772161:8080/', '10.0.0.1'],
      ['http://0xa000001:8080/', '10.0.0.1'],
      ['http://01200000001:8080/', '10.0.0.1'],
      ['http://0xa9fea9fe/', '169.254.169.254'],
      ['http://0/', '0.0.0.0'],
    ]) {
      const result = await post(url, { ...localTests, resolve: noDns });
      expect({ url, code: result.error?.code }).toEqual({ url, code: 'ssrf_refused' });
      expect(result.error?.message).toContain(address);
    }
  });
});

describe('names are resolved and every answer vetted', () => {
  it.each([
    [['10.1.2.3']],
    [['172.16.5.5']],
    [['192.168.1.1']],
    [['100.64.0.1']],
    [['169.254.169.254']],
    [['0.0.0.0']],
    [['::']],
    [['::ffff:a00:1']],
    [['::ffff:10.0.0.1']],
    [['::ffff:169.254.169.254']],
    [['::ffff:7f00:1']],
    [['fc00::1']],
    [['fd12:3456::1']],
    [['fe80::1']],
    [['fe80::1%eth0']],
    // one bad answer among good ones is enough: the connection could pick any of them
    [['93.184.216.34', '10.0.0.1']],
    [['2606:4700::1', 'fe80::1']],
  ])('a name resolving to %j is refused, even in the local test setting', async (answers) => {
    const resolve: HostResolver = async () =>
      answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    for (const mode of [production, localTests]) {
      const result = await post('https://hooks.tenant.example/', { ...mode, resolve });
      expect(result.error?.code).toBe('ssrf_refused');
      expect(result.error?.message).toContain('hooks.tenant.example resolves to a forbidden address');
    }
  });

  it('names resolving to loopback are refused in production (127.0.0.1 and ::1)', async () => {
    for (const address of ['127.0.0.1', '127.3.2.1', '::1']) {
      const resolve: HostResolver = async () => [{ address, family: address.includes(':') ? 6 : 4 }];
      const result = await post('https://hooks.tenant.example/', { resolve });
      expect(result.error?.code).toBe('ssrf_refused');
    }
  });

  it('the system resolver is vetted too: localhost is refused in production', async () => {
    const result = await post('https://localhost/');
    expect(result.error?.code).toBe('ssrf_refused');
    expect(result.error?.message).toContain('localhost resolves to a forbidden address');
  });
});

describe('redirects are never followed', () => {
  it.each([301, 302, 303, 307, 308])('HTTP %i to metadata, private, loopback and public targets', async (status) => {
    const target = await receiver((res) => res.end('should never be reached'));
    const locations = [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://10.0.0.1/',
      'http://[::ffff:a00:1]/',
      'http://localhost/',
      `http://127.0.0.1:${target.port}/followed`,
      'https://hooks.example.com/elsewhere',
    ];
    for (const location of locations) {
      const redirector = await receiver((res) => res.writeHead(status, { location }).end());
      const result = await post(`http://127.0.0.1:${redirector.port}/`, localTests);
      expect(result).toMatchObject({ ok: false, status, error: { code: 'redirect' } });
      expect(redirector.hits).toHaveLength(1);
    }
    expect(target.hits).toHaveLength(0);
  });
});

describe('connect, response-time and size caps', () => {
  it('caps the connection phase: a TLS peer that accepts TCP but never completes the handshake', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    const port = await listen(silent);
    closers.push(async () => sockets.forEach((socket) => socket.destroy()));
    const result = await post(`https://127.0.0.1:${port}/`, {
      ...localTests,
      timeouts: { connectMs: 300, responseMs: 60_000 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(result.error?.message).toContain('connecting to 127.0.0.1 timed out');
  });

  it('caps the whole response, even when the receiver keeps trickling bytes', async () => {
    const timers: NodeJS.Timeout[] = [];
    const trickler = await receiver((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      timers.push(setInterval(() => res.write('.'), 50));
    });
    closers.push(async () => timers.forEach((timer) => clearInterval(timer)));
    const result = await post(`http://127.0.0.1:${trickler.port}/`, {
      ...localTests,
      timeouts: { connectMs: 2_000, responseMs: 500 },
      maxResponseBytes: 1_000_000,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(trickler.hits).toHaveLength(1);
  });

  it('refuses oversized response headers', async () => {
    const bloated = await receiver((res) => res.writeHead(200, { 'x-bloat': 'a'.repeat(100_000) }).end('ok'));
    const result = await post(`http://127.0.0.1:${bloated.port}/`, localTests);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('network');
  });

  it('refuses a body over the cap, declared or chunked, and accepts one at the cap', async () => {
    const atCap = await receiver((res) => res.end(Buffer.alloc(limits.maxResponseBytes, 'a')));
    expect(await post(`http://127.0.0.1:${atCap.port}/`, localTests)).toMatchObject({ ok: true, status: 200 });
    const declared = await receiver((res) => res.end(Buffer.alloc(limits.maxResponseBytes + 1, 'a')));
    expect(await post(`http://127.0.0.1:${declared.port}/`, localTests)).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
    const chunked = await receiver((res) => {
      res.writeHead(200);
      res.write(Buffer.alloc(limits.maxResponseBytes, 'b'));
      res.end('c');
    });
    expect(await post(`http://127.0.0.1:${chunked.port}/`, localTests)).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
  });
});
