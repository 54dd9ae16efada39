import { authorizeTenantAction } from '../auth/permissions';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { requireVersion } from '../common/versions';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import type { EventPublisher, EventType } from '../ports/events';
import type { Page } from '../ports/documents';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { Clock, IdGenerator } from '../ports/system';
import type { WebhookDeliveryDoc } from './deliveryLog';
import { checkDeliveryUrl } from './deliveryUrl';
import { generateWebhookSecret, MAX_SUBSCRIPTIONS_PER_TENANT, type WebhookSubscriptionRecord } from './subscription';
import type { SubscriptionRoster } from './subscriptionRoster';
import { webhookTestEvent } from './webhookEvent';

/**
 * A subscription as stored. After a rotation the previous secret keeps signing (beside the new one) for a grace
 * period, so receivers can switch secrets without dropping deliveries.
 */
export interface WebhookSubscriptionDoc extends WebhookSubscriptionRecord {
  previousSecret?: string | null;
  previousSecretExpiresAt?: string | null;
  secretRotatedAt?: string | null;
}

/** What the API shows of a subscription: never a secret (those are revealed only on creation and rotation). */
export type WebhookView = Omit<WebhookSubscriptionRecord, 'secret' | 'type' | 'etag'> & {
  etag: string;
  secretRotatedAt: string | null;
};

export const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export function toWebhookView(doc: WebhookSubscriptionDoc): WebhookView {
  return {
    id: doc.id,
    tenantId: doc.tenantId,
    url: doc.url,
    eventTypes: doc.eventTypes,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    active: doc.active,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    createdBy: doc.createdBy,
    secretRotatedAt: doc.secretRotatedAt ?? null,
    etag: doc.etag ?? '',
  };
}

export interface WebhookInput {
  url: string;
  eventTypes: EventType[];
  description?: string;
  active?: boolean;
}

export interface WebhookServiceDeps {
  webhooks: TypedTenantCollection<WebhookSubscriptionDoc>;
  /** The tenant's places, which hold the subscription limit. */
  roster: SubscriptionRoster;
  deliveries: TypedTenantCollection<WebhookDeliveryDoc>;
  events: EventPublisher;
  clock: Clock;
  ids: IdGenerator;
  /** Local platform only (WEBHOOK_ALLOW_LOOPBACK): http and loopback URLs, so tests can run a receiver. */
  allowLoopback: boolean;
  /** Resolves the URL's host and names a forbidden address it points to (undefined when fine or unresolvable). */
  vetUrl?: (url: string) => Promise<string | undefined>;
}

/** Tenant admins manage webhook subscriptions (a tenant setting); secrets are revealed only once. */
export class WebhookService {
  constructor(private readonly deps: WebhookServiceDeps) {}

  async create(
    principal: Principal | undefined,
    input: WebhookInput,
  ): Promise<{ webhook: WebhookView; secret: string }> {
    const admin = authorizeTenantAction(principal, 'tenant.settings');
    const url = await this.checkUrl(input.url);
    this.checkEventTypes(input.eventTypes);
    const id = this.deps.ids.newId('whk');
    // The limit is a place on the tenant's roster, taken atomically before the subscription exists.
    await this.deps.roster.claim(admin.tenantId, id);
    const now = this.deps.clock.now().toISOString();
    const secret = generateWebhookSecret();
    const created = await this.store({
      id,
      type: 'webhookSubscription',
      tenantId: admin.tenantId,
      url,
      eventTypes: input.eventTypes,
      ...(input.description ? { description: input.description } : {}),
      secret,
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
      createdBy: admin.userId,
      previousSecret: null,
      previousSecretExpiresAt: null,
      secretRotatedAt: null,
    });
    return { webhook: toWebhookView(created), secret };
  }

  async list(principal: Principal | undefined): Promise<WebhookView[]> {
    const admin = authorizeTenantAction(principal, 'tenant.settings');
    const docs = await this.all(admin.tenantId);
    return docs.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(toWebhookView);
  }

  async get(principal: Principal | undefined, id: string): Promise<WebhookView> {
    const { doc } = await this.load(principal, id);
    return toWebhookView(doc);
  }

  async update(
    principal: Principal | undefined,
    id: string,
    ifMatch: string | undefined,
    input: Partial<WebhookInput>,
  ): Promise<WebhookView> {
    const { doc } = await this.load(principal, id);
    const version = requireVersion(ifMatch, 'version');
    if (doc.etag !== version) throw new PreconditionFailedError('The webhook changed since you read it', doc);
    const next: WebhookSubscriptionDoc = {
      ...doc,
      ...(input.url !== undefined ? { url: await this.checkUrl(input.url) } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: this.checkEventTypes(input.eventTypes) } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: this.deps.clock.now().toISOString(),
    };
    return toWebhookView(await this.replace(next, version));
  }

  async delete(principal: Principal | undefined, id: string): Promise<void> {
    const { admin } = await this.load(principal, id);
    // Pending retries find the subscription gone and stop (cancelled) on their next attempt.
    await this.deps.webhooks.delete(admin.tenantId, id);
    await this.deps.roster.release(admin.tenantId, id);
  }

  /** New secret now; the old one keeps signing beside it for 24 h so receivers can roll over without gaps. */
  async rotateSecret(principal: Principal | undefined, id: string): Promise<{ webhook: WebhookView; secret: string }> {
    const { doc } = await this.load(principal, id);
    const now = this.deps.clock.now();
    const secret = generateWebhookSecret();
    const next: WebhookSubscriptionDoc = {
      ...doc,
      secret,
      previousSecret: doc.secret,
      previousSecretExpiresAt: new Date(now.getTime() + SECRET_ROTATION_GRACE_MS).toISOString(),
      secretRotatedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    try {
      return { webhook: toWebhookView(await this.deps.webhooks.replace(next, doc.etag!)), secret };
    } catch (error) {
      // The request carried no version, so a lost race is no failed precondition of the caller's: another rotation
      // was stored first, and storing this one over it would void the secret that one already showed.
      if (!(error instanceof PreconditionFailedError)) throw error;
      throw new ConflictError("Another rotation of this webhook's secret was stored at the same time; rotate again");
    }
  }

  async deliveries(
    principal: Principal | undefined,
    id: string,
    page: { pageSize: number; continuationToken?: string },
  ): Promise<Page<WebhookDeliveryDoc>> {
    const { admin } = await this.load(principal, id);
    return this.deps.deliveries.list(admin.tenantId, {
      filter: { field: 'subscriptionId', op: 'eq', value: id },
      orderBy: { field: 'createdAt', direction: 'DESC' },
      page,
    });
  }

  /** Publishes a `khipu.webhook.test` event; it reaches the receiver through Event Grid and the dispatcher. */
  async sendTest(principal: Principal | undefined, id: string): Promise<{ eventId: string; eventType: string }> {
    const { admin } = await this.load(principal, id);
    const event = webhookTestEvent(admin.tenantId, id, this.deps.ids.newId('test'), this.deps.clock.now());
    await this.deps.events.publish([event]);
    return { eventId: event.id, eventType: event.type };
  }

  private async load(
    principal: Principal | undefined,
    id: string,
  ): Promise<{ admin: TenantPrincipal; doc: WebhookSubscriptionDoc }> {
    const admin = authorizeTenantAction(principal, 'tenant.settings');
    const doc = await this.deps.webhooks.get(admin.tenantId, id);
    if (!doc) throw new NotFoundError('Webhook');
    return { admin, doc };
  }

  /**
   * Stores a new subscription; when that fails and it is not stored, its place goes back (else it would wait out the
   * roster's grace). A failed create may still have stored it (the answer lost on the way), and a stored subscription
   * without a place would let the tenant past the limit: when its absence cannot be confirmed, the grace decides.
   */
  private async store(doc: WebhookSubscriptionDoc): Promise<WebhookSubscriptionDoc> {
    try {
      return await this.deps.webhooks.create(doc);
    } catch (error) {
      const stored = await this.deps.webhooks.get(doc.tenantId, doc.id).then(
        (found) => found !== undefined,
        () => true,
      );
      if (!stored) await this.deps.roster.release(doc.tenantId, doc.id);
      throw error;
    }
  }

  private replace(next: WebhookSubscriptionDoc, etag: string): Promise<WebhookSubscriptionDoc> {
    // A stale write's error carries the stored record (with the secret); the error mapping shows its public view.
    return this.deps.webhooks.replace(next, etag);
  }

  private async all(tenantId: string): Promise<WebhookSubscriptionDoc[]> {
    const page = await this.deps.webhooks.list(tenantId, {
      page: { pageSize: MAX_SUBSCRIPTIONS_PER_TENANT + 5 },
    });
    return page.items;
  }

  private async checkUrl(raw: string): Promise<string> {
    const url = raw.trim();
    const target = checkDeliveryUrl(url, { allowLoopback: this.deps.allowLoopback });
    const refusal = target.ok ? await this.deps.vetUrl?.(url) : target.reason;
    if (refusal) throw new ValidationError(`Invalid url: ${refusal}`, [{ field: 'url', message: refusal }]);
    return url;
  }

  private checkEventTypes(types: EventType[]): EventType[] {
    if (types.length === 0 || new Set(types).size !== types.length) {
      throw new ValidationError('eventTypes must be a non-empty list without repeats', [
        { field: 'eventTypes', message: 'must be non-empty and unique' },
      ]);
    }
    return types;
  }
}
