import diagnosticsChannel from 'node:diagnostics_channel';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFunctionHost, type RunningFunctionHost } from '../../local/host/functionHost';
import { currentProgrammingModel, installFunctionsCoreShim, realNodeModule } from '../../local/host/functionsCoreShim';

const APP_ENTRY = path.join(__dirname, 'fixtures', 'streamingApp', 'index.ts');
const BODY_LIMIT = 64 * 1024;

/** Paths of the HTTP requests this process sends with node:http: the host's hop to the model's proxy is one. */
const proxiedPaths: string[] = [];
const onClientRequest = (message: unknown) => {
  proxiedPaths.push((message as { request: http.ClientRequest }).request.path);
};

const FUNCTIONS_LIBRARY = `${path.sep}node_modules${path.sep}@azure${path.sep}functions${path.sep}`;

/**
 * `app.setup` can only be called before the library's first start-up, and the library stays in Node's module cache
 * for the whole jest process (other test files' hosts load it too). This file's app gets a copy of its own, and the
 * copy the other files share is put back afterwards, with its programming model.
 */
function useOwnFunctionsLibrary(): () => void {
  const cache = realNodeModule().createRequire(APP_ENTRY).cache;
  const shared = Object.entries(cache).filter(([key]) => key.includes(FUNCTIONS_LIBRARY));
  const sharedModel = currentProgrammingModel();
  for (const [key] of shared) delete cache[key];
  return () => {
    for (const key of Object.keys(cache)) if (key.includes(FUNCTIONS_LIBRARY)) delete cache[key];
    for (const [key, value] of shared) cache[key] = value;
    if (sharedModel) installFunctionsCoreShim().setProgrammingModel(sharedModel);
  };
}

describe('local Functions host with HTTP streaming on', () => {
  let restoreFunctionsLibrary: () => void;
  let appDir: string;
  let host: RunningFunctionHost;

  beforeAll(async () => {
    diagnosticsChannel.subscribe('http.client.request.start', onClientRequest);
    restoreFunctionsLibrary = useOwnFunctionsLibrary();
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-host-streaming-'));
    fs.writeFileSync(
      path.join(appDir, 'host.json'),
      JSON.stringify({ version: '2.0', extensions: { http: { routePrefix: 'api' } } }),
    );
    host = await startFunctionHost({
      appEntry: APP_ENTRY,
      port: 0,
      hostJsonPath: path.join(appDir, 'host.json'),
      logger: () => undefined,
      maxRequestBodyBytes: BODY_LIMIT,
    });
  });

  afterAll(async () => {
    diagnosticsChannel.unsubscribe('http.client.request.start', onClientRequest);
    await host?.stop();
    restoreFunctionsLibrary?.();
    fs.rmSync(appDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    proxiedPaths.length = 0;
  });

  test('a request without a body reaches the function in process, with what the proxy hop would have carried', async () => {
    const res = await fetch(`${host.url}/api/describe/42?q=x%20y`, { headers: { 'x-probe': 'p1' } });

    expect(res.status).toBe(203);
    expect(res.headers.get('x-custom')).toBe('kept');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('set-cookie')).toBe('seen=42; Path=/');
    expect(res.headers.has('x-ms-invocation-id')).toBe(false);
    const body = await res.json();
    expect(body).toEqual({
      method: 'GET',
      url: `${host.url}/api/describe/42?q=x%20y`,
      id: '42',
      query: 'x y',
      header: 'p1',
      body: '',
    });
    // One write with its length, not a chunked relay of the proxy's answer.
    expect(res.headers.get('content-length')).toBe(String(JSON.stringify(body).length));
    expect(res.headers.has('transfer-encoding')).toBe(false);
    expect(proxiedPaths).toEqual([]);
  });

  test('DELETE without a body is served in process too', async () => {
    const res = await fetch(`${host.url}/api/describe/7`, { method: 'DELETE' });
    expect(res.status).toBe(203);
    expect(await res.json()).toMatchObject({ method: 'DELETE', id: '7', body: '' });
    expect(proxiedPaths).toEqual([]);
  });

  test('a request with a body still streams through the proxy, under the size limit', async () => {
    const res = await fetch(`${host.url}/api/echo`, { method: 'POST', body: 'hello body' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello body');
    expect(proxiedPaths).toEqual(['/api/echo']);

    const tooLarge = await fetch(`${host.url}/api/echo`, { method: 'POST', body: Buffer.alloc(BODY_LIMIT + 1) });
    expect(tooLarge.status).toBe(413);
  });

  test('an answer in several chunks streams to the client whole', async () => {
    const res = await fetch(`${host.url}/api/chunks`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(await res.text()).toBe('first,second,third');
    expect(proxiedPaths).toEqual([]);
  });

  test('a function that returns nothing answers 204; one that throws, 500 with its invocation id', async () => {
    const nothing = await fetch(`${host.url}/api/nothing`);
    expect(nothing.status).toBe(204);
    expect(await nothing.text()).toBe('');

    const throws = await fetch(`${host.url}/api/throws`);
    expect(throws.status).toBe(500);
    const body = (await throws.json()) as { error: string; invocationId: string };
    expect(body.error).toBe('InternalServerError');
    expect(body.invocationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(proxiedPaths).toEqual([]);
  });
});
