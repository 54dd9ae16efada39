import { randomUUID } from 'node:crypto';
import { pollBackoff } from './polling';
import { body } from './responses';
import { platformClient, type TestPlatform } from './testPlatform';

const OPERATOR = 'operator@khipu.test';

/** Member email → tenant id, for helpers that find a user's tenant by their email (`tenantOfMember`). */
const tenantsOfMembers = new Map<string, string>();

/** The tenant of a member of a signed-up fresh tenant, if `email` is one. */
export function tenantOfMember(email: string): string | undefined {
  return tenantsOfMembers.get(email.toLowerCase());
}

/** The roles a tenant's members have, one member each, as in the seeded tenants. */
export type MemberRole = 'admin' | 'creator' | 'validator';

/**
 * A tenant of a suite's own on a shared platform: nothing another suite does reaches its quotas, usage, members,
 * webhooks or settings, so a suite that changes or counts those can share a platform (test/support/sharedPlatform.ts)
 * instead of starting one. Its members' emails are known at once (a suite may name them in module-level constants);
 * its id and its members' ids exist after `signUp`.
 */
export interface FreshTenant {
  /** The organization's name (unique to this tenant unless the suite chose it). */
  readonly name: string;
  /** Members' emails: the `user` of `platform.api(user, …)`. */
  readonly admin: string;
  readonly creator: string;
  readonly validator: string;
  /**
   * An address in the tenant's own domain, for a person a test invites: the identity provider finds a person by
   * email in any tenant, so an address must not be invited into two tenants of a shared platform.
   */
  emailFor(localPart: string): string;
  /** The tenant's id (after `signUp`). */
  readonly id: string;
  /** Each member's user id (after `signUp`). */
  readonly userIds: Readonly<Record<MemberRole, string>>;
  /**
   * Signs the admin up through the API, as a publisher does, has the operator put the tenant on the seeded tenants'
   * plan (standard quotas, unless `plan` says otherwise), invites a creator and a validator, and has all three accept
   * the terms in force, so every member can use the API at once.
   */
  signUp(platform: TestPlatform, options?: { plan?: 'trial' | 'standard' | 'enterprise' }): Promise<FreshTenant>;
  /**
   * Cancels every job of the tenant's projects still queued or running and waits until each has ended: a suite on a
   * shared platform leaves nothing working on it for the suites after it (a private platform's stop ended them).
   */
  settleJobs(platform: TestPlatform): Promise<void>;
}

/**
 * A new tenant's names. `label` goes into its emails and, unless `name` is given, its name (e.g. 'andes', 'pampa' for
 * a suite's two tenants), so a failing test's output says which one it was.
 */
export function freshTenant(label = 'fresh', options: { name?: string } = {}): FreshTenant {
  const suffix = randomUUID().slice(0, 8);
  const domain = `${label}-${suffix}.test`;
  const emails: Record<MemberRole, string> = {
    admin: `admin@${domain}`,
    creator: `creator@${domain}`,
    validator: `validator@${domain}`,
  };
  let signedUp: { id: string; userIds: Record<MemberRole, string> } | undefined;
  const created = () => {
    if (!signedUp) throw new Error(`tenant ${domain} is used before signUp(platform)`);
    return signedUp;
  };
  const tenant: FreshTenant = {
    name: options.name ?? `${label} ${suffix}`,
    ...emails,
    emailFor: (localPart) => `${localPart}@${domain}`,
    get id() {
      return created().id;
    },
    get userIds() {
      return created().userIds;
    },
    // Nothing to settle for a tenant whose signup never happened (a suite whose set-up failed).
    settleJobs: async (platform) => (signedUp ? settleJobs(platform, emails.admin) : undefined),
    async signUp(platform, options = {}) {
      signedUp = await signUpTenant(platform, tenant.name, emails, options.plan ?? 'standard');
      for (const email of Object.values(emails)) tenantsOfMembers.set(email, signedUp.id);
      return tenant;
    },
  };
  return tenant;
}

async function signUpTenant(
  platform: TestPlatform,
  tenantName: string,
  emails: Record<MemberRole, string>,
  plan: 'trial' | 'standard' | 'enterprise',
): Promise<{ id: string; userIds: Record<MemberRole, string> }> {
  // The founder's first token names nobody's member; the tokens after signup carry the new tenant. Each is asked
  // for by a client of its own, so neither this helper nor the suite's `platform` keeps a stale one.
  const beforeSignup = platformClient(platform.urls);
  const signup = await body<{ tenant: { id: string }; user: { id: string } }>(
    await beforeSignup.api(emails.admin, '/v1/tenants/signup', {
      method: 'POST',
      json: { tenantName, displayName: `Admin of ${tenantName}` },
    }),
    201,
  );
  const tenantId = signup.tenant.id;
  const client = platformClient(platform.urls);
  await body(await client.api(OPERATOR, `/v1/operator/tenants/${tenantId}`, { method: 'PATCH', json: { plan } }), 200);
  await acceptTerms(client, emails.admin);
  const userIds: Record<MemberRole, string> = { admin: signup.user.id, creator: '', validator: '' };
  for (const role of ['creator', 'validator'] as const) {
    const invited = await body<{ id: string }>(
      await client.api(emails.admin, '/v1/users', {
        method: 'POST',
        json: { email: emails[role], displayName: `${role} of ${tenantName}`, role },
      }),
      201,
    );
    userIds[role] = invited.id;
    await acceptTerms(client, emails[role]);
  }
  return { id: tenantId, userIds };
}

async function acceptTerms(client: Pick<TestPlatform, 'api'>, email: string): Promise<void> {
  const { termsVersion } = await body<{ termsVersion: string }>(await client.api(email, '/v1/me/consent'), 200);
  await body(await client.api(email, '/v1/me/consent', { method: 'PUT', json: { termsVersion } }), 200);
}

const ENDED = ['succeeded', 'failed', 'cancelled'];
const SETTLE_TIMEOUT_MS = 120_000;

async function settleJobs(platform: TestPlatform, admin: string): Promise<void> {
  const projectIds: string[] = [];
  let continuationToken: string | undefined;
  do {
    const query = new URLSearchParams({
      pageSize: '100',
      includeArchived: 'true',
      ...(continuationToken ? { continuationToken } : {}),
    });
    const page = await body<{ items: { id: string }[]; continuationToken?: string }>(
      await platform.api(admin, `/v1/projects?${query}`),
      200,
    );
    projectIds.push(...page.items.map((project) => project.id));
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
  for (const projectId of projectIds) {
    const jobs = await body<{ items: { id: string; status: string }[] }>(
      await platform.api(admin, `/v1/projects/${projectId}/jobs?pageSize=100`),
      200,
    );
    for (const job of jobs.items.filter((j) => !ENDED.includes(j.status))) {
      const jobPath = `/v1/projects/${projectId}/jobs/${job.id}`;
      // A job that ended meanwhile answers the cancel with its ending (or a conflict): either way it is over.
      await (await platform.api(admin, `${jobPath}/cancel`, { method: 'POST' })).arrayBuffer();
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      const pause = pollBackoff(250);
      for (;;) {
        const { status } = await body<{ status: string }>(await platform.api(admin, jobPath), 200);
        if (ENDED.includes(status)) break;
        if (Date.now() > deadline) throw new Error(`job ${job.id} was still ${status} after its cancel`);
        await pause();
      }
    }
  }
}
