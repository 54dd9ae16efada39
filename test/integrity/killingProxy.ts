/**
 * A proxy in front of the Cosmos emulator that kills the Functions host (SIGKILL) when a chosen request arrives: that
 * request never reaches the store, everything before it did, exactly as a process killed between two writes leaves
 * them. Armed with the n-th write matching a predicate, so a test can cut an operation at each of its writes in turn.
 * It can also hold such a request, so a test can act while the operation that sent it is still under way.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

export interface CosmosRequest {
  method: string;
  /** The decoded path, e.g. `/dbs/khipu/colls/chapters/docs/chp-1`. */
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface KillingProxy {
  endpoint: string;
  forwardTo(emulator: string): void;
  /**
   * Arms the proxy: the `nth` request matching `matches` from now on kills the host instead of arriving. Resolves once
   * a new host is up; rejects when it did not come up.
   */
  killAt(nth: number, matches: (request: CosmosRequest) => boolean): Promise<void>;
  /**
   * Holds the `nth` request matching `matches` from now on: resolves when it arrived, with `release` to send it on.
   * Every other request goes through meanwhile.
   */
  holdAt(nth: number, matches: (request: CosmosRequest) => boolean): Promise<{ release(): void }>;
  /** Disarms it (the operation ended before the armed request came); answers whether it was still armed. */
  disarm(): boolean;
  close(): Promise<void>;
}

/** A request that changes stored documents (a create, replace, upsert, delete, patch or batch; no read or query). */
export function isWrite({ method, headers }: CosmosRequest): boolean {
  if (method === 'PUT' || method === 'DELETE' || method === 'PATCH') return true;
  if (method !== 'POST') return false;
  const isQuery = String(headers['x-ms-documentdb-isquery']).toLowerCase() === 'true';
  return !isQuery && headers['content-type'] !== 'application/query+json';
}

/** A write to one of the named containers. */
export const writeTo =
  (...containers: string[]) =>
  (request: CosmosRequest): boolean =>
    isWrite(request) && containers.some((name) => request.path.includes(`/colls/${name}/docs`));

async function startKillingProxy(platform: () => TestPlatform): Promise<KillingProxy> {
  let target: string | undefined;
  let armed:
    | {
        left: number;
        matches: (request: CosmosRequest) => boolean;
        arrived: (forward: () => void, drop: () => void) => void;
      }
    | undefined;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const request: CosmosRequest = {
      method: req.method ?? '',
      path: decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname),
      headers: req.headers,
    };
    const forward = () => send(req, res);
    if (armed?.matches(request) && --armed.left === 0) {
      const { arrived } = armed;
      armed = undefined;
      arrived(forward, () => res.destroy());
      return;
    }
    forward();
  });
  const send = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const forwarded = http.request(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: req.headers,
      agent,
    });
    forwarded.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwardTo: (emulator) => (target = emulator),
    killAt: (nth, matches) =>
      new Promise<void>((killed, failed) => {
        armed = {
          left: nth,
          matches,
          arrived: (_forward, drop) => {
            // A restart that fails (the new host not up in time) fails the test instead of leaving it waiting.
            platform().crashHost().then(killed, failed);
            drop();
          },
        };
      }),
    holdAt: (nth, matches) =>
      new Promise<{ release(): void }>((held) => {
        armed = { left: nth, matches, arrived: (forward) => held({ release: forward }) };
      }),
    disarm: () => {
      const wasArmed = armed !== undefined;
      armed = undefined;
      return wasArmed;
    },
    close: async () => {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface PlatformBehindKillingProxy {
  platform: TestPlatform;
  proxy: KillingProxy;
  /** Stops the platform, then the proxy. */
  stop(): Promise<void>;
}

/**
 * The real local platform with its Cosmos traffic going through a killing proxy. `separateHostProcess` runs the
 * Functions host in a process of its own, which `killAt` needs (holding a request does not).
 */
export async function startPlatformBehindKillingProxy(
  options: { separateHostProcess?: boolean; env?: Record<string, string> } = {},
): Promise<PlatformBehindKillingProxy> {
  let platform: TestPlatform | undefined;
  const proxy = await startKillingProxy(() => platform!);
  try {
    platform = await startTestPlatform({
      separateHostProcess: options.separateHostProcess,
      env: { ...options.env, COSMOS_ENDPOINT: proxy.endpoint },
      // A host in a process of its own starts after the rest; on a machine loaded far past its cores (load 25 on two)
      // the whole took longer than the default 90 s. Within the suites' 180 s for their set-up.
      startTimeoutMs: 170_000,
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  proxy.forwardTo(platform.urls.cosmos);
  const started = platform;
  return {
    platform: started,
    proxy,
    stop: async () => {
      await started.stop();
      await proxy.close();
    },
  };
}
