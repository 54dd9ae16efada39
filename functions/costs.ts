import { z } from 'zod';
import { CostReportQuery, CostReportView, TenantUsageView } from '../core/api/costs';
import { ErrorBody, Id } from '../core/api/common';
import { endpoint } from './http/endpoint';

endpoint({
  operationId: 'getCosts',
  method: 'GET',
  route: 'v1/costs',
  summary:
    'Spend grouped by project, user, day or kind: the whole tenant for admins, own projects for creators, ' +
    'assigned projects for validators',
  tags: ['costs'],
  access: 'tenant',
  query: CostReportQuery,
  responses: { 200: { description: 'The report', schema: CostReportView } },
  async handle({ principal, query, services }) {
    return { status: 200, json: await services.costs.report(principal, query) };
  },
});

endpoint({
  operationId: 'getProjectCosts',
  method: 'GET',
  route: 'v1/projects/{projectId}/costs',
  summary: "One project's spend grouped by user, day, kind or project",
  tags: ['costs'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  query: CostReportQuery,
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'The report', schema: CostReportView },
    404: { description: 'No such project in your tenant', schema: ErrorBody },
  },
  async handle({ principal, params, query, services }) {
    return { status: 200, json: await services.costs.projectReport(principal, params.projectId, query) };
  },
});

endpoint({
  operationId: 'getTenantUsage',
  method: 'GET',
  route: 'v1/tenant/usage',
  summary:
    "Your organization's use of its quotas: characters this month, productions running, storage as last measured " +
    '(any role)',
  tags: ['costs'],
  access: 'tenant',
  responses: { 200: { description: 'The usage', schema: TenantUsageView } },
  async handle({ principal, services }) {
    const tenant = await services.tenants.current(principal);
    const usage = await services.costs.quotaUsage(tenant, await services.storageUsage.current(tenant.id));
    return { status: 200, json: usage };
  },
});
