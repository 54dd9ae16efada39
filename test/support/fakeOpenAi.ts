/**
 * A local stand-in for Azure OpenAI chat completions, speaking the real REST wire protocol
 * (POST /openai/deployments/{deployment}/chat/completions?api-version=…, `api-key` or bearer auth, chat.completion
 * JSON with usage). Scriptable: queued faults (429 with retry-after, 500s, invalid content) are served before the
 * responder, which by default computes a deterministic, schema-valid answer from the request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatRequestRecord {
  deployment: string;
  apiVersion: string | null;
  headers: http.IncomingHttpHeaders;
  body: {
    model?: string;
    temperature?: number;
    messages: ChatMessage[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  };
}

export interface FakeReply {
  content: string;
  finishReason?: string;
}

/** A scripted answer: an HTTP error status (with headers), or a 200 whose content the test chooses. */
export type FakeFault = { status: number; headers?: Record<string, string>; message?: string } | FakeReply;

export type Responder = (request: ChatRequestRecord) => FakeReply;

export interface ServedResponse {
  status: number;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export const FAKE_MODEL = 'gpt-4o-mini-2024-07-18';
const MAX_BODY = 20 * 1024 * 1024;

export class FakeOpenAi {
  readonly requests: ChatRequestRecord[] = [];
  readonly served: ServedResponse[] = [];
  responder: Responder = defaultResponder;
  private readonly faults: FakeFault[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly apiKey: string,
  ) {}

  static async start(options: { apiKey?: string } = {}): Promise<FakeOpenAi> {
    const server = http.createServer();
    const fake = new FakeOpenAi(server, options.apiKey ?? 'test-key');
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues answers served, in order, before the responder is consulted again. */
  script(...faults: FakeFault[]): void {
    this.faults.push(...faults);
  }

  /** Sum of the usage reported in successful responses: what a client must account for. */
  reportedUsage(): { promptTokens: number; completionTokens: number; calls: number } {
    const ok = this.served.filter((response) => response.usage);
    return {
      promptTokens: ok.reduce((sum, response) => sum + response.usage!.prompt_tokens, 0),
      completionTokens: ok.reduce((sum, response) => sum + response.usage!.completion_tokens, 0),
      calls: ok.length,
    };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
    if (req.method !== 'POST' || !route) return this.error(res, 404, 'NotFound', 'Resource not found');
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (req.headers['api-key'] !== this.apiKey && bearer !== this.apiKey)
      return this.error(res, 401, '401', 'Access denied due to invalid subscription key or wrong API endpoint.');
    if (!url.searchParams.get('api-version')) return this.error(res, 404, 'NotFound', 'api-version is required');
    let body: ChatRequestRecord['body'];
    try {
      body = JSON.parse(await readBody(req)) as ChatRequestRecord['body'];
    } catch {
      return this.error(res, 400, 'BadRequest', 'Invalid JSON body');
    }
    const request: ChatRequestRecord = {
      deployment: decodeURIComponent(route[1]),
      apiVersion: url.searchParams.get('api-version'),
      headers: req.headers,
      body,
    };
    this.requests.push(request);
    const fault = this.faults.shift();
    if (fault && 'status' in fault)
      return this.error(res, fault.status, String(fault.status), fault.message, fault.headers);
    const reply = fault ?? this.responder(request);
    const promptChars = body.messages.reduce((sum, message) => sum + message.content.length, 0);
    const usage = {
      prompt_tokens: Math.ceil(promptChars / 4),
      completion_tokens: Math.ceil(reply.content.length / 4),
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    this.served.push({ status: 200, usage });
    res.writeHead(200, { 'content-type': 'application/json', 'apim-request-id': `req-${this.requests.length}` });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: FAKE_MODEL,
        system_fingerprint: 'fp_fake',
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
        choices: [
          {
            index: 0,
            finish_reason: reply.finishReason ?? 'stop',
            logprobs: null,
            message: { role: 'assistant', content: reply.content, refusal: null },
            content_filter_results: {},
          },
        ],
        usage,
      }),
    );
  }

  private error(
    res: http.ServerResponse,
    status: number,
    code: string,
    message = 'error',
    headers: Record<string, string> = {},
  ): void {
    this.served.push({ status });
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { code, message } }));
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The text between `<<<LABEL tag>>>` and `<<<END LABEL tag>>>` in the user message. */
export function delimitedContent(request: ChatRequestRecord, label: string): string {
  const user = request.body.messages.find((message) => message.role === 'user')?.content ?? '';
  const match = new RegExp(`<<<${label} (\\w+)>>>\\n([\\s\\S]*)\\n<<<END ${label} \\1>>>`).exec(user);
  return match?.[2] ?? '';
}

function schemaName(request: ChatRequestRecord): string | undefined {
  return request.body.response_format?.json_schema?.name;
}

export function defaultResponder(request: ChatRequestRecord): FakeReply {
  if (schemaName(request) === 'book_characters') return { content: JSON.stringify(charactersFromText(request)) };
  if (schemaName(request) === 'speaker_labels') return { content: JSON.stringify(labelsFromSegments(request)) };
  return { content: '{}' };
}

const TITLES: Record<string, 'female' | 'male'> = {
  'Mr.': 'male',
  'Mrs.': 'female',
  Miss: 'female',
  Lady: 'female',
  Sir: 'male',
};
const ATTRIBUTED = /\b(?:said|replied|cried)\s+((?:Mr\.|Mrs\.|Miss|Lady|Sir)\s+)?([A-Z][a-z]+)/g;

/** Speakers named in "said X" attributions of the manuscript chunk, like a (very literal) model would list them. */
function charactersFromText(request: ChatRequestRecord): unknown {
  const text = delimitedContent(request, 'MANUSCRIPT');
  const counts = new Map<string, { gender: 'female' | 'male' | 'unknown'; lines: number }>();
  for (const match of text.matchAll(ATTRIBUTED)) {
    const title = match[1]?.trim();
    const name = title ? `${title} ${match[2]}` : match[2];
    const entry = counts.get(name) ?? { gender: title ? TITLES[title] : 'unknown', lines: 0 };
    entry.lines++;
    counts.set(name, entry);
  }
  return {
    characters: [...counts.entries()].map(([name, { gender, lines }]) => ({
      name,
      aliases: [],
      gender,
      ageBand: 'adult',
      description: `Speaks ${lines} times.`,
      traits: [],
      speakingStyle: 'conversational',
      importance: lines > 5 ? 'main' : 'minor',
      dialogueLines: lines,
    })),
  };
}

interface SegmentLine {
  ref: string;
  kind: string;
  label: boolean;
  text: string;
}

/** Labels each requested segment with the character named in the narration after (or before) it, else the first. */
function labelsFromSegments(request: ChatRequestRecord): unknown {
  const user = request.body.messages.find((message) => message.role === 'user')?.content ?? '';
  const characters = JSON.parse(/^Characters: (.*)$/m.exec(user)?.[1] ?? '[]') as { ref: string; name: string }[];
  const lines = delimitedContent(request, 'SEGMENTS')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as SegmentLine);
  const labels = lines.flatMap((line, position) => {
    if (!line.label) return [];
    const nameIn = (neighbour: SegmentLine | undefined) =>
      neighbour?.kind === 'narration' ? characters.find((c) => neighbour.text.includes(c.name)) : undefined;
    const named = nameIn(lines[position + 1]) ?? nameIn(lines[position - 1]);
    const speaker = named ?? characters[0];
    return [{ segment: line.ref, speaker: speaker?.ref ?? 'unknown', confidence: named ? 0.9 : 0.4 }];
  });
  return { labels };
}
