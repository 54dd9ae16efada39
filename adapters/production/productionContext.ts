/**
 * Builds the production context once per process (the composition root calls it): production's core services over
 * the app's services and production's collections, with the audio side of packaging (credits, package builds) as the
 * adapters that run ffmpeg and the speech engine in this context.
 */
import type { AppServices } from '../appServices';
import type { ProjectCollection } from '../../core/ports/documents';
import { effectivePausePolicy, pausePolicyDocumentId, type PausePolicyRecord } from '../../core/planning/pausePolicy';
import { AdaptiveConcurrency } from '../../core/production/adaptiveConcurrency';
import { BookPackaging } from '../../core/production/bookPackaging';
import type { SpeechPlanSources } from '../../core/production/chapterPlanSources';
import { ChapterListening } from '../../core/production/chapterListening';
import { ChapterMastering } from '../../core/production/chapterMastering';
import type { PackageRecord } from '../../core/production/packageRecord';
import { ProductionJob } from '../../core/production/productionJob';
import { SegmentSynthesis } from '../../core/production/segmentSynthesis';
import { createMasterFiles } from './masterFiles';
import { buildAndStoreFiles } from './packageBuild';
import type { ProductionContext } from './productionContextType';
import { productionStepFaults } from './productionStepFaults';
import { prepareCredits } from './retailCredits';
import { createSegmentCache } from './segmentCache';
import { createSynthesisFiles } from './synthesisFiles';

export type { ProductionContext } from './productionContextType';

/** The collections the composition root hands production. */
export interface ProductionStores {
  packages: ProjectCollection<PackageRecord>;
  /** The pause policy is a settings document in the lexicon container. */
  settings: ProjectCollection<PausePolicyRecord>;
}

export function buildProductionContext(svc: AppServices, stores: ProductionStores): ProductionContext {
  // Segments this machine synthesized and chapter encodings it stored, read back from disk by the chapter's mastering
  // and the packages instead of downloaded.
  const segmentCache = createSegmentCache({ maxBytes: svc.config.SEGMENT_CACHE_MAX_BYTES });
  const voices = () => svc.voices.list();
  // Off unless a test sets FAULT_INJECT_PRODUCTION_STEPS (local mode only).
  const faults = productionStepFaults(svc.config);
  const speechPlan: SpeechPlanSources = {
    projects: svc.projects,
    book: svc.book,
    voices,
    async pausePolicy(tenantId, projectId) {
      const record = await stores.settings.get(tenantId, projectId, pausePolicyDocumentId(projectId));
      return effectivePausePolicy(record?.overrides);
    },
    async lexicon(tenantId, projectId) {
      const { entries } = await svc.lexicon.snapshot(tenantId, projectId);
      return entries;
    },
    speechEngine: svc.speech.engine,
    pins: faults ? faults.pins(svc.blobs) : svc.blobs,
  };
  const job = new ProductionJob({
    jobs: svc.jobs,
    projects: svc.projects,
    tenants: svc.tenants,
    storage: svc.storageUsage,
    costs: svc.costs,
    planning: svc.planning,
    book: svc.book,
    packages: stores.packages,
    voices,
    speechEngine: svc.speech.engine,
    speechPlan,
    clock: svc.clock,
    logger: svc.logger,
  });
  const context: ProductionContext = {
    tools: { blobs: svc.blobs, audio: svc.audio, ffmpegPath: svc.config.FFMPEG_PATH, localCopies: segmentCache },
    job,
    packaging: new BookPackaging({
      projects: svc.projects,
      tenants: svc.tenants,
      book: svc.book,
      packages: stores.packages,
      blobs: svc.blobs,
      events: svc.events,
      clock: svc.clock,
      // The audio side runs in the context being built (blobs, ffmpeg, the speech engine).
      files: {
        prepareCredits: (job, book) => prepareCredits(context, job, book),
        build: (input, project, chapters, last, cover) =>
          buildAndStoreFiles(context, input, project, chapters, last, cover),
      },
    }),
    synthesis: new SegmentSynthesis({
      book: svc.book,
      speechPlan,
      speech: svc.speech,
      // One limiter per process: every synthesis activity in this host shares the TTS service's capacity.
      limiter: new AdaptiveConcurrency({
        initialLimit: 2,
        maxLimit: svc.config.TTS_ENGINE === 'offline' ? 2 : 16,
      }),
      files: createSynthesisFiles(svc.blobs, segmentCache),
      blobs: svc.blobs,
      jobs: svc.jobs,
      job,
      tenants: svc.tenants,
      costs: svc.costs,
      metrics: svc.metrics.recorder,
      clock: svc.clock,
    }),
    speechPlan,
    listening: new ChapterListening({ book: svc.book, speechPlan }),
    mastering: new ChapterMastering({
      book: svc.book,
      speechPlan,
      blobs: svc.blobs,
      files: faults
        ? faults.masterFiles(createMasterFiles(svc.blobs, svc.audio, segmentCache))
        : createMasterFiles(svc.blobs, svc.audio, segmentCache),
      job,
      events: svc.events,
      clock: svc.clock,
    }),
  };
  return context;
}
