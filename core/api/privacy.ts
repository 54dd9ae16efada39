import { z } from 'zod';
import { TERMS_VERSION_PATTERN } from '../privacy/consent';
import type { ConsentState } from '../privacy/consentService';
import { privacyJobKinds, privacyJobStatuses, type PrivacyJobRecord } from '../privacy/privacyJob';
import type { TenantRecord } from '../tenants/tenant';
import { ContinuationQuery, Id, IsoDateTime, page, text } from './common';

export const ConsentView = z
  .object({
    /** The terms version in force. */
    termsVersion: z.string(),
    accepted: z.object({ termsVersion: z.string(), acceptedAt: IsoDateTime }).nullable(),
    /** True until the caller has accepted `termsVersion`; every other tenant operation answers 403 until then. */
    required: z.boolean(),
  })
  .meta({ id: 'Consent' });

export function toConsentView(state: ConsentState): z.infer<typeof ConsentView> {
  return { termsVersion: state.termsVersion, accepted: state.accepted, required: state.required };
}

export const AcceptConsentRequest = z
  .strictObject({ termsVersion: z.string().regex(TERMS_VERSION_PATTERN, 'is not a terms version') })
  .meta({ id: 'AcceptConsentRequest' });

const Counts = z.object({ rewritten: z.number().int(), deleted: z.number().int() });

export const PrivacyJobView = z
  .object({
    id: Id,
    kind: z.enum(privacyJobKinds),
    status: z.enum(privacyJobStatuses),
    phase: z.string(),
    requestedBy: z.string(),
    /** Erasure: the erased person's pseudonym (their id is not kept). */
    subjectRef: z.string().nullable(),
    attempt: z.number().int(),
    /** Erasure: what was found and changed per container (`blobs`: the blob store) and what was left. */
    erasure: z
      .object({
        found: z.record(z.string(), Counts),
        remaining: z.record(z.string(), z.number().int()),
        passes: z.number().int(),
      })
      .nullable(),
    /** Tenant export: what the zip holds, and until when it can be downloaded. */
    export: z
      .object({
        projects: z.number().int(),
        entries: z.number().int(),
        bytes: z.number().int(),
        fileName: z.string(),
        expiresAt: IsoDateTime,
        available: z.boolean(),
      })
      .nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: IsoDateTime,
    startedAt: IsoDateTime.nullable(),
    finishedAt: IsoDateTime.nullable(),
    updatedAt: IsoDateTime,
    etag: z.string(),
  })
  .meta({ id: 'PrivacyJob' });
export type PrivacyJobView = z.infer<typeof PrivacyJobView>;

export const PrivacyJobPage = page(PrivacyJobView).meta({ id: 'PrivacyJobPage' });

export const ListPrivacyJobsQuery = ContinuationQuery.extend({ kind: z.enum(privacyJobKinds).optional() }).strict();

export function toPrivacyJobView(job: PrivacyJobRecord, now: Date): PrivacyJobView {
  const report = job.report;
  const erasure = job.kind === 'erasure' && report && 'found' in report ? report : null;
  const exported = job.kind === 'tenantExport' && report && 'entries' in report ? report : null;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    phase: job.phase,
    requestedBy: job.requestedBy,
    subjectRef: job.subjectRef,
    attempt: job.attempt,
    erasure,
    export:
      exported && job.archive
        ? {
            ...exported,
            fileName: job.archive.fileName,
            expiresAt: job.archive.expiresAt,
            available: !job.archive.deletedAt && Date.parse(job.archive.expiresAt) > now.getTime(),
          }
        : null,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    updatedAt: job.updatedAt,
    etag: job.etag ?? '',
  };
}

export const ExportDownload = z
  .object({ url: z.string(), fileName: z.string(), expiresAt: IsoDateTime })
  .meta({ id: 'ExportDownload' });

export const TenantDeletionRequest = z.strictObject({ tenantName: text(200, 1) }).meta({ id: 'TenantDeletionRequest' });

export const TenantDeletionView = z
  .object({
    tenantId: Id,
    requestedAt: IsoDateTime,
    /** The organization's data is deleted after this; until then the platform operator can reopen it. */
    purgeAfter: IsoDateTime,
  })
  .meta({ id: 'TenantDeletion' });

export function toTenantDeletionView(tenant: TenantRecord): z.infer<typeof TenantDeletionView> {
  if (!tenant.deletion) throw new Error(`Tenant ${tenant.id} is not scheduled for deletion`);
  return { tenantId: tenant.id, requestedAt: tenant.deletion.requestedAt, purgeAfter: tenant.deletion.purgeAfter };
}
