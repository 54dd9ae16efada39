/**
 * What the production activities need, built once per process by productionContext.ts (called by the composition
 * root): the app's services, production's job steps and packaging (core/production/), the pause policy and lexicon
 * readers and a process-wide TTS rate limiter.
 */
import type { AppServices } from '../appServices';
import type { VoiceDescriptor } from '../../core/casting/casting';
import type { LexiconEntry } from '../../core/lexicon/lexicon';
import type { PausePolicy } from '../../core/planning/pausePolicy';
import type { AdaptiveConcurrency } from '../../core/production/adaptiveConcurrency';
import type { BookPackaging } from '../../core/production/bookPackaging';
import type { ProductionJob } from '../../core/production/productionJob';

export interface ProductionContext {
  svc: AppServices;
  /** The job's steps: preflight, checkpoints, progress, the stop watch, finish and fail. */
  job: ProductionJob;
  /** The credits, then one package per platform: which chapters, reuse or build, the record. */
  packaging: BookPackaging;
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
