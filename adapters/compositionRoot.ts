import { CosmosClient, type Database } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { BlobStore } from '../core/ports/blobs';
import type { Clock, IdGenerator, Logger } from '../core/ports/system';
import type { ProjectRecord } from '../core/projects/project';
import { ProjectService } from '../core/projects/projectService';
import type { TenantRecord } from '../core/tenants/tenant';
import { TenantService } from '../core/tenants/tenantService';
import { TenantStorageUsage, type StorageUsageRecord } from '../core/tenants/storageUsage';
import { typedTenantCollection, type TypedRecord } from '../core/ports/typedCollection';
import type { UserRecord } from '../core/users/user';
import { UserService } from '../core/users/userService';
import { AzureBlobStore } from './blob/azureBlobStore';
import { type AppEnvironment, getConfig } from './config/config';
import { containerDefinitions } from './cosmos/containers';
import { CosmosProjectCollection, CosmosTenantCollection, CosmosTenantDirectory } from './cosmos/cosmosCollections';
import { buildRecordCollections, type RecordCollections } from './cosmos/recordCollections';
import type { JobRecord } from '../core/jobs/job';
import { JobService } from '../core/jobs/jobService';
import { JobSweep } from '../core/jobs/jobSweep';
import { ProjectJobLocks, type ProjectJobLock } from '../core/jobs/projectJobLock';
import { createJwtTokenVerifier } from './identity/jwtTokenVerifier';
import { createAzureSpeechFromConfig } from './tts/azure/fromConfig';
import { sharpCoverProcessor } from './images/sharpCoverProcessor';
import { createLogger } from './logging/logger';
import { IdempotencyStore } from './cosmos/idempotencyStore';
import { CosmosIdentityStore, deactivatedAnywhere } from './cosmos/identityStore';
import { randomIds, systemClock } from './system/system';
import { PlanService } from '../core/planning/planService';
import { PlanConsistencyService } from '../core/planning/planConsistency';
import { planWriteFaults } from './planning/planWriteFaults';
import { SegmentService } from '../core/planning/segmentService';
import { LexiconService } from '../core/lexicon/lexiconService';
import { buildCharacterServices } from './voices/characterServices';
import { CostService } from '../core/costs/costService';
import type { CostRecord } from '../core/costs/costEntry';
import { buildWebhookServices } from './webhooks/webhookServices';
import { buildManuscriptServices } from './manuscript/manuscriptServices';
import { createAudioToolchain, createEventPublisher, createSpeechSynthesizer } from './production/productionAdapters';
import { createAnalysisEngines } from './llm/createAnalysisEngines';
import { ReviewService } from '../core/review/reviewService';
import { buildPrivacyServices } from './privacy/privacyServices';
import { buildPlatformMetrics } from './metrics/platformMetrics';
import { measuringAnalysisEngines, measuringSpeechSynthesizer } from './metrics/measuringPorts';
import type { AppServices } from './appServices';
import { CharacterDetectionJob } from '../core/jobs/characterDetectionJob';
import { BookReader } from '../core/book/bookReader';
import { PackageService } from '../core/production/packageService';
import { buildProductionContext, type ProductionContext } from './production/productionContext';
import type { ChapterListening } from '../core/production/chapterListening';
import type { ProductionJob } from '../core/production/productionJob';
import type { Waveform } from '../core/listening/waveform';
import { MediaLinks } from './listening/mediaLinks';
import { chapterWaveform, type MasterAudio } from './listening/waveform';

/**
 * The one composition root: SDK clients are built once per process, from the one config, and handed to core as ports.
 * Triggers call `services()`; nothing else constructs clients.
 */
export interface Services extends AppServices {
  /** Production's job steps; the API asks them for the estimate and the quota check before a job starts. */
  production: ProductionJob;
  /** The player's reads of a chapter: its timeline and a segment's takes, from the speech plan production uses. */
  listening: ChapterListening;
  /** Sealed, short-lived links the browser's audio element streams a take or a master through. */
  mediaLinks: MediaLinks;
  /** A chapter master's waveform peaks, measured once and stored beside the master. */
  waveforms: { ofMaster(master: MasterAudio): Promise<Waveform> };
}

interface Root {
  services: Services;
  production: ProductionContext;
}

let built: Root | undefined;

function root(): Root {
  built ??= buildRoot(getConfig());
  return built;
}

export function services(): Services {
  return root().services;
}

/** The production activities' view: the same services plus production's own collections and its TTS limiter. */
export function productionContext(): ProductionContext {
  return root().production;
}

let detection: CharacterDetectionJob | undefined;

/** The `characters` job's steps, over the app's services (its activities are one-line calls into it). */
export function characterDetectionJob(): CharacterDetectionJob {
  const svc = services();
  detection ??= new CharacterDetectionJob({
    jobs: svc.jobs,
    projects: svc.projects,
    chapters: svc.book.chapters,
    characterStore: svc.characterStore,
    engine: svc.analysis.characters,
    tenants: svc.tenants,
    costs: svc.costs,
    clock: svc.clock,
  });
  return detection;
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

function buildRoot(config: AppEnvironment): Root {
  const logger = createLogger(config.LOG_LEVEL);
  const database = buildCosmos(config).database(config.COSMOS_DATABASE);
  const container = (name: keyof typeof containerDefinitions) => database.container(containerDefinitions[name].id);
  const projects = new CosmosTenantCollection<ProjectRecord>(container('projects'));
  const users = new CosmosTenantCollection<UserRecord>(container('users'));
  const tenants = new CosmosTenantDirectory<TenantRecord>(container('tenants'));
  const blobs = buildBlobs(config);
  const clock = systemClock;
  const ids = randomIds;
  const events = createEventPublisher(config, () => azureCredential(config));
  // One set of Azure Speech clients (synthesizer and voice list), authenticated the same way, when TTS_ENGINE=azure.
  const azureSpeech =
    config.TTS_ENGINE === 'azure' ? createAzureSpeechFromConfig(config, () => azureCredential(config)) : undefined;
  const metrics = buildPlatformMetrics({ container: container('metrics'), tenants, clock, ids, logger });
  const projectService = new ProjectService({
    projects,
    users,
    blobs,
    covers: sharpCoverProcessor,
    clock,
    ids,
    metrics: metrics.recorder,
  });
  const identities = new CosmosIdentityStore(container('identities'));
  const records = buildRecordCollections(database);
  const book: Services['book'] = {
    manuscripts: records.manuscripts,
    chapters: records.chapters,
    characters: records.characters,
    segments: records.segments,
  };
  const costs = new CostService({
    costs: new CosmosProjectCollection<CostRecord>(container('costs')),
    projects,
    clock,
    ids,
  });
  const sweepGraceMs = config.KHIPU_MODE === 'local' ? config.JOB_SWEEP_GRACE_MS : undefined;
  const jobRecords = new CosmosProjectCollection<JobRecord>(container('jobs'));
  const jobs = new JobService({
    jobs: jobRecords,
    locks: new CosmosProjectCollection<ProjectJobLock>(container('jobs')),
    jobsAndLocks: new CosmosProjectCollection<JobRecord | ProjectJobLock>(container('jobs')),
    tenants,
    characterUsage: costs,
    projects: projectService,
    clock,
    ids,
    events,
    metrics: metrics.recorder,
    // The store production's pins live in (productionContext.ts hands the same one to the chapters' activities).
    pins: blobs,
    logger,
    orchestrationStartGraceMs: sweepGraceMs,
  });
  const app: AppServices = {
    config,
    metrics,
    logger,
    clock,
    ids,
    blobs,
    tokenVerifier: createJwtTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URI,
      tenantClaim: config.AUTH_TENANT_CLAIM,
      rolesClaim: config.AUTH_ROLES_CLAIM,
      maxTokenLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    }),
    idempotency: new IdempotencyStore(container('idempotency')),
    projects: projectService,
    book,
    bookReader: new BookReader(book),
    packages: new PackageService({ packages: records.packages }),
    jobs,
    jobSweep: new JobSweep({ jobs: jobRecords, settlement: jobs, clock, logger, graceMs: sweepGraceMs }),
    ...buildManuscriptServices({
      maxUploadBytes: config.MAX_UPLOAD_BYTES,
      book,
      chapterStore: new CosmosProjectCollection<TypedRecord>(container('chapters')),
      projects: projectService,
      jobs,
      blobs,
      clock,
      ids,
    }),
    tenants: new TenantService({
      tenants,
      users,
      identities,
      isDeactivatedAnywhere: deactivatedAnywhere(container('users')),
      clock,
      ids,
    }),
    ...buildPlanningServices(container, records, projectService, jobs, clock, ids, logger, config),
    ...buildCharacterServices({
      config,
      charactersContainer: container('characters'),
      characters: records.characters,
      segments: records.segments,
      chapters: records.chapters,
      projects: projectService,
      blobs,
      clock,
      planJobs: {
        locks: new ProjectJobLocks({ locks: new CosmosProjectCollection<ProjectJobLock>(container('jobs')), clock }),
        jobs: new CosmosProjectCollection<JobRecord>(container('jobs')),
        settlement: jobs,
      },
      // Resolved on first audition, once the root (and its speech synthesizer) exists.
      speech: () => services().speech,
      azureVoiceList: azureSpeech?.voices,
    }),
    speech: measuringSpeechSynthesizer(createSpeechSynthesizer(config, azureSpeech), metrics.recorder),
    analysis: measuringAnalysisEngines(
      createAnalysisEngines(config, () => azureCredential(config)),
      metrics.recorder,
    ),
    audio: createAudioToolchain(config),
    events,
    users: new UserService({ users, clock }),
    privacy: buildPrivacyServices({
      database,
      users,
      tenants,
      identities,
      blobs,
      clock,
      ids,
      termsVersion: config.TERMS_VERSION,
    }),
    costs,
    // Beside the metrics aggregates: a measurement of the tenant, in its partition, never the tenant document.
    storageUsage: new TenantStorageUsage({
      documents: typedTenantCollection<StorageUsageRecord>(
        new CosmosTenantCollection(container('metrics')),
        'storageUsage',
      ),
      blobs,
      clock,
    }),
    reviews: new ReviewService({
      threads: records.reviewThreads,
      approvals: records.chapterApprovals,
      chapters: records.chapters,
      segments: records.segments,
      characters: records.characters,
      lexicon: records.lexiconEntries,
      projects: projectService,
      events,
      clock,
      ids,
      logger,
    }),
    ...buildWebhookServices({
      config,
      webhooksContainer: container('webhooks'),
      deliveriesContainer: container('deliveries'),
      tenants,
      events,
      blobs,
      clock,
      ids,
      logger,
    }),
  };
  const production = buildProductionContext(app, {
    packages: records.packages,
    settings: records.pausePolicies,
  });
  const listeningExtras = {
    mediaLinks: new MediaLinks(blobs, () => clock.now()),
    waveforms: {
      ofMaster: (master: MasterAudio) => chapterWaveform({ blobs, ffmpegPath: config.FFMPEG_PATH }, master),
    },
  };
  return {
    services: { ...app, production: production.job, listening: production.listening, ...listeningExtras },
    production,
  };
}

function buildPlanningServices(
  container: (name: keyof typeof containerDefinitions) => ReturnType<Database['container']>,
  records: RecordCollections,
  projects: ProjectService,
  jobs: JobService,
  clock: Clock,
  ids: IdGenerator,
  logger: Logger,
  config: AppEnvironment,
): Pick<Services, 'planning' | 'segments' | 'lexicon' | 'consistency'> {
  const { chapters, segments, characters } = records;
  const planning = new PlanService({
    chapters,
    segments,
    characters,
    settings: records.pausePolicies,
    projects,
    clock,
    ids,
    logger,
    faults: planWriteFaults(config),
  });
  return {
    planning,
    consistency: new PlanConsistencyService({
      chapters,
      segments,
      characters,
      jobs: records.jobs,
      projects,
      planning,
      clock,
      ids,
    }),
    segments: new SegmentService({
      chapters,
      segments,
      characters,
      projects,
      clock,
      ids,
      planJobs: {
        locks: new ProjectJobLocks({ locks: new CosmosProjectCollection<ProjectJobLock>(container('jobs')), clock }),
        jobs: new CosmosProjectCollection<JobRecord>(container('jobs')),
        settlement: jobs,
      },
    }),
    lexicon: new LexiconService({
      entries: records.lexiconEntries,
      state: records.lexiconState,
      keys: records.lexiconKeys,
      rosters: records.lexiconRosters,
      chapters,
      segments,
      projects,
      clock,
      ids,
      maxEntries: config.KHIPU_MODE === 'local' ? config.LEXICON_MAX_ENTRIES : undefined,
    }),
  };
}
