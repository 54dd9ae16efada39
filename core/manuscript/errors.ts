import { DomainError } from '../errors';

/** The upload is not a format we read (maps to 415). */
export class UnsupportedFormatError extends DomainError {
  constructor(reason: string) {
    super('unsupported_media_type', `Unsupported manuscript format: ${reason}`, { reason });
    this.name = 'UnsupportedFormatError';
  }
}

/** The format is supported but this file cannot be read: empty, corrupt, hostile or over a limit (maps to 422). */
export class UnreadableManuscriptError extends DomainError {
  constructor(public readonly reason: string) {
    super('unprocessable', `The manuscript could not be read: ${reason}`, { reason });
    this.name = 'UnreadableManuscriptError';
  }
}

/** The upload is larger than the accepted maximum (maps to 413). */
export class ManuscriptTooLargeError extends DomainError {
  constructor(
    public readonly sizeBytes: number,
    public readonly maxBytes: number,
  ) {
    super('payload_too_large', `The manuscript is ${sizeBytes} bytes; the limit is ${maxBytes} bytes`, {
      sizeBytes,
      maxBytes,
    });
    this.name = 'ManuscriptTooLargeError';
  }
}
