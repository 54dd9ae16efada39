import type { TestPlatform } from '../../support/testPlatform';

export type Role = 'admin' | 'creator' | 'validator';

/**
 * What an operation's path parameter names. Projects have owners and assigned validators; users and webhook
 * subscriptions belong to the whole tenant, so for them "unassigned" is the same as "own".
 */
export type ObjectKind = 'project' | 'user' | 'webhook' | 'privacyJob';
export const TENANT_WIDE_KINDS: readonly ObjectKind[] = ['user', 'webhook', 'privacyJob'];

export interface PrepareContext {
  platform: TestPlatform;
  projectId: string;
  /** Email of a user who may change the project (its owner's tenant admin). */
  admin: string;
}

/** How the tenant-isolation matrix exercises one object-scoped operation. */
export interface IsolationCase {
  /**
   * Roles allowed on a project they own or are assigned to, or on any of their tenant's users/webhooks
   * (docs/domain.md).
   */
  allowed: Role[];
  /**
   * Creates what the operation needs inside the project (a chapter, a segment, ...) and returns the extra path
   * parameters, e.g. `{ chapterId }`. Runs for other tenants' projects too, so their real objects are probed.
   * Project-scoped operations only.
   */
  prepare?: (ctx: PrepareContext) => Promise<Record<string, string>>;
  /**
   * Makes the object a tenant-wide operation names when it is neither a user nor a webhook subscription (a privacy
   * job), in the tenant of `admin` (that tenant's admin email), and returns its id.
   */
  create?: (ctx: { platform: TestPlatform; admin: string }) => Promise<{ id: string; etag: string }>;
  /** A valid request, so validation never masks authorization. */
  request?: (etag: string, prepared: Record<string, string>) => RequestInit & { json?: unknown };
}

export type IsolationTable = Record<string, IsolationCase>;
