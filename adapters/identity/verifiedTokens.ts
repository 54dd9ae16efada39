/**
 * Tokens already verified, with what they said, so a caller's next requests skip the signature check (an RSA
 * verification is the largest share of the API's own work per request). A token is remembered only after it passed
 * every check, and only until the earliest of its expiry, the end of its allowed age and a short cap, so it is never
 * accepted here later than a full verification would accept it. What it says is who the caller is and which tenant
 * they belong to: the role still comes from the user document on every request.
 */
import type { Principal } from '../../core/auth/principal';

/** Longest a verified token is remembered (a rotated signing key is honoured after at most this long). */
export const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;
/** Tokens remembered at once; the oldest is forgotten first (16 KB at most each: bounded memory). */
export const MAX_VERIFIED_TOKENS = 1000;

export class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; validUntilMs: number }>();

  constructor(private readonly maxEntries = MAX_VERIFIED_TOKENS) {}

  /** The principal of a token verified before and still within its validity, as a fresh object; else undefined. */
  get(token: string, nowMs: number): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.validUntilMs) {
      this.entries.delete(token);
      return undefined;
    }
    return { ...entry.principal };
  }

  /** Remembers a verified token until `validUntilMs` (capped at the TTL from `nowMs`). */
  remember(token: string, principal: Principal, nowMs: number, validUntilMs: number): void {
    const until = Math.min(validUntilMs, nowMs + VERIFIED_TOKEN_TTL_MS);
    if (!(until > nowMs)) return;
    this.entries.delete(token);
    this.entries.set(token, { principal: { ...principal }, validUntilMs: until });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
