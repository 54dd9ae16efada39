/**
 * One change of a book's chapter order at a time. A reorder writes every chapter's `order`, a split shifts the
 * chapters after it and adds one, a merge picks the chapter it absorbs by that order: two of them interleaving left
 * duplicate or missing positions, or merged a chapter with a part of itself. Each first claims the book's order on one
 * document beside the chapters (in the chapters container, the project's partition): created create-only the first
 * time, later replaced under the ETag read while free, so of any number of concurrent changes one holds it and reads
 * the chapters only after it does; the others are refused (409) and nothing of theirs is written.
 *
 * The change writes its chapters through the claim (`HeldOrder.write`): each transaction renews the claim under the
 * ETag it holds, together with the chapter writes, so a change whose claim lapsed and was taken over writes nothing
 * more, and a change that keeps writing (a reorder of thousands of chapters) keeps its claim however long it takes.
 */
import type { ChapterRecord } from '../book/records';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../errors';
import type { ProjectCollection, ProjectScopedDocument, TransactionWrite } from '../ports/documents';
import type { TypedRecord } from '../ports/typedCollection';
import type { Clock, IdGenerator } from '../ports/system';

export type ChapterOrderChange = 'reorder' | 'split' | 'merge' | 'import';

export interface ChapterOrderClaim extends ProjectScopedDocument {
  type: 'chapterOrderClaim';
  /** The change holding the order now (a claim id); null when free. */
  heldBy: string | null;
  change: ChapterOrderChange | null;
  /** When the holder last wrote (it renews the claim with every transaction); null when free. */
  since: string | null;
  updatedAt: string;
}

/** How long a claim holds after its holder's last write; past it, the change that made it is taken as dead. */
export const CHAPTER_ORDER_CLAIM_MS = 2 * 60_000;

/** Ids in per-project containers must be unique per tenant (see adapters/cosmos/containers.ts). */
export function chapterOrderClaimId(projectId: string): string {
  return `${projectId}.chapterOrder`;
}

/** Request fields a refusal names, by the change refused. */
const FIELD: Record<ChapterOrderChange, string> = {
  reorder: 'chapterIds',
  split: 'chapterId',
  merge: 'chapterId',
  import: 'manuscriptId',
};

/** How often a job waiting for a change in flight to give the order back looks again. */
const JOB_WAIT_MS = 250;

interface ClaimDeps {
  /** The chapters container: the claim and the chapters share the project's partition, so one transaction holds both. */
  book: ProjectCollection<TypedRecord>;
  clock: Clock;
  ids: IdGenerator;
  /** Waits between a job's looks at a claim held by a change in flight (default: a timer). */
  pause?: (ms: number) => Promise<void>;
}

/** The book's order as its holder sees it: every chapter write goes through `write`. */
export interface HeldOrder {
  /**
   * Stores `writes` (at most MAX_TRANSACTION_WRITES - 1) in one transaction with the claim renewed. Throws the 409
   * `chapter_order_busy` when the claim was taken over (nothing is written), or as the transaction does when a chapter
   * changed meanwhile.
   */
  write(writes: TransactionWrite<ChapterRecord>[]): Promise<(ChapterRecord | undefined)[]>;
}

/** The order held by a job across its steps: each step resumes it, the last gives it back. */
export interface JobHeldOrder extends HeldOrder {
  release(): Promise<void>;
}

export class ChapterOrderClaims {
  constructor(private readonly deps: ClaimDeps) {}

  /**
   * Runs `work` while holding the book's chapter order, then gives it back (even when `work` fails). Throws a 409
   * `conflict` (`details.reason: chapter_order_busy`) when another change holds it.
   */
  async holding<T>(
    tenantId: string,
    projectId: string,
    change: ChapterOrderChange,
    work: (order: HeldOrder) => Promise<T>,
  ): Promise<T> {
    const held = await this.claim(tenantId, projectId, change);
    try {
      return await work(held);
    } finally {
      // Should giving it back fail, the claim lapses CHAPTER_ORDER_CLAIM_MS after its last write.
      await held.release().catch(() => undefined);
    }
  }

  /**
   * The order held by a job that writes the book over several steps (an import): the claim bears the job's id, so
   * each step (and a retried one) resumes it while no other change took it over, and the job keeps it between its
   * steps until `release`. A change in flight holding it is waited for until it gives it back or its claim lapses;
   * a change that comes while the job holds it is refused (409 `chapter_order_busy`) before it reads the chapters.
   */
  async forJob(tenantId: string, projectId: string, change: ChapterOrderChange, jobId: string): Promise<JobHeldOrder> {
    const pause = this.deps.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (;;) {
      const current = await this.read(tenantId, projectId);
      const holder = new Holder(this.deps, tenantId, projectId, change, jobId);
      if (current?.heldBy === jobId) {
        holder.heldAt(current.etag!);
        return holder;
      }
      if (current && this.holds(current)) {
        await pause(JOB_WAIT_MS);
        continue;
      }
      try {
        const stored = current
          ? await this.deps.book.replace(holder.document(), current.etag!)
          : await this.deps.book.create(holder.document());
        holder.heldAt(stored.etag!);
        return holder;
      } catch (error) {
        // A change claimed the version read: look again (and wait for it).
        if (!(error instanceof PreconditionFailedError || error instanceof ConflictError)) throw error;
      }
    }
  }

  private async claim(tenantId: string, projectId: string, change: ChapterOrderChange): Promise<Holder> {
    const current = await this.read(tenantId, projectId);
    if (current && this.holds(current)) throw busy(change);
    const holder = new Holder(this.deps, tenantId, projectId, change, this.deps.ids.newId('ord'));
    try {
      const stored = current
        ? await this.deps.book.replace(holder.document(), current.etag!)
        : await this.deps.book.create(holder.document());
      holder.heldAt(stored.etag!);
    } catch (error) {
      // Another change claimed the version read: it holds the order now.
      if (error instanceof PreconditionFailedError || error instanceof ConflictError) throw busy(change);
      throw error;
    }
    return holder;
  }

  private async read(tenantId: string, projectId: string): Promise<ChapterOrderClaim | undefined> {
    const found = await this.deps.book.get(tenantId, projectId, chapterOrderClaimId(projectId));
    return found?.type === 'chapterOrderClaim' ? (found as ChapterOrderClaim) : undefined;
  }

  private holds(claim: ChapterOrderClaim): boolean {
    if (!claim.heldBy || !claim.since) return false;
    return this.deps.clock.now().getTime() - Date.parse(claim.since) < CHAPTER_ORDER_CLAIM_MS;
  }
}

class Holder implements JobHeldOrder {
  private etag = '';

  constructor(
    private readonly deps: ClaimDeps,
    private readonly tenantId: string,
    private readonly projectId: string,
    private readonly change: ChapterOrderChange,
    private readonly claimId: string,
  ) {}

  heldAt(etag: string): void {
    this.etag = etag;
  }

  async write(writes: TransactionWrite<ChapterRecord>[]): Promise<(ChapterRecord | undefined)[]> {
    try {
      const [claim, ...results] = await this.deps.book.transact(this.tenantId, this.projectId, [
        { op: 'replace', doc: this.document(), etag: this.etag },
        ...writes,
      ]);
      this.etag = claim!.etag!;
      return results as (ChapterRecord | undefined)[];
    } catch (error) {
      if (error instanceof PreconditionFailedError || error instanceof NotFoundError) {
        const current = await this.deps.book.get(this.tenantId, this.projectId, chapterOrderClaimId(this.projectId));
        if (current?.etag !== this.etag) throw busy(this.change);
      }
      throw error;
    }
  }

  /** Frees the claim, unless another change took it over after it lapsed (it belongs to that change then). */
  async release(): Promise<void> {
    await this.deps.book.replace(this.document(false), this.etag).catch((error: unknown) => {
      if (!(error instanceof PreconditionFailedError)) throw error;
    });
  }

  /** The claim as this holder writes it: held from now, or free. */
  document(held = true): ChapterOrderClaim {
    const now = this.deps.clock.now().toISOString();
    return {
      id: chapterOrderClaimId(this.projectId),
      type: 'chapterOrderClaim',
      tenantId: this.tenantId,
      projectId: this.projectId,
      heldBy: held ? this.claimId : null,
      change: held ? this.change : null,
      since: held ? now : null,
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
