import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startWebServer, type RunningWebServer } from './webServer';

/** Raw HTTP so that paths like `/../x` reach the server unnormalized, as an attacker would send them. */
function get(
  url: string,
  rawPath: string,
  init: { method?: string; body?: Buffer; headers?: Record<string, string> } = {},
) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(
      { hostname, port, path: rawPath, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('local web server', () => {
  let root: string;
  let api: http.Server;
  let web: RunningWebServer;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-web-'));
    const dist = path.join(root, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dist, 'assets', 'big-abc123.js'), 'console.log("compress me");\n'.repeat(500));
    fs.writeFileSync(path.join(dist, 'assets', 'art-abc123.png'), Buffer.alloc(4096, 1));
    fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
    fs.copyFileSync(
      path.join(__dirname, '..', '..', 'web', 'staticwebapp.config.json'),
      path.join(root, 'staticwebapp.config.json'),
    );
    // Echoes what it received, so the test sees exactly what the proxy forwarded.
    api = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        res.writeHead(req.url?.includes('missing') ? 404 : 201, {
          'content-type': 'application/octet-stream',
          etag: '"7"',
          'x-echo-url': req.url ?? '',
          'x-echo-auth': String(req.headers['x-khipu-authorization']),
        });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    web = await startWebServer({
      port: 0,
      distDir: dist,
      apiBaseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
    });
  });

  afterAll(async () => {
    await web?.stop();
    await new Promise((resolve) => api?.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('serves files with their content type and the global security headers', async () => {
    const js = await get(web.url, '/assets/app-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['x-frame-options']).toBe('DENY');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const index = await get(web.url, '/');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  test('compresses text assets for browsers that accept it, and nothing else', async () => {
    const source = fs.readFileSync(path.join(root, 'dist', 'assets', 'big-abc123.js'));
    const br = await get(web.url, '/assets/big-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-length']).toBeUndefined();
    expect(br.body.length).toBeLessThan(source.length / 10);
    expect(brotliDecompressSync(br.body).equals(source)).toBe(true);
    const gzip = await get(web.url, '/assets/big-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(source)).toBe(true);
    const refused = await get(web.url, '/assets/big-abc123.js', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(source)).toBe(true);
    const plain = await get(web.url, '/assets/big-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(source.length);
    const image = await get(web.url, '/assets/art-abc123.png', { headers: { 'accept-encoding': 'br' } });
    expect(image.headers['content-encoding']).toBeUndefined();
  });

  test('client routes fall back to index.html, missing assets do not', async () => {
    const route = await get(web.url, '/projects/abc?x=1');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('id="root"');
    expect((await get(web.url, '/assets/missing.js')).status).toBe(404);
    expect((await get(web.url, '/logo.png')).status).toBe(404);
  });

  test('never serves files outside the build folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
    ]) {
      const res = await get(web.url, attempt);
      expect(res.body.toString()).not.toContain('do not serve');
    }
    expect((await get(web.url, '/%E0%A4%A')).status).toBe(400);
  });

  test('proxies /api with method, path, headers, status and body intact', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    const res = await get(web.url, '/api/v1/projects/p1/cover?variant=retail', {
      method: 'PUT',
      body,
      headers: { 'content-type': 'image/jpeg', 'x-khipu-authorization': 'Bearer t1' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"7"');
    expect(res.headers['x-echo-url']).toBe('/api/v1/projects/p1/cover?variant=retail');
    expect(res.headers['x-echo-auth']).toBe('Bearer t1');
    expect(res.body.equals(body)).toBe(true);
    expect((await get(web.url, '/api/v1/missing')).status).toBe(404);
  });

  test('answers 502 in the API error shape when the API is down', async () => {
    const orphan = await startWebServer({
      port: 0,
      distDir: path.join(root, 'dist'),
      apiBaseUrl: 'http://127.0.0.1:1',
    });
    try {
      const res = await get(orphan.url, '/api/v1/me');
      expect(res.status).toBe(502);
      expect(JSON.parse(res.body.toString()).error.code).toBe('bad_gateway');
    } finally {
      await orphan.stop();
    }
  });

  test('refuses to start without a build', async () => {
    await expect(
      startWebServer({ port: 0, distDir: path.join(root, 'nowhere'), apiBaseUrl: 'http://127.0.0.1:1' }),
    ).rejects.toThrow(/npm run build -w web/);
  });
});
