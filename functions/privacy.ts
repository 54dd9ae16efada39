import { Readable } from 'node:stream';
import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import {
  AcceptConsentRequest,
  ConsentView,
  ExportDownload,
  ListPrivacyJobsQuery,
  PrivacyJobPage,
  PrivacyJobView,
  TenantDeletionRequest,
  TenantDeletionView,
  toConsentView,
  toPrivacyJobView,
  toTenantDeletionView,
} from '../core/api/privacy';
import type { UserDataDocument } from '../core/privacy/userExport';
import { endpoint, type Reply } from './http/endpoint';

/**
 * Privacy (docs/privacy.md): consent to the terms in force, personal-data export, erasure of a user, export and
 * deletion of the whole organization, and the jobs that do the long work.
 */
const UserParams = z.strictObject({ userId: Id });
const JobParams = z.strictObject({ privacyJobId: Id });

endpoint({
  operationId: 'getMyConsent',
  method: 'GET',
  route: 'v1/me/consent',
  summary: 'The terms version in force and what you accepted',
  tags: ['privacy'],
  access: 'tenant',
  beforeConsent: true,
  responses: { 200: { description: 'Your consent', schema: ConsentView } },
  async handle({ principal, services }) {
    return { status: 200, json: toConsentView(await services.privacy.consent.state(principal)) };
  },
});

endpoint({
  operationId: 'acceptTerms',
  method: 'PUT',
  route: 'v1/me/consent',
  summary: 'Accept the terms of service and privacy notice in force (required before first use)',
  tags: ['privacy'],
  access: 'tenant',
  beforeConsent: true,
  body: { kind: 'json', schema: AcceptConsentRequest },
  responses: {
    200: { description: 'Accepted', schema: ConsentView },
    400: { description: 'Not the version in force', schema: ErrorBody },
  },
  async handle({ principal, body, services }) {
    return { status: 200, json: toConsentView(await services.privacy.consent.accept(principal, body.termsVersion)) };
  },
});

endpoint({
  operationId: 'exportMyPersonalData',
  method: 'GET',
  route: 'v1/me/personal-data',
  summary: 'Everything the platform holds about you, as a JSON download',
  tags: ['privacy'],
  access: 'tenant',
  beforeConsent: true,
  responses: { 200: { description: 'Your personal data', contentType: 'application/json' } },
  async handle({ principal, services }) {
    return download(await services.privacy.userExport.prepare(principal));
  },
});

endpoint({
  operationId: 'exportUserPersonalData',
  method: 'GET',
  route: 'v1/users/{userId}/personal-data',
  summary: 'Everything the platform holds about one user of your organization, as a JSON download (admin)',
  tags: ['privacy'],
  access: 'tenant',
  params: UserParams,
  objects: { userId: 'user' },
  responses: {
    200: { description: 'The personal data', contentType: 'application/json' },
    404: { description: 'No such user in your organization', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    return download(await services.privacy.userExport.prepare(principal, params.userId));
  },
});

endpoint({
  operationId: 'startUserErasure',
  method: 'DELETE',
  route: 'v1/users/{userId}',
  summary: 'Erase a user: their account and every trace of their personal data, in a job (admin)',
  tags: ['privacy'],
  access: 'tenant',
  params: UserParams,
  objects: { userId: 'user' },
  orchestrates: true,
  responses: {
    202: { description: 'The erasure job (the same one when asked again)', schema: PrivacyJobView },
    400: { description: 'Your own account', schema: ErrorBody },
    404: { description: 'No such user in your organization', schema: ErrorBody },
    409: { description: "The organization's last active admin (`last_admin`)", schema: ErrorBody },
  },
  async handle({ principal, params, services, orchestrations }) {
    const job = await services.privacy.erasure.request(principal, params.userId, orchestrations);
    return { status: 202, json: toPrivacyJobView(job, services.clock.now()) };
  },
});

endpoint({
  operationId: 'startTenantExport',
  method: 'POST',
  route: 'v1/tenant/exports',
  summary: 'Export the whole organization as a zip, in a job (admin); one runs at a time',
  tags: ['privacy'],
  access: 'tenant',
  orchestrates: true,
  responses: { 202: { description: 'The export job (the running one, if any)', schema: PrivacyJobView } },
  async handle({ principal, services, orchestrations }) {
    const job = await services.privacy.tenantExport.request(principal, orchestrations);
    return { status: 202, json: toPrivacyJobView(job, services.clock.now()) };
  },
});

endpoint({
  operationId: 'listPrivacyJobs',
  method: 'GET',
  route: 'v1/privacy/jobs',
  summary: 'Erasures and organization exports, newest first (admin)',
  tags: ['privacy'],
  access: 'tenant',
  query: ListPrivacyJobsQuery,
  responses: { 200: { description: 'A page of privacy jobs', schema: PrivacyJobPage } },
  async handle({ principal, query, services }) {
    const page = await services.privacy.privacyJobs.list(principal, query);
    const now = services.clock.now();
    return {
      status: 200,
      json: { items: page.items.map((job) => toPrivacyJobView(job, now)), continuationToken: page.continuationToken },
    };
  },
});

endpoint({
  operationId: 'getPrivacyJob',
  method: 'GET',
  route: 'v1/privacy/jobs/{privacyJobId}',
  summary: 'One erasure or organization export, with its report (admin)',
  tags: ['privacy'],
  access: 'tenant',
  params: JobParams,
  objects: { privacyJobId: 'privacyJob' },
  responses: {
    200: { description: 'The job', schema: PrivacyJobView },
    404: { description: 'No such job in your organization', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    const job = await services.privacy.privacyJobs.get(principal, params.privacyJobId);
    return { status: 200, json: toPrivacyJobView(job, services.clock.now()) };
  },
});

endpoint({
  operationId: 'downloadTenantExport',
  method: 'GET',
  route: 'v1/privacy/jobs/{privacyJobId}/download',
  summary: "A short-lived download link for a finished organization export's zip (admin)",
  tags: ['privacy'],
  access: 'tenant',
  params: JobParams,
  objects: { privacyJobId: 'privacyJob' },
  responses: {
    200: { description: 'Download link (15 minutes)', schema: ExportDownload },
    404: { description: 'No such export in your organization', schema: ErrorBody },
    422: { description: 'Not finished, or expired', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    return { status: 200, json: await services.privacy.tenantExport.download(principal, params.privacyJobId) };
  },
});

endpoint({
  operationId: 'deleteTenant',
  method: 'POST',
  route: 'v1/tenant/deletion',
  summary: 'Delete your organization (admin): closed now, its data deleted after the retention period',
  tags: ['privacy'],
  access: 'tenant',
  body: { kind: 'json', schema: TenantDeletionRequest },
  responses: {
    202: { description: 'Scheduled', schema: TenantDeletionView },
    400: { description: 'The name does not match', schema: ErrorBody },
  },
  async handle({ principal, body, services }) {
    const tenant = await services.privacy.tenantDeletion.request(principal, body.tenantName);
    return { status: 202, json: toTenantDeletionView(tenant) };
  },
});

endpoint({
  operationId: 'cancelTenantDeletion',
  method: 'DELETE',
  route: 'v1/operator/tenants/{tenantId}/deletion',
  summary: 'Reopen an organization scheduled for deletion, during the retention period (operator)',
  tags: ['operator'],
  access: 'operator',
  params: z.strictObject({ tenantId: Id }),
  responses: {
    204: { description: 'Reopened (or was not scheduled)' },
    404: { description: 'No such tenant', schema: ErrorBody },
    409: {
      description: 'Too late: the retention period is over, or the purge has begun (`details.reason`)',
      schema: ErrorBody,
    },
  },
  async handle({ principal, params, services }) {
    await services.privacy.tenantDeletion.cancel(principal, params.tenantId);
    return { status: 204 };
  },
});

function download(document: UserDataDocument): Reply {
  return {
    status: 200,
    stream: Readable.from(document.text, { objectMode: false }),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${document.fileName}"`,
      'cache-control': 'no-store',
    },
  };
}
