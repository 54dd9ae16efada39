import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhook, type HostResolver } from '../../adapters/webhooks/safeHttpDelivery';
import { signStandardWebhook, verifyStandardWebhook } from '../../core/webhooks/signing';
import { generateWebhookSecret } from '../../core/webhooks/subscription';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

const servers: Receiver[] = [];

async function startReceiver(
  respond: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end('thanks'),
): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      respond(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(receiver);
  return receiver;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const limits = { timeouts: { connectMs: 3_000, responseMs: 3_000 }, maxResponseBytes: 4096 };
const body = JSON.stringify({ type: 'khipu.webhook.test', data: { hello: 'world' } });

function post(url: string, extra: Partial<Parameters<typeof deliverWebhook>[0]> = {}) {
  return deliverWebhook({ url, headers: {}, body, allowLoopback: true, ...limits, ...extra });
}

describe('deliverWebhook', () => {
  it('delivers a signed webhook that the receiver can verify', async () => {
    const receiver = await startReceiver((_req, res) => res.writeHead(204).end());
    const secret = generateWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signStandardWebhook({ id: 'evt_42', timestamp, payload: body, secret });

    const result = await post(`http://127.0.0.1:${receiver.port}/hooks/khipu?x=1`, { headers });

    expect(result).toMatchObject({ ok: true, status: 204 });
    expect(result.error).toBeUndefined();
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/khipu?x=1', body });
    expect(request.headers['content-type']).toBe('application/json');
    expect(
      verifyStandardWebhook({ headers: request.headers, payload: request.body, secret, nowSeconds: timestamp }),
    ).toEqual({ ok: true });
  });

  it('refuses loopback when allowLoopback is false, without connecting', async () => {
    const receiver = await startReceiver();
    for (const url of [
      `http://127.0.0.1:${receiver.port}/`,
      `https://127.0.0.1/`,
      `https://2130706433/`,
      `https://0x7f.1/`,
      `https://017700000001/`,
      `https://[::1]/`,
      `https://[::ffff:127.0.0.1]/`,
    ]) {
      const result = await post(url, { allowLoopback: false });
      expect({ url, code: result.error?.code, ok: result.ok }).toEqual({ url, code: 'ssrf_refused', ok: false });
    }
    expect(receiver.received).toHaveLength(0);
  });

  it.each([
    'https://10.0.0.5/',
    'https://172.20.1.1/',
    'https://192.168.0.10/',
    'https://100.64.1.1/',
    'https://169.254.169.254/latest/meta-data/',
    'http://169.254.169.254/metadata/instance',
    'https://168.63.129.16/',
    'https://0.0.0.0/',
    'https://224.0.0.1/',
    'https://255.255.255.255/',
    'https://[fe80::1]/',
    'https://[fc00::1]/',
    'https://[ff02::1]/',
    'https://[::]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://[::ffff:10.0.0.1]/',
    'https://[64:ff9b::a00:1]/',
    'https://[::a00:1]/',
    'https://0xa9fea9fe/',
    'https://0251.0376.0251.0376/',
  ])('refuses private, link-local, metadata and reserved literal %s even with allowLoopback', async (url) => {
    const result = await post(url);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('ssrf_refused');
  });

  it.each([
    [['10.1.2.3']],
    [['169.254.169.254']],
    [['127.0.0.1']],
    [['::1']],
    [['::ffff:7f00:1']],
    [['fd00::5']],
    [['93.184.216.34', '192.168.1.20']],
  ])('refuses a DNS name resolving to %j', async (addresses) => {
    const resolve: HostResolver = async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const result = await post('https://hooks.tenant.example/', { allowLoopback: false, resolve });
    expect(result.error?.code).toBe('ssrf_refused');
    expect(result.error?.message).toContain('hooks.tenant.example');
  });

  it('resolves once and connects to the vetted address (no second lookup, Host kept)', async () => {
    const receiver = await startReceiver();
    let lookups = 0;
    const resolve: HostResolver = async (hostname) => {
      lookups++;
      expect(hostname).toBe('rebind.tenant.test');
      // A rebinding server would answer differently the second time; there must be no second time.
      return lookups === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.1', family: 4 }];
    };
    const result = await post(`http://rebind.tenant.test:${receiver.port}/in`, {
      resolve,
      headers: { host: 'evil.example', 'Content-Length': '1' },
    });
    expect(result).toMatchObject({ ok: true, status: 200, responseExcerpt: 'thanks' });
    expect(lookups).toBe(1);
    expect(receiver.received[0].headers.host).toBe(`rebind.tenant.test:${receiver.port}`);
    expect(receiver.received[0].body).toBe(body);
  });

  it('does not follow redirects, to a private address or anywhere else', async () => {
    const target = await startReceiver();
    for (const location of ['http://169.254.169.254/latest/meta-data/', `http://127.0.0.1:${target.port}/next`]) {
      const redirector = await startReceiver((_req, res) => res.writeHead(302, { location }).end());
      const result = await post(`http://127.0.0.1:${redirector.port}/`);
      expect(result).toMatchObject({ ok: false, status: 302, error: { code: 'redirect' } });
      expect(result.error?.message).toContain(location);
      expect(redirector.received).toHaveLength(1);
    }
    expect(target.received).toHaveLength(0);
  });

  it('times out a receiver that never answers', async () => {
    const receiver = await startReceiver(() => {
      /* hold the request open */
    });
    const result = await post(`http://127.0.0.1:${receiver.port}/`, {
      timeouts: { connectMs: 3_000, responseMs: 300 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(receiver.received).toHaveLength(1);
  });

  it('times out a name resolution that never completes', async () => {
    const resolve: HostResolver = () => new Promise(() => undefined);
    const result = await post('https://slow.tenant.example/', {
      allowLoopback: false,
      resolve,
      timeouts: { connectMs: 200, responseMs: 1_000 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('caps the response size, declared or streamed', async () => {
    const declared = await startReceiver((_req, res) => res.end(Buffer.alloc(100_000, 'a')));
    const streamed = await startReceiver((_req, res) => {
      res.writeHead(200); // chunked: no content-length to trust
      const chunk = Buffer.alloc(16_384, 'b');
      let sent = 0;
      const pump = () => {
        while (sent < 1_000_000 && res.write(chunk)) sent += chunk.length;
        if (sent < 1_000_000) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    for (const receiver of [declared, streamed]) {
      const result = await post(`http://127.0.0.1:${receiver.port}/`);
      expect(result).toMatchObject({ ok: false, status: 200, error: { code: 'too_large' } });
    }
  });

  it('reports HTTP errors with an excerpt and connection failures as network errors', async () => {
    const failing = await startReceiver((_req, res) => res.writeHead(503).end('maintenance'));
    expect(await post(`http://127.0.0.1:${failing.port}/`)).toMatchObject({
      ok: false,
      status: 503,
      responseExcerpt: 'maintenance',
      error: { code: 'http_error' },
    });

    const closed = await startReceiver();
    const port = closed.port;
    await closed.close();
    servers.splice(servers.indexOf(closed), 1);
    expect(await post(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('refuses non-http schemes, credentials and odd ports in production mode', async () => {
    for (const url of [
      'ftp://example.com/',
      'file:///etc/passwd',
      'https://u:p@example.com/',
      'https://example.com:8443/',
    ]) {
      const result = await post(url, { allowLoopback: false });
      expect(result.error?.code).toBe('ssrf_refused');
    }
  });
});
