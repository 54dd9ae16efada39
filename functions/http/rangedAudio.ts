import { contentRange, parseByteRange } from '../../core/listening/byteRange';
import { NotFoundError } from '../../core/errors';
import type { BlobStore } from '../../core/ports/blobs';
import type { Reply } from './catalog';

/**
 * Streams a stored audio blob with HTTP Range support, so a media element can seek without downloading the file:
 * 200 with the whole body, 206 with the one range asked for, 416 for a range past the end.
 */
export async function rangedAudio(
  blobs: BlobStore,
  blobName: string,
  contentType: string,
  request: { rangeHeader: string | null; requestId: string },
  what: string,
): Promise<Reply> {
  const { rangeHeader, requestId } = request;
  const headers = {
    'content-type': contentType,
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=300',
    'x-content-type-options': 'nosniff',
  };
  if (!rangeHeader) {
    const whole = await blobs.openRead(blobName);
    if (!whole) throw new NotFoundError(what);
    return {
      status: 200,
      stream: whole.stream,
      headers: { ...headers, 'content-length': String(whole.contentLength) },
    };
  }
  // The size decides what the range means (a suffix, a start past the end): one byte tells it.
  const probe = await blobs.openRead(blobName, { start: 0, end: 0 });
  if (!probe) throw new NotFoundError(what);
  probe.stream.resume();
  const size = probe.totalBytes;
  const range = parseByteRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...headers, 'content-type': 'application/json', 'content-range': `bytes */${size}` },
      json: {
        error: { code: 'range_not_satisfiable', message: `The range is outside the ${size} bytes of audio`, requestId },
      },
    };
  }
  const opened = await blobs.openRead(blobName, range ?? undefined);
  if (!opened) throw new NotFoundError(what);
  return {
    status: range ? 206 : 200,
    stream: opened.stream,
    headers: {
      ...headers,
      'content-length': String(opened.contentLength),
      ...(range ? { 'content-range': contentRange(range, size) } : {}),
    },
  };
}
