/**
 * The tenant's webhook places: one roster document per tenant listing the subscriptions it holds, so the limit on
 * subscriptions is one ETag-conditional write rather than a count followed by a create (concurrent creates would all
 * count the same number and all create). A subscription takes its place before it is stored and gives it back when
 * it is deleted; a place whose subscription does not exist two minutes after it was taken belongs to a create or a
 * delete that died half-way, and the next claim that needs room drops it.
 */
import { ConflictError, PreconditionFailedError } from '../errors';
import { readAllItems } from '../ports/documents';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { Clock } from '../ports/system';
import { MAX_SUBSCRIPTIONS_PER_TENANT, type WebhookSubscriptionRecord } from './subscription';

export interface WebhookPlace {
  subscriptionId: string;
  claimedAt: string;
}

export interface WebhookRosterDoc {
  id: typeof ROSTER_ID;
  type: 'webhookRoster';
  tenantId: string;
  places: WebhookPlace[];
  updatedAt: string;
  etag?: string;
}

const ROSTER_ID = 'webhookRoster';
/** How long a place may wait for its subscription to be stored (a create in flight) before it counts as abandoned. */
const UNFULFILLED_PLACE_GRACE_MS = 2 * 60 * 1000;
/** Each attempt is one read and one conditional write; with N concurrent claims the last one needs N rounds. */
const MAX_ATTEMPTS = 64;

export interface SubscriptionRosterDeps {
  rosters: TypedTenantCollection<WebhookRosterDoc>;
  subscriptions: TypedTenantCollection<WebhookSubscriptionRecord>;
  clock: Clock;
}

export class SubscriptionRoster {
  constructor(private readonly deps: SubscriptionRosterDeps) {}

  /** Takes a place for the subscription about to be created, or throws `conflict` naming the limit. */
  async claim(tenantId: string, subscriptionId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const roster = await this.read(tenantId);
        const places = roster.places.length >= MAX_SUBSCRIPTIONS_PER_TENANT ? await this.live(roster) : roster.places;
        if (places.length >= MAX_SUBSCRIPTIONS_PER_TENANT) {
          throw new ConflictError(
            `A tenant can have at most ${MAX_SUBSCRIPTIONS_PER_TENANT} webhooks; delete one first`,
            { limit: MAX_SUBSCRIPTIONS_PER_TENANT },
          );
        }
        const place = { subscriptionId, claimedAt: this.deps.clock.now().toISOString() };
        await this.write({ ...roster, places: [...places, place] });
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Gives the subscription's place back; a no-op when it holds none. */
  async release(tenantId: string, subscriptionId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const roster = await this.read(tenantId);
        if (!roster.places.some((place) => place.subscriptionId === subscriptionId)) return;
        await this.write({ ...roster, places: roster.places.filter((p) => p.subscriptionId !== subscriptionId) });
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The stored roster; the first time, one listing the subscriptions stored before rosters existed, written
   * create-only (a concurrent first claim that loses re-reads the winner's).
   */
  private async read(tenantId: string): Promise<WebhookRosterDoc> {
    const stored = await this.deps.rosters.get(tenantId, ROSTER_ID);
    if (stored) return stored;
    const existing = await this.subscriptionsOf(tenantId);
    const first: WebhookRosterDoc = {
      id: ROSTER_ID,
      type: 'webhookRoster',
      tenantId,
      places: existing.map((s) => ({ subscriptionId: s.id, claimedAt: s.createdAt })),
      updatedAt: this.deps.clock.now().toISOString(),
    };
    try {
      return await this.deps.rosters.create(first);
    } catch (error) {
      if (error instanceof ConflictError) throw new PreconditionFailedError('The webhook roster was just created');
      throw error;
    }
  }

  private write(roster: WebhookRosterDoc): Promise<WebhookRosterDoc> {
    return this.deps.rosters.replace({ ...roster, updatedAt: this.deps.clock.now().toISOString() }, roster.etag!);
  }

  /** The places still in use: their subscription is stored, or its create may still be on its way. */
  private async live(roster: WebhookRosterDoc): Promise<WebhookPlace[]> {
    const stored = new Set((await this.subscriptionsOf(roster.tenantId)).map((s) => s.id));
    const now = this.deps.clock.now().getTime();
    return roster.places.filter(
      (place) => stored.has(place.subscriptionId) || now - Date.parse(place.claimedAt) <= UNFULFILLED_PLACE_GRACE_MS,
    );
  }

  private subscriptionsOf(tenantId: string): Promise<Pick<WebhookSubscriptionRecord, 'id' | 'createdAt'>[]> {
    return readAllItems((page) => this.deps.subscriptions.list(tenantId, { page }));
  }
}
