/**
 * What the production activities need, built by the composition root once per process (`productionContext()` there):
 * the app's services plus the few collections only production touches (packages, pause policy) and a process-wide
 * TTS rate limiter.
 */
import type { AppServices } from '../appServices';
import type { VoiceDescriptor } from '../../core/casting/casting';
import type { LexiconEntry } from '../../core/lexicon/lexicon';
import type { ProjectCollection } from '../../core/ports/documents';
import {
  effectivePausePolicy,
  pausePolicyDocumentId,
  type PausePolicy,
  type PausePolicyRecord,
} from '../../core/planning/pausePolicy';
import { AdaptiveConcurrency } from '../../core/production/adaptiveConcurrency';
import type { PackageRecord } from '../../core/production/packageRecord';

export interface ProductionContext {
  svc: AppServices;
  packages: ProjectCollection<PackageRecord>;
  /** One limiter per process: every synthesis activity in this host shares the TTS service's capacity. */
  speechLimiter: AdaptiveConcurrency;
  voices(): Promise<VoiceDescriptor[]>;
  pausePolicy(tenantId: string, projectId: string): Promise<PausePolicy>;
  /**
   * The project's pronunciation lexicon. Each segment's content address carries the version of the entries that
   * change its request (core/production/speechPlan.ts segmentLexicon), so an edit re-renders only those segments.
   */
  lexicon(tenantId: string, projectId: string): Promise<LexiconEntry[]>;
}

/** The collections the composition root hands production. */
export interface ProductionStores {
  packages: ProjectCollection<PackageRecord>;
  /** The pause policy is a settings document in the lexicon container. */
  settings: ProjectCollection<PausePolicyRecord>;
}

export function buildProductionContext(svc: AppServices, stores: ProductionStores): ProductionContext {
  return {
    svc,
    packages: stores.packages,
    speechLimiter: new AdaptiveConcurrency({
      initialLimit: 2,
      maxLimit: svc.config.TTS_ENGINE === 'offline' ? 2 : 16,
    }),
    voices: () => svc.voices.list(),
    async pausePolicy(tenantId, projectId) {
      const record = await stores.settings.get(tenantId, projectId, pausePolicyDocumentId(projectId));
      return effectivePausePolicy(record?.overrides);
    },
    async lexicon(tenantId, projectId) {
      const { entries } = await svc.lexicon.snapshot(tenantId, projectId);
      return entries;
    },
  };
}
