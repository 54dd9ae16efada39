/**
 * The project's lexicon places: one roster document per project listing the entries it holds, so the entry limit is
 * one ETag-conditional write rather than a count followed by a create (concurrent creates would all count the same
 * number and all create). An entry takes its place before it is stored and gives it back when it is deleted or its
 * create fails. A create or delete killed half-way leaves a place whose entry does not exist; once the place is
 * older than a create in flight can be, the next claim that needs room drops it, so no place is lost for good.
 */
import { ConflictError, PreconditionFailedError } from '../errors';
import type { ProjectScopedDocument } from '../ports/documents';
import type { TypedCollection, TypedRecord } from '../ports/typedCollection';
import type { Clock } from '../ports/system';

export const MAX_LEXICON_ENTRIES = 5000;

export interface LexiconPlace {
  entryId: string;
  claimedAt: string;
}

export interface LexiconRosterRecord extends ProjectScopedDocument {
  type: 'lexiconRoster';
  places: LexiconPlace[];
  updatedAt: string;
}

/** How long a place may wait for its entry to be stored (a create in flight) before it counts as abandoned. */
const UNFULFILLED_PLACE_GRACE_MS = 2 * 60 * 1000;
/** Each attempt is one read and one conditional write; with N concurrent claims the last one needs N rounds. */
const MAX_ATTEMPTS = 64;
const ENTRY_PAGE = 1000;

export function lexiconRosterId(projectId: string): string {
  return `${projectId}.lexiconRoster`;
}

export class LexiconFullError extends ConflictError {
  constructor(limit: number) {
    super(`A project lexicon holds at most ${limit} entries; delete one first`, { quota: 'lexiconEntries', limit });
  }
}

export class LexiconRoster {
  constructor(
    private readonly rosters: TypedCollection<LexiconRosterRecord>,
    private readonly entries: Pick<TypedCollection<TypedRecord & { createdAt: string }>, 'readAllFields'>,
    private readonly clock: Clock,
    readonly limit: number = MAX_LEXICON_ENTRIES,
  ) {}

  /** Takes a place for each entry about to be created, all or none; throws LexiconFullError when they do not fit. */
  async claim(tenantId: string, projectId: string, entryIds: readonly string[]): Promise<void> {
    if (entryIds.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        const roster = await this.read(tenantId, projectId);
        const overLimit = (places: LexiconPlace[]) => places.length + entryIds.length > this.limit;
        const places = overLimit(roster.places) ? await this.live(roster) : roster.places;
        if (overLimit(places)) throw new LexiconFullError(this.limit);
        const claimedAt = this.clock.now().toISOString();
        await this.write({ ...roster, places: [...places, ...entryIds.map((entryId) => ({ entryId, claimedAt }))] });
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Gives the entries' places back; a no-op for an entry holding none. */
  async release(tenantId: string, projectId: string, entryIds: readonly string[]): Promise<void> {
    const leaving = new Set(entryIds);
    for (let attempt = 1; ; attempt++) {
      try {
        const roster = await this.read(tenantId, projectId);
        if (!roster.places.some((place) => leaving.has(place.entryId))) return;
        await this.write({ ...roster, places: roster.places.filter((place) => !leaving.has(place.entryId)) });
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The stored roster; the first time, one listing the entries stored before rosters existed, written create-only
   * (a concurrent first claim that loses re-reads the winner's).
   */
  private async read(tenantId: string, projectId: string): Promise<LexiconRosterRecord> {
    const id = lexiconRosterId(projectId);
    const stored = await this.rosters.get(tenantId, projectId, id);
    if (stored) return stored;
    const existing = await this.storedEntries(tenantId, projectId);
    const first: LexiconRosterRecord = {
      id,
      type: 'lexiconRoster',
      tenantId,
      projectId,
      places: existing.map((entry) => ({ entryId: entry.id, claimedAt: entry.createdAt })),
      updatedAt: this.clock.now().toISOString(),
    };
    try {
      return await this.rosters.create(first);
    } catch (error) {
      if (error instanceof ConflictError) throw new PreconditionFailedError('The lexicon roster was just created');
      throw error;
    }
  }

  private write(roster: LexiconRosterRecord): Promise<LexiconRosterRecord> {
    return this.rosters.replace({ ...roster, updatedAt: this.clock.now().toISOString() }, roster.etag!);
  }

  /** The places still in use: their entry is stored, or its create may still be on its way. */
  private async live(roster: LexiconRosterRecord): Promise<LexiconPlace[]> {
    const stored = new Set((await this.storedEntries(roster.tenantId, roster.projectId)).map((entry) => entry.id));
    const now = this.clock.now().getTime();
    return roster.places.filter(
      (place) => stored.has(place.entryId) || now - Date.parse(place.claimedAt) <= UNFULFILLED_PLACE_GRACE_MS,
    );
  }

  private storedEntries(tenantId: string, projectId: string): Promise<{ id: string; createdAt: string }[]> {
    return this.entries.readAllFields(tenantId, projectId, ['id', 'createdAt'], {}, ENTRY_PAGE);
  }
}
