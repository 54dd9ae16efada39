/**
 * One change of a book's chapter order at a time. A reorder writes every chapter's `order` separately, a split shifts
 * the chapters after it and adds one, a merge picks the chapter it absorbs by that order: two of them interleaving
 * left duplicate or missing positions, or merged a chapter with a part of itself. Each first claims the book's order
 * on one document beside the project's job lock (in the jobs container): created create-only the first time, later
 * replaced under the ETag read while free, so of any number of concurrent changes one holds it and reads the chapters
 * only after it does; the others are refused (409) and nothing of theirs is written.
 */
import { ConflictError, PreconditionFailedError } from '../errors';
import type { ProjectCollection, ProjectScopedDocument } from '../ports/documents';
import type { Clock, IdGenerator } from '../ports/system';

export type ChapterOrderChange = 'reorder' | 'split' | 'merge';

export interface ChapterOrderClaim extends ProjectScopedDocument {
  type: 'chapterOrderClaim';
  /** The change holding the order now (a claim id); null when free. */
  heldBy: string | null;
  change: ChapterOrderChange | null;
  since: string | null;
  updatedAt: string;
}

/** How long a claim holds; past it, the change that made it is taken as dead (its writes are a few per chapter). */
export const CHAPTER_ORDER_CLAIM_MS = 2 * 60_000;

/** Ids in per-project containers must be unique per tenant (see adapters/cosmos/containers.ts). */
export function chapterOrderClaimId(projectId: string): string {
  return `${projectId}.chapterOrder`;
}

/** Request fields a refusal names, by the change refused. */
const FIELD: Record<ChapterOrderChange, string> = { reorder: 'chapterIds', split: 'chapterId', merge: 'chapterId' };

export class ChapterOrderClaims {
  constructor(
    private readonly deps: { claims: ProjectCollection<ChapterOrderClaim>; clock: Clock; ids: IdGenerator },
  ) {}

  /**
   * Runs `work` while holding the book's chapter order, then gives it back (even when `work` fails). Throws a 409
   * `conflict` (`details.reason: chapter_order_busy`) when another change holds it.
   */
  async holding<T>(
    tenantId: string,
    projectId: string,
    change: ChapterOrderChange,
    work: () => Promise<T>,
  ): Promise<T> {
    const claimId = await this.claim(tenantId, projectId, change);
    try {
      return await work();
    } finally {
      // Should giving it back fail, the claim lapses after CHAPTER_ORDER_CLAIM_MS.
      await this.release(tenantId, projectId, claimId).catch(() => undefined);
    }
  }

  private async claim(tenantId: string, projectId: string, change: ChapterOrderChange): Promise<string> {
    const current = await this.deps.claims.get(tenantId, projectId, chapterOrderClaimId(projectId));
    if (current && this.holds(current)) throw busy(change);
    const claimId = this.deps.ids.newId('ord');
    const next = this.document(tenantId, projectId, { claimId, change });
    try {
      if (current) await this.deps.claims.replace(next, current.etag!);
      else await this.deps.claims.create(next);
    } catch (error) {
      // Another change claimed the version read: it holds the order now.
      if (error instanceof PreconditionFailedError || error instanceof ConflictError) throw busy(change);
      throw error;
    }
    return claimId;
  }

  private async release(tenantId: string, projectId: string, claimId: string): Promise<void> {
    const current = await this.deps.claims.get(tenantId, projectId, chapterOrderClaimId(projectId));
    // A claim taken over after it lapsed belongs to the change that took it.
    if (current?.heldBy !== claimId) return;
    await this.deps.claims.replace(this.document(tenantId, projectId, null), current.etag!);
  }

  private holds(claim: ChapterOrderClaim): boolean {
    if (!claim.heldBy || !claim.since) return false;
    return this.deps.clock.now().getTime() - Date.parse(claim.since) < CHAPTER_ORDER_CLAIM_MS;
  }

  private document(
    tenantId: string,
    projectId: string,
    holder: { claimId: string; change: ChapterOrderChange } | null,
  ): ChapterOrderClaim {
    const now = this.deps.clock.now().toISOString();
    return {
      id: chapterOrderClaimId(projectId),
      type: 'chapterOrderClaim',
      tenantId,
      projectId,
      heldBy: holder?.claimId ?? null,
      change: holder?.change ?? null,
      since: holder ? now : null,
      updatedAt: now,
    };
  }
}

function busy(change: ChapterOrderChange): ConflictError {
  return new ConflictError('Another change to the order of the chapters is being saved; try again in a moment', {
    field: FIELD[change],
    reason: 'chapter_order_busy',
  });
}
