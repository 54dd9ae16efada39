/**
 * The project's pronunciation lexicon: entries, a version counter bumped on every change (for clients; production
 * addresses audio by the entries each segment uses, see core/production/speechPlan.ts segmentLexicon), PLS
 * import/export, and staleness: a change invalidates the audio of exactly the segments whose text contains the entry.
 * One entry per grapheme and locale, claimed atomically (lexiconKeys.ts), and at most a limit of entries, each holding
 * a place on the project's roster (lexiconRoster.ts); a create either stores its entry and answers, or removes what it
 * stored, gives its key and place back, and fails.
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { Principal, TenantPrincipal } from '../auth/principal';
import type { ChapterRecord, SegmentRecord } from '../book/records';
import { updateWithRetry } from '../common/optimisticUpdate';
import { ConflictError, DomainError, NotFoundError, PreconditionFailedError } from '../errors';
import type { ProjectScopedDocument } from '../ports/documents';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import { bookChapters, forEachLimited, LIST_PAGE } from '../planning/bookDocuments';
import { isCommitted, recountSegmentFacts } from '../planning/planGenerations';
import { segmentsAffectedBy, type LexiconEntry } from './lexicon';
import { DuplicateEntryError, LexiconKeys, sameEntryKey, type LexiconKeyRecord } from './lexiconKeys';
import { LexiconRoster, MAX_LEXICON_ENTRIES, type LexiconRosterRecord } from './lexiconRoster';
import { exportPls, importPls, PlsFormatError } from './pls';
import { planPlsImport } from './plsImportPlan';

/** Each lost race means the entry was changed meanwhile; a delete gives up only when it is changed non-stop. */
const MAX_REMOVE_ATTEMPTS = 20;

export interface LexiconEntryRecord extends ProjectScopedDocument, LexiconEntry {
  type: 'lexiconEntry';
  createdAt: string;
  updatedAt: string;
}

export interface LexiconStateRecord extends ProjectScopedDocument {
  type: 'lexiconState';
  version: number;
  updatedAt: string;
}

export type LexiconEntryInput = Omit<LexiconEntry, 'id'>;

export interface LexiconChange {
  version: number;
  /** Segments whose text contains a changed entry. */
  segmentsAffected: number;
  /** Of those, the ones whose current audio take was dropped. */
  segmentsInvalidated: number;
}

export interface LexiconServiceDeps {
  /** The `lexicon` container's records, one collection per record type. */
  entries: TypedCollection<LexiconEntryRecord>;
  state: TypedCollection<LexiconStateRecord>;
  keys: TypedCollection<LexiconKeyRecord>;
  rosters: TypedCollection<LexiconRosterRecord>;
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  projects: ProjectService;
  clock: Clock;
  ids: IdGenerator;
  /** Entries a project may hold (MAX_LEXICON_ENTRIES unless a test sets a small one). */
  maxEntries?: number;
}

export function lexiconStateId(projectId: string): string {
  return `${projectId}.lexiconState`;
}

export class LexiconService {
  private readonly keys: LexiconKeys;
  private readonly roster: LexiconRoster;

  constructor(private readonly deps: LexiconServiceDeps) {
    this.keys = new LexiconKeys(deps.keys, deps.entries, deps.clock);
    this.roster = new LexiconRoster(deps.rosters, deps.entries, deps.clock, deps.maxEntries ?? MAX_LEXICON_ENTRIES);
  }

  async list(principal: Principal | undefined, projectId: string) {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    return this.snapshot(user.tenantId, projectId);
  }

  /** For the production pipeline and the SSML preview (system access). */
  async snapshot(tenantId: string, projectId: string): Promise<{ version: number; entries: LexiconEntryRecord[] }> {
    const [entries, state] = await Promise.all([
      this.entries(tenantId, projectId),
      this.deps.state.get(tenantId, projectId, lexiconStateId(projectId)),
    ]);
    return { version: state?.version ?? 0, entries };
  }

  async create(principal: Principal | undefined, projectId: string, input: LexiconEntryInput) {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.update');
    const existing = await this.entries(user.tenantId, projectId);
    // Entries stored before keys were claimed have no claim: the listing still finds them.
    if (existing.some((entry) => sameEntryKey(entry, input))) throw new DuplicateEntryError();
    const entry = await this.createEntry(user, projectId, input);
    try {
      return { entry, ...(await this.changed(user.tenantId, project, [entry])) };
    } catch (error) {
      await this.removeEntry(entry);
      throw error;
    }
  }

  async update(
    principal: Principal | undefined,
    projectId: string,
    entryId: string,
    ifMatch: string | undefined,
    patch: Partial<LexiconEntryInput>,
  ) {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.update');
    const current = await this.entry(user.tenantId, projectId, entryId);
    if (ifMatch && current.etag !== ifMatch)
      throw new PreconditionFailedError('The entry changed since you loaded it', current);
    const next: LexiconEntryRecord = { ...current, ...patch, updatedAt: this.now() };
    const rekeyed = !sameEntryKey(current, next);
    if (rekeyed) {
      const others = await this.entries(user.tenantId, projectId);
      if (others.some((entry) => entry.id !== entryId && sameEntryKey(entry, next))) throw new DuplicateEntryError();
      await this.keys.claim(user.tenantId, projectId, next, entryId);
    }
    let saved: LexiconEntryRecord;
    try {
      saved = await this.deps.entries.replace(next, current.etag!);
    } catch (error) {
      if (rekeyed) await this.keys.release(user.tenantId, projectId, next, entryId);
      throw error;
    }
    if (rekeyed) await this.keys.release(user.tenantId, projectId, current, entryId);
    // Segments that matched the old entry and those matching the new one both sound different now.
    return { entry: saved, ...(await this.changed(user.tenantId, project, [current, saved])) };
  }

  async remove(principal: Principal | undefined, projectId: string, entryId: string, ifMatch: string | undefined) {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.update');
    for (let attempt = 1; ; attempt++) {
      const current = await this.entry(user.tenantId, projectId, entryId);
      if (ifMatch && current.etag !== ifMatch)
        throw new PreconditionFailedError('The entry changed since you loaded it', current);
      // Deleted in the version read, so the key given back is the one it held then: a rename stored meanwhile
      // (which moved it to another key) makes this read again instead of leaving the new key held by nothing.
      try {
        await this.removeEntry(current, current.etag);
      } catch (error) {
        if (error instanceof PreconditionFailedError && attempt < MAX_REMOVE_ATTEMPTS) continue;
        throw error;
      }
      return this.changed(user.tenantId, project, [current]);
    }
  }

  async exportPls(principal: Principal | undefined, projectId: string, locale: string | undefined): Promise<string> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.read');
    return exportPls(await this.entries(user.tenantId, projectId), locale ?? project.metadata.language);
  }

  /** Adds the PLS lexemes; an entry with the same grapheme and locale is updated instead of duplicated. */
  async importPls(principal: Principal | undefined, projectId: string, xml: string, fallbackLocale?: string) {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.update');
    let parsed: LexiconEntry[];
    try {
      parsed = importPls(xml);
    } catch (error) {
      if (error instanceof PlsFormatError) throw new DomainError('unprocessable', error.message);
      throw error;
    }
    const existing = await this.entries(user.tenantId, projectId);
    const plan = planPlsImport(existing, parsed, fallbackLocale || project.metadata.language);
    const additions = plan.additions.map((input) => this.newRecord(user, projectId, input));
    // The new entries take their places first, all or none: a file that does not fit changes nothing.
    await this.roster.claim(
      user.tenantId,
      projectId,
      additions.map((record) => record.id),
    );
    const touched: LexiconEntryRecord[] = [];
    let created = 0;
    let attempted = 0;
    try {
      for (const { current, next } of plan.updates)
        touched.push(current, await this.deps.entries.replace({ ...next, updatedAt: this.now() }, current.etag!));
      for (const record of additions) {
        attempted++;
        touched.push(await this.storeEntry(record));
        created++;
      }
    } finally {
      // The entry whose store failed settled its own place; the ones after it were never tried.
      const unused = additions.slice(attempted).map((record) => record.id);
      if (unused.length > 0) await this.roster.release(user.tenantId, projectId, unused);
    }
    const change =
      touched.length > 0
        ? await this.changed(user.tenantId, project, touched)
        : await this.noChange(user.tenantId, projectId);
    return { created, updated: plan.updates.length, ...change };
  }

  private newRecord(user: TenantPrincipal, projectId: string, input: LexiconEntryInput): LexiconEntryRecord {
    const now = this.now();
    return {
      ...input,
      id: this.deps.ids.newId('lex'),
      type: 'lexiconEntry',
      tenantId: user.tenantId,
      projectId,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Takes a place on the roster, then stores the entry (which gives the place back if it fails). */
  private async createEntry(
    user: TenantPrincipal,
    projectId: string,
    input: LexiconEntryInput,
  ): Promise<LexiconEntryRecord> {
    const record = this.newRecord(user, projectId, input);
    await this.roster.claim(user.tenantId, projectId, [record.id]);
    return this.storeEntry(record);
  }

  /**
   * Claims the key of an entry that holds a place, then stores it. A failed store gives the key and the place back
   * only once a read confirms the entry is not stored: the write may have landed with its answer lost, and a stored
   * entry without its key or place would let a duplicate or one entry too many in.
   */
  private async storeEntry(record: LexiconEntryRecord): Promise<LexiconEntryRecord> {
    const { tenantId, projectId, id } = record;
    try {
      await this.keys.claim(tenantId, projectId, record, id);
    } catch (error) {
      await this.roster.release(tenantId, projectId, [id]);
      throw error;
    }
    try {
      return await this.deps.entries.create(record);
    } catch (error) {
      if (await this.confirmedAbsent(record)) {
        await this.keys.release(tenantId, projectId, record, id);
        await this.roster.release(tenantId, projectId, [id]);
      }
      throw error;
    }
  }

  /** Whether a read finds no such entry; a failed read keeps what the entry holds (an abandoned place is dropped later). */
  private async confirmedAbsent(record: LexiconEntryRecord): Promise<boolean> {
    try {
      return (await this.deps.entries.get(record.tenantId, record.projectId, record.id)) === undefined;
    } catch {
      return false;
    }
  }

  private async removeEntry(entry: LexiconEntryRecord, etag?: string): Promise<void> {
    await this.deps.entries.delete(entry.tenantId, entry.projectId, entry.id, etag);
    await this.keys.release(entry.tenantId, entry.projectId, entry, entry.id);
    await this.roster.release(entry.tenantId, entry.projectId, [entry.id]);
  }

  private async entry(tenantId: string, projectId: string, entryId: string): Promise<LexiconEntryRecord> {
    const entry = await this.deps.entries.get(tenantId, projectId, entryId);
    if (!entry) throw new NotFoundError('Lexicon entry');
    return entry;
  }

  private entries(tenantId: string, projectId: string): Promise<LexiconEntryRecord[]> {
    return this.deps.entries.readAllItems(tenantId, projectId, {}, LIST_PAGE);
  }

  private async noChange(tenantId: string, projectId: string): Promise<LexiconChange> {
    return { version: (await this.snapshot(tenantId, projectId)).version, segmentsAffected: 0, segmentsInvalidated: 0 };
  }

  /** Bumps the version and drops the current take of exactly the segments containing one of `entries`. */
  private async changed(tenantId: string, project: ProjectRecord, entries: LexiconEntry[]): Promise<LexiconChange> {
    const version = await this.bumpVersion(tenantId, project.id);
    const chapters = new Map(
      (await bookChapters(this.deps.chapters, tenantId, project.id)).map((chapter) => [chapter.id, chapter]),
    );
    const segments = (await this.deps.segments.readAllItems(tenantId, project.id, {}, LIST_PAGE)).filter((segment) => {
      const chapter = chapters.get(segment.chapterId);
      return chapter !== undefined && isCommitted(segment, chapter);
    });
    const located = segments.map((segment) => ({
      id: segment.id,
      text: segment.text,
      locale: project.metadata.language,
    }));
    const affected = new Set(entries.flatMap((entry) => segmentsAffectedBy(entry, located)));
    const withAudio = segments.filter((segment) => affected.has(segment.id) && segment.currentTakeId !== null);
    await forEachLimited(withAudio, 8, (segment) =>
      updateWithRetry(
        'Segment',
        () => this.deps.segments.get(tenantId, project.id, segment.id),
        (doc, etag) => this.deps.segments.replace(doc, etag),
        (current) => ({ ...current, currentTakeId: null, updatedAt: this.now() }),
      ),
    );
    if (withAudio.length > 0) await recountSegmentFacts(this.deps, tenantId, project.id);
    return { version, segmentsAffected: affected.size, segmentsInvalidated: withAudio.length };
  }

  /**
   * Bumps the version once per change, without retrying against other bumps: if another writer bumped it after this
   * change was stored, that bump already tells clients the lexicon changed, so losing the race is success.
   */
  private async bumpVersion(tenantId: string, projectId: string): Promise<number> {
    const id = lexiconStateId(projectId);
    for (;;) {
      const state = await this.deps.state.get(tenantId, projectId, id);
      if (state) {
        try {
          const saved = await this.deps.state.replace(
            { ...state, version: state.version + 1, updatedAt: this.now() },
            state.etag!,
          );
          return saved.version;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
          const newer = await this.deps.state.get(tenantId, projectId, id);
          if (newer) return newer.version;
          continue;
        }
      }
      try {
        await this.deps.state.create({
          id,
          type: 'lexiconState',
          tenantId,
          projectId,
          version: 1,
          updatedAt: this.now(),
        });
        return 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // Another writer created it first, after this change was stored: its version covers this change.
        const created = await this.deps.state.get(tenantId, projectId, id);
        if (created) return created.version;
      }
    }
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
