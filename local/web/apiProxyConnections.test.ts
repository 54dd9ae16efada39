import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyToApi } from './apiProxy';

/**
 * The web server runs in the process of the Functions host, whose app talks to the same host with other HTTP
 * clients: the Durable client (axios through follow-redirects) does, on Node's shared agent. follow-redirects makes a
 * request's socket destroy itself on its next inactivity timeout and never takes that back; the shared agent gives
 * the socket an idle timeout once the request is done and hands it to the next request for the same host. A request
 * the proxy sent on such a socket was cut after 4 s of waiting ("socket hang up", a 502) whenever the API was that
 * slow, as it is when the machine is loaded.
 */
function sendLikeFollowRedirects(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    // follow-redirects' `setTimeout(0)`: the listener stays on the socket after the request.
    req.on('socket', (socket) => {
      socket.setTimeout(0);
      socket.removeListener('timeout', socket.destroy);
      socket.addListener('timeout', socket.destroy);
    });
    req.on('error', reject);
  });
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

describe('the web server API proxy', () => {
  const slowAnswerMs = 5_000;
  let api: http.Server;
  let front: http.Server;
  let apiUrl: string;
  let frontUrl: string;

  beforeAll(async () => {
    // A Node server as the host is: 5 s keep-alive, which Node's agent turns into a 4 s idle timeout.
    api = http.createServer((req, res) => {
      req.resume();
      const delay = req.url === '/api/slow' ? slowAnswerMs : 0;
      setTimeout(() => res.end(req.url), delay);
    });
    apiUrl = await listen(api);
    front = http.createServer((req, res) => proxyToApi(new URL(apiUrl), req, res, {}));
    frontUrl = await listen(front);
  });

  afterAll(async () => {
    http.globalAgent.destroy();
    for (const server of [front, api]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('waits for a slow answer on its own connections, whatever other clients in the process did to theirs', async () => {
    await sendLikeFollowRedirects(`${apiUrl}/runtime/webhooks/durabletask/instances/x`);
    const res = await fetch(`${frontUrl}/api/slow`);
    expect({ status: res.status, body: await res.text() }).toEqual({ status: 200, body: '/api/slow' });
  });
});
