/**
 * A local stand-in for Azure AI Speech that the REAL `microsoft-cognitiveservices-speech-sdk` can synthesize against:
 * the TTS websocket protocol (`speech.config`, `synthesis.context`, `ssml` in; `turn.start`, `response`, binary
 * `audio`, `turn.end` out), `GET /cognitiveservices/voices/list` and `POST /sts/v1.0/issueToken`.
 * Audio is a deterministic tone whose length follows the text. Tests can script throttling (close 4429 or 1007, or an
 * HTTP 429 on the upgrade with Retry-After), permanent failures and hangs, or let it throttle whatever exceeds a
 * concurrency capacity, and read what it received.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { acceptWebSocket, type ServerWebSocket } from '../speech/fake/minimalWebSocket';
import { type AzureVoiceListEntry, defaultFakeVoices } from '../speech/fake/fakeVoices';
import {
  audioMessage,
  parseTextMessage,
  readOutputFormat,
  sampleRateOf,
  textMessage,
  tonePcm,
} from '../speech/fake/speechWireFormat';

export type FakeSpeechBehavior =
  | 'ok'
  /** Websocket close 4429 "Too many requests" (optionally with a Retry-After hint in the reason). */
  | 'throttle-4429'
  /** Websocket close 1007 "Too many requests": the SDK reports it as BadRequestParameters. */
  | 'throttle-1007'
  /** The upgrade is refused with HTTP 429 and a Retry-After header. */
  | 'throttle-http-429'
  | 'invalid-ssml'
  | 'voice-not-found'
  | 'unauthorized'
  /** Accepts the request and never answers. */
  | 'hang';

export interface FakeSpeechServiceOptions {
  key?: string;
  voices?: readonly AzureVoiceListEntry[];
  /** Time the fake spends per request before finishing the turn (spread over the audio chunks). */
  latencyMs?: number;
  /** Seconds advertised by throttles (HTTP header, or a hint in the close reason); none when undefined. */
  retryAfterSeconds?: number;
}

export interface FakeSpeechStats {
  connections: number;
  rejectedUpgrades: number;
  requests: number;
  completed: number;
  throttled: number;
  failed: number;
  hung: number;
  active: number;
  peakActive: number;
  voiceListRequests: number;
}

export interface FakeSpeechService {
  /** `http://127.0.0.1:PORT` (voices list, token endpoint). */
  readonly httpUrl: string;
  /** Pass to `SpeechConfig.fromEndpoint` (the path avoids the SDK's redirect probe against port 443). */
  readonly websocketUrl: string;
  readonly key: string;
  /** Every SSML document received, in arrival order. */
  readonly ssml: string[];
  /** Authorization / key header values seen on upgrades and REST calls. */
  readonly authorizations: string[];
  /** Output formats requested in `synthesis.context`, e.g. `raw-24khz-16bit-mono-pcm`. */
  readonly outputFormats: string[];
  stats(): FakeSpeechStats;
  /** The next `count` requests get `behavior`; scripted behaviors run before the capacity rule. */
  script(behavior: FakeSpeechBehavior, count?: number): void;
  /** Throttle (close 4429) any request arriving while `capacity` are in progress; `undefined` turns it off. */
  setCapacity(capacity: number | undefined): void;
  /** Changes the per-request latency for requests that start from now on. */
  setLatency(latencyMs: number): void;
  /** Changes the Retry-After that throttles advertise; `undefined` sends none. */
  setRetryAfter(seconds: number | undefined): void;
  /** Every request whose SSML contains `text` gets `behavior` (before scripts and capacity); `undefined` clears it. */
  failWhen(text: string | undefined, behavior?: FakeSpeechBehavior): void;
  acceptToken(token: string): void;
  close(): Promise<void>;
}

const WEBSOCKET_PATHS = new Set(['/cognitiveservices/websocket/v1', '/tts/cognitiveservices/websocket/v1']);

export async function startFakeSpeechService(options: FakeSpeechServiceOptions = {}): Promise<FakeSpeechService> {
  const key = options.key ?? 'fake-speech-key';
  const voices = options.voices ?? defaultFakeVoices;
  const voiceNames = new Set(voices.map((v) => v.ShortName.toLowerCase()));
  let latencyMs = options.latencyMs ?? 20;
  let retryAfterSeconds = options.retryAfterSeconds;
  let failure: { text: string; behavior: FakeSpeechBehavior } | undefined;
  const tokens = new Set<string>();
  const queue: FakeSpeechBehavior[] = [];
  let capacity: number | undefined;
  const sockets = new Set<Duplex>();
  const openWebSockets = new Set<ServerWebSocket>();
  const timers = new Set<NodeJS.Timeout>();
  const counters: FakeSpeechStats = {
    connections: 0,
    rejectedUpgrades: 0,
    requests: 0,
    completed: 0,
    throttled: 0,
    failed: 0,
    hung: 0,
    active: 0,
    peakActive: 0,
    voiceListRequests: 0,
  };
  const ssml: string[] = [];
  const authorizations: string[] = [];
  const outputFormats: string[] = [];

  const retryHint = () => (retryAfterSeconds === undefined ? '' : ` Retry-After: ${retryAfterSeconds}`);

  function authorized(request: IncomingMessage): boolean {
    const subscriptionKey = request.headers['ocp-apim-subscription-key'];
    const authorization = request.headers.authorization;
    if (typeof subscriptionKey === 'string') authorizations.push(`key:${subscriptionKey}`);
    if (typeof authorization === 'string') authorizations.push(authorization);
    if (subscriptionKey === key) return true;
    const bearer = typeof authorization === 'string' ? /^Bearer\s+(.+)$/i.exec(authorization)?.[1] : undefined;
    return bearer !== undefined && tokens.has(bearer);
  }

  const server = createServer((request, response) => handleHttp(request, response));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function handleHttp(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (request.method === 'GET' && url.pathname === '/cognitiveservices/voices/list') {
      counters.voiceListRequests++;
      if (!authorized(request)) return void response.writeHead(401).end();
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(voices));
      return;
    }
    if (request.method === 'POST' && url.pathname === '/sts/v1.0/issueToken') {
      if (request.headers['ocp-apim-subscription-key'] !== key) return void response.writeHead(401).end();
      const token = randomBytes(16).toString('hex');
      tokens.add(token);
      response.writeHead(200, { 'content-type': 'text/plain' }).end(token);
      return;
    }
    response.writeHead(404).end();
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (!WEBSOCKET_PATHS.has(url.pathname)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!authorized(request)) {
      counters.rejectedUpgrades++;
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (queue[0] === 'throttle-http-429') {
      queue.shift();
      counters.rejectedUpgrades++;
      counters.throttled++;
      const retryAfter = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
      socket.end(`HTTP/1.1 429 Too Many Requests\r\n${retryAfter}Connection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const webSocket = acceptWebSocket(request, socket, head);
    if (!webSocket) return;
    counters.connections++;
    openWebSockets.add(webSocket);
    webSocket.onClose(() => openWebSockets.delete(webSocket));
    let outputFormat = 'raw-24khz-16bit-mono-pcm';
    webSocket.onText((text) => {
      const message = parseTextMessage(text);
      const path = message.headers.path?.toLowerCase();
      if (path === 'synthesis.context') {
        outputFormat = readOutputFormat(message.body) ?? outputFormat;
        outputFormats.push(outputFormat);
      } else if (path === 'ssml') {
        serveRequest(webSocket, message.headers['x-requestid'] ?? '', message.body, outputFormat);
      }
    });
  });

  function serveRequest(webSocket: ServerWebSocket, requestId: string, document: string, outputFormat: string): void {
    counters.requests++;
    ssml.push(document);
    let behavior: FakeSpeechBehavior =
      failure && document.includes(failure.text) ? failure.behavior : (queue.shift() ?? 'ok');
    if (behavior === 'throttle-http-429') behavior = 'throttle-4429';
    if (behavior === 'ok' && capacity !== undefined && counters.active >= capacity) behavior = 'throttle-4429';
    if (behavior === 'ok') behavior = validate(document);
    switch (behavior) {
      case 'throttle-4429':
        counters.throttled++;
        return webSocket.close(4429, `Too many requests.${retryHint()}`);
      case 'throttle-1007':
        counters.throttled++;
        return webSocket.close(1007, `Too many requests.${retryHint()}`);
      case 'invalid-ssml':
        counters.failed++;
        return webSocket.close(1007, 'Ssml is invalid: the document could not be parsed.');
      case 'voice-not-found':
        counters.failed++;
        return webSocket.close(1007, 'Unsupported voice: the voice name was not found.');
      case 'unauthorized':
        counters.failed++;
        return webSocket.close(4401, 'Authentication failed.');
      case 'hang':
        counters.hung++;
        return;
      default:
        return streamTone(webSocket, requestId, document, outputFormat);
    }
  }

  function validate(document: string): FakeSpeechBehavior {
    const trimmed = document.trim();
    if (!/^(<\?xml[^>]*\?>\s*)?<speak\b[^>]*>/.test(trimmed) || !/<\/speak>$/.test(trimmed)) return 'invalid-ssml';
    for (const match of trimmed.matchAll(/<voice\b[^>]*\bname\s*=\s*["']([^"']+)["']/g)) {
      if (!voiceNames.has(match[1]!.toLowerCase())) return 'voice-not-found';
    }
    return 'ok';
  }

  function streamTone(webSocket: ServerWebSocket, requestId: string, document: string, outputFormat: string): void {
    counters.active++;
    counters.peakActive = Math.max(counters.peakActive, counters.active);
    const streamId = randomBytes(16).toString('hex').toUpperCase();
    const serviceTag = randomBytes(8).toString('hex');
    webSocket.sendText(textMessage('turn.start', requestId, { context: { serviceTag } }));
    webSocket.sendText(
      textMessage('response', requestId, { context: { serviceTag }, audio: { type: 'inline', streamId } }),
    );
    const pcm = tonePcm(document, sampleRateOf(outputFormat));
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < pcm.length; offset += 9600) chunks.push(pcm.subarray(offset, offset + 9600));
    const step = Math.max(1, Math.floor(latencyMs / Math.max(1, chunks.length)));
    const finish = () => {
      counters.active--;
      if (!webSocket.isOpen) return;
      webSocket.sendText(textMessage('turn.end', requestId, {}));
      counters.completed++;
    };
    const sendNext = (index: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!webSocket.isOpen) return void counters.active--;
        if (index >= chunks.length) return finish();
        webSocket.sendBinary(audioMessage(requestId, streamId, chunks[index]!));
        sendNext(index + 1);
      }, step);
      timers.add(timer);
    };
    sendNext(0);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    httpUrl: `http://127.0.0.1:${port}`,
    websocketUrl: `ws://127.0.0.1:${port}/cognitiveservices/websocket/v1`,
    key,
    ssml,
    authorizations,
    outputFormats,
    stats: () => ({ ...counters }),
    script(behavior, count = 1) {
      for (let i = 0; i < count; i++) queue.push(behavior);
    },
    setCapacity(value) {
      capacity = value;
    },
    setLatency(value) {
      latencyMs = Math.max(0, value);
    },
    setRetryAfter(seconds) {
      retryAfterSeconds = seconds;
    },
    failWhen(text, behavior = 'voice-not-found') {
      failure = text === undefined ? undefined : { text, behavior };
    },
    acceptToken(token) {
      tokens.add(token);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const webSocket of openWebSockets) webSocket.close(1001, 'server shutting down');
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
