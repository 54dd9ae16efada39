/**
 * Stores a detection result: detected characters are created or refreshed (voice and casting choices kept),
 * characters the user edited keep their fields (only counts are refreshed), detected names the user already placed
 * elsewhere (merged or split aliases) are not recreated, and earlier detections the new one no longer finds are
 * removed with their segments flagged `unknown`. Idempotent: running it twice stores the same documents.
 */
import { UNKNOWN_SPEAKER, type CharacterRecord } from '../book/records';
import { ConflictError, PreconditionFailedError } from '../errors';
import { NARRATOR_ID, type Character } from './character';
import type { CharacterStore } from './characterStore';

export interface DetectionSummary {
  characterCount: number;
  charactersWithVoice: number;
  created: number;
  updated: number;
  keptUserEdited: number;
  skippedUserNames: number;
  removed: number;
}

function namesOf(character: Pick<Character, 'name' | 'aliases'>): string[] {
  return [character.name, ...character.aliases].map((name) => name.trim().toLowerCase());
}

/** How many times one character's write is decided again after losing a race to a concurrent edit. */
const MAX_ATTEMPTS = 16;

type Outcome = 'created' | 'updated' | 'keptUserEdited' | 'skippedUserNames';

export async function applyDetection(
  store: CharacterStore,
  tenantId: string,
  projectId: string,
  detected: Character[],
  source: 'heuristic' | 'llm',
): Promise<DetectionSummary> {
  const existing = new Map((await store.listAll(tenantId, projectId)).map((record) => [record.characterId, record]));
  const userNames = new Set(
    [...existing.values()].filter((record) => record.source === 'user').flatMap((record) => namesOf(record)),
  );
  const summary = { created: 0, updated: 0, keptUserEdited: 0, skippedUserNames: 0, removed: 0 };
  const found = new Set<string>();

  for (const character of detected) {
    found.add(character.id);
    summary[
      await storeDetected(store, character, existing.get(character.id), { tenantId, projectId, source, userNames })
    ]++;
  }
  if (!found.has(NARRATOR_ID)) await store.ensureNarrator(tenantId, projectId);

  for (const record of existing.values()) {
    if (found.has(record.characterId) || record.source === 'user' || record.characterId === NARRATOR_ID) continue;
    if (await removeUndetected(store, record)) summary.removed++;
  }
  return { ...(await store.refreshFacts(tenantId, projectId)), ...summary };
}

/**
 * Writes one detected character over what is stored, conditionally: created create-only, refreshed on the ETag it
 * was decided from. A user's edit (or addition) that lands between the read and the write makes the write fail; the
 * character is read again and the decision made again, so the user's fields are kept instead of overwritten.
 */
async function storeDetected(
  store: CharacterStore,
  character: Character,
  current: CharacterRecord | undefined,
  context: { tenantId: string; projectId: string; source: 'heuristic' | 'llm'; userNames: Set<string> },
): Promise<Outcome> {
  const { tenantId, projectId, source, userNames } = context;
  for (let attempt = 1; ; attempt++) {
    let next: CharacterRecord;
    let outcome: Outcome;
    if (current?.source === 'user') {
      next = {
        ...current,
        dialogueLineCount: character.dialogueLineCount,
        firstAppearance: character.firstAppearance,
        updatedAt: store.now(),
      };
      outcome = 'keptUserEdited';
    } else if (current) {
      next = store.record(tenantId, projectId, character, source, current);
      outcome = 'updated';
    } else if (character.id !== NARRATOR_ID && namesOf(character).some((name) => userNames.has(name))) {
      return 'skippedUserNames';
    } else {
      next = store.record(tenantId, projectId, character, source);
      outcome = 'created';
    }
    try {
      if (current) await store.replace(next, current.etag!);
      else await store.create(next);
      return outcome;
    } catch (error) {
      const lostRace = error instanceof PreconditionFailedError || error instanceof ConflictError;
      if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
      current = await store.get(tenantId, projectId, character.id);
    }
  }
}

/**
 * Removes a character the detection no longer finds, its lines flagged `unknown` first. The delete is conditional on
 * the version read: a user who edited the character meanwhile made it theirs, and it stays (its lines, already moved,
 * wait in review). Answers whether it was removed.
 */
async function removeUndetected(store: CharacterStore, record: CharacterRecord): Promise<boolean> {
  const { tenantId, projectId, characterId } = record;
  for (let attempt = 1; ; attempt++) {
    const current = await store.get(tenantId, projectId, characterId);
    if (!current || current.source === 'user') return false;
    await store.repointSegments(tenantId, projectId, characterId, UNKNOWN_SPEAKER);
    try {
      await store.delete(tenantId, projectId, characterId, current.etag);
      return true;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
