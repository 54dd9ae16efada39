/**
 * What the production activities need, gathered from the composition root once per process: the app's services plus
 * the few collections only production touches (packages, pause policy) and a process-wide TTS rate limiter.
 */
import { services, type Services } from '../compositionRoot';
import { containerDefinitions } from '../cosmos/containers';
import { CosmosProjectCollection } from '../cosmos/cosmosCollections';
import type { VoiceDescriptor } from '../../core/casting/casting';
import type { LexiconEntry } from '../../core/lexicon/lexicon';
import type { ProjectCollection } from '../../core/ports/documents';
import type { VoiceCatalog } from '../../core/ports/voices';
import {
  effectivePausePolicy,
  pausePolicyDocumentId,
  type PausePolicy,
  type PausePolicyRecord,
} from '../../core/planning/pausePolicy';
import { AdaptiveConcurrency } from '../../core/production/adaptiveConcurrency';
import type { PackageRecord } from '../../core/production/packageRecord';
import { OfflineVoiceCatalog } from '../voices/offlineVoiceCatalog';

export interface ProductionContext {
  svc: Services;
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

let built: ProductionContext | undefined;

export function productionContext(): ProductionContext {
  built ??= buildContext(services());
  return built;
}

function buildContext(svc: Services): ProductionContext {
  const container = (name: keyof typeof containerDefinitions) => svc.database.container(containerDefinitions[name].id);
  // The pause policy is a settings document in the lexicon container.
  const settings = new CosmosProjectCollection<PausePolicyRecord>(container('lexicon'));
  // The catalog joins the composition root with the voices feature; until then the offline engine's voices.
  const catalog: VoiceCatalog = (svc as Services & { voices?: VoiceCatalog }).voices ?? new OfflineVoiceCatalog();
  return {
    svc,
    packages: new CosmosProjectCollection<PackageRecord>(container('packages')),
    speechLimiter: new AdaptiveConcurrency({
      initialLimit: 2,
      maxLimit: svc.config.TTS_ENGINE === 'offline' ? 2 : 16,
    }),
    voices: () => catalog.list(),
    async pausePolicy(tenantId, projectId) {
      const record = await settings.get(tenantId, projectId, pausePolicyDocumentId(projectId));
      return effectivePausePolicy(record?.overrides);
    },
    async lexicon(tenantId, projectId) {
      const { entries } = await svc.lexicon.snapshot(tenantId, projectId);
      return entries;
    },
  };
}
