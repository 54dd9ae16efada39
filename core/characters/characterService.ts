/**
 * What users do with a project's characters: list, read, add, edit (ETag-checked), delete, merge and split an alias
 * off. The narrator always exists and can be edited but not deleted, merged or split. Segments follow their
 * speaker: deleting a character flags its lines `unknown`, merging moves them to the survivor. Adding is create-only
 * under an id derived from the name and whole or nothing: if what follows the stored character fails, it is removed.
 * Delete, merge and split change who speaks the book's lines (or who the planner may name), so like segment edits they
 * are refused with 409 `job_in_progress` while a plan job runs, and each chapter whose lines they moved counts the
 * change as an edit (docs/planning.md, "Character merge and delete").
 */
import { UNKNOWN_SPEAKER, type CharacterRecord } from '../book/records';
import { requireVersion } from '../common/versions';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import { assertNoPlanRunning, type PlanJobsView } from '../planning/segmentEditGuard';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { ProjectService } from '../projects/projectService';
import { characterIdFor, cleanAliases, NARRATOR_ID, type Character } from './character';
import { mergeCharacter } from './characterMerge';
import { UNSTORED_NARRATOR_ETAG, type CharacterStore } from './characterStore';

export type CharacterEdit = Partial<
  Pick<Character, 'name' | 'aliases' | 'gender' | 'ageBand' | 'description' | 'traits' | 'speakingStyle' | 'importance'>
>;

/** Character ids are path parameters (`Id`: at most 64 characters). */
const MAX_ID_LENGTH = 64;

export class CharacterService {
  constructor(
    private readonly store: CharacterStore,
    private readonly projects: ProjectService,
    /** Who holds the project: changes to who speaks wait while a plan job runs. */
    private readonly planJobs: PlanJobsView,
  ) {}

  async list(principal: Principal | undefined, projectId: string): Promise<CharacterRecord[]> {
    const { user } = await this.projects.load(principal, projectId, 'project.read');
    return this.store.listWithNarrator(user.tenantId, projectId);
  }

  async get(principal: Principal | undefined, projectId: string, characterId: string): Promise<CharacterRecord> {
    const { user } = await this.projects.load(principal, projectId, 'project.read');
    return this.require(user.tenantId, projectId, characterId);
  }

  async add(
    principal: Principal | undefined,
    projectId: string,
    edit: CharacterEdit & { name: string },
  ): Promise<CharacterRecord> {
    const { user } = await this.projects.load(principal, projectId, 'project.update');
    await this.store.ensureNarrator(user.tenantId, projectId);
    const created = await this.createUnique(user.tenantId, projectId, {
      id: newCharacterId(edit.name),
      name: edit.name,
      aliases: cleanAliases(edit.aliases ?? [], edit.name),
      gender: edit.gender ?? 'unknown',
      ageBand: edit.ageBand ?? 'adult',
      description: edit.description ?? '',
      traits: edit.traits ?? [],
      speakingStyle: edit.speakingStyle ?? '',
      dialogueLineCount: 0,
      firstAppearance: null,
      importance: edit.importance ?? 'minor',
    });
    await this.undoCreateOnFailure(created, () => this.store.refreshFacts(user.tenantId, projectId));
    return created;
  }

  async update(
    principal: Principal | undefined,
    projectId: string,
    characterId: string,
    ifMatch: string | undefined,
    edit: CharacterEdit,
  ): Promise<CharacterRecord> {
    const { user } = await this.projects.load(principal, projectId, 'project.update');
    const version = requireVersion(ifMatch, 'version');
    const current = await this.require(user.tenantId, projectId, characterId);
    if (current.etag !== version)
      throw new PreconditionFailedError('The character changed since you loaded it', current);
    if (characterId === NARRATOR_ID && edit.importance && edit.importance !== 'narrator') {
      throw new ValidationError('The narrator keeps its importance', [{ field: 'importance', message: 'narrator' }]);
    }
    if (characterId !== NARRATOR_ID && edit.importance === 'narrator') {
      throw new ValidationError('Only the narrator has importance "narrator"', [
        { field: 'importance', message: 'not allowed' },
      ]);
    }
    const name = edit.name ?? current.name;
    const next: CharacterRecord = {
      ...current,
      ...stripUndefined(edit),
      name,
      aliases: cleanAliases(edit.aliases ?? current.aliases, name),
      source: 'user',
      updatedAt: this.store.now(),
    };
    if (version !== UNSTORED_NARRATOR_ETAG) return this.store.replace(next, version);
    // The first write of the narrator adds it to the characters the project's facts count.
    const stored = await this.store.createNarrator(next);
    await this.store.refreshFacts(user.tenantId, projectId);
    return stored;
  }

  async remove(
    principal: Principal | undefined,
    projectId: string,
    characterId: string,
    orchestrations: OrchestrationClient,
  ): Promise<{ segmentsFlagged: number }> {
    const { user } = await this.projects.load(principal, projectId, 'project.update');
    if (characterId === NARRATOR_ID) throw new ConflictError('The narrator cannot be deleted');
    await assertNoPlanRunning(this.planJobs, user.tenantId, projectId, orchestrations);
    await this.require(user.tenantId, projectId, characterId);
    await this.store.beginRetirement(user.tenantId, projectId, characterId, UNKNOWN_SPEAKER);
    // Segments first: a retry after a crash finds the character still there and finishes the job.
    const segmentsFlagged = await this.store.repointSegments(user.tenantId, projectId, characterId, UNKNOWN_SPEAKER);
    await this.store.delete(user.tenantId, projectId, characterId);
    await this.store.refreshFacts(user.tenantId, projectId);
    return { segmentsFlagged };
  }

  async merge(
    principal: Principal | undefined,
    projectId: string,
    characterId: string,
    intoCharacterId: string,
    orchestrations: OrchestrationClient,
  ): Promise<{ character: CharacterRecord; segmentsMoved: number }> {
    const { user } = await this.projects.load(principal, projectId, 'project.update');
    if (characterId === NARRATOR_ID || intoCharacterId === NARRATOR_ID) {
      throw new ValidationError('The narrator cannot be merged', [{ field: 'intoCharacterId', message: 'narrator' }]);
    }
    if (characterId === intoCharacterId) {
      throw new ValidationError('A character cannot be merged into itself', [
        { field: 'intoCharacterId', message: 'same character' },
      ]);
    }
    await assertNoPlanRunning(this.planJobs, user.tenantId, projectId, orchestrations);
    const source = await this.require(user.tenantId, projectId, characterId);
    return mergeCharacter(this.store, source, intoCharacterId);
  }

  async splitAlias(
    principal: Principal | undefined,
    projectId: string,
    characterId: string,
    alias: string,
    orchestrations: OrchestrationClient,
  ): Promise<{ from: CharacterRecord; created: CharacterRecord }> {
    const { user } = await this.projects.load(principal, projectId, 'project.update');
    await assertNoPlanRunning(this.planJobs, user.tenantId, projectId, orchestrations);
    const source = await this.require(user.tenantId, projectId, characterId);
    const wanted = alias.trim().toLowerCase();
    const found = source.aliases.find((a) => a.toLowerCase() === wanted);
    if (!found)
      throw new ValidationError(`"${alias}" is not an alias of ${source.name}`, [
        { field: 'alias', message: 'not an alias' },
      ]);
    const created = await this.createUnique(user.tenantId, projectId, {
      id: newCharacterId(found),
      name: found,
      aliases: [],
      gender: source.gender,
      ageBand: source.ageBand,
      description: '',
      traits: [],
      speakingStyle: '',
      dialogueLineCount: 0,
      firstAppearance: null,
      importance: 'minor',
    });
    const from = await this.undoCreateOnFailure(created, () =>
      this.store.modify(user.tenantId, projectId, characterId, (current) => ({
        ...current,
        aliases: current.aliases.filter((a) => a.toLowerCase() !== wanted),
        source: 'user',
      })),
    );
    await this.store.refreshFacts(user.tenantId, projectId);
    return { from, created };
  }

  private async require(tenantId: string, projectId: string, characterId: string): Promise<CharacterRecord> {
    // Reads and the edits that name a version (If-Match) see the narrator unstored until a write stores it.
    if (characterId === NARRATOR_ID) return this.store.narratorOrDefault(tenantId, projectId);
    const record = await this.store.get(tenantId, projectId, characterId);
    if (!record) throw new NotFoundError('Character');
    return record;
  }

  /** Runs what completes a create; if it fails, the created character is removed again and the failure reported. */
  private async undoCreateOnFailure<T>(created: CharacterRecord, complete: () => Promise<T>): Promise<T> {
    try {
      return await complete();
    } catch (error) {
      await this.store.delete(created.tenantId, created.projectId, created.characterId);
      // The caller needs the original failure; if this recount fails too, the next one corrects the counts.
      await this.store.refreshFacts(created.tenantId, created.projectId).catch(() => undefined);
      throw error;
    }
  }

  private async createUnique(tenantId: string, projectId: string, character: Character): Promise<CharacterRecord> {
    try {
      return await this.store.create(this.store.record(tenantId, projectId, character, 'user'));
    } catch (error) {
      if (error instanceof ConflictError) {
        throw new ConflictError(`A character with the id ${character.id} already exists`, {
          characterId: character.id,
        });
      }
      throw error;
    }
  }
}

function newCharacterId(name: string): string {
  return characterIdFor(name).slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
