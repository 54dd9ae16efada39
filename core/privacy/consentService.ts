import { requireTenantPrincipal } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ValidationError } from '../errors';
import type { TenantCollection } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { UserRecord } from '../users/user';
import { hasAcceptedTerms, type ConsentRecord } from './consent';
import { settleOnce } from '../common/settleOnce';

export interface ConsentServiceDeps {
  users: TenantCollection<UserRecord>;
  clock: Clock;
  /** The terms version in force (configuration). */
  termsVersion: string;
}

export interface ConsentState {
  /** The version in force, which the caller must have accepted. */
  termsVersion: string;
  accepted: ConsentRecord | null;
  required: boolean;
}

/** Reading and giving consent: the caller's own, on their user record (see consent.ts). */
export class ConsentService {
  constructor(private readonly deps: ConsentServiceDeps) {}

  get termsVersion(): string {
    return this.deps.termsVersion;
  }

  async state(principal: Principal | undefined): Promise<ConsentState> {
    const user = requireTenantPrincipal(principal);
    const record = await this.deps.users.get(user.tenantId, user.userId);
    return this.stateOf(record?.consent ?? null);
  }

  /**
   * Accepts the terms in force. The version must be the one the person was shown: if the terms changed while they
   * read them, they are refused (400 on `termsVersion`) and shown the new version. Accepting again keeps the first
   * acceptance of that version.
   */
  async accept(principal: Principal | undefined, termsVersion: string): Promise<ConsentState> {
    const user = requireTenantPrincipal(principal);
    if (termsVersion !== this.deps.termsVersion) {
      throw new ValidationError('These are not the terms in force; read the current ones and accept them', [
        { field: 'termsVersion', message: `the current version is ${this.deps.termsVersion}` },
      ]);
    }
    const saved = await settleOnce(
      'User',
      () => this.deps.users.get(user.tenantId, user.userId),
      (doc, etag) => this.deps.users.replace(doc, etag),
      (doc) => hasAcceptedTerms(doc.consent, termsVersion),
      (doc) => ({ ...doc, consent: { termsVersion, acceptedAt: this.deps.clock.now().toISOString() } }),
    );
    return this.stateOf(saved.consent ?? null);
  }

  private stateOf(accepted: ConsentRecord | null): ConsentState {
    return {
      termsVersion: this.deps.termsVersion,
      accepted,
      required: !hasAcceptedTerms(accepted, this.deps.termsVersion),
    };
  }
}
