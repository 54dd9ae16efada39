import type { Database } from '@azure/cosmos';
import { typedTenantCollection } from '../../core/ports/typedCollection';
import type { BlobStore } from '../../core/ports/blobs';
import type { Clock, IdGenerator } from '../../core/ports/system';
import { AuditTrail, type AuditRecord } from '../../core/privacy/audit';
import { ConsentService } from '../../core/privacy/consentService';
import { ErasureService } from '../../core/privacy/erasureService';
import type { PrivacyJobRecord } from '../../core/privacy/privacyJob';
import { PrivacyJobService } from '../../core/privacy/privacyJobService';
import { ArchivedProjectPurge } from '../../core/privacy/projectPurge';
import { Pseudonyms } from '../../core/privacy/pseudonym';
import { PrivacyRetention } from '../../core/privacy/retention';
import { TenantDeletionService } from '../../core/privacy/tenantDeletion';
import { TenantExportService, type TenantExportClaim } from '../../core/privacy/tenantExportService';
import { UserDataExport } from '../../core/privacy/userExport';
import type { IdentityStore } from '../../core/tenants/identity';
import type { TenantRecord } from '../../core/tenants/tenant';
import { AdminRoster } from '../../core/users/adminRoster';
import type { UserRecord } from '../../core/users/user';
import { containerDefinitions } from '../cosmos/containers';
import { CosmosTenantCollection, type CosmosTenantDirectory } from '../cosmos/cosmosCollections';
import { BlobPseudonymKeys } from './blobPseudonymKeys';
import { CosmosTenantDocuments } from './cosmosTenantDocuments';
import { ZipArchiveWriter } from './zipArchiveWriter';

export interface PrivacyServices {
  consent: ConsentService;
  pseudonyms: Pseudonyms;
  audit: AuditTrail;
  userExport: UserDataExport;
  privacyJobs: PrivacyJobService;
  erasure: ErasureService;
  tenantExport: TenantExportService;
  tenantDeletion: TenantDeletionService;
  retention: PrivacyRetention;
}

export interface PrivacyServicesInput {
  database: Database;
  users: CosmosTenantCollection<UserRecord>;
  tenants: CosmosTenantDirectory<TenantRecord>;
  identities: IdentityStore;
  blobs: BlobStore;
  clock: Clock;
  ids: IdGenerator;
  termsVersion: string;
}

/** Wires the privacy domain (consent, audit, export, erasure, tenant deletion, retention) for the composition root. */
export function buildPrivacyServices(input: PrivacyServicesInput): PrivacyServices {
  const { database, users, tenants, identities, blobs, clock, ids } = input;
  const privacyContainer = database.container(containerDefinitions.privacy.id);
  const jobDocuments = typedTenantCollection<PrivacyJobRecord>(
    new CosmosTenantCollection(privacyContainer),
    'privacyJob',
  );
  // The users container holds user records and each tenant's admin roster; bound to the user type, an erasure or
  // export reads only the records, and shuts an account through the roster.
  const userRecords = typedTenantCollection<UserRecord>(users, 'user');
  const documents = new CosmosTenantDocuments(database);
  const pseudonyms = new Pseudonyms(new BlobPseudonymKeys(blobs));
  const audit = new AuditTrail({
    audit: typedTenantCollection<AuditRecord>(
      new CosmosTenantCollection(database.container(containerDefinitions.audit.id)),
      'audit',
    ),
    pseudonyms,
    clock,
    ids,
  });
  const privacyJobs = new PrivacyJobService({ jobs: jobDocuments, clock });
  const tenantExport = new TenantExportService({
    jobs: jobDocuments,
    claims: typedTenantCollection<TenantExportClaim>(new CosmosTenantCollection(privacyContainer), 'tenantExportClaim'),
    privacyJobs,
    tenants,
    documents,
    blobs,
    archives: new ZipArchiveWriter(blobs),
    clock,
    ids,
  });
  const tenantDeletion = new TenantDeletionService({ tenants, documents, blobs, pseudonyms, clock });
  return {
    consent: new ConsentService({ users, clock, termsVersion: input.termsVersion }),
    pseudonyms,
    audit,
    userExport: new UserDataExport({ users: userRecords, tenants, documents, audit, pseudonyms, clock }),
    privacyJobs,
    erasure: new ErasureService({
      users: userRecords,
      admins: new AdminRoster({ container: users, clock }),
      identities,
      privacyJobs,
      privacyJobDocuments: jobDocuments,
      documents,
      blobs,
      pseudonyms,
      clock,
    }),
    tenantExport,
    tenantDeletion,
    retention: new PrivacyRetention({
      deletion: tenantDeletion,
      audit,
      exports: tenantExport,
      projects: new ArchivedProjectPurge({ documents, blobs, clock }),
    }),
  };
}
