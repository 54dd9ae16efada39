/**
 * A merge or a delete moves a character's lines away and then removes the character. Two of them on related
 * characters could otherwise move lines into a character another one is removing (A into B while B is deleted or
 * merged into A), leaving lines spoken by no stored character; and identical merges would each add the merged
 * character's line count. So a merge or delete first marks its character as leaving (`retiringInto`, one
 * ETag-conditional write: of concurrent ones exactly one holds it) and then checks that no other character is
 * leaving into it; a merge adds to the character it goes into only while that one is not leaving itself (the same
 * ETag-conditional write that adds the names and count, and notes the merged character as absorbed, so a retry after
 * a mark lapsed adds nothing again). Each side writes its own mark before it looks for the
 * other's, so of a merge into B and B's own departure at least one sees the other and is refused (409) before any
 * line moves (docs/reliability.md, "Character merges and deletes").
 */
import type { CharacterRecord } from '../book/records';
import { updateWithRetry } from '../common/optimisticUpdate';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../errors';
import type { TypedCollection } from '../ports/typedCollection';
import type { Clock } from '../ports/system';

/** A mark older than this belongs to a request that died; the next merge or delete takes it over. */
export const RETIREMENT_LEASE_MS = 2 * 60_000;
/** Only lost races retry; each means another writer stored its change. */
const MAX_ATTEMPTS = 50;

export interface CharacterRetirementDeps {
  characters: TypedCollection<CharacterRecord>;
  clock: Clock;
  /** `RETIREMENT_LEASE_MS` but in tests, which let a mark lapse without waiting minutes. */
  leaseMs: number;
}

export class CharacterRetirement {
  constructor(private readonly deps: CharacterRetirementDeps) {}

  /**
   * Marks the character as leaving into `into` (a character id, or `unknown` for a delete) and returns it as marked.
   * Refused with 409 while another merge or delete holds it or moves lines into it, and 404 when it is gone.
   */
  async begin(tenantId: string, projectId: string, documentId: string, into: string): Promise<CharacterRecord> {
    const marked = await this.mark(tenantId, projectId, documentId, into);
    try {
      await this.assertNothingArriving(marked);
      return marked;
    } catch (error) {
      await this.end(marked).catch(() => undefined);
      throw error;
    }
  }

  /** Takes a mark back (the merge or delete was refused before moving anything); a later holder's mark stays. */
  async end(marked: CharacterRecord): Promise<void> {
    try {
      await updateWithRetry(
        'Character',
        () => this.deps.characters.get(marked.tenantId, marked.projectId, marked.id),
        (doc, etag) => this.deps.characters.replace(doc, etag),
        (doc) => {
          if (doc.retiringSince !== marked.retiringSince) return doc;
          const { retiringInto: _into, retiringSince: _since, ...rest } = doc;
          return rest;
        },
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  /** Refuses a merge into `target` while the target is leaving itself (called inside the target's ETag write). */
  assertStaying(target: CharacterRecord): void {
    if (this.isRetiring(target)) {
      throw new ConflictError('The character to merge into is being merged or deleted; try again in a moment', {
        characterId: target.characterId,
      });
    }
  }

  private async mark(tenantId: string, projectId: string, documentId: string, into: string): Promise<CharacterRecord> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.characters.get(tenantId, projectId, documentId);
      if (!current) throw new NotFoundError('Character');
      if (this.isRetiring(current)) {
        throw new ConflictError('The character is being merged or deleted by another request; try again in a moment', {
          characterId: current.characterId,
        });
      }
      const next = { ...current, retiringInto: into, retiringSince: this.deps.clock.now().toISOString() };
      try {
        return await this.deps.characters.replace(next, current.etag!);
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Refuses while another character is being merged into this one (its lines would arrive after this one left). */
  private async assertNothingArriving(marked: CharacterRecord): Promise<void> {
    const page = await this.deps.characters.list(marked.tenantId, marked.projectId, {
      filter: { field: 'retiringInto', op: 'eq', value: marked.characterId },
      page: { pageSize: 100 },
    });
    const arriving = page.items.filter((c) => c.id !== marked.id && this.isRetiring(c));
    if (arriving.length > 0) {
      throw new ConflictError('Another character is being merged into this one; try again in a moment', {
        characterId: marked.characterId,
        mergingFrom: arriving.map((c) => c.characterId),
      });
    }
  }

  /** Whether a merge or delete still holds the character (a mark within its lease). */
  private isRetiring(record: Pick<CharacterRecord, 'retiringInto' | 'retiringSince'>): boolean {
    if (record.retiringInto === undefined || record.retiringSince === undefined) return false;
    return this.deps.clock.now().getTime() - Date.parse(record.retiringSince) <= this.deps.leaseMs;
  }
}
