/**
 * A character merged into another: the merged one's names, traits and line count are added to the one it goes into,
 * its lines move there and it is deleted, under the marks of core/characters/characterRetirement.ts. When the one
 * named to merge into was itself merged away (two producers merging A into B and B into C at once), the merge follows
 * it to the character that absorbed it, so the two requests end as they would one after the other
 * (docs/reliability.md, "Character merges and deletes").
 */
import type { CharacterRecord } from '../book/records';
import { DomainError, NotFoundError } from '../errors';
import { cleanAliases } from './character';
import type { CharacterStore } from './characterStore';

/** Merges `source` into `intoCharacterId`, or into the character that absorbed it (see `mergeTarget`). */
export async function mergeCharacter(
  store: CharacterStore,
  source: CharacterRecord,
  intoCharacterId: string,
): Promise<{ character: CharacterRecord; segmentsMoved: number }> {
  for (let attempt = 1; ; attempt++) {
    const target = await mergeTarget(store, source, intoCharacterId);
    try {
      return await mergeInto(store, source, target);
    } catch (error) {
      // The target was merged away between reading it and adding to it: follow it to where it went.
      if (!(error instanceof TargetGone)) throw error;
      if (attempt >= MAX_TARGET_HOPS) throw error.notFound;
    }
  }
}

/**
 * The character a merge goes into: the one named, or, when that one was merged away meanwhile (two producers
 * merging A into B and B into C at once), the one character that absorbed it, so the merge lands where the named
 * character's lines are now. Refused with 409 `character_merged` when it went into the merged character itself
 * (the two are one already) or the data names several, and 404 when nothing absorbed it (deleted, or never was).
 */
async function mergeTarget(
  store: CharacterStore,
  source: CharacterRecord,
  intoCharacterId: string,
): Promise<CharacterRecord> {
  const { tenantId, projectId } = source;
  const named = await store.get(tenantId, projectId, intoCharacterId);
  if (named) return named;
  const holders = (await store.listAll(tenantId, projectId)).filter(
    (character) => character.absorbed?.[intoCharacterId] !== undefined,
  );
  if (holders.length === 0) throw new NotFoundError('The character to merge into', 'intoCharacterId');
  const goneName = holders[0].absorbed?.[intoCharacterId]?.name ?? intoCharacterId;
  if (holders.length > 1) {
    throw new DomainError(
      'character_merged',
      `${goneName} was merged away and more than one character holds it now (${holders.map((c) => c.name).join(', ')}); choose one of them`,
      { field: 'intoCharacterId', mergedInto: holders.map((c) => c.characterId) },
    );
  }
  const [holder] = holders;
  if (holder.characterId === source.characterId) {
    throw new DomainError('character_merged', `${goneName} was already merged into ${source.name}`, {
      field: 'intoCharacterId',
      mergedInto: [holder.characterId],
    });
  }
  return holder;
}

async function mergeInto(
  store: CharacterStore,
  source: CharacterRecord,
  target: CharacterRecord,
): Promise<{ character: CharacterRecord; segmentsMoved: number }> {
  const { tenantId, projectId } = source;
  // Held from here until it is deleted: identical merges add its count once, and nothing merges into it meanwhile.
  const leaving = await store.beginRetirement(tenantId, projectId, source.characterId, target.characterId);
  let merged: CharacterRecord;
  try {
    merged = await store.modify(tenantId, projectId, target.characterId, (current) => {
      store.retirement.assertStaying(current);
      return absorb(current, leaving);
    });
  } catch (error) {
    await store.retirement.end(leaving).catch(() => undefined);
    throw error instanceof NotFoundError ? new TargetGone(error) : error;
  }
  const segmentsMoved = await store.repointSegments(tenantId, projectId, source.characterId, target.characterId);
  await store.delete(tenantId, projectId, source.characterId);
  await store.refreshFacts(tenantId, projectId);
  return { character: merged, segmentsMoved };
}

/**
 * The target of a merge with the merged character's names, traits and line count added, and the merged character
 * noted among those it absorbed in the same write. A retry of a merge that stopped after this write (its mark lapsed,
 * the merged character not deleted yet) finds that note and adds nothing again.
 */
function absorb(target: CharacterRecord, merged: CharacterRecord): CharacterRecord {
  if (target.absorbed?.[merged.characterId]?.createdAt === merged.createdAt) return target;
  const absorbed = { ...target.absorbed };
  // Whom the merged one had absorbed is absorbed here too: a merge retried into one of them, or naming one of them,
  // finds its way (and its count) here after they are gone. Of two characters once stored under one id, the later.
  for (const [id, entry] of Object.entries(merged.absorbed ?? {})) {
    if (!absorbed[id] || absorbed[id].createdAt < entry.createdAt) absorbed[id] = entry;
  }
  return {
    ...target,
    aliases: cleanAliases([...target.aliases, merged.name, ...merged.aliases], target.name),
    dialogueLineCount: target.dialogueLineCount + merged.dialogueLineCount,
    firstAppearance: target.firstAppearance ?? merged.firstAppearance,
    traits: [...new Set([...target.traits, ...merged.traits])],
    absorbed: {
      ...absorbed,
      [merged.characterId]: { lines: merged.dialogueLineCount, createdAt: merged.createdAt, name: merged.name },
    },
    source: 'user',
  };
}

/** How often a merge follows its target to where it went when that one is merged away under it. */
const MAX_TARGET_HOPS = 5;

/** The merge's target was removed between reading it and writing to it (`notFound` is the store's 404). */
class TargetGone extends Error {
  constructor(readonly notFound: NotFoundError) {
    super(notFound.message);
  }
}
