/**
 * A request without a body, handed to the programming model's streaming proxy inside this process: the host gives the
 * proxy server (`streamingProxyServer.ts`) the request line and headers it would have sent over the loopback hop, and
 * an answer object that writes straight to the client. The model reads the same fields it reads from a proxied
 * request (method, path, `x-forwarded-*`, the invocation id) and answers through the same calls (`setHeader`,
 * `statusCode`, `write`, `end`), so the function, its `HttpRequest` and its response are unchanged; what goes is the
 * second HTTP exchange (a request and an answer written, parsed and relayed on the host's one thread). Requests with a
 * body keep the hop (`httpStreaming.ts`): it streams the body with back-pressure under the host's size limit.
 */
import type * as http from 'node:http';
import { Readable } from 'node:stream';

/** True when the request carries no body: nothing to stream, so nothing the loopback hop would add. */
export function hasNoRequestBody(req: http.IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return false;
  const length = req.headers['content-length'];
  return length === undefined || Number(length) === 0;
}

/** The proxied request the model expects: method, path and headers, and an empty body. */
export function bodilessProxyRequest(
  req: http.IncomingMessage,
  url: URL,
  headers: http.IncomingHttpHeaders,
): http.IncomingMessage {
  const request = Readable.from([]) as Readable & Partial<http.IncomingMessage>;
  request.method = req.method;
  request.url = `${url.pathname}${url.search}`;
  request.headers = headers;
  request.httpVersion = req.httpVersion;
  return request as http.IncomingMessage;
}

/**
 * Where the model writes its answer: the client's response, without the proxy hop's own headers. A single-chunk
 * answer (a JSON body) goes out with its length in one write, as the relay's would not (it streamed chunked); a
 * longer one streams as it comes.
 */
export class RelayedResponse {
  #heldChunk: Buffer | undefined;
  #streaming = false;

  constructor(
    private readonly res: http.ServerResponse,
    private readonly notRelayed: ReadonlySet<string>,
    private readonly onAnswer: () => void,
  ) {}

  set statusCode(status: number) {
    this.res.statusCode = status;
  }

  get statusCode(): number {
    return this.res.statusCode;
  }

  setHeader(name: string, value: number | string | readonly string[]): this {
    if (!this.notRelayed.has(name.toLowerCase()) && !this.res.headersSent) this.res.setHeader(name, value);
    return this;
  }

  write(chunk: Uint8Array | string): boolean {
    this.onAnswer();
    const bytes =
      typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.res.destroyed) return false;
    if (!this.#streaming && this.#heldChunk === undefined) {
      this.#heldChunk = bytes;
      return true;
    }
    this.#flushHeld();
    return this.res.write(bytes);
  }

  end(): this {
    this.onAnswer();
    if (this.res.destroyed) return this;
    const held = this.#heldChunk;
    if (!this.#streaming && held !== undefined) {
      this.#heldChunk = undefined;
      if (!this.res.hasHeader('content-length')) this.res.setHeader('Content-Length', held.length);
      this.res.end(held);
    } else {
      this.res.end();
    }
    return this;
  }

  #flushHeld(): void {
    this.#streaming = true;
    const held = this.#heldChunk;
    this.#heldChunk = undefined;
    if (held !== undefined) this.res.write(held);
  }
}
