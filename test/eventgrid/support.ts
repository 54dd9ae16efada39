import * as http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { HostApi, InvocationInput, InvocationOutput, RegisteredFunction } from '../../local/host/types';

/** Test doubles for the emulator's peers: a webhook receiver speaking the CloudEvents webhook spec and a HostApi. */

export interface ReceivedRequest {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiverBehaviour {
  /** `allow` echoes the origin, `wildcard` answers `*`, `refuse` answers 403, `wrong-origin` names another origin. */
  handshake: 'allow' | 'wildcard' | 'refuse' | 'wrong-origin';
  /** The first N event POSTs get a 500. */
  failFirstPosts?: number;
  /** Every POST gets this status (overrides failFirstPosts). */
  alwaysStatus?: number;
  /** Event POSTs get no answer until `release()`. */
  holdPosts?: boolean;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  posts(): ReceivedRequest[];
  handshakes(): ReceivedRequest[];
  /** Answers held POSTs with 200 and stops holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(behaviour: WebhookReceiverBehaviour): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let postsSeen = 0;
  const held: http.ServerResponse[] = [];
  let holding = behaviour.holdPosts ?? false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.method === 'OPTIONS') {
        const origin = String(req.headers['webhook-request-origin'] ?? '');
        if (behaviour.handshake === 'refuse') return res.writeHead(403).end();
        const allowed = { allow: origin, wildcard: '*', 'wrong-origin': 'someone-else.example' }[behaviour.handshake];
        return res.writeHead(200, { 'WebHook-Allowed-Origin': allowed }).end();
      }
      postsSeen += 1;
      if (holding) return void held.push(res);
      if (behaviour.alwaysStatus !== undefined) return res.writeHead(behaviour.alwaysStatus).end();
      if (postsSeen <= (behaviour.failFirstPosts ?? 0)) return res.writeHead(500).end();
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/events`,
    requests,
    posts: () => requests.filter((r) => r.method === 'POST'),
    handshakes: () => requests.filter((r) => r.method === 'OPTIONS'),
    release: () => {
      holding = false;
      for (const res of held.splice(0)) res.writeHead(200).end();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function registered(name: string, triggerType: string): RegisteredFunction {
  const trigger = {
    name: triggerType === 'eventGridTrigger' ? 'event' : 'request',
    type: triggerType,
    direction: 'in' as const,
    properties: {},
  };
  return { name, trigger, bindings: [trigger] };
}

export interface FakeHost extends HostApi {
  invocations: Array<{ functionName: string; input: InvocationInput; event: unknown }>;
  failNext(count: number): void;
}

/** Implements the host contract the way the real host does for our purposes: it lists functions and invokes them. */
export function createFakeHost(eventGridFunctionNames: string[]): FakeHost {
  const functions = [
    ...eventGridFunctionNames.map((name) => registered(name, 'eventGridTrigger')),
    registered('httpApi', 'httpTrigger'),
  ];
  const invocations: FakeHost['invocations'] = [];
  let failuresLeft = 0;
  return {
    invocations,
    failNext: (count) => {
      failuresLeft = count;
    },
    functions: () => functions,
    invoke: async (functionName: string, input: InvocationInput): Promise<InvocationOutput> => {
      if (!functions.some((fn) => fn.name === functionName)) throw new Error(`no function ${functionName}`);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('handler threw');
      }
      invocations.push({ functionName, input, event: JSON.parse(String(input.trigger.json)) });
      return { returnValue: undefined, outputs: {} };
    },
    baseUrl: () => 'http://127.0.0.1:0',
    hostJson: () => ({}),
  };
}

export async function makeTempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'khipu-eventgrid-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Emulator topic keys are base64 like Azure's, since SAS tokens are HMACs over the decoded key. */
export const TEST_TOPIC_KEY = Buffer.from('local-test-topic-key-0123456789abcdef').toString('base64');
