import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveStreamedHttpTrigger } from '../../local/host/httpStreaming';
import type { RouteMatch } from '../../local/host/routeTable';

/**
 * The host forwards a request with a body to the programming model's proxy over a kept-alive connection. A proxy
 * closes an idle connection when its keep-alive timer fires; a request the host writes on it at that moment is met by
 * a reset. These proxies play that moment out every time: they answer the first request of a connection (echoing its
 * body) and meet a later one on it with `onReuse` (a reset, by default). The host must not be holding an idle
 * connection that long, and a request met that way is sent again on a new connection, never answered 502.
 */
interface TestProxy {
  url: string;
  connections: () => number;
  /** The bodies of the requests the proxy received whole, in order. */
  bodies: string[];
  close: () => Promise<void>;
}

function resettingProxy(
  onReuse: (socket: http.IncomingMessage['socket']) => void = (socket) => socket.destroy(),
  resetEveryRequest = false,
): Promise<TestProxy> {
  const seen = new WeakSet<object>();
  const bodies: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    if (resetEveryRequest || seen.has(req.socket)) {
      onReuse(req.socket);
      return;
    }
    seen.add(req.socket);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      bodies.push(body);
      res.end(`proxied ${body}`);
    });
  });
  server.on('connection', () => (connections += 1));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        connections: () => connections,
        bodies,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}

/** The host's front for `proxy`, counting the invocations it sends. */
async function hostFor(proxy: TestProxy) {
  const match = { route: { functionName: 'echo' }, params: {} } as unknown as RouteMatch;
  let invocations = 0;
  const front = http.createServer((req, res) => {
    void serveStreamedHttpTrigger(req, res, new URL(req.url ?? '/', 'http://localhost'), match, {
      httpStreamUri: proxy.url,
      maxRequestBodyBytes: 1024 * 1024,
      invokeHttp: async () => {
        invocations += 1;
        return null;
      },
      logger: () => undefined,
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    post: async (body: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/echo`, { method: 'POST', body });
      return { status: res.status, body: await res.text() };
    },
    invocations: () => invocations,
    close: async () => {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      await proxy.close();
    },
  };
}

describe('the host hop to the streaming proxy', () => {
  it('closes an idle kept-alive connection itself before reusing it, so a later request is not met by a reset', async () => {
    const proxy = await resettingProxy();
    const host = await hostFor(proxy);
    try {
      expect(await host.post('{"a":1}')).toEqual({ status: 200, body: 'proxied {"a":1}' });
      // Idle past the host's limit for a kept-alive connection, well within a Node server's 5 s keep-alive.
      await sleep(3_000);
      expect(await host.post('{"a":2}')).toEqual({ status: 200, body: 'proxied {"a":2}' });
      expect(proxy.connections()).toBe(2);
    } finally {
      await host.close();
    }
  });

  it('sends a request met by a reset on a reused connection again, on a new one, body and all (20 at once)', async () => {
    const proxy = await resettingProxy();
    const host = await hostFor(proxy);
    const round = (name: string) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => host.post(JSON.stringify({ name, i }))));
    try {
      await round('first');
      const connectionsBefore = proxy.connections();
      // At once: every request takes a connection of the first round, and every one of those is reset.
      const second = await round('second');
      expect(second).toEqual(
        Array.from({ length: 20 }, (_, i) => ({
          status: 200,
          body: `proxied ${JSON.stringify({ name: 'second', i })}`,
        })),
      );
      expect(proxy.connections()).toBeGreaterThan(connectionsBefore);
      // Each function ran once, and the proxy took each body whole once.
      expect(host.invocations()).toBe(40);
      expect(proxy.bodies.filter((body) => body.includes('second')).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => JSON.stringify({ name: 'second', i })).sort(),
      );
    } finally {
      await host.close();
    }
  });

  it('answers 502 without sending again when part of an answer came back on the reused connection', async () => {
    const proxy = await resettingProxy((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Le');
      socket.destroy();
    });
    const host = await hostFor(proxy);
    try {
      expect(await host.post('one')).toEqual({ status: 200, body: 'proxied one' });
      expect((await host.post('two')).status).toBe(502);
      expect(proxy.connections()).toBe(1);
      expect(host.invocations()).toBe(2);
    } finally {
      await host.close();
    }
  });

  it('answers 502 without sending again when the connection was a new one', async () => {
    const proxy = await resettingProxy(undefined, true);
    const host = await hostFor(proxy);
    try {
      expect((await host.post('one')).status).toBe(502);
      expect(proxy.connections()).toBe(1);
    } finally {
      await host.close();
    }
  });
});
