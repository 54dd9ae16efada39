import { DomainError } from '../errors';

/**
 * An update names the version it was made from (the ETag the caller read, sent as If-Match); without one nothing is
 * changed (428). Services ask once they have found the object for the caller, so another tenant's object still
 * answers 404 and a forbidden edit 403, whatever the headers.
 */
export function requireVersion(ifMatch: string | undefined, edited: string): string {
  if (!ifMatch) {
    throw new DomainError('precondition_required', `Send If-Match with the ETag of the ${edited} you edited`, {
      field: 'If-Match',
    });
  }
  return ifMatch;
}
