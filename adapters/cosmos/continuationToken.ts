import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../core/errors';

/**
 * Continuation tokens handed to clients are sealed: Cosmos' own token wrapped with a fingerprint of the listing it
 * continues (container, partition, query and parameters, so the tenant too). A token that is not one we issued for
 * this very listing is refused with 400 naming the field, before Cosmos sees it: forged, truncated or foreign tokens
 * can neither reach the SDK's parser (which fails on them with errors that are not the client's fault to read) nor
 * continue another tenant's or another filter's listing.
 */
const VERSION = 1;
const FIELD = 'continuationToken';
const SEALED_PATTERN = /^[A-Za-z0-9_-]{1,4096}$/;

const Sealed = z.strictObject({ v: z.literal(VERSION), s: z.string().length(32), c: z.string().min(1).max(4096) });

export interface ListingScope {
  container: string;
  partitionKey: unknown;
  query: unknown;
}

export function sealContinuationToken(cosmosToken: string, scope: ListingScope): string {
  return Buffer.from(JSON.stringify({ v: VERSION, s: fingerprint(scope), c: cosmosToken })).toString('base64url');
}

/** Cosmos' token inside a sealed one, or a ValidationError (400) with the field named. */
export function openContinuationToken(token: string, scope: ListingScope): string {
  if (!SEALED_PATTERN.test(token)) throw invalid('is not a continuation token this API issued');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a continuation token this API issued');
  }
  const sealed = Sealed.safeParse(parsed);
  if (!sealed.success) throw invalid('is not a continuation token this API issued');
  if (sealed.data.s !== fingerprint(scope)) throw invalid('belongs to another listing (filters, order or tenant)');
  return sealed.data.c;
}

/** For a token that passed the seal but that Cosmos still rejected (tampered inside). */
export function rejectedContinuationToken(): ValidationError {
  return invalid('could not be used to continue this listing');
}

function fingerprint(scope: ListingScope): string {
  return createHash('sha256')
    .update(JSON.stringify([scope.container, scope.partitionKey ?? null, scope.query]))
    .digest('base64url')
    .slice(0, 32);
}

function invalid(why: string): ValidationError {
  return new ValidationError(`Invalid ${FIELD}: it ${why}; start again without it`, [{ field: FIELD, message: why }]);
}
