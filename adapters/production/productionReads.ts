/**
 * Production as the API sees it before and after a job: what producing would cost and what blocks it, the quota
 * check before a job starts, and a chapter's timeline and a segment's takes for the player. Triggers reach production
 * through this service; the production activities use the production context directly.
 */
import type { ChapterTimelineView } from '../../core/api/takes';
import type { ChapterRecord } from '../../core/book/records';
import type { PackagePlatform } from '../../core/packaging/types';
import type { AssessOptions, ProductionAssessment } from '../../core/production/productionJob';
import { chapterTimeline, segmentTakes } from '../listening/chapterListening';
import type { ProductionContext } from './productionContextType';

export class ProductionReads {
  constructor(private readonly context: ProductionContext) {}

  /** The plan's problems, what production would render and its estimate; refuses a blocked plan unless told not to. */
  assess(
    tenantId: string,
    projectId: string,
    chapterIds: string[] | null | undefined,
    options: AssessOptions,
  ): Promise<ProductionAssessment> {
    return this.context.job.assess(tenantId, projectId, chapterIds, options);
  }

  /** Refuses (quota_exceeded) a production the tenant's quota cannot take, before anything is spent. */
  checkQuota(
    job: { tenantId: string; projectId: string; platforms: PackagePlatform[] },
    assessment: ProductionAssessment,
  ): Promise<void> {
    return this.context.job.checkQuota(job, assessment);
  }

  timeline(chapter: ChapterRecord): Promise<ChapterTimelineView> {
    return chapterTimeline(this.context, chapter);
  }

  segmentTakes(chapter: ChapterRecord, segmentId: string): ReturnType<typeof segmentTakes> {
    return segmentTakes(this.context, chapter, segmentId);
  }
}
