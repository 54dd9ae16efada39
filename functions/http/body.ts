import type { HttpRequest } from '@azure/functions';
import { Readable } from 'node:stream';
import { DomainError, RateLimitedError, ValidationError } from '../../core/errors';
import type { IncomingFile } from '../../core/ports/uploads';

/**
 * Request bodies are read from the request's stream (the app runs with HTTP streaming on, so neither the Functions
 * host nor the local host buffers them first), only after authentication, and never past the endpoint's limit.
 * Reading stops at the limit without cancelling the stream: cancelling would close the connection the response
 * still has to travel on.
 */

/** The first bytes of an upload handed over with it, for format checks that answer before anything is stored. */
export const UPLOAD_HEAD_BYTES = 64 * 1024;
/**
 * Upload bytes one worker instance accepts at once, as a multiple of the largest single upload: a few full-size
 * uploads stream side by side, more wait for a 429 with Retry-After instead of piling up on the instance.
 */
export const IN_FLIGHT_UPLOADS = 6;
const UPLOAD_RETRY_AFTER_SECONDS = 5;

let inFlightUploadBytes = 0;

function mediaType(request: HttpRequest): string {
  return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError('payload_too_large', `The body may be at most ${maxBytes} bytes`, { maxBytes });
}

function declaredLength(request: HttpRequest): number | undefined {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  return Number.isFinite(declared) && declared >= 0 ? declared : undefined;
}

/** The body's chunks as they arrive; leaving the loop early leaves the rest unread (not cancelled). */
function bodyChunks(request: HttpRequest): AsyncIterator<Uint8Array> | undefined {
  const body = request.body as ReadableStream<Uint8Array> | null;
  return body?.values({ preventCancel: true });
}

/** Reads at most `maxBytes`, refusing before reading on a declared length over the cap. */
async function readCapped(request: HttpRequest, maxBytes: number): Promise<Buffer> {
  if ((declaredLength(request) ?? 0) > maxBytes) throw tooLarge(maxBytes);
  const chunks = bodyChunks(request);
  if (!chunks) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let received = 0;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    received += next.value.byteLength;
    if (received > maxBytes) throw tooLarge(maxBytes);
    parts.push(next.value);
  }
  return Buffer.concat(parts, received);
}

export async function readJsonBody(request: HttpRequest, maxBytes: number): Promise<unknown> {
  const type = mediaType(request);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new DomainError('unsupported_media_type', 'Send the body as application/json', { field: 'content-type' });
  }
  const bytes = await readCapped(request, maxBytes);
  if (bytes.length === 0) throw new ValidationError('The body is empty', [{ field: 'body', message: 'required' }]);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ValidationError('The body is not valid JSON', [{ field: 'body', message: 'malformed JSON' }]);
  }
}

function assertContentType(request: HttpRequest, contentTypes: string[]): string {
  const type = mediaType(request);
  if (!contentTypes.includes(type)) {
    throw new DomainError('unsupported_media_type', `Send one of: ${contentTypes.join(', ')}`, {
      field: 'content-type',
      accepted: contentTypes,
    });
  }
  return type;
}

/** A small binary body (e.g. a pronunciation lexicon), read whole. */
export async function readBinaryBody(request: HttpRequest, contentTypes: string[], maxBytes: number): Promise<Buffer> {
  assertContentType(request, contentTypes);
  const bytes = await readCapped(request, maxBytes);
  if (bytes.length === 0) throw new ValidationError('The body is empty', [{ field: 'body', message: 'required' }]);
  return bytes;
}

/** An upload being received; `release()` gives its share of the in-flight budget back (idempotent). */
export interface IncomingUpload extends IncomingFile {
  release(): void;
}

/**
 * Opens a large upload without reading it: checks the media type and the declared size and reserves the upload's
 * bytes in the instance's in-flight budget (429 with Retry-After when full). The body is read only when the service
 * asks (`head()`, `open()`), and fails with `payload_too_large` past `maxBytes`.
 */
export function openUpload(request: HttpRequest, contentTypes: string[], maxBytes: number): IncomingUpload {
  const contentType = assertContentType(request, contentTypes);
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
  // Without a declared length the upload may use the endpoint's whole allowance.
  const reserved = declared ?? maxBytes;
  if (inFlightUploadBytes + reserved > IN_FLIGHT_UPLOADS * maxBytes) {
    const error = new RateLimitedError(UPLOAD_RETRY_AFTER_SECONDS);
    error.message = `Too many uploads are in progress; retry after ${UPLOAD_RETRY_AFTER_SECONDS} s`;
    throw error;
  }
  inFlightUploadBytes += reserved;
  let released = false;
  const chunks = bodyChunks(request);
  const headChunks: Uint8Array[] = [];
  let received = 0;
  let ended = !chunks;
  let head: Promise<Buffer> | undefined;
  let opened = false;

  const next = async (): Promise<Uint8Array | undefined> => {
    if (ended || !chunks) return undefined;
    const chunk = await chunks.next();
    if (chunk.done) {
      ended = true;
      return undefined;
    }
    received += chunk.value.byteLength;
    if (received > maxBytes) throw tooLarge(maxBytes);
    return chunk.value;
  };
  const readHead = async (): Promise<Buffer> => {
    while (received < UPLOAD_HEAD_BYTES) {
      const chunk = await next();
      if (!chunk) break;
      headChunks.push(chunk);
    }
    if (received === 0) throw new ValidationError('The body is empty', [{ field: 'body', message: 'required' }]);
    return Buffer.concat(headChunks, received).subarray(0, UPLOAD_HEAD_BYTES);
  };
  async function* wholeBody(): AsyncGenerator<Buffer> {
    await (head ??= readHead());
    for (const chunk of headChunks.splice(0)) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let chunk = await next(); chunk; chunk = await next()) {
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  return {
    contentType,
    head: () => (head ??= readHead()),
    open() {
      if (opened) throw new Error('An upload can be opened only once');
      opened = true;
      return Readable.from(wholeBody(), { objectMode: false });
    },
    release() {
      if (released) return;
      released = true;
      inFlightUploadBytes -= reserved;
    },
  };
}
