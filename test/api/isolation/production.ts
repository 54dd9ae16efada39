import { seedFailedJob, seedMasteredChapter, seedPackage, seedPlannedBook } from '../../production/seedBook';
import type { PrepareContext, IsolationTable } from './types';

/** Production, packages and chapter audio. Prepared objects are real documents of the project's own tenant. */
const tenantOf = (ctx: PrepareContext) => (ctx.admin.endsWith('@pampa.test') ? 't-pampa' : 't-andes');

export const isolation: IsolationTable = {
  startProduction: {
    allowed: ['admin', 'creator'],
    prepare: async (ctx) => {
      const { chapterIds } = await seedPlannedBook(ctx.platform, tenantOf(ctx), ctx.projectId);
      return { chapterId: chapterIds[1] };
    },
    request: (_etag, prepared) => ({
      json: { platforms: ['apple'], chapterIds: [prepared.chapterId], allowUnknownSpeakers: true },
    }),
  },
  estimateProduction: { allowed: ['admin', 'creator', 'validator'] },
  retryJob: {
    allowed: ['admin', 'creator'],
    prepare: async (ctx) => ({ jobId: await seedFailedJob(ctx.platform, tenantOf(ctx), ctx.projectId) }),
  },
  regenerateSegmentAudio: {
    allowed: ['admin', 'creator'],
    prepare: async (ctx) => {
      const { segmentIds } = await seedPlannedBook(ctx.platform, tenantOf(ctx), ctx.projectId);
      return { segmentId: segmentIds[segmentIds.length - 1] };
    },
    request: () => ({ json: { platforms: [] as string[] } }),
  },
  listPackages: { allowed: ['admin', 'creator', 'validator'] },
  getPackage: {
    allowed: ['admin', 'creator', 'validator'],
    prepare: async (ctx) => ({ packageId: await seedPackage(ctx.platform, tenantOf(ctx), ctx.projectId) }),
  },
  downloadPackage: {
    allowed: ['admin', 'creator'],
    prepare: async (ctx) => ({ packageId: await seedPackage(ctx.platform, tenantOf(ctx), ctx.projectId) }),
  },
  getChapterAudio: {
    allowed: ['admin', 'creator', 'validator'],
    prepare: async (ctx) => ({ chapterId: await seedMasteredChapter(ctx.platform, tenantOf(ctx), ctx.projectId) }),
  },
};
