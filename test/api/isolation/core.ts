import { importSmallManuscript } from './fixtures';
import type { IsolationTable } from './types';

/** Projects, covers, users and jobs. */
export const isolation: IsolationTable = {
  getProject: { allowed: ['admin', 'creator', 'validator'] },
  updateProject: {
    allowed: ['admin', 'creator'],
    request: (etag) => ({ headers: { 'if-match': etag }, json: { metadata: { subtitle: 'Matrix' } } }),
  },
  archiveProject: { allowed: ['admin', 'creator'] },
  deleteProject: { allowed: ['admin', 'creator'] },
  restoreProject: { allowed: ['admin'] },
  setProjectMembers: {
    allowed: ['admin', 'creator'],
    request: () => ({ json: { validatorIds: ['u-andes-validator'] } }),
  },
  uploadCover: {
    allowed: ['admin', 'creator'],
    request: () => ({ headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(coverJpeg()) }),
  },
  getCover: { allowed: ['admin', 'creator', 'validator'] },
  getUser: { allowed: ['admin'] },
  updateUser: { allowed: ['admin'], request: () => ({ json: { displayName: 'Renamed by matrix' } }) },
  listJobs: { allowed: ['admin', 'creator', 'validator'] },
  getJob: {
    allowed: ['admin', 'creator', 'validator'],
    prepare: async ({ platform, projectId, admin }) => ({
      jobId: (await importSmallManuscript(platform, admin, projectId)).jobId,
    }),
  },
  cancelJob: {
    allowed: ['admin', 'creator'],
    prepare: async ({ platform, projectId, admin }) => ({
      jobId: (await importSmallManuscript(platform, admin, projectId)).jobId,
    }),
  },
};

let cover: Buffer | undefined;
/** Set by the matrix before it runs (sharp is async). */
export function setCoverJpeg(bytes: Buffer): void {
  cover = bytes;
}
function coverJpeg(): Buffer {
  if (!cover) throw new Error('cover not prepared');
  return cover;
}
