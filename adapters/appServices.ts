/**
 * What the composition root (compositionRoot.ts) builds: every service the app shares, handed to triggers and
 * activities. Apart from the root so that the production context, whose builder takes these services, can be built by
 * the root without an import cycle; the root adds the two core services built in that context (`Services.production`,
 * `Services.listening`).
 */
import type { TokenVerifier } from '../core/auth/principal';
import type { BookReader } from '../core/book/bookReader';
import type { ChapterRecord, CharacterRecord, ManuscriptRecord, SegmentRecord } from '../core/book/records';
import type { CostService } from '../core/costs/costService';
import type { JobService } from '../core/jobs/jobService';
import type { JobSweep } from '../core/jobs/jobSweep';
import type { LexiconService } from '../core/lexicon/lexiconService';
import type { PlanConsistencyService } from '../core/planning/planConsistency';
import type { PlanService } from '../core/planning/planService';
import type { SegmentService } from '../core/planning/segmentService';
import type { AnalysisEngines } from '../core/ports/analysis';
import type { AudioToolchain } from '../core/ports/audio';
import type { BlobStore } from '../core/ports/blobs';
import type { TypedCollection } from '../core/ports/typedCollection';
import type { EventPublisher } from '../core/ports/events';
import type { SpeechSynthesizer } from '../core/ports/speech';
import type { Clock, IdGenerator, Logger } from '../core/ports/system';
import type { PackageService } from '../core/production/packageService';
import type { ProjectService } from '../core/projects/projectService';
import type { ReviewService } from '../core/review/reviewService';
import type { TenantService } from '../core/tenants/tenantService';
import type { TenantStorageUsage } from '../core/tenants/storageUsage';
import type { UserService } from '../core/users/userService';
import type { WebhookDispatcher } from '../core/webhooks/webhookDispatcher';
import type { WebhookService } from '../core/webhooks/webhookService';
import type { AppEnvironment } from './config/config';
import type { IdempotencyStore } from './cosmos/idempotencyStore';
import type { ManuscriptServices } from './manuscript/manuscriptServices';
import type { PlatformMetrics } from './metrics/platformMetrics';
import type { PrivacyServices } from './privacy/privacyServices';
import type { CharacterServices } from './voices/characterServices';

export interface AppServices {
  config: AppEnvironment;
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  tokenVerifier: TokenVerifier;
  blobs: BlobStore;
  idempotency: IdempotencyStore;
  projects: ProjectService;
  tenants: TenantService;
  users: UserService;
  /** The book's documents (for the services and jobs that write them); manuscripts live beside chapters. */
  book: {
    manuscripts: TypedCollection<ManuscriptRecord>;
    chapters: TypedCollection<ChapterRecord>;
    characters: TypedCollection<CharacterRecord>;
    segments: TypedCollection<SegmentRecord>;
  };
  /** The book as the API reads it: one chapter, one segment, a chapter's plan, the cast. */
  bookReader: BookReader;
  /** The packages production built, as the API reads them. */
  packages: PackageService;
  jobs: JobService;
  /** Finds jobs whose orchestration died without settling them, and productions left holding pins. */
  jobSweep: JobSweep;
  /** Manuscript upload and its background import; chapter edits and the spoken-form preview. */
  manuscripts: ManuscriptServices['manuscripts'];
  manuscriptImport: ManuscriptServices['manuscriptImport'];
  chapters: ManuscriptServices['chapters'];
  /** Planning (segments, attribution, pause policy), segment editing and the pronunciation lexicon. */
  planning: PlanService;
  segments: SegmentService;
  lexicon: LexiconService;
  /** The operator's check (and repair) of a project's plan and counters. */
  consistency: PlanConsistencyService;
  /** The configured TTS engine's voice catalog (the allowlist for casting and SSML). */
  voices: CharacterServices['voices'];
  auditions: CharacterServices['auditions'];
  characterStore: CharacterServices['characterStore'];
  characters: CharacterServices['characters'];
  casting: CharacterServices['casting'];
  /** The configured TTS engine (offline espeak-ng unless TTS_ENGINE=azure). */
  speech: SpeechSynthesizer;
  /** Character detection and speaker attribution: the heuristic unless LLM_ENGINE selects Azure OpenAI. */
  analysis: AnalysisEngines;
  audio: AudioToolchain;
  events: EventPublisher;
  costs: CostService;
  /** The bytes each tenant stores, as a stored measurement (one point read for the storage quota). */
  storageUsage: TenantStorageUsage;
  webhooks: WebhookService;
  webhookDispatcher: WebhookDispatcher;
  /** Comment threads and chapter decisions (the validator's review). */
  reviews: ReviewService;
  /** Consent, audit trail, personal-data export, erasure, tenant export and deletion. */
  privacy: PrivacyServices;
  /** What the platform measures: OpenTelemetry export and the stored daily aggregates the operator reads. */
  metrics: PlatformMetrics;
}
