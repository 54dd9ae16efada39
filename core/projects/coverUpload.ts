/**
 * Storing a project's cover (docs/reliability.md, "Cover uploads"). Each upload writes a version folder of its own
 * (the original and two derived images) before the project record points to it, so the record is only ever changed
 * by one conditional write and concurrent uploads never mix their files. Whatever the outcome, no version folder is
 * left that the record does not point to: a lost write leaves nothing behind, and the upload that replaces a cover
 * deletes the replaced one.
 */
import { authorizeProjectAction } from '../auth/permissions';
import type { TenantPrincipal } from '../auth/principal';
import { NotFoundError, PreconditionFailedError } from '../errors';
import { projectBlobPrefix, type BlobStore } from '../ports/blobs';
import type { TenantCollection } from '../ports/documents';
import type { CoverProcessor } from '../ports/images';
import type { Clock, IdGenerator } from '../ports/system';
import type { IncomingFile } from '../ports/uploads';
import { refuseArchived, type ProjectRecord } from './project';

type CoverRecord = NonNullable<ProjectRecord['cover']>;

export interface CoverUploadDeps {
  projects: TenantCollection<ProjectRecord>;
  blobs: BlobStore;
  covers: CoverProcessor;
  clock: Clock;
  ids: IdGenerator;
}

export interface StoredCover {
  project: ProjectRecord;
  /** What the tenant stores more (or less) because of this upload: its own files less the cover it replaced. */
  storedBytesChange: number;
}

/**
 * Each lost race means another upload or edit of the project was stored meanwhile; a PUT without `If-Match` is the
 * last writer's, so it is applied again on the fresh record rather than refused.
 */
const MAX_SAVE_ATTEMPTS = 50;

export async function uploadCover(
  deps: CoverUploadDeps,
  user: TenantPrincipal,
  project: ProjectRecord,
  image: IncomingFile,
): Promise<StoredCover> {
  // Checked before the file is read, and again on the record the cover is written to: the daily retention run purges
  // archived projects, and a cover written while it runs would outlive the project.
  refuseArchived(project);
  const cover = await deps.covers.process(image, async (processed) => {
    const prefix = `${projectBlobPrefix(user.tenantId, project.id)}cover/${deps.ids.newId('cov')}/`;
    const blobs = {
      original: `${prefix}original.${processed.originalFormat === 'png' ? 'png' : 'jpg'}`,
      retail: `${prefix}retail-3000.jpg`,
      thumbnail: `${prefix}thumbnail.jpg`,
    };
    const written: CoverRecord = {
      width: processed.width,
      height: processed.height,
      originalFormat: processed.originalFormat,
      uploadedAt: deps.clock.now().toISOString(),
      blobs,
      warnings: processed.notes.map((note) => note.message),
      notes: processed.notes,
    };
    try {
      await deps.blobs.put(blobs.original, processed.original.open(), `image/${processed.originalFormat}`);
      await deps.blobs.put(blobs.retail, processed.retailJpeg, 'image/jpeg');
      await deps.blobs.put(blobs.thumbnail, processed.thumbnailJpeg, 'image/jpeg');
    } catch (error) {
      await deleteCover(deps.blobs, written).catch(() => undefined);
      throw error;
    }
    return written;
  });
  // Measured while only this upload knows the folder: once the record points to it, a later upload may delete it.
  const ownBytes = await coverBytes(deps.blobs, cover);
  let saved: { project: ProjectRecord; replaced: CoverRecord | null };
  try {
    saved = await pointRecordAt(deps, user, project.id, cover);
  } catch (error) {
    await forgetUnstoredCover(deps, user.tenantId, project.id, cover);
    throw error;
  }
  if (!saved.replaced) return { project: saved.project, storedBytesChange: ownBytes };
  // Only the upload whose write replaced a cover deletes it, so its files are counted off the figure exactly once.
  const replacedBytes = await coverBytes(deps.blobs, saved.replaced);
  await deleteCover(deps.blobs, saved.replaced);
  return { project: saved.project, storedBytesChange: ownBytes - replacedBytes };
}

async function pointRecordAt(
  deps: CoverUploadDeps,
  user: TenantPrincipal,
  projectId: string,
  cover: CoverRecord,
): Promise<{ project: ProjectRecord; replaced: CoverRecord | null }> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.projects.get(user.tenantId, projectId);
    if (!current) throw new NotFoundError('Project');
    authorizeProjectAction(user, 'project.update', current);
    refuseArchived(current);
    const now = deps.clock.now().toISOString();
    try {
      const project = await deps.projects.replace(
        { ...current, cover, updatedAt: now, updatedBy: user.userId },
        current.etag!,
      );
      return { project, replaced: current.cover };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_SAVE_ATTEMPTS) throw error;
    }
  }
}

/**
 * After a failed write: the files go unless the record points to them after all (a write whose answer was lost may
 * have been stored, and a record pointing to deleted files would lose the project its cover).
 */
async function forgetUnstoredCover(
  deps: CoverUploadDeps,
  tenantId: string,
  projectId: string,
  cover: CoverRecord,
): Promise<void> {
  try {
    const current = await deps.projects.get(tenantId, projectId);
    if (current?.cover?.blobs.original !== cover.blobs.original) await deleteCover(deps.blobs, cover);
  } catch {
    // The files stay until the project is purged; the caller's error is the one that matters.
  }
}

async function coverBytes(blobs: BlobStore, cover: CoverRecord): Promise<number> {
  const sizes = await Promise.all(Object.values(cover.blobs).map((name) => blobs.bytesUnder(name)));
  return sizes.reduce((sum, bytes) => sum + bytes, 0);
}

async function deleteCover(blobs: BlobStore, cover: CoverRecord): Promise<void> {
  await Promise.all(Object.values(cover.blobs).map((name) => blobs.delete(name)));
}
