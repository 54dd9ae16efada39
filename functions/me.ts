import { z } from 'zod';
import { permissionsOf } from '../core/auth/permissions';
import { AuthConfigView, MeView } from '../core/api/users';
import { ErrorBody } from '../core/api/common';
import { endpoint } from './http/endpoint';

endpoint({
  operationId: 'getAuthConfig',
  method: 'GET',
  route: 'v1/auth/config',
  summary: 'How the web signs in: issuer, authorization endpoint and client id',
  tags: ['identity'],
  access: 'public',
  responses: { 200: { description: 'Sign-in settings', schema: AuthConfigView } },
  async handle({ services: { config } }) {
    const view: z.infer<typeof AuthConfigView> = {
      mode: config.KHIPU_MODE,
      issuer: config.AUTH_ISSUER,
      authorizationEndpoint: config.AUTH_AUTHORIZATION_ENDPOINT ?? `${config.AUTH_ISSUER.replace(/\/$/, '')}/authorize`,
      clientId: config.AUTH_CLIENT_ID,
      audience: config.AUTH_AUDIENCE,
      scope: config.AUTH_SCOPE,
    };
    return { status: 200, json: view, headers: { 'Cache-Control': 'public, max-age=300' } };
  },
});

endpoint({
  operationId: 'getMe',
  method: 'GET',
  route: 'v1/me',
  summary: 'The signed-in identity, its tenant and what it may do',
  tags: ['identity'],
  access: 'signed-in',
  beforeConsent: true,
  responses: {
    200: { description: 'Current identity', schema: MeView },
    401: { description: 'Not signed in', schema: ErrorBody },
  },
  async handle({ principal, tenant }) {
    const p = principal!;
    const view: z.infer<typeof MeView> = {
      principal: {
        kind: p.kind,
        userId: p.userId,
        ...(p.kind === 'tenant-user' ? { tenantId: p.tenantId, role: p.role } : {}),
        email: p.email,
        displayName: p.displayName,
      },
      tenant: tenant ? { id: tenant.id, name: tenant.name, plan: tenant.plan, status: tenant.status } : null,
      permissions: permissionsOf(p),
    };
    return { status: 200, json: view };
  },
});
