import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { ConsistencyCheckRequest, ConsistencyReportView, toConsistencyReportView } from '../core/api/consistency';
import { endpoint } from './http/endpoint';

/** The operator's consistency check of a project's plan and counters (docs/planning.md, "Consistency check"). */
endpoint({
  operationId: 'checkProjectConsistency',
  method: 'POST',
  route: 'v1/operator/tenants/{tenantId}/projects/{projectId}/consistency-check',
  summary:
    "Platform operator: check that every chapter's segments spell its text at contiguous positions, that no stray segments remain and that the project's counters equal what is stored; with repair, fix what fails",
  tags: ['operator'],
  access: 'operator',
  params: z.strictObject({ tenantId: Id, projectId: Id }),
  body: { kind: 'json', schema: ConsistencyCheckRequest },
  // The project first: the isolation matrix exercises the first object an operation names.
  objects: { projectId: 'project', tenantId: 'tenant' },
  responses: {
    200: { description: 'What was found and, with repair, what was done', schema: ConsistencyReportView },
    400: { description: 'Invalid input; `details.fields` names each field', schema: ErrorBody },
    401: { description: 'Not signed in', schema: ErrorBody },
    403: { description: 'Only the platform operator may check consistency', schema: ErrorBody },
    404: { description: 'No such project in that tenant', schema: ErrorBody },
    409: { description: 'A job is running for the project; repair once it has finished', schema: ErrorBody },
  },
  async handle({ principal, params, body, services }) {
    const report = await services.consistency.check(principal, params.tenantId, params.projectId, {
      repair: body.repair,
      attribution: services.analysis.attribution,
    });
    return { status: 200, json: toConsistencyReportView(report) };
  },
});
