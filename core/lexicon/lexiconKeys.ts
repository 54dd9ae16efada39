/**
 * One lexicon entry per grapheme and locale, enforced by the store rather than by a read-then-write check: each key
 * is claimed by a create-only document whose id is derived from the key, naming the entry that holds it. Two
 * concurrent creates of the same key race on that create and exactly one wins. A claim no entry holds any more (its
 * writer crashed between claiming and writing the entry) is taken over once it is older than a grace period, with
 * an ETag-conditional write so two takers cannot both win.
 */
import { createHash } from 'node:crypto';
import { ConflictError, PreconditionFailedError } from '../errors';
import type { ProjectScopedDocument } from '../ports/documents';
import type { TypedCollection, TypedRecord } from '../ports/typedCollection';
import type { Clock } from '../ports/system';
import type { LexiconEntry } from './lexicon';

export interface LexiconKeyRecord extends ProjectScopedDocument {
  type: 'lexiconKey';
  /** The entry that holds the key (or is about to: a create claims the key before it writes the entry). */
  entryId: string;
  claimedAt: string;
}

export type EntryKey = Pick<LexiconEntry, 'grapheme' | 'locale'>;

/** Long enough for a create or rename in flight to finish writing its entry. */
const CLAIM_GRACE_MS = 60_000;
const MAX_CLAIM_ATTEMPTS = 5;

export function sameEntryKey(a: EntryKey, b: EntryKey): boolean {
  return a.grapheme === b.grapheme && a.locale.toLowerCase() === b.locale.toLowerCase();
}

/** Graphemes run to 200 characters, more than an id should carry: the key is hashed (locales compare ignoring case). */
export function lexiconKeyId(projectId: string, key: EntryKey): string {
  const digest = createHash('sha256').update(`${key.locale.toLowerCase()}\n${key.grapheme}`).digest('hex');
  return `${projectId}.lexkey.${digest.slice(0, 40)}`;
}

export class DuplicateEntryError extends ConflictError {
  constructor() {
    super('An entry for this grapheme and locale exists; edit it instead');
  }
}

export class LexiconKeys {
  /** Key claims, and the entries they point at (stored beside them in the `lexicon` container). */
  constructor(
    private readonly keys: TypedCollection<LexiconKeyRecord>,
    private readonly entries: Pick<TypedCollection<TypedRecord & EntryKey>, 'get'>,
    private readonly clock: Clock,
  ) {}

  /** Reserves `key` for `entryId`; throws DuplicateEntryError while another entry holds it or is being written. */
  async claim(tenantId: string, projectId: string, key: EntryKey, entryId: string): Promise<void> {
    const id = lexiconKeyId(projectId, key);
    for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
      const claimedAt = this.clock.now().toISOString();
      const record: LexiconKeyRecord = { id, type: 'lexiconKey', tenantId, projectId, entryId, claimedAt };
      try {
        await this.keys.create(record);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
      const held = await this.keys.get(tenantId, projectId, id);
      if (!held) continue;
      if (held.entryId === entryId) return;
      if (!(await this.abandoned(held, key))) throw new DuplicateEntryError();
      try {
        await this.keys.replace({ ...held, entryId, claimedAt }, held.etag!);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
    }
    throw new DuplicateEntryError();
  }

  /**
   * Gives the key up, if `entryId` still holds it. The delete is conditional on the version read: a new entry that
   * took the abandoned key over meanwhile keeps it.
   */
  async release(tenantId: string, projectId: string, key: EntryKey, entryId: string): Promise<void> {
    const id = lexiconKeyId(projectId, key);
    const held = await this.keys.get(tenantId, projectId, id);
    if (held?.entryId !== entryId) return;
    try {
      await this.keys.delete(tenantId, projectId, id, held.etag);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }

  /** No entry holds the key and the claim is past its grace period: its writer is gone. */
  private async abandoned(held: LexiconKeyRecord, key: EntryKey): Promise<boolean> {
    const entry = await this.entries.get(held.tenantId, held.projectId, held.entryId);
    if (entry && sameEntryKey(entry, key)) return false;
    return this.clock.now().getTime() - Date.parse(held.claimedAt) > CLAIM_GRACE_MS;
  }
}
