import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostApi, HostExtension } from '../host/types';
import { authorizePublish } from './auth';
import { parseCloudEventsRequest } from './cloudEvents';
import { DeliveryQueue } from './deliveryQueue';
import { validateSubscriptions } from './subscriptions';
import {
  silentLogger,
  type DeadLetterRecord,
  type DeliveryRecord,
  type EmulatorLogger,
  type LocalSubscription,
  type RetryPolicy,
} from './types';

/**
 * Local stand-in for an Event Grid topic (CloudEvents input schema) and its subscriptions. Publishers use the real
 * `EventGridPublisherClient` against `topicEndpoint`; accepted events are persisted, then delivered asynchronously to
 * webhooks and to the app's Event Grid-triggered functions (through the local Functions host).
 */

export const TOPIC_PATH = '/api/events';
/** Event Grid's request limit. */
export const MAX_PUBLISH_BYTES = 1_048_576;
/** Event Grid's own origin in the webhook handshake, so receivers written for Azure accept the emulator too. */
export const DEFAULT_WEBHOOK_ORIGIN = 'eventgrid.azure.net';
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, initialDelayMs: 1_000, maxDelayMs: 60_000 };

export interface EventGridEmulatorOptions {
  /** 0 picks an ephemeral port. */
  port: number;
  host?: string;
  /** The topic access key; also the HMAC key of SAS tokens (base64, like Azure's keys). */
  topicKey: string;
  subscriptions: LocalSubscription[];
  /** Pending deliveries and dead letters live here. */
  dataDir: string;
  logger?: EmulatorLogger;
  retry?: Partial<RetryPolicy>;
  webhookOrigin?: string;
  deliveryTimeoutMs?: number;
  concurrency?: number;
  /** Entra tokens cannot be checked offline; accept any bearer token only when asked to. */
  acceptAnyBearerToken?: boolean;
}

export interface EventGridEmulator {
  /** What `EventGridPublisherClient` is given, e.g. `http://127.0.0.1:PORT/api/events`. */
  topicEndpoint: string;
  stop(): Promise<void>;
  /**
   * Plugs into the local Functions host so function subscriptions can be delivered. Its `stop()` only detaches the
   * host (function deliveries wait, persisted); the emulator's own `stop()` ends everything.
   */
  asHostExtension(): HostExtension;
  deliveries(): DeliveryRecord[];
  deadLetters(subscription: string): Promise<DeadLetterRecord[]>;
  deadLetterFile(subscription: string): string;
  pendingCount(): number;
  /** Resolves once no delivery is pending or in flight. */
  whenIdle(): Promise<void>;
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Beyond this a refused body is not even drained: the connection is cut. */
const DRAIN_LIMIT_BYTES = 8 * MAX_PUBLISH_BYTES;

/**
 * Keeps at most `limit` bytes; undefined when the body is larger. A refused body is still drained (up to a cap), so
 * the client reads our status code instead of a reset connection.
 */
async function readBodyCapped(req: http.IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > DRAIN_LIMIT_BYTES) {
      req.destroy();
      return undefined;
    }
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

export async function startEventGridEmulator(options: EventGridEmulatorOptions): Promise<EventGridEmulator> {
  if (!options.topicKey) throw new Error('the Event Grid emulator needs a topic key');
  validateSubscriptions(options.subscriptions);
  const logger = options.logger ?? silentLogger;
  const queue = new DeliveryQueue({
    subscriptions: options.subscriptions,
    dataDir: options.dataDir,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    logger,
    webhookOrigin: options.webhookOrigin ?? DEFAULT_WEBHOOK_ORIGIN,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 30_000,
    concurrency: options.concurrency ?? 4,
  });
  await queue.restore();

  async function handlePublish(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const auth = authorizePublish(req.headers, {
      topicKey: options.topicKey,
      acceptAnyBearerToken: options.acceptAnyBearerToken ?? false,
      topicPath: TOPIC_PATH,
      now: () => new Date(),
    });
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > DRAIN_LIMIT_BYTES) {
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'RequestEntityTooLarge', `the request is over ${MAX_PUBLISH_BYTES} bytes`);
    }
    const body = await readBodyCapped(req, auth.ok ? MAX_PUBLISH_BYTES : 0);
    if (!auth.ok) return sendError(res, 401, 'Unauthorized', auth.reason);
    if (!url.searchParams.get('api-version'))
      return sendError(res, 400, 'BadRequest', 'the api-version query parameter is required');
    if (!body) return sendError(res, 413, 'RequestEntityTooLarge', `the request is over ${MAX_PUBLISH_BYTES} bytes`);
    const parsed = parseCloudEventsRequest(req.headers['content-type'], body);
    if (!parsed.ok)
      return sendError(
        res,
        parsed.status,
        parsed.status === 415 ? 'UnsupportedMediaType' : 'BadRequest',
        parsed.message,
      );
    const deliveries = await queue.enqueue(parsed.events);
    logger.info({ events: parsed.events.length, deliveries }, 'events published');
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname !== TOPIC_PATH) return sendError(res, 404, 'NotFound', 'no such topic');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'MethodNotAllowed', 'publish with POST');
    }
    handlePublish(req, res, url).catch((error: unknown) => {
      logger.error({ err: error }, 'publish failed');
      if (!res.headersSent) sendError(res, 500, 'InternalServerError', 'the event could not be accepted');
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  const listenHost = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  const topicEndpoint = `http://${urlHost}:${port}${TOPIC_PATH}`;
  logger.info(
    { topicEndpoint, subscriptions: options.subscriptions.map((s) => s.name) },
    'event grid emulator listening',
  );

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await queue.close();
    })();
    return stopping;
  };

  return {
    topicEndpoint,
    stop,
    asHostExtension: (): HostExtension => ({
      name: 'eventgrid',
      start: async (host: HostApi) => queue.attachHost(host),
      stop: async () => queue.detachHost(),
    }),
    deliveries: () => queue.deliveries(),
    deadLetters: (subscription) => queue.readDeadLetters(subscription),
    deadLetterFile: (subscription) => queue.deadLetterFile(subscription),
    pendingCount: () => queue.pendingCount(),
    whenIdle: () => queue.whenIdle(),
  };
}
