import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import {
  IdentityView,
  SetTenantAllowanceRequest,
  SignupRequest,
  SignupResponse,
  TenantPage,
  TenantView,
  toIdentityView,
  toTenantView,
  UpdateOwnTenantRequest,
  UpdateTenantRequest,
} from '../core/api/tenants';
import { endpoint } from './http/endpoint';
import { toUserView } from '../core/api/users';

endpoint({
  operationId: 'signupTenant',
  method: 'POST',
  route: 'v1/tenants/signup',
  summary: 'Self-service signup: create an organization and become its first admin',
  tags: ['tenants'],
  access: 'signed-in',
  idempotent: true,
  // Someone who already belongs to a tenant is told so (409) whether or not they have accepted its terms yet: a
  // repeated signup racing the one that made them a member must not be asked for consent instead.
  beforeConsent: true,
  body: { kind: 'json', schema: SignupRequest },
  responses: {
    201: { description: 'Tenant created; sign in again to receive the new claims', schema: SignupResponse },
    409: {
      description: 'You already belong to a tenant, or already own as many as your identity may create',
      schema: ErrorBody,
    },
    403: { description: 'Deactivated in an organization, or no verified email', schema: ErrorBody },
  },
  async handle({ principal, body, services }) {
    const { tenant, user } = await services.tenants.signup(principal, body);
    return { status: 201, json: { tenant: toTenantView(tenant), user: toUserView(user), reauthenticate: true } };
  },
});

endpoint({
  operationId: 'getCurrentTenant',
  method: 'GET',
  route: 'v1/tenant',
  summary: 'Your organization: plan, status and quotas',
  tags: ['tenants'],
  access: 'tenant',
  responses: { 200: { description: 'Your tenant', schema: TenantView } },
  async handle({ principal, services }) {
    return { status: 200, json: toTenantView(await services.tenants.current(principal)) };
  },
});

endpoint({
  operationId: 'updateCurrentTenant',
  method: 'PATCH',
  route: 'v1/tenant',
  summary: "Tenant admin: rename your organization (plan, status and quotas are the platform operator's)",
  tags: ['tenants'],
  access: 'tenant',
  body: { kind: 'json', schema: UpdateOwnTenantRequest },
  ifMatch: 'required',
  responses: {
    200: { description: 'Your tenant', schema: TenantView },
  },
  async handle({ principal, body, ifMatch, services }) {
    return { status: 200, json: toTenantView(await services.tenants.rename(principal, ifMatch, body.name)) };
  },
});

endpoint({
  operationId: 'listTenants',
  method: 'GET',
  route: 'v1/operator/tenants',
  summary: 'Platform operator: all tenants',
  tags: ['operator'],
  access: 'operator',
  query: z.strictObject({
    continuationToken: z.string().max(4096).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  }),
  responses: { 200: { description: 'A page of tenants', schema: TenantPage } },
  async handle({ principal, query, services }) {
    const page = await services.tenants.list(principal, query);
    return { status: 200, json: { items: page.items.map(toTenantView), continuationToken: page.continuationToken } };
  },
});

endpoint({
  operationId: 'getTenant',
  method: 'GET',
  route: 'v1/operator/tenants/{tenantId}',
  summary: 'Platform operator: one tenant',
  tags: ['operator'],
  access: 'operator',
  params: z.strictObject({ tenantId: Id }),
  objects: { tenantId: 'tenant' },
  responses: {
    200: { description: 'The tenant', schema: TenantView },
    404: { description: 'No such tenant', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    return { status: 200, json: toTenantView(await services.tenants.get(principal, params.tenantId)) };
  },
});

endpoint({
  operationId: 'updateTenant',
  method: 'PATCH',
  route: 'v1/operator/tenants/{tenantId}',
  summary: 'Platform operator: suspend or reactivate, set plan and quotas',
  tags: ['operator'],
  access: 'operator',
  params: z.strictObject({ tenantId: Id }),
  body: { kind: 'json', schema: UpdateTenantRequest },
  objects: { tenantId: 'tenant' },
  ifMatch: 'optional',
  responses: {
    200: { description: 'Updated', schema: TenantView },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    return {
      status: 200,
      json: toTenantView(await services.tenants.update(principal, params.tenantId, ifMatch, body)),
    };
  },
});

const IdentityParams = z.strictObject({ identityId: Id });

endpoint({
  operationId: 'getIdentity',
  method: 'GET',
  route: 'v1/operator/identities/{identityId}',
  summary: 'Platform operator: the tenants a signed-in identity created and how many it may create',
  tags: ['operator'],
  access: 'operator',
  params: IdentityParams,
  responses: { 200: { description: 'The identity', schema: IdentityView } },
  async handle({ principal, params, services }) {
    return { status: 200, json: toIdentityView(await services.tenants.identity(principal, params.identityId)) };
  },
});

endpoint({
  operationId: 'setTenantAllowance',
  method: 'PUT',
  route: 'v1/operator/identities/{identityId}/tenant-allowance',
  summary: 'Platform operator: let an identity create more than one tenant through signup (null: back to one)',
  tags: ['operator'],
  access: 'operator',
  params: IdentityParams,
  body: { kind: 'json', schema: SetTenantAllowanceRequest },
  responses: { 200: { description: 'The identity', schema: IdentityView } },
  async handle({ principal, params, body, services }) {
    const identity = await services.tenants.setTenantAllowance(principal, params.identityId, body.tenantAllowance);
    return { status: 200, json: toIdentityView(identity) };
  },
});
