import { seedMasteredChapter, seedPackage } from '../../production/seedBook';
import { seedMasteredChapterWithAudio, seedPackageWithSample, seedRenderedSegment } from '../../listening/seedTakes';
import type { IsolationTable, PrepareContext } from './types';

/** Listening: timelines, what would sound different now, waveforms, takes and their audio, choosing a take, package previews and media links. */
const tenantOf = (ctx: PrepareContext) => (ctx.admin.endsWith('@pampa.test') ? 't-pampa' : 't-andes');
const mastered = async (ctx: PrepareContext) => ({
  chapterId: await seedMasteredChapter(ctx.platform, tenantOf(ctx), ctx.projectId),
});
const rendered = async (ctx: PrepareContext) => {
  const { segmentId, takeId } = await seedRenderedSegment(ctx.platform, tenantOf(ctx), ctx.projectId);
  return { segmentId, takeId };
};
const everyone = ['admin', 'creator', 'validator'] as const;

export const isolation: IsolationTable = {
  getChapterTimeline: { allowed: [...everyone], prepare: mastered },
  getChapterAudioLink: { allowed: [...everyone], prepare: mastered },
  getSoundChanges: { allowed: [...everyone], prepare: mastered },
  getChapterWaveform: {
    allowed: [...everyone],
    prepare: async (ctx) => ({
      chapterId: await seedMasteredChapterWithAudio(ctx.platform, tenantOf(ctx), ctx.projectId),
    }),
  },
  listSegmentTakes: { allowed: [...everyone], prepare: rendered },
  getTakeAudio: { allowed: [...everyone], prepare: rendered },
  getTakeAudioLink: { allowed: [...everyone], prepare: rendered },
  selectTake: { allowed: ['admin', 'creator'], prepare: rendered },
  listPackagePreviews: {
    allowed: [...everyone],
    prepare: async (ctx) => ({ packageId: await seedPackage(ctx.platform, tenantOf(ctx), ctx.projectId) }),
  },
  getPackagePreviewLink: {
    allowed: [...everyone],
    prepare: async (ctx) => ({
      packageId: await seedPackageWithSample(ctx.platform, tenantOf(ctx), ctx.projectId),
      role: 'retail-sample',
    }),
  },
};
