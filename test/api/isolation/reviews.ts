import { importSmallManuscript } from './fixtures';
import type { IsolationTable, PrepareContext } from './types';

/** Review: everyone on a project reads and comments; only validators and admins decide on chapters. */
async function withChapter({ platform, projectId, admin }: PrepareContext): Promise<Record<string, string>> {
  const { chapterIds } = await importSmallManuscript(platform, admin, projectId);
  return { chapterId: chapterIds[0] };
}

async function withThread(ctx: PrepareContext): Promise<Record<string, string>> {
  const { chapterId } = await withChapter(ctx);
  const res = await ctx.platform.api(ctx.admin, `/v1/projects/${ctx.projectId}/review/threads`, {
    method: 'POST',
    json: { chapterId, body: 'Matrix comment' },
  });
  if (res.status !== 201) throw new Error(`thread failed: ${res.status} ${await res.text()}`);
  return { chapterId, threadId: ((await res.json()) as { id: string }).id };
}

const everyone = ['admin', 'creator', 'validator'] as const;

export const isolation: IsolationTable = {
  // The studio's navigation counts (functions/studio.ts).
  getProjectFacts: { allowed: [...everyone] },
  getReviewSummary: { allowed: [...everyone] },
  listReviewThreads: { allowed: [...everyone] },
  createReviewThread: {
    allowed: [...everyone],
    prepare: withChapter,
    request: (_etag, prepared) => ({ json: { chapterId: prepared.chapterId, body: 'Please check this chapter.' } }),
  },
  getReviewThread: { allowed: [...everyone], prepare: withThread },
  addReviewComment: { allowed: [...everyone], prepare: withThread, request: () => ({ json: { body: 'Agreed.' } }) },
  resolveReviewThread: { allowed: [...everyone], prepare: withThread },
  reopenReviewThread: { allowed: [...everyone], prepare: withThread },
  setChapterDecision: {
    allowed: ['admin', 'validator'],
    prepare: withChapter,
    request: () => ({ json: { decision: 'approved' } }),
  },
};
