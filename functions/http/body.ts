import type { HttpRequest } from '@azure/functions';
import { DomainError, ValidationError } from '../../core/errors';

function mediaType(request: HttpRequest): string {
  return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** Reads at most `maxBytes`, refusing early on a declared length over the cap. */
async function readCapped(request: HttpRequest, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new DomainError('payload_too_large', `The body may be at most ${maxBytes} bytes`, { maxBytes });
  }
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > maxBytes) {
    throw new DomainError('payload_too_large', `The body may be at most ${maxBytes} bytes`, { maxBytes });
  }
  return bytes;
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

export async function readBinaryBody(request: HttpRequest, contentTypes: string[], maxBytes: number): Promise<Buffer> {
  const type = mediaType(request);
  if (!contentTypes.includes(type)) {
    throw new DomainError('unsupported_media_type', `Send one of: ${contentTypes.join(', ')}`, {
      field: 'content-type',
      accepted: contentTypes,
    });
  }
  const bytes = await readCapped(request, maxBytes);
  if (bytes.length === 0) throw new ValidationError('The body is empty', [{ field: 'body', message: 'required' }]);
  return bytes;
}
