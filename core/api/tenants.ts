import { z } from 'zod';
import { allowanceOf, type IdentityRecord } from '../tenants/identity';
import { tenantPlans, type TenantRecord } from '../tenants/tenant';
import { Id, IsoDateTime, page, text } from './common';

export const TenantQuotas = z.strictObject({
  monthlyCharacters: z.number().int().min(0).max(10_000_000_000),
  concurrentJobs: z.number().int().min(0).max(100),
  storageBytes: z
    .number()
    .int()
    .min(0)
    .max(100 * 1024 ** 4),
});

export const TenantView = z
  .object({
    id: Id,
    name: z.string(),
    plan: z.enum(tenantPlans),
    status: z.enum(['active', 'suspended']),
    quotas: TenantQuotas,
    /** Set while the organization is closed and scheduled for deletion; the operator can reopen it until purgeAfter. */
    deletion: z.object({ requestedAt: IsoDateTime, purgeAfter: IsoDateTime }).nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    etag: z.string(),
  })
  .meta({ id: 'Tenant' });

export function toTenantView(t: TenantRecord): z.infer<typeof TenantView> {
  return {
    id: t.id,
    name: t.name,
    plan: t.plan,
    status: t.status,
    quotas: t.quotas,
    deletion: t.deletion ? { requestedAt: t.deletion.requestedAt, purgeAfter: t.deletion.purgeAfter } : null,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    etag: t.etag ?? '',
  };
}

export const TenantPage = page(TenantView).meta({ id: 'TenantPage' });

export const SignupRequest = z
  .strictObject({
    tenantName: text(120, 2),
    displayName: text(120, 1).optional(),
  })
  .meta({ id: 'SignupRequest' });

export const SignupResponse = z
  .object({
    tenant: TenantView,
    user: z.lazy(() => UserViewRef),
    /** The caller must sign in again so the new tenant and role reach the token's claims. */
    reauthenticate: z.literal(true),
  })
  .meta({ id: 'SignupResponse' });

export const UpdateTenantRequest = z
  .strictObject({
    name: text(120, 2).optional(),
    plan: z.enum(tenantPlans).optional(),
    status: z.enum(['active', 'suspended']).optional(),
    quotas: TenantQuotas.partial().optional(),
  })
  .meta({ id: 'UpdateTenantRequest' });

/** What a tenant admin may change about the organization: its name (plan, status and quotas are the operator's). */
export const UpdateOwnTenantRequest = z.strictObject({ name: text(120, 2) }).meta({ id: 'UpdateOwnTenantRequest' });

/** A signed-in identity as the operator sees it: the tenants it created and how many it may create. */
export const IdentityView = z
  .object({
    userId: z.string(),
    tenantIds: z.array(z.string()),
    tenantAllowance: z.number().int().meta({ description: 'Tenants this identity may create through signup' }),
    allowanceIsDefault: z.boolean(),
  })
  .meta({ id: 'Identity' });

export const SetTenantAllowanceRequest = z
  .strictObject({
    tenantAllowance: z
      .number()
      .int()
      .min(1)
      .max(100)
      .nullable()
      .meta({ description: 'null restores the default (one tenant)' }),
  })
  .meta({ id: 'SetTenantAllowanceRequest' });

export function toIdentityView(record: IdentityRecord): z.infer<typeof IdentityView> {
  return {
    userId: record.userId,
    tenantIds: record.tenants.map((claim) => claim.tenantId),
    tenantAllowance: allowanceOf(record),
    allowanceIsDefault: record.tenantAllowance === null,
  };
}

// Declared here to avoid an import cycle with users.ts.
const UserViewRef = z.object({
  id: z.string(),
  tenantId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'creator', 'validator']),
  status: z.enum(['active', 'invited', 'deactivated']),
});
