/**
 * Consent: which version of the terms of service and privacy notice a person accepted, and when. Nobody uses the
 * platform before accepting the version in force; when the terms change (a new version is configured), everyone
 * accepts again on their next visit. Reading who you are, reading and giving consent, and exporting your own data
 * work without it (see docs/privacy.md).
 */
import { DomainError } from '../errors';

export interface ConsentRecord {
  /** The terms version accepted, as configured when it was accepted. */
  termsVersion: string;
  acceptedAt: string;
}

/** The version in force when the deployment configures none (TERMS_VERSION). */
export const DEFAULT_TERMS_VERSION = '2026-12';

/** What a terms version may look like (a date or a release number): it is shown to people and stored. */
export const TERMS_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export function hasAcceptedTerms(consent: ConsentRecord | null | undefined, termsVersion: string): boolean {
  return consent?.termsVersion === termsVersion;
}

/** 403 `consent_required`: the caller must accept the terms in force before anything else. */
export class ConsentRequiredError extends DomainError {
  constructor(termsVersion: string) {
    super(
      'consent_required',
      `Accept the terms of service and privacy notice (version ${termsVersion}) before using Khipu Cloud`,
      { termsVersion },
    );
  }
}

export function assertTermsAccepted(consent: ConsentRecord | null | undefined, termsVersion: string): void {
  if (!hasAcceptedTerms(consent, termsVersion)) throw new ConsentRequiredError(termsVersion);
}
