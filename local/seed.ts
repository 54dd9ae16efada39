import { CosmosClient } from '@azure/cosmos';
import { containerDefinitions } from '../adapters/cosmos/containers';
import { defaultQuotasByPlan, type TenantRecord } from '../core/tenants/tenant';
import type { UserRecord } from '../core/users/user';
import type { TenantRole } from '../core/auth/principal';
import { DEFAULT_TERMS_VERSION } from '../core/privacy/consent';
import { seedTenants, seedUsers, type DevUser } from './identity/seedUsers';

/** Creates the seeded tenants and users (create-only, so edits made through the API survive restarts). */
export async function seedDirectory(client: CosmosClient, databaseId: string): Promise<void> {
  const database = client.database(databaseId);
  const now = new Date().toISOString();
  for (const tenant of seedTenants) {
    const doc: TenantRecord = {
      id: tenant.id,
      type: 'tenant',
      name: tenant.name,
      plan: 'standard',
      status: 'active',
      quotas: defaultQuotasByPlan.standard,
      createdAt: now,
      updatedAt: now,
      createdBy: 'seed',
    };
    await createIfAbsent(() => database.container(containerDefinitions.tenants.id).items.create(doc));
  }
  for (const user of seedUsers) {
    if (!user.tenantId) continue;
    const doc: UserRecord = {
      id: user.id,
      type: 'user',
      tenantId: user.tenantId,
      email: user.email,
      displayName: user.displayName,
      role: user.roles[0] as TenantRole,
      status: 'active',
      createdAt: now,
      updatedAt: now,
      // The seeded demo accounts come having accepted the default terms; with another TERMS_VERSION they accept
      // it on first use like everyone else.
      consent: { termsVersion: DEFAULT_TERMS_VERSION, acceptedAt: now },
    };
    await createIfAbsent(() => database.container(containerDefinitions.users.id).items.create(doc));
  }
}

async function createIfAbsent(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
  }
}

/**
 * What Entra's custom claims extension does in Azure: find the person's tenant and role in the users container,
 * so people invited or signed up through the API can sign in with the dev identity provider.
 */
export function userLookup(client: CosmosClient, databaseId: string): (email: string) => Promise<DevUser | undefined> {
  const users = client.database(databaseId).container(containerDefinitions.users.id);
  return async (email) => {
    const { resources } = await users.items
      .query<UserRecord>({
        query: 'SELECT * FROM c WHERE c.email = @email AND c.status != @deactivated',
        parameters: [
          { name: '@email', value: email.toLowerCase() },
          { name: '@deactivated', value: 'deactivated' },
        ],
      })
      .fetchAll();
    const user = resources[0];
    return user
      ? { id: user.id, email: user.email, displayName: user.displayName, tenantId: user.tenantId, roles: [user.role] }
      : undefined;
  };
}
