/**
 * The bytes a tenant stores, as a stored measurement (docs/domain.md, "Costs and quotas"): readers (the usage view, a
 * production's storage check) make one point read; only a measurement lists the tenant's blobs, at the points where
 * storage changes a lot (a production ends, the daily maintenance run purges projects) and the first time the figure is
 * read; an upload adds its own bytes to the stored figure, without a listing. The measurement is its own small
 * document in the tenant's partition, never the tenant document, whose ETag production slot claims contend for.
 */
import { ConflictError, PreconditionFailedError } from '../errors';
import { tenantBlobPrefix, type BlobStore } from '../ports/blobs';
import type { StoredDocument, TenantCollection } from '../ports/documents';
import type { Clock, Logger } from '../ports/system';

export const STORAGE_USAGE_TYPE = 'storageUsage';
/** One document per tenant, in the tenant's own partition. */
export const STORAGE_USAGE_ID = 'storage-usage';

export interface StoredBytes {
  bytes: number;
  /** When the listing behind `bytes` began (ISO 8601): blobs stored after it may be missing from the figure. */
  measuredAt: string;
}

export interface StorageUsageRecord extends StoredDocument, StoredBytes {
  type: typeof STORAGE_USAGE_TYPE;
  id: typeof STORAGE_USAGE_ID;
}

export interface StorageUsageDeps {
  documents: TenantCollection<StorageUsageRecord>;
  blobs: Pick<BlobStore, 'bytesUnder'>;
  clock: Clock;
}

/**
 * Each lost race means another measurement was stored meanwhile; a newer one ends the write, so this is only reached
 * by a long run of older measurements finishing one after another.
 */
const MAX_WRITE_ATTEMPTS = 100;

export class TenantStorageUsage {
  constructor(private readonly deps: StorageUsageDeps) {}

  /** The stored figure: one point read; measured now only when the tenant has none yet. */
  async current(tenantId: string): Promise<StoredBytes> {
    const stored = await this.deps.documents.get(tenantId, STORAGE_USAGE_ID);
    return stored ? figureOf(stored) : this.measure(tenantId);
  }

  /**
   * Lists the tenant's blobs once and stores their total, unless a measurement that began later is already stored:
   * then that one stays, and is what this answers.
   */
  async measure(tenantId: string): Promise<StoredBytes> {
    const measuredAt = this.deps.clock.now().toISOString();
    const bytes = await this.deps.blobs.bytesUnder(tenantBlobPrefix(tenantId));
    return this.store(tenantId, { bytes, measuredAt });
  }

  /**
   * Adds what an upload stored to the figure, less what it deleted (a replaced cover), in an ETag-conditional replace
   * with no listing: its cost does not grow with the tenant; `measuredAt` stays the listing's. The next measurement
   * replaces the sum: one that began before the upload and is stored after it may leave the upload out until the one
   * after, so a deletion it never counted could take the sum below zero, which is never stored.
   */
  async addStored(tenantId: string, bytes: number): Promise<StoredBytes> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.documents.get(tenantId, STORAGE_USAGE_ID);
      // No figure yet: the first measurement lists the upload with everything else.
      if (!stored) return this.measure(tenantId);
      const record: StorageUsageRecord = {
        type: STORAGE_USAGE_TYPE,
        id: STORAGE_USAGE_ID,
        tenantId,
        bytes: Math.max(0, stored.bytes + bytes),
        measuredAt: stored.measuredAt,
      };
      try {
        return figureOf(await this.deps.documents.replace(record, stored.etag!));
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private async store(tenantId: string, figure: StoredBytes): Promise<StoredBytes> {
    const record: StorageUsageRecord = { type: STORAGE_USAGE_TYPE, id: STORAGE_USAGE_ID, tenantId, ...figure };
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.documents.get(tenantId, STORAGE_USAGE_ID);
      if (stored && stored.measuredAt >= figure.measuredAt) return figureOf(stored);
      try {
        return figureOf(
          stored ? await this.deps.documents.replace(record, stored.etag!) : await this.deps.documents.create(record),
        );
      } catch (error) {
        const lostRace = error instanceof PreconditionFailedError || error instanceof ConflictError;
        if (!lostRace || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }
}

/**
 * After an upload is stored: its bytes are added to the tenant's figure, so the storage quota counts the upload at
 * once rather than at the next measurement. The upload is already stored and stays so whatever happens here: a
 * failure is logged and left to the next measurement.
 */
export async function countUpload(
  usage: Pick<TenantStorageUsage, 'addStored'>,
  logger: Logger,
  upload: { tenantId: string; projectId: string; kind: 'manuscript' | 'cover'; bytes: () => Promise<number> },
): Promise<void> {
  try {
    await usage.addStored(upload.tenantId, await upload.bytes());
  } catch (error) {
    logger.warn('counting an upload in the stored bytes failed', {
      tenantId: upload.tenantId,
      projectId: upload.projectId,
      upload: upload.kind,
      error: String(error),
    });
  }
}

function figureOf(record: StoredBytes): StoredBytes {
  return { bytes: record.bytes, measuredAt: record.measuredAt };
}
