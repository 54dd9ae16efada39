import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveStreamedHttpTrigger } from '../../local/host/httpStreaming';
import type { RouteMatch } from '../../local/host/routeTable';

/**
 * The host forwards a request with a body to the programming model's proxy over a kept-alive connection. A proxy
 * closes an idle connection when its keep-alive timer fires; a request the host writes on it at that moment is met by
 * a reset. This proxy plays that moment out every time: it answers the first request of a connection and resets the
 * connection when a second one arrives on it. The host must not be holding an idle connection that long.
 */
function resettingProxy(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const seen = new WeakSet<object>();
  let connections = 0;
  const server = http.createServer((req, res) => {
    if (seen.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    seen.add(req.socket);
    req.resume();
    req.on('end', () => res.end('proxied'));
  });
  server.on('connection', () => (connections += 1));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        connections: () => connections,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}

describe('the host hop to the streaming proxy', () => {
  it('closes an idle kept-alive connection itself before reusing it, so a later request is not met by a reset', async () => {
    const proxy = await resettingProxy();
    const match = { route: { functionName: 'echo' }, params: {} } as unknown as RouteMatch;
    const front = http.createServer((req, res) => {
      void serveStreamedHttpTrigger(req, res, new URL(req.url ?? '/', 'http://localhost'), match, {
        httpStreamUri: proxy.url,
        maxRequestBodyBytes: 1024 * 1024,
        invokeHttp: async () => null,
        logger: () => undefined,
      });
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const { port } = front.address() as AddressInfo;
    const post = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/echo`, { method: 'POST', body: '{"a":1}' });
      return { status: res.status, body: await res.text() };
    };
    try {
      expect(await post()).toEqual({ status: 200, body: 'proxied' });
      // Idle past the host's limit for a kept-alive connection, well within a Node server's 5 s keep-alive.
      await sleep(3_000);
      expect(await post()).toEqual({ status: 200, body: 'proxied' });
      expect(proxy.connections()).toBe(2);
    } finally {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      await proxy.close();
    }
  });
});
