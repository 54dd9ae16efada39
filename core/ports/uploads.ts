import type { Readable } from 'node:stream';

/**
 * A file arriving in a request, not read yet: nothing of it is read before the service has checked who may send it,
 * and the server never holds a whole upload in memory. Its stream fails with a DomainError (`payload_too_large`) if
 * the sender goes past the endpoint's limit.
 */
export interface IncomingFile {
  /** The declared media type, already checked against what the endpoint accepts. */
  contentType: string;
  /**
   * Reads the first bytes (up to 64 KiB; fewer when the file is shorter) for checks made before storing anything;
   * they remain part of `open()`. Fails with a ValidationError when the file is empty.
   */
  head(): Promise<Buffer>;
  /** The whole file from its first byte. Once only. */
  open(): Readable;
}

/** A file kept on local disk for the length of one request, e.g. an image the decoder reads more than once. */
export interface StagedFile {
  bytes: number;
  /** A new stream over the whole file, from the start. */
  open(): Readable;
}
