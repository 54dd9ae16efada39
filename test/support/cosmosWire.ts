/**
 * A proxy in front of the Cosmos emulator that notes every request on the wire by kind, so a test counts what the
 * store was really sent (a query, a query plan, a point read) instead of trusting the client's view of it.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CosmosWireRequest {
  method: string;
  /** The resource addressed, with ids replaced by `*` (`/dbs/*\/colls/users/docs/*`): the container stays. */
  resource: string;
  kind: 'query' | 'query-plan' | 'other';
}

export interface CosmosWire {
  /** The address to give a client (or the host's COSMOS_ENDPOINT) instead of the emulator's. */
  readonly endpoint: string;
  /** Where to forward; requests arriving before it is known wait for it. */
  forwardTo(emulatorEndpoint: string): void;
  /** The requests made while `action` ran. */
  during(action: () => Promise<void>): Promise<CosmosWireRequest[]>;
  /** Requests that match arrive but are not forwarded until `release()` (which then forwards them, and later ones). */
  hold(matches: (request: CosmosWireRequest) => boolean): { release(): void };
  /** Resolves with the first request from now on that matches. */
  arrival(matches: (request: CosmosWireRequest) => boolean): Promise<CosmosWireRequest>;
  stop(): Promise<void>;
}

function kindOf(headers: http.IncomingHttpHeaders): CosmosWireRequest['kind'] {
  if (String(headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true') return 'query-plan';
  if (String(headers['x-ms-documentdb-isquery']).toLowerCase() === 'true') return 'query';
  return 'other';
}

/** `/dbs/khipu/colls/users/docs/u-1` → `/dbs/*\/colls/users/docs/*`. */
function resourceOf(url: string): string {
  const parts = new URL(url, 'http://x').pathname.split('/').filter(Boolean);
  return `/${parts.map((part, i) => (i % 2 === 1 && parts[i - 1] !== 'colls' ? '*' : part)).join('/')}`;
}

/**
 * Listens at once, so its address can go into a platform's environment before the emulator it fronts has started;
 * `emulatorEndpoint` forwards from the start when it is already known.
 */
export async function startCosmosWire(emulatorEndpoint?: string): Promise<CosmosWire> {
  const seen: CosmosWireRequest[] = [];
  let setTarget!: (url: string) => void;
  const target = new Promise<string>((resolve) => (setTarget = resolve));
  if (emulatorEndpoint) setTarget(emulatorEndpoint);
  const agent = new http.Agent({ keepAlive: true });
  const holds: { matches: (request: CosmosWireRequest) => boolean; released: Promise<void> }[] = [];
  const waiting: { matches: (request: CosmosWireRequest) => boolean; resolve(request: CosmosWireRequest): void }[] = [];
  const server = http.createServer((req, res) => {
    const request: CosmosWireRequest = {
      method: req.method ?? '',
      resource: resourceOf(req.url ?? '/'),
      kind: kindOf(req.headers),
    };
    seen.push(request);
    for (const waiter of waiting.splice(0)) {
      if (waiter.matches(request)) waiter.resolve(request);
      else waiting.push(waiter);
    }
    const heldUntil = Promise.all(holds.filter((held) => held.matches(request)).map((held) => held.released));
    void Promise.all([target, heldUntil]).then(([base]) => {
      const forwarded = http.request(new URL(req.url ?? '/', base), {
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
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwardTo: setTarget,
    async during(action) {
      const from = seen.length;
      await action();
      return seen.slice(from);
    },
    hold(matches) {
      let release!: () => void;
      holds.push({ matches, released: new Promise<void>((resolve) => (release = resolve)) });
      return { release: () => release() };
    },
    arrival(matches) {
      return new Promise((resolve) => waiting.push({ matches, resolve }));
    },
    stop: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
