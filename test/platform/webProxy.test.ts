/**
 * The web server's `/api` proxy in front of the real Functions host: when the host answers an upload early (401 on
 * its headers) and then closes the connection without reading the rest of the body, the browser still gets the
 * whole answer, and the proxy stays healthy for the next request.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startWebServer, type RunningWebServer } from '../../local/web/webServer';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';

jest.setTimeout(180_000);

const MB = 1024 * 1024;
/**
 * Large uploads, and uploads just past the 4 MB the host reads and drops after an early answer: of those, some reach
 * the proxy after the host has already closed its side.
 */
const UPLOADS = [48 * MB, 6 * MB, 6 * MB, 6 * MB, 48 * MB, 6 * MB, 6 * MB, 6 * MB, 6 * MB, 6 * MB];
const CHUNK = Buffer.alloc(256 * 1024, 'Call me Ishmael. ');

let platform: TestPlatform;
let web: RunningWebServer;
let distDir: string;

beforeAll(async () => {
  platform = await startTestPlatform({
    env: { MAX_UPLOAD_BYTES: String(64 * 1024 * 1024), RATE_LIMIT_PER_MINUTE: '100000' },
  });
  // The proxy does not need the built app: a one-page site is enough to start the server.
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-web-'));
  fs.writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Khipu</title>');
  web = await startWebServer({
    port: 0,
    host: '127.0.0.1',
    distDir,
    apiBaseUrl: platform.urls.api.replace(/\/api$/, ''),
    swaConfigPath: path.join(__dirname, '..', '..', 'web', 'staticwebapp.config.json'),
  });
}, 180_000);

afterAll(async () => {
  await web?.stop();
  await platform?.stop();
  if (distDir) fs.rmSync(distDir, { recursive: true, force: true });
});

interface Answer {
  status: number | undefined;
  body: string;
  error?: string;
}

/** Sends `bytes` as fast as the connection takes them and collects whatever answer comes back. */
function upload(url: string, bytes: number, headers: http.OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'content-length': String(bytes), ...headers },
    });
    let answer: Answer | undefined;
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        answer = { status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') };
        resolve(answer);
      });
      res.on('error', (error) =>
        resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), error: error.message }),
      );
    });
    // Errors writing the rest of the body after the answer arrived are expected; only a missing answer fails.
    req.on('error', (error) => {
      if (!answer) setTimeout(() => resolve(answer ?? { status: undefined, body: '', error: error.message }), 200);
    });
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, bytes - sent));
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

it('forwards the whole 401 of a large anonymous upload and keeps serving', async () => {
  const created = await platform.api('creator@andes.test', '/v1/projects', {
    method: 'POST',
    json: { metadata: minimalMetadata('Proxy upload') },
  });
  const { id } = (await created.json()) as { id: string };
  const url = `${web.url}/api/v1/projects/${id}/manuscript?fileName=book.txt`;

  for (const bytes of UPLOADS) {
    const answer = await upload(url, bytes, {});
    expect(answer).toMatchObject({ status: 401 });
    expect(answer.error).toBeUndefined();
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'unauthenticated', message: expect.any(String), requestId: expect.any(String) },
    });
  }

  // The proxy still answers afterwards.
  const me = await fetch(`${web.url}/api/v1/me`, {
    headers: { authorization: `Bearer ${await platform.token('creator@andes.test')}` },
  });
  expect(me.status).toBe(200);
});
