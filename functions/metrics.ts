import { MetricsQuery, MetricsReportView, TenantMetricsPage, TenantMetricsQuery } from '../core/api/metrics';
import { ErrorBody } from '../core/api/common';
import { endpoint } from './http/endpoint';

endpoint({
  operationId: 'getPlatformMetrics',
  method: 'GET',
  route: 'v1/operator/metrics',
  summary:
    'Platform operator: TTS, cache, analysis, job, API and usage figures over the last `days` days, for the whole ' +
    'platform or one tenant (`tenantId`)',
  tags: ['operator'],
  access: 'operator',
  query: MetricsQuery,
  responses: {
    200: { description: 'The figures and their daily series', schema: MetricsReportView },
    404: { description: 'No such tenant', schema: ErrorBody },
  },
  async handle({ principal, query, services }) {
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store' },
      json: await services.metrics.service.report(principal, query),
    };
  },
});

endpoint({
  operationId: 'listTenantMetrics',
  method: 'GET',
  route: 'v1/operator/metrics/tenants',
  summary: "Platform operator: a page of tenants with each one's headline figures over the last `days` days",
  tags: ['operator'],
  access: 'operator',
  query: TenantMetricsQuery,
  responses: { 200: { description: 'A page of tenants and their figures', schema: TenantMetricsPage } },
  async handle({ principal, query, services }) {
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store' },
      json: await services.metrics.service.byTenant(principal, query),
    };
  },
});
