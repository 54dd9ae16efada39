import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { FunctionInvocationError, startFunctionHost, type RunningFunctionHost } from '../../local/host/functionHost';
import type { HostApi, HostExtension } from '../../local/host/types';

const APP_ENTRY = path.join(__dirname, 'fixtures', 'app', 'index.ts');
const BODY_LIMIT = 64 * 1024;

interface FakeExtensionState {
  startedWith: string[];
  stopped: boolean;
}

function fakeExtension(state: FakeExtensionState): HostExtension {
  let host: HostApi | undefined;
  return {
    name: 'fake-durable',
    inputBindingTypes: ['durableClient'],
    async start(api) {
      host = api;
      state.startedWith = api.functions().map((fn) => fn.name);
    },
    async stop() {
      state.stopped = true;
    },
    inputBindingValue(binding, fn) {
      return {
        string: JSON.stringify({
          taskHubName: 'FakeHub',
          binding: binding.name,
          function: fn.name,
          baseUrl: host?.baseUrl(),
        }),
      };
    },
    async handleHttp(req, res) {
      if (!req.url?.startsWith('/runtime/webhooks/fake')) return false;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('pong');
      return true;
    },
  };
}

function rawRequest(
  url: string,
  options: http.RequestOptions,
  body?: Buffer | Buffer[],
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    // The server may close while we are still uploading an oversized body; the response is what matters.
    req.on('error', (error) => setTimeout(() => reject(error), 1000));
    for (const chunk of Array.isArray(body) ? body : body ? [body] : []) req.write(chunk);
    req.end();
  });
}

describe('local Functions host', () => {
  let appDir: string;
  let host: RunningFunctionHost;
  const logs: Record<string, unknown>[] = [];
  const extensionState: FakeExtensionState = { startedWith: [], stopped: false };

  beforeAll(async () => {
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-host-test-'));
    fs.writeFileSync(
      path.join(appDir, 'host.json'),
      JSON.stringify({ version: '2.0', extensions: { http: { routePrefix: 'api' } } }),
    );
    host = await startFunctionHost({
      appEntry: APP_ENTRY,
      port: 0,
      hostJsonPath: path.join(appDir, 'host.json'),
      extensions: [fakeExtension(extensionState)],
      logger: (line) => logs.push(line as Record<string, unknown>),
      maxRequestBodyBytes: BODY_LIMIT,
    });
  });

  afterAll(async () => {
    await host?.stop();
    fs.rmSync(appDir, { recursive: true, force: true });
    fs.rmSync(path.join(os.tmpdir(), `khipu-host-fixture-terminated-${process.pid}.json`), { force: true });
  });

  const get = async (pathAndQuery: string): Promise<Response> => fetch(`${host.url}${pathAndQuery}`);

  test('collects the registrations of @azure/functions and durable-functions', () => {
    const functions = host.api.functions();
    const byName = new Map(functions.map((fn) => [fn.name, fn]));
    expect(byName.get('echo')?.trigger).toMatchObject({
      type: 'httpTrigger',
      direction: 'in',
      properties: { route: 'echo', methods: ['POST', 'PUT'], authLevel: 'function' },
    });
    expect(byName.get('onEvent')?.trigger.type).toBe('eventGridTrigger');
    expect(byName.get('sayHello')?.trigger.type).toBe('activityTrigger');
    expect(byName.get('clientInfo')?.bindings.some((b) => b.type === 'durableClient' && b.direction === 'in')).toBe(
      true,
    );
    expect(extensionState.startedWith).toEqual(expect.arrayContaining(['echo', 'onEvent', 'sayHello']));
    expect(logs.some((line) => String(line.message).includes('authLevel "function"'))).toBe(true);
  });

  test('picks the most specific route, whatever the registration order', async () => {
    expect(await (await get('/api/items/special')).json()).toEqual({ which: 'special' });
    expect(await (await get('/api/ITEMS/Special')).json()).toEqual({ which: 'special' });
    expect(await (await get('/api/items/42')).json()).toEqual({ which: 'int', id: '42' });
    expect(await (await get('/api/items/99999999999')).json()).toEqual({ which: 'slug', slug: '99999999999' });
    expect(await (await get('/api/items/caf%C3%A9')).json()).toEqual({ which: 'slug', slug: 'café' });
  });

  test('supports catch-all, optional and complex route segments', async () => {
    expect(await (await get('/api/files/a/b/c.txt')).json()).toEqual({ path: 'a/b/c.txt' });
    expect(await (await get('/api/greet')).text()).toBe('hello world');
    expect(await (await get('/api/greet/ana')).text()).toBe('hello ana');
    expect(await (await get('/api/download/report.pdf')).json()).toEqual({ name: 'report', ext: 'pdf' });
    expect((await get('/api/download/report.123')).status).toBe(404);
  });

  test('answers 404 JSON for unknown routes and for methods a function does not accept', async () => {
    for (const response of [await get('/api/nope'), await get('/elsewhere'), await get('/api/echo')]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ error: 'NotFound' });
    }
  });

  test('passes JSON bodies, query and headers to the function', async () => {
    const response = await fetch(`${host.url}/api/json?tag=a&tag=b&lang=es`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'host-test' },
      body: JSON.stringify({ title: 'Don Quijote', chapters: 52 }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      received: { title: 'Don Quijote', chapters: 52 },
      query: { tag: 'a,b', lang: 'es' },
      userAgent: 'host-test',
    });
    expect(String(body.url)).toBe(`${host.url}/api/json?tag=a&tag=b&lang=es`);
    expect(logs).toContainEqual(
      expect.objectContaining({
        type: 'log',
        category: 'user',
        function: 'json',
        message: expect.stringContaining('Don Quijote'),
      }),
    );
  });

  test('round-trips binary bodies, status, headers and cookies', async () => {
    const payload = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const response = await fetch(`${host.url}/api/echo?tag=bin`, {
      method: 'PUT',
      headers: { 'content-type': 'audio/wav' },
      body: payload,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('x-method')).toBe('PUT');
    expect(response.headers.get('x-tag')).toBe('bin');
    expect(response.headers.get('set-cookie')).toBe('session=abc; Path=/; HttpOnly; SameSite=Lax');
    expect(Buffer.from(await response.arrayBuffer()).equals(payload)).toBe(true);

    const binary = await get('/api/binary');
    expect(Buffer.from(await binary.arrayBuffer()).equals(Buffer.from(Array.from({ length: 256 }, (_, i) => i)))).toBe(
      true,
    );
  });

  test('refuses bodies over the cap with 413, declared or streamed', async () => {
    const declared = await rawRequest(
      `${host.url}/api/echo`,
      { method: 'POST', headers: { 'content-length': String(BODY_LIMIT + 1) } },
      Buffer.alloc(BODY_LIMIT + 1),
    );
    expect(declared.status).toBe(413);
    const chunk = Buffer.alloc(16 * 1024, 1);
    const streamed = await rawRequest(
      `${host.url}/api/echo`,
      { method: 'POST', headers: { 'transfer-encoding': 'chunked' } },
      Array.from({ length: 5 }, () => chunk),
    );
    expect(streamed.status).toBe(413);
    const atLimit = await fetch(`${host.url}/api/echo`, { method: 'POST', body: Buffer.alloc(BODY_LIMIT, 2) });
    expect(atLimit.status).toBe(201);
  });

  test('turns a throwing handler into a 500 and logs a failed invocation', async () => {
    const response = await get('/api/boom');
    expect(response.status).toBe(500);
    const body = (await response.json()) as { invocationId: string };
    expect(JSON.stringify(body)).not.toContain('kaboom');
    expect(logs).toContainEqual(
      expect.objectContaining({
        type: 'invocation',
        function: 'boom',
        invocationId: body.invocationId,
        outcome: 'failure',
        error: 'kaboom',
        durationMs: expect.any(Number),
      }),
    );
    expect((await get('/api/nothing')).status).toBe(204);
  });

  test('runs appStart, preInvocation and postInvocation hooks like the worker', async () => {
    expect(await (await get('/api/hook-swapped')).text()).toBe('from-hook');
    const rescued = await get('/api/hook-rescued');
    expect(rescued.status).toBe(299);
    expect(await rescued.text()).toBe('rescued');
    const events = (await (await get('/api/hooks')).json()) as string[];
    expect(events[0]).toBe('appStart');
    expect(events).toEqual(
      expect.arrayContaining([
        'pre:hookSwapped',
        'post:hookSwapped:preInvocation',
        'post:hookRescued:preInvocation',
        'pre:hooks',
      ]),
    );
  });

  test('supplies input bindings owned by an extension', async () => {
    expect(await (await get('/api/client')).json()).toEqual({
      taskHubName: 'FakeHub',
      binding: expect.stringMatching(/^durableClient/),
      function: 'clientInfo',
      baseUrl: host.url,
    });
  });

  test('offers non-/api paths to extensions', async () => {
    const response = await get('/runtime/webhooks/fake/ping');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('pong');
  });

  test('invokes non-HTTP functions through HostApi with outputs converted back', async () => {
    expect(await host.api.invoke('sayHello', { trigger: { json: JSON.stringify('Ana') } })).toEqual({
      returnValue: 'Hello Ana',
      outputs: {},
    });
    const result = await host.api.invoke('withOutputs', { trigger: { json: JSON.stringify({ n: 1 }) } });
    const queueBinding = host.api
      .functions()
      .find((fn) => fn.name === 'withOutputs')
      ?.bindings.find((b) => b.type === 'queue');
    expect(result).toEqual({
      returnValue: { done: true },
      outputs: { [String(queueBinding?.name)]: { forwarded: { n: 1 } } },
    });
    await expect(host.api.invoke('missing', { trigger: { json: '{}' } })).rejects.toThrow(
      /No function named "missing"/,
    );
  });

  test('invokes eventGridTrigger functions through HostApi with Event Grid and CloudEvents events', async () => {
    const cloudEvent = {
      specversion: '1.0',
      id: 'ce-1',
      source: '/khipu/projects',
      type: 'Khipu.Project.Created',
      data: { projectId: 'p1' },
    };
    const gridEvent = {
      id: 'eg-1',
      subject: 'projects/p1',
      eventType: 'Khipu.Project.Created',
      eventTime: new Date().toISOString(),
      dataVersion: '1',
      data: { projectId: 'p1' },
    };
    await host.api.invoke('onEvent', { trigger: { json: JSON.stringify(cloudEvent) } });
    await host.api.invoke('onEvent', { trigger: { json: JSON.stringify(gridEvent) } });
    await expect(
      host.api.invoke('onEvent', { trigger: { json: JSON.stringify({ id: 'x', subject: 'fail' }) } }),
    ).rejects.toBeInstanceOf(FunctionInvocationError);
    const received = (await (await get('/api/events')).json()) as { id: string }[];
    expect(received.map((event) => event.id)).toEqual(expect.arrayContaining(['ce-1', 'eg-1', 'x']));
    expect(received.find((event) => event.id === 'ce-1')).toEqual(cloudEvent);
  });

  test('serves the Event Grid runtime webhook: validation, notifications and CloudEvents', async () => {
    const webhook = `${host.url}/runtime/webhooks/EventGrid?functionName=onEvent`;
    const validation = await fetch(webhook, {
      method: 'POST',
      headers: { 'aeg-event-type': 'SubscriptionValidation', 'content-type': 'application/json' },
      body: JSON.stringify([
        { id: 'v', eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent', data: { validationCode: 'code-123' } },
      ]),
    });
    expect(validation.status).toBe(200);
    expect(await validation.json()).toEqual({ validationResponse: 'code-123' });

    const notification = await fetch(webhook, {
      method: 'POST',
      headers: { 'aeg-event-type': 'Notification', 'content-type': 'application/json' },
      body: JSON.stringify([
        { id: 'wh-eg-1', subject: 's', eventType: 't', data: {} },
        { id: 'wh-eg-2', subject: 's', eventType: 't', data: {} },
      ]),
    });
    expect(notification.status).toBe(202);

    const handshake = await rawRequest(webhook, {
      method: 'OPTIONS',
      headers: { 'WebHook-Request-Origin': 'eventemitter.example.com' },
    });
    expect(handshake.status).toBe(200);
    expect(handshake.headers['webhook-allowed-origin']).toBe('eventemitter.example.com');

    const single = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify({ specversion: '1.0', id: 'wh-ce-1', source: 's', type: 't' }),
    });
    expect(single.status).toBe(202);
    const batch = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([{ specversion: '1.0', id: 'wh-ce-2', source: 's', type: 't' }]),
    });
    expect(batch.status).toBe(202);
    const failing = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify({ specversion: '1.0', id: 'wh-ce-3', source: 's', type: 't', subject: 'fail' }),
    });
    expect(failing.status).toBe(500);
    expect(
      (await fetch(`${host.url}/runtime/webhooks/EventGrid?functionName=echo`, { method: 'POST', body: '[]' })).status,
    ).toBe(404);

    const received = (await (await get('/api/events')).json()) as { id: string }[];
    expect(received.map((event) => event.id)).toEqual(
      expect.arrayContaining(['wh-eg-1', 'wh-eg-2', 'wh-ce-1', 'wh-ce-2']),
    );
  });

  test('logs one line per invocation', () => {
    const invocations = logs.filter((line) => line.type === 'invocation');
    expect(invocations.length).toBeGreaterThan(10);
    for (const line of invocations)
      expect(line).toEqual(
        expect.objectContaining({
          function: expect.any(String),
          invocationId: expect.any(String),
          durationMs: expect.any(Number),
          outcome: expect.stringMatching(/^(success|failure)$/),
        }),
      );
  });

  test('stops cleanly: server closed, extensions stopped, appTerminate run; a second host loads the app again', async () => {
    const url = host.url;
    await host.stop();
    expect(extensionState.stopped).toBe(true);
    const terminatedFile = path.join(os.tmpdir(), `khipu-host-fixture-terminated-${process.pid}.json`);
    const terminated = JSON.parse(fs.readFileSync(terminatedFile, 'utf8')) as {
      hookEvents: string[];
      appHookDataShared: boolean;
    };
    fs.rmSync(terminatedFile);
    expect(terminated.hookEvents[0]).toBe('appStart');
    expect(terminated.appHookDataShared).toBe(true);
    await expect(fetch(`${url}/api/greet`)).rejects.toThrow();

    host = await startFunctionHost({
      appEntry: APP_ENTRY,
      port: 0,
      hostJsonPath: path.join(appDir, 'host.json'),
      logger: () => undefined,
    });
    expect(host.api.functions().length).toBeGreaterThan(10);
    expect(await (await get('/api/hooks')).json()).toEqual(['appStart', 'pre:hooks', 'post:hooks:preInvocation']);
  });
});
