import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { classifyAddress } from '../../core/webhooks/addressPolicy';
import type {
  DeliveryErrorCode,
  DeliveryRequest,
  DeliveryResult,
  WebhookDeliverer,
} from '../../core/webhooks/delivery';
import { checkDeliveryUrl } from '../../core/webhooks/deliveryUrl';

/** Resolves a host name to every address it has; injectable so tests can simulate hostile DNS answers. */
export type HostResolver = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface SafeDeliveryRequest extends DeliveryRequest {
  resolve?: HostResolver;
}

const EXCERPT_BYTES = 1024;
const USER_AGENT = 'Khipu-Webhooks/1.0';
// The transport owns framing and routing; a caller-supplied value for these could desynchronize or redirect it.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'expect']);

class DeliveryFailure extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Resolves the host once, refuses the request if ANY answer is a forbidden address (an attacker controlling DNS could
 * otherwise mix a public and a private answer), then connects to exactly the vetted address; the pinned `lookup`
 * guarantees no second resolution, so a rebinding DNS server gets no say after the check.
 */
async function vetTarget(
  hostname: string,
  isLiteral: boolean,
  allowLoopback: boolean,
  resolve: HostResolver,
): Promise<{ address: string; family: 4 | 6 }> {
  if (isLiteral) {
    const verdict = classifyAddress(hostname, { allowLoopback });
    if (!verdict.allowed) throw new DeliveryFailure('ssrf_refused', verdict.reason);
    return { address: verdict.address, family: verdict.family };
  }
  let answers: ReadonlyArray<{ address: string; family: number }>;
  try {
    answers = await resolve(hostname);
  } catch (error) {
    throw new DeliveryFailure('network', `cannot resolve ${hostname}: ${(error as Error).message}`);
  }
  if (answers.length === 0) throw new DeliveryFailure('network', `${hostname} has no addresses`);
  const verdicts = answers.map((answer) => classifyAddress(answer.address, { allowLoopback }));
  const refused = verdicts.find((verdict) => !verdict.allowed);
  if (refused && !refused.allowed) {
    throw new DeliveryFailure('ssrf_refused', `${hostname} resolves to a forbidden address: ${refused.reason}`);
  }
  const first = verdicts[0];
  if (!first.allowed) throw new DeliveryFailure('ssrf_refused', 'unreachable'); // narrowed above; keeps types honest
  return { address: first.address, family: first.family };
}

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryFailure('timeout', message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function outgoingHeaders(request: DeliveryRequest, hostHeader: string): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(request.headers)) {
    if (!RESERVED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  headers.host = hostHeader;
  headers['content-length'] = Buffer.byteLength(request.body);
  headers.connection = 'close';
  return headers;
}

/** POSTs one webhook under the SSRF policy and the time and size caps. Never throws: failures are in the result. */
export async function deliverWebhook(request: SafeDeliveryRequest): Promise<DeliveryResult> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const target = checkDeliveryUrl(request.url, { allowLoopback: request.allowLoopback });
  if (!target.ok) return { ok: false, durationMs: elapsed(), error: { code: 'ssrf_refused', message: target.reason } };

  try {
    const connectDeadline = performance.now() + request.timeouts.connectMs;
    const vetted = await withTimeout(
      vetTarget(target.hostname, target.isIpLiteral, request.allowLoopback, request.resolve ?? systemResolver),
      request.timeouts.connectMs,
      `resolving ${target.hostname} timed out`,
    );
    const remainingConnectMs = Math.max(1, Math.round(connectDeadline - performance.now()));
    const exchange = await exchangeOnce(request, target, vetted, remainingConnectMs);
    return { ...exchange, durationMs: elapsed() };
  } catch (error) {
    const failure = error instanceof DeliveryFailure ? error : new DeliveryFailure('network', (error as Error).message);
    return { ok: false, durationMs: elapsed(), error: { code: failure.code, message: failure.message } };
  }
}

type Target = Extract<ReturnType<typeof checkDeliveryUrl>, { ok: true }>;

function exchangeOnce(
  request: DeliveryRequest,
  target: Target,
  vetted: { address: string; family: 4 | 6 },
  connectMs: number,
): Promise<Omit<DeliveryResult, 'durationMs'>> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request({
      host: vetted.address,
      family: vetted.family,
      port: target.port,
      path: target.path,
      method: 'POST',
      headers: outgoingHeaders(request, target.hostHeader),
      agent: false,
      lookup: pinnedLookup(vetted.address, vetted.family),
      // Certificates are checked against the name the tenant configured, not the IP we pinned.
      ...(target.protocol === 'https:' && !target.isIpLiteral ? { servername: target.hostname } : {}),
    });

    const settle = (outcome: Omit<DeliveryResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const fail = (code: DeliveryErrorCode, message: string, status?: number, excerpt?: string) =>
      settle({ ok: false, status, error: { code, message }, responseExcerpt: excerpt });
    const arm = (ms: number, message: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => fail('timeout', message), ms);
    };

    arm(connectMs, `connecting to ${target.hostname} timed out`);
    req.on('socket', (socket: Socket) => {
      const connectedEvent = target.protocol === 'https:' ? 'secureConnect' : 'connect';
      const onConnected = () => arm(request.timeouts.responseMs, `${target.hostname} did not respond in time`);
      if (!socket.connecting && target.protocol === 'http:') onConnected();
      else socket.once(connectedEvent, onConnected);
    });
    req.on('error', (error) => fail('network', error.message));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        const location = String(res.headers.location ?? '').slice(0, 200);
        fail('redirect', `redirects are not followed (HTTP ${status} to ${JSON.stringify(location)})`, status);
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > request.maxResponseBytes) {
        fail('too_large', `response declares ${declared} bytes, limit is ${request.maxResponseBytes}`, status);
        return;
      }
      const excerptChunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > request.maxResponseBytes) {
          fail('too_large', `response exceeds ${request.maxResponseBytes} bytes`, status);
          return;
        }
        const excerptSoFar = received - chunk.length;
        if (excerptSoFar < EXCERPT_BYTES) excerptChunks.push(chunk.subarray(0, EXCERPT_BYTES - excerptSoFar));
      });
      res.on('error', (error) => fail('network', error.message, status));
      res.on('end', () => {
        const excerpt = Buffer.concat(excerptChunks).toString('utf8');
        if (status >= 200 && status < 300) settle({ ok: true, status, responseExcerpt: excerpt });
        else fail('http_error', `receiver answered HTTP ${status}`, status, excerpt);
      });
    });
    req.end(request.body);
  });
}

export const safeHttpDeliverer: WebhookDeliverer = { deliver: (request) => deliverWebhook(request) };
