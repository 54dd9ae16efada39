import { importSmallManuscript, SMALL_MANUSCRIPT } from './fixtures';
import type { IsolationTable, PrepareContext } from './types';

/** Manuscript upload and chapters. Every object-scoped operation runs on a project with a real imported book. */
async function imported({ platform, projectId, admin }: PrepareContext): Promise<Record<string, string>> {
  const { chapterIds } = await importSmallManuscript(platform, admin, projectId);
  const res = await platform.api(admin, `/v1/projects/${projectId}/chapters/${chapterIds[0]}`);
  if (res.status !== 200) throw new Error(`chapter read failed: ${res.status}`);
  return { chapterId: chapterIds[0], nextChapterId: chapterIds[1], chapterEtag: res.headers.get('etag')! };
}

const readers = ['admin', 'creator', 'validator'] as const;
const editors = ['admin', 'creator'] as const;

export const isolation: IsolationTable = {
  uploadManuscript: {
    allowed: [...editors],
    request: () => ({ headers: { 'content-type': 'text/plain' }, body: SMALL_MANUSCRIPT }),
  },
  getManuscript: { allowed: [...readers], prepare: imported },
  getManuscriptOriginal: { allowed: [...readers], prepare: imported },
  listChapters: { allowed: [...readers], prepare: imported },
  reorderChapters: {
    allowed: [...editors],
    prepare: imported,
    request: (_etag, prepared) => ({ json: { chapterIds: [prepared.nextChapterId, prepared.chapterId] } }),
  },
  getChapter: { allowed: [...readers], prepare: imported },
  updateChapter: {
    allowed: [...editors],
    prepare: imported,
    request: (_etag, prepared) => ({ headers: { 'if-match': prepared.chapterEtag }, json: { title: 'Matrix' } }),
  },
  deleteChapter: { allowed: [...editors], prepare: imported },
  restoreChapter: { allowed: [...editors], prepare: imported },
  mergeChapterWithNext: { allowed: [...editors], prepare: imported },
  splitChapter: { allowed: [...editors], prepare: imported, request: () => ({ json: { offset: 5 } }) },
  getChapterSpokenForm: { allowed: [...readers], prepare: imported },
};
