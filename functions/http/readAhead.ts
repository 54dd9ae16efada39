/**
 * Reading ahead: a tenant user's read starts with the principal their token names while the user and tenant
 * documents that authorize it are still being read, so its query does not wait for those two round trips. Nothing
 * of it reaches the caller before authorization has finished: its answer is used only when authorization admits
 * exactly the principal it ran as, and dropped unseen otherwise (a refusal is answered as such; a stored role
 * narrower than the token's runs the handler again as the stored principal).
 */
import type { Principal, TenantPrincipal } from '../../core/auth/principal';
import type { Reply } from './catalog';

export interface ReadAhead {
  readonly guess: TenantPrincipal;
  readonly reply: Promise<Reply>;
}

export function startReadAhead(guess: TenantPrincipal, run: (principal: TenantPrincipal) => Promise<Reply>): ReadAhead {
  const reply = run(guess);
  // A dropped guess may fail (the caller was refused anyway): that failure is nobody's to report.
  reply.catch(() => undefined);
  return { guess, reply };
}

/** Whether authorization admitted the very principal the read ran as (every field alike: role, ids, names). */
export function admitsGuess(readAhead: ReadAhead, admitted: Principal | undefined): boolean {
  if (!admitted) return false;
  const guessed: Record<string, unknown> = { ...readAhead.guess };
  const actual: Record<string, unknown> = { ...admitted };
  const fields = new Set([...Object.keys(guessed), ...Object.keys(actual)]);
  for (const field of fields) if (guessed[field] !== actual[field]) return false;
  return true;
}
