import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, isTransient, KhipuApiClient } from '../../local/cli/apiClient';

/** A job endpoint that drops the first connections, then answers 503, then reports the job done. */
let server: Server;
let baseUrl: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    if (requests <= 2) return req.socket.destroy();
    if (requests === 3) return res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{}}');
    if (req.url?.includes('job_bad')) {
      return res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'not_found', message: 'Job not found' } }));
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id: 'job_1', status: 'succeeded' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (requests = 0));

test('waiting for a job rides out dropped connections and server errors', async () => {
  const client = new KhipuApiClient(baseUrl, 'token');
  const job = await client.waitForJob('prj_1', 'job_1', () => undefined, 10);
  expect(job.status).toBe('succeeded');
  expect(requests).toBe(4);
});

test('an answer about the request itself is not retried', async () => {
  requests = 3;
  const client = new KhipuApiClient(baseUrl, 'token');
  await expect(client.waitForJob('prj_1', 'job_bad', () => undefined, 10)).rejects.toThrow(/404 Job not found/);
  expect(requests).toBe(4);
});

test('what counts as transient', () => {
  expect(isTransient(new TypeError('fetch failed'))).toBe(true);
  expect(isTransient(new ApiError(429, 'rate_limited', 'slow down'))).toBe(true);
  expect(isTransient(new ApiError(502, 'http_error', 'bad gateway'))).toBe(true);
  expect(isTransient(new ApiError(422, 'invalid', 'no'))).toBe(false);
  expect(isTransient(new Error('boom'))).toBe(false);
});
