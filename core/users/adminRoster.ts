/**
 * A tenant never loses its last admin: the tenant's active admins are listed on one roster document beside the users,
 * so "is someone else still an admin?" is decided and recorded by one ETag-conditional write. A user record may not
 * agree with its neighbour's at the moment two admins demote each other; the roster write is where they meet, and the
 * second one re-reads and is refused.
 *
 * The roster may only ever list fewer admins than the user records hold, never more (docs/reliability.md, "A tenant
 * keeps an admin"):
 * - a change that takes admin rights away (demotion, deactivation, erasure) first takes the user off the roster, then
 *   writes the user record, conditional on the version the decision was made on;
 * - a change that gives them writes the user record first, then adds the user to the roster (`reconcile`).
 * A process killed between the two writes therefore leaves a real admin off the roster, never a former admin on it.
 * `reconcile` repairs that from the user records, and runs whenever the roster would refuse: before adding an admin it
 * rewrites their user record as it read it, so a removal decided on an older version of that record fails (412)
 * instead of landing after the repair.
 */
import { ConflictError, DomainError, PreconditionFailedError } from '../errors';
import { readAllItems, type TenantCollection } from '../ports/documents';
import { typedTenantCollection, type TypedTenantCollection, type TypedTenantRecord } from '../ports/typedCollection';
import type { Clock } from '../ports/system';
import type { UserRecord } from './user';

export interface AdminRosterRecord {
  id: typeof ROSTER_ID;
  type: 'adminRoster';
  tenantId: string;
  /** Users known to be active admins: a subset of the user records that are (`isActiveAdmin`). */
  adminIds: string[];
  updatedAt: string;
  etag?: string;
}

const ROSTER_ID = 'adminRoster';
/** Each attempt is one read and one conditional write; with N concurrent changes the last one needs N rounds. */
const MAX_ATTEMPTS = 64;

/**
 * Who can manage the tenant: an admin whose account is not deactivated. The request pipeline lets an invited user act
 * at once (the invitation is the account), so an invited admin counts as one.
 */
export function isActiveAdmin(user: Pick<UserRecord, 'role' | 'status'>): boolean {
  return user.role === 'admin' && user.status !== 'deactivated';
}

export interface AdminRosterDeps {
  /** The users container: the roster lives in it, one per tenant partition, beside the user records. */
  container: TenantCollection<TypedTenantRecord>;
  clock: Clock;
}

export class AdminRoster {
  private readonly rosters: TypedTenantCollection<AdminRosterRecord>;
  private readonly users: TypedTenantCollection<UserRecord>;

  constructor(private readonly deps: AdminRosterDeps) {
    this.rosters = typedTenantCollection<AdminRosterRecord>(deps.container, 'adminRoster');
    this.users = typedTenantCollection<UserRecord>(deps.container, 'user');
  }

  /**
   * Writes `next` over `current`, conditional on the version `current` was read at (the decision is made on it, so
   * the write must not land on any other), keeping the roster behind it: refused with 409 `last_admin` when it would
   * leave the tenant without an active admin.
   */
  async write(current: UserRecord, next: UserRecord): Promise<UserRecord> {
    const loses = isActiveAdmin(current) && !isActiveAdmin(next);
    const gains = !isActiveAdmin(current) && isActiveAdmin(next);
    if (loses) await this.release(current.tenantId, current.id, next.status === 'deactivated' ? 'status' : 'role');
    let saved: UserRecord;
    try {
      saved = await this.users.replace(next, current.etag!);
    } catch (error) {
      // The user kept their rights: put them back on the roster. Should that fail too, the roster only lacks a real
      // admin, which the next refusal repairs; the caller needs the write's own error.
      if (loses) await this.reconcile(current.tenantId).catch(() => undefined);
      throw error;
    }
    // The change is stored: should the roster not follow, it only lacks a real admin until the next refusal repairs it.
    if (gains) await this.reconcile(current.tenantId).catch(() => undefined);
    return saved;
  }

  /**
   * Takes the user off the roster before their rights go, or refuses when nobody else would be left. The roster is
   * written even when the user is not on it, so a repair that read it before cannot add them back afterwards.
   */
  private async release(tenantId: string, userId: string, field: 'role' | 'status'): Promise<void> {
    let repaired = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const roster = await this.read(tenantId);
        const others = roster.adminIds.filter((id) => id !== userId);
        if (others.length === 0) {
          // The roster may lack an admin whose change died half-way: look at the user records once before refusing.
          if (!repaired) {
            repaired = true;
            await this.reconcile(tenantId);
            continue;
          }
          throw lastAdmin(userId, field);
        }
        await this.rosters.replace(
          { ...roster, adminIds: others, updatedAt: this.deps.clock.now().toISOString() },
          roster.etag!,
        );
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Makes the roster list exactly the active admins the user records hold (created the first time). Each admin it
   * adds has their user record rewritten unchanged first, conditional on the version read: a demotion of theirs
   * decided on an earlier version then fails instead of landing after they were put back.
   */
  async reconcile(tenantId: string): Promise<AdminRosterRecord> {
    for (let attempt = 1; ; attempt++) {
      try {
        const stored = await this.rosters.get(tenantId, ROSTER_ID);
        const admins = (await this.activeAdminsOf(tenantId)).sort((a, b) => a.id.localeCompare(b.id));
        const listed = new Set(stored?.adminIds ?? []);
        const missing = admins.filter((user) => !listed.has(user.id));
        for (const user of missing) await this.users.replace(user, user.etag!);
        const adminIds = [
          ...(stored?.adminIds ?? []).filter((id) => admins.some((user) => user.id === id)),
          ...missing.map((user) => user.id),
        ];
        const updatedAt = this.deps.clock.now().toISOString();
        if (!stored) {
          return await this.rosters
            .create({ id: ROSTER_ID, type: 'adminRoster', tenantId, adminIds, updatedAt })
            .catch((error: unknown) => {
              if (error instanceof ConflictError)
                throw new PreconditionFailedError('The admin roster was just created');
              throw error;
            });
        }
        if (sameMembers(stored.adminIds, adminIds)) return stored;
        return await this.rosters.replace({ ...stored, adminIds, updatedAt }, stored.etag!);
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async read(tenantId: string): Promise<AdminRosterRecord> {
    return (await this.rosters.get(tenantId, ROSTER_ID)) ?? this.reconcile(tenantId);
  }

  private async activeAdminsOf(tenantId: string): Promise<UserRecord[]> {
    const admins = await readAllItems((page) =>
      this.users.list(tenantId, { filter: { field: 'role', op: 'eq', value: 'admin' }, page }),
    );
    return admins.filter(isActiveAdmin);
  }
}

function sameMembers(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function lastAdmin(userId: string, field: 'role' | 'status'): DomainError {
  return new DomainError(
    'last_admin',
    'The organization must keep at least one active admin; make someone else admin first',
    {
      field,
      userId,
    },
  );
}
