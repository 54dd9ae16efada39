import { z } from 'zod';
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

// Declared here to avoid an import cycle with users.ts.
const UserViewRef = z.object({
  id: z.string(),
  tenantId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'creator', 'validator']),
  status: z.enum(['active', 'invited', 'deactivated']),
});
