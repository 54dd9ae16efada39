import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { platformClient } from './testPlatform';

/**
 * The test client sends a reading request again once when its connection is dropped before any answer (a keep-alive
 * connection the platform closed while idle), and never a writing one.
 */
let server: http.Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    // Every first request of a path is dropped unanswered, as a closing keep-alive connection drops it.
    if (seen.filter((line) => line === `${req.method} ${req.url}`).length === 1) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'token', ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const client = () => platformClient({ api: `${base}/api`, identity: base, eventGrid: base, cosmos: base, blob: base });

test('a GET and a token grant are sent again after a dropped connection', async () => {
  const res = await client().api('creator@andes.test', '/v1/projects/p1');
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  expect(seen).toEqual(['POST /token', 'POST /token', 'GET /api/v1/projects/p1', 'GET /api/v1/projects/p1']);
});

test('a writing request is not sent again', async () => {
  seen.length = 0;
  await expect(client().api(null, '/v1/projects', { method: 'POST', json: {} })).rejects.toThrow('fetch failed');
  expect(seen).toEqual(['POST /api/v1/projects']);
});
