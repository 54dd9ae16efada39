/**
 * The people who exist on a fresh local platform. Ids are stable so the seeding code can create matching
 * tenant and user documents, and tokens minted before a reset still name the same users.
 */

export interface DevUser {
  /** Becomes the token's `sub` and `oid`. */
  id: string;
  email: string;
  displayName: string;
  /** Absent for the platform operator and for people who have not joined a tenant yet. */
  tenantId?: string;
  /** Only for the sign-in page. */
  tenantName?: string;
  /** Goes into the roles claim as is: 'admin' | 'creator' | 'validator' | 'platform.operator'. */
  roles: string[];
}

export interface DevTenant {
  id: string;
  name: string;
}

export const seedTenants: readonly DevTenant[] = Object.freeze([
  { id: 't-andes', name: 'Andes Audio' },
  { id: 't-pampa', name: 'Pampa Press' },
]);

export const PLATFORM_OPERATOR_ROLE = 'platform.operator';

export const seedUsers: readonly DevUser[] = Object.freeze([
  tenantUser('u-andes-admin', 'admin@andes.test', 'Amaru Quispe', 't-andes', 'admin'),
  tenantUser('u-andes-creator', 'creator@andes.test', 'Rosa Mamani', 't-andes', 'creator'),
  tenantUser('u-andes-validator', 'validator@andes.test', 'Inti Huamán', 't-andes', 'validator'),
  tenantUser('u-pampa-admin', 'admin@pampa.test', 'Lucía Fernández', 't-pampa', 'admin'),
  tenantUser('u-pampa-creator', 'creator@pampa.test', 'Martín Gómez', 't-pampa', 'creator'),
  tenantUser('u-pampa-validator', 'validator@pampa.test', 'Sofía Ríos', 't-pampa', 'validator'),
  { id: 'u-operator', email: 'operator@khipu.test', displayName: 'Platform Operator', roles: [PLATFORM_OPERATOR_ROLE] },
]);

function tenantUser(id: string, email: string, displayName: string, tenantId: string, role: string): DevUser {
  const tenantName = seedTenants.find((tenant) => tenant.id === tenantId)?.name;
  return { id, email, displayName, tenantId, tenantName, roles: [role] };
}
