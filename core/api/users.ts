import { z } from 'zod';
import { tenantRoles } from '../auth/principal';
import type { UserRecord } from '../users/user';
import { IsoDateTime, page, text } from './common';

export const Email = z
  .string()
  .trim()
  .max(254)
  .email()
  .transform((e) => e.toLowerCase());

export const UserView = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(tenantRoles),
    status: z.enum(['active', 'invited', 'deactivated']),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    etag: z.string(),
  })
  .meta({ id: 'User' });

export function toUserView(u: UserRecord): z.infer<typeof UserView> {
  return {
    id: u.id,
    tenantId: u.tenantId,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    status: u.status,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    etag: u.etag ?? '',
  };
}

export const UserPage = page(UserView).meta({ id: 'UserPage' });

export const CreateUserRequest = z
  .strictObject({ email: Email, displayName: text(120, 1), role: z.enum(tenantRoles) })
  .meta({ id: 'CreateUserRequest' });

export const UpdateUserRequest = z
  .strictObject({
    displayName: text(120, 1).optional(),
    role: z.enum(tenantRoles).optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .meta({ id: 'UpdateUserRequest' });

export const MeView = z
  .object({
    principal: z.object({
      kind: z.enum(['tenant-user', 'operator', 'unaffiliated']),
      userId: z.string(),
      tenantId: z.string().optional(),
      role: z.enum(tenantRoles).optional(),
      email: z.string().optional(),
      displayName: z.string().optional(),
    }),
    tenant: z
      .object({ id: z.string(), name: z.string(), plan: z.string(), status: z.enum(['active', 'suspended']) })
      .nullable(),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'Me' });

export const AuthConfigView = z
  .object({
    mode: z.enum(['local', 'azure']),
    issuer: z.string(),
    authorizationEndpoint: z.string(),
    clientId: z.string(),
    audience: z.string(),
    scope: z.string(),
  })
  .meta({ id: 'AuthConfig' });
