import type { Readable } from 'node:stream';

/**
 * A file arriving in a request, not read yet: the server never holds a whole upload in memory. The stream fails
 * with a DomainError (`payload_too_large`) if the sender goes past the endpoint's limit.
 */
export interface IncomingFile {
  /** The declared media type, already checked against what the endpoint accepts. */
  contentType: string;
  /** The first bytes (up to 64 KiB; fewer when the file is shorter, never none), for checks made before storing. */
  head: Buffer;
  /** The whole file, head included, from the start. */
  stream: Readable;
}

/** A file kept on local disk for the length of one request, e.g. an image the decoder reads more than once. */
export interface StagedFile {
  bytes: number;
  /** A new stream over the whole file, from the start. */
  open(): Readable;
}
