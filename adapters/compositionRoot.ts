import { CosmosClient, type Database } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { TokenVerifier } from '../core/auth/principal';
import type { BlobStore } from '../core/ports/blobs';
import type { Clock, IdGenerator, Logger } from '../core/ports/system';
import type { ProjectRecord } from '../core/projects/project';
import { ProjectService } from '../core/projects/projectService';
import type { TenantRecord } from '../core/tenants/tenant';
import { TenantService } from '../core/tenants/tenantService';
import type { UserRecord } from '../core/users/user';
import { UserService } from '../core/users/userService';
import { AzureBlobStore } from './blob/azureBlobStore';
import { type AppEnvironment, getConfig } from './config/config';
import { containerDefinitions } from './cosmos/containers';
import { CosmosProjectCollection, CosmosTenantCollection, CosmosTenantDirectory } from './cosmos/cosmosCollections';
import type { ChapterRecord, CharacterRecord, ManuscriptRecord, SegmentRecord } from '../core/book/records';
import type { JobRecord } from '../core/jobs/job';
import { JobService } from '../core/jobs/jobService';
import type { ProjectCollection } from '../core/ports/documents';
import { createJwtTokenVerifier } from './identity/jwtTokenVerifier';
import { sharpCoverProcessor } from './images/sharpCoverProcessor';
import { createLogger } from './logging/logger';
import { IdempotencyStore } from './cosmos/idempotencyStore';
import { randomIds, systemClock } from './system/system';

/**
 * The one composition root: SDK clients are built once per process, from the one config, and handed to core as ports.
 * Triggers call `services()`; nothing else constructs clients.
 */
export interface Services {
  config: AppEnvironment;
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  tokenVerifier: TokenVerifier;
  blobs: BlobStore;
  database: Database;
  idempotency: IdempotencyStore;
  projects: ProjectService;
  tenants: TenantService;
  users: UserService;
  /** The book's documents; manuscripts live beside chapters (`type` tells them apart). */
  book: {
    manuscripts: ProjectCollection<ManuscriptRecord>;
    chapters: ProjectCollection<ChapterRecord>;
    characters: ProjectCollection<CharacterRecord>;
    segments: ProjectCollection<SegmentRecord>;
  };
  jobs: JobService;
}

let built: Services | undefined;

export function services(): Services {
  built ??= buildServices(getConfig());
  return built;
}

function azureCredential(config: AppEnvironment): TokenCredential {
  return new DefaultAzureCredential(config.AZURE_CLIENT_ID ? { managedIdentityClientId: config.AZURE_CLIENT_ID } : {});
}

function buildCosmos(config: AppEnvironment): CosmosClient {
  if (config.KHIPU_MODE === 'local') {
    // The emulator advertises https endpoints it does not serve; stay on the configured one.
    return new CosmosClient({
      endpoint: config.COSMOS_ENDPOINT,
      key: config.COSMOS_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  }
  return new CosmosClient({ endpoint: config.COSMOS_ENDPOINT, aadCredentials: azureCredential(config) });
}

function buildBlobs(config: AppEnvironment): BlobStore {
  if (config.KHIPU_MODE === 'local') {
    const service = BlobServiceClient.fromConnectionString(config.STORAGE_CONNECTION_STRING);
    const sharedKey = service.credential instanceof StorageSharedKeyCredential ? service.credential : undefined;
    return new AzureBlobStore(service, service.getContainerClient(config.BLOB_CONTAINER), sharedKey);
  }
  const service = new BlobServiceClient(config.STORAGE_BLOB_ENDPOINT, azureCredential(config));
  return new AzureBlobStore(service, service.getContainerClient(config.BLOB_CONTAINER));
}

function buildServices(config: AppEnvironment): Services {
  const logger = createLogger();
  const database = buildCosmos(config).database(config.COSMOS_DATABASE);
  const container = (name: keyof typeof containerDefinitions) => database.container(containerDefinitions[name].id);
  const projects = new CosmosTenantCollection<ProjectRecord>(container('projects'));
  const users = new CosmosTenantCollection<UserRecord>(container('users'));
  const tenants = new CosmosTenantDirectory<TenantRecord>(container('tenants'));
  const blobs = buildBlobs(config);
  const clock = systemClock;
  const ids = randomIds;
  const projectService = new ProjectService({ projects, users, blobs, covers: sharpCoverProcessor, clock, ids });
  return {
    config,
    logger,
    clock,
    ids,
    database,
    blobs,
    tokenVerifier: createJwtTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URI,
      tenantClaim: config.AUTH_TENANT_CLAIM,
      rolesClaim: config.AUTH_ROLES_CLAIM,
    }),
    idempotency: new IdempotencyStore(container('idempotency')),
    projects: projectService,
    book: {
      manuscripts: new CosmosProjectCollection<ManuscriptRecord>(container('chapters')),
      chapters: new CosmosProjectCollection<ChapterRecord>(container('chapters')),
      characters: new CosmosProjectCollection<CharacterRecord>(container('characters')),
      segments: new CosmosProjectCollection<SegmentRecord>(container('segments')),
    },
    jobs: new JobService({
      jobs: new CosmosProjectCollection<JobRecord>(container('jobs')),
      projects: projectService,
      clock,
      ids,
    }),
    tenants: new TenantService({ tenants, users, clock, ids }),
    users: new UserService({ users, clock, ids }),
  };
}
