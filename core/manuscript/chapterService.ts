import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterRecord, CharacterRecord } from '../book/records';
import { recountCastFacts } from '../casting/speakingCast';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { settleOnce } from '../common/settleOnce';
import { ConflictError, DomainError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import { MAX_TRANSACTION_WRITES, type Filter } from '../ports/documents';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import type { ChapterType } from './manuscript';
import { spokenPreviewOf, type SpokenPreviewPage } from './spokenPreview';
import { textStats } from './stats';
import {
  assertSplitOffset,
  byReadingOrder,
  headingAtStart,
  reorderChapters,
  transactionGroups,
  withNewText,
} from './chapterEdits';
import type { ChapterOrderClaims, HeldOrder } from './chapterOrderClaim';

export interface ChapterServiceDeps {
  chapters: TypedCollection<ChapterRecord>;
  /** Read to recount the speaking cast: a chapter deleted or restored takes its plan's speakers with it. */
  characters: TypedCollection<CharacterRecord>;
  projects: ProjectService;
  /** Held by a reorder, split or merge from before it reads the chapters until its last write. */
  orderClaims: ChapterOrderClaims;
  clock: Clock;
  ids: IdGenerator;
}

export interface ChapterPatch {
  title?: string;
  chapterType?: ChapterType;
  text?: string;
}

interface Scope {
  user: TenantPrincipal;
  project: ProjectRecord;
}

const PAGE_SIZE = 100;
/**
 * What one transaction of moved chapters may carry: Cosmos DB refuses a batch over 2 MB, and the claim and the
 * operations' envelopes ride along.
 */
const MAX_TRANSACTION_BYTES = 1_500_000;
/** Transactions of moved chapters written again after meeting an edit, before the reorder gives up (412). */
const MOVE_ATTEMPTS = 5;

/**
 * The user's edits to a book's chapters. Text is only ever moved, never rewritten: merge concatenates exactly,
 * split cuts at an offset, so the book's text is the concatenation of its chapters before and after any edit.
 * A merge or a split stores its two chapters in one transaction, so a crash leaves the text neither twice nor lost.
 * Reorder, split and merge hold the book's chapter order (core/manuscript/chapterOrderClaim.ts) while they read and
 * write it.
 */
export class ChapterService {
  constructor(private readonly deps: ChapterServiceDeps) {}

  async list(principal: Principal | undefined, projectId: string, includeDeleted: boolean): Promise<ChapterRecord[]> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    return this.listAll(user.tenantId, projectId, includeDeleted);
  }

  async get(principal: Principal | undefined, projectId: string, chapterId: string): Promise<ChapterRecord> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    return this.find(user.tenantId, projectId, chapterId);
  }

  async update(
    principal: Principal | undefined,
    projectId: string,
    chapterId: string,
    ifMatch: string | undefined,
    patch: ChapterPatch,
  ): Promise<ChapterRecord> {
    const { user } = await this.editable(principal, projectId);
    const chapter = await this.find(user.tenantId, projectId, chapterId);
    if (!ifMatch) {
      throw new DomainError('precondition_required', 'Send If-Match with the ETag of the chapter you edited', {
        field: 'If-Match',
      });
    }
    assertFresh(chapter, ifMatch);
    let changed: ChapterRecord = {
      ...chapter,
      title: patch.title ?? chapter.title,
      chapterType: patch.chapterType ?? chapter.chapterType,
    };
    if (patch.text !== undefined && patch.text !== chapter.text) changed = withNewText(changed, patch.text);
    return this.save(changed, ifMatch);
  }

  async reorder(principal: Principal | undefined, projectId: string, chapterIds: string[]): Promise<ChapterRecord[]> {
    const { user } = await this.editable(principal, projectId);
    return this.deps.orderClaims.holding(user.tenantId, projectId, 'reorder', async (order) => {
      const all = await this.listAll(user.tenantId, projectId, true);
      await this.writeOrders(order, all, reorderChapters(all, chapterIds));
      return this.listAll(user.tenantId, projectId, false);
    });
  }

  /** Appends the next live chapter's text to this one (exactly) and removes the next chapter. */
  async mergeNext(
    principal: Principal | undefined,
    projectId: string,
    chapterId: string,
    ifMatch: string | undefined,
  ): Promise<ChapterRecord> {
    const { user } = await this.editable(principal, projectId);
    return this.deps.orderClaims.holding(user.tenantId, projectId, 'merge', (order) =>
      this.mergeHoldingOrder(order, user, projectId, chapterId, ifMatch),
    );
  }

  private async mergeHoldingOrder(
    order: HeldOrder,
    user: TenantPrincipal,
    projectId: string,
    chapterId: string,
    ifMatch: string | undefined,
  ): Promise<ChapterRecord> {
    const all = (await this.listAll(user.tenantId, projectId, true)).sort(byReadingOrder);
    const position = all.findIndex((chapter) => chapter.id === chapterId);
    const chapter = all[position];
    if (!chapter) throw new NotFoundError('Chapter');
    if (ifMatch) assertFresh(chapter, ifMatch);
    if (chapter.deleted) throw new ConflictError('Restore the chapter before merging it');
    const next = all.slice(position + 1).find((candidate) => !candidate.deleted);
    if (!next) throw new ConflictError('This is the last chapter: there is nothing to merge it with');
    // One transaction: the longer chapter saved and the next one deleted, each on the version read, or neither. As two
    // writes a process killed between them left the next chapter's text twice; an edit of either chapter meanwhile,
    // or a merge of the next one, makes it fail (412) with nothing written.
    const [merged] = await order.write([
      { op: 'replace', doc: this.touched(withNewText(chapter, chapter.text + next.text)), etag: chapter.etag! },
      { op: 'delete', id: next.id, etag: next.etag! },
    ]);
    await this.recountAfterChapterChange(user.tenantId, projectId);
    return merged!;
  }

  /** Cuts the chapter at `offset`; the text from there on becomes a new chapter right after it. */
  async split(
    principal: Principal | undefined,
    projectId: string,
    chapterId: string,
    request: { offset: number; title?: string },
    ifMatch: string | undefined,
  ): Promise<{ first: ChapterRecord; second: ChapterRecord }> {
    const { user } = await this.editable(principal, projectId);
    return this.deps.orderClaims.holding(user.tenantId, projectId, 'split', (order) =>
      this.splitHoldingOrder(order, user, projectId, chapterId, request, ifMatch),
    );
  }

  private async splitHoldingOrder(
    order: HeldOrder,
    user: TenantPrincipal,
    projectId: string,
    chapterId: string,
    request: { offset: number; title?: string },
    ifMatch: string | undefined,
  ): Promise<{ first: ChapterRecord; second: ChapterRecord }> {
    const all = (await this.listAll(user.tenantId, projectId, true)).sort(byReadingOrder);
    const chapter = all.find((candidate) => candidate.id === chapterId);
    if (!chapter) throw new NotFoundError('Chapter');
    if (ifMatch) assertFresh(chapter, ifMatch);
    if (chapter.deleted) throw new ConflictError('Restore the chapter before splitting it');
    assertSplitOffset(chapter.text, request.offset);

    const tail = chapter.text.slice(request.offset);
    const heading = headingAtStart(tail);
    const now = this.now();
    const position = all.indexOf(chapter);
    // Make room right after the chapter (a kill after it leaves a gap in the positions, nothing else).
    await this.writeOrders(
      order,
      all,
      all.map((candidate, index) => ({ ...candidate, order: index <= position ? index : index + 1 })),
    );
    const current = await this.find(user.tenantId, projectId, chapter.id);
    if (current.text !== chapter.text)
      throw new PreconditionFailedError('The chapter changed while splitting', current);
    // One transaction: the first half saved and the second created, or neither (as two writes, a kill between them
    // left the second half's text twice).
    const [first, second] = await order.write([
      {
        op: 'replace',
        doc: this.touched(withNewText(current, chapter.text.slice(0, request.offset))),
        etag: current.etag!,
      },
      {
        op: 'create',
        doc: {
          id: this.deps.ids.newId('chp'),
          type: 'chapter',
          tenantId: user.tenantId,
          projectId,
          order: position + 1,
          title: request.title ?? heading?.title ?? `${chapter.title} (continued)`,
          chapterType: chapter.chapterType,
          headingText: heading?.headingText.trim() ? heading.headingText : '',
          text: tail,
          stats: textStats(tail),
          deleted: false,
          textVersion: 1,
          planStatus: 'none',
          master: null,
          createdAt: now,
          updatedAt: now,
        },
      },
    ]);
    await this.recountAfterChapterChange(user.tenantId, projectId);
    return { first: first!, second: second! };
  }

  async remove(principal: Principal | undefined, projectId: string, chapterId: string): Promise<ChapterRecord> {
    return this.setDeleted(principal, projectId, chapterId, true);
  }

  async restore(principal: Principal | undefined, projectId: string, chapterId: string): Promise<ChapterRecord> {
    return this.setDeleted(principal, projectId, chapterId, false);
  }

  /** What will be spoken for a page of the chapter's paragraphs, in the book's language; the text is not changed. */
  async spokenPreview(
    principal: Principal | undefined,
    projectId: string,
    chapterId: string,
    page: { start: number; limit: number },
  ): Promise<SpokenPreviewPage> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.read');
    const chapter = await this.find(user.tenantId, projectId, chapterId);
    return spokenPreviewOf(chapter, project.metadata.language, page);
  }

  /**
   * Stores the project's chapter count as the store counts the live chapters now (docs/planning.md, "Counters"):
   * never an increment, so parallel edits cannot lose one or count one twice.
   */
  recountChapters(tenantId: string, projectId: string): Promise<void> {
    return this.deps.projects.recountFacts(tenantId, projectId, 'chapters', async () => ({
      chapterCount: await this.deps.chapters.count(tenantId, projectId, {
        op: 'and',
        filters: [{ field: 'deleted', op: 'eq', value: false }],
      }),
    }));
  }

  /**
   * The chapter count and the speaking cast, which counts the speakers of the live chapters' plans: after a chapter
   * is deleted, restored, merged or split, and after an import swapped the chapters (and their plans) for new ones.
   */
  async recountAfterChapterChange(tenantId: string, projectId: string): Promise<void> {
    await this.recountChapters(tenantId, projectId);
    await recountCastFacts(this.deps, tenantId, projectId);
  }

  /** Every chapter of the project (for the import job and for other steps acting for the system). */
  async listAll(tenantId: string, projectId: string, includeDeleted: boolean): Promise<ChapterRecord[]> {
    const filter: Filter | undefined = includeDeleted ? undefined : { field: 'deleted', op: 'eq', value: false };
    // No ORDER BY: `order` is a reserved word in Cosmos SQL; chapters are few and sorted here.
    const chapters = await this.deps.chapters.readAllItems(tenantId, projectId, { filter }, PAGE_SIZE);
    return chapters.sort(byReadingOrder);
  }

  private async setDeleted(
    principal: Principal | undefined,
    projectId: string,
    chapterId: string,
    deleted: boolean,
  ): Promise<ChapterRecord> {
    const { user } = await this.editable(principal, projectId);
    const chapter = await this.find(user.tenantId, projectId, chapterId);
    if (chapter.deleted === deleted) {
      // Maybe a repeat of a request whose process died between its write and its recount (the client had no answer):
      // recounting here brings the counts back to what is stored.
      await this.recountAfterChapterChange(user.tenantId, projectId);
      return chapter;
    }
    // A request that finds the change already stored (another delete or restore won) answers it and writes nothing:
    // writing the same change again gave each of 24 identical deletes a version of its own, and a request that lost
    // ten such needless races in a row answered 412.
    const saved = await settleOnce(
      'Chapter',
      () => this.deps.chapters.get(user.tenantId, projectId, chapterId),
      (doc, etag) => this.save(doc, etag),
      (current) => current.deleted === deleted,
      (current) => ({ ...current, deleted }),
    );
    await this.recountAfterChapterChange(user.tenantId, projectId);
    return saved;
  }

  /** Loads a project whose chapters the principal may edit now (not archived, no import replacing them). */
  private async editable(principal: Principal | undefined, projectId: string): Promise<Scope> {
    const scope = await this.deps.projects.load(principal, projectId, 'project.update');
    if (scope.project.status === 'archived') {
      throw new ValidationError('An archived project cannot be edited; restore it first', [
        { field: 'status', message: 'project is archived' },
      ]);
    }
    if (scope.project.facts?.manuscriptStatus === 'processing') {
      throw new ConflictError('A manuscript import is running; chapters can be edited when it finishes');
    }
    return scope;
  }

  private async find(tenantId: string, projectId: string, chapterId: string): Promise<ChapterRecord> {
    const chapter = await this.deps.chapters.get(tenantId, projectId, chapterId);
    if (!chapter) throw new NotFoundError('Chapter');
    return chapter;
  }

  /**
   * Writes `order` where it changed, in transactions that renew the order's claim (so a reorder of thousands of
   * chapters keeps it however long it takes, and writes nothing once it lost it), each chapter under its ETag. A
   * transaction that meets a chapter edited since it was read (another field: only the claim's holder moves chapters)
   * is written again from fresh reads, so the edit is kept.
   */
  private async writeOrders(order: HeldOrder, before: ChapterRecord[], after: ChapterRecord[]): Promise<void> {
    const previous = new Map(before.map((chapter) => [chapter.id, chapter.order]));
    const moved = after.filter((chapter) => previous.get(chapter.id) !== chapter.order);
    for (const group of transactionGroups(moved, MAX_TRANSACTION_WRITES - 1, MAX_TRANSACTION_BYTES)) {
      await this.moveChapters(order, group);
    }
  }

  private async moveChapters(order: HeldOrder, group: ChapterRecord[]): Promise<void> {
    let chapters = group;
    for (let attempt = 1; ; attempt++) {
      try {
        await order.write(
          chapters.map((chapter) => ({ op: 'replace', doc: this.touched(chapter), etag: chapter.etag! })),
        );
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MOVE_ATTEMPTS) throw error;
        chapters = await Promise.all(
          chapters.map(async (chapter) => ({
            ...(await this.find(chapter.tenantId, chapter.projectId, chapter.id)),
            order: chapter.order,
          })),
        );
      }
    }
  }

  private save(chapter: ChapterRecord, etag: string): Promise<ChapterRecord> {
    return this.deps.chapters.replace(this.touched(chapter), etag);
  }

  private touched(chapter: ChapterRecord): ChapterRecord {
    return { ...chapter, updatedAt: this.now() };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

function assertFresh(chapter: ChapterRecord, ifMatch: string): void {
  if (chapter.etag !== ifMatch) throw new PreconditionFailedError('The chapter changed since you loaded it', chapter);
}
