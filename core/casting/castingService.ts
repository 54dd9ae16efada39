/**
 * Casting a project (docs/domain.md §Casting): a voice pool (default: the catalog's voices in the book's language),
 * deterministic automatic casting over every character that keeps the user's overrides, and manual overrides validated
 * against the catalog allowlist (unknown voice or style → 400 naming the field). Each character record stores its
 * VoiceAssignment; the project facts count voiced characters.
 */
import type { Principal } from '../auth/principal';
import type { CharacterRecord } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { toCharacter, UNSTORED_NARRATOR_ETAG, type CharacterStore } from '../characters/characterStore';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import type { ProjectCollection, ProjectScopedDocument } from '../ports/documents';
import type { VoiceCatalog, VoiceDescriptor } from '../ports/voices';
import type { ProjectService } from '../projects/projectService';
import type { Audition, AuditionService } from '../voices/auditionService';
import { languageOf } from '../voices/voiceFilter';
import {
  castVoices,
  clampPitch,
  clampRate,
  clampStyleDegree,
  type CastingOverride,
  type VoiceAssignment,
} from './casting';

export interface CastingPoolRecord extends ProjectScopedDocument {
  type: 'castingPool';
  voiceNames: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface CastingPool {
  voiceNames: string[];
  /** True while the user has not chosen a pool (the catalog's voices in the book's language are used). */
  isDefault: boolean;
  bookLocale: string;
}

export interface CastingSummary {
  pool: CastingPool;
  characters: CharacterRecord[];
  characterCount: number;
  charactersWithVoice: number;
}

export interface CastingServiceDeps {
  store: CharacterStore;
  pools: ProjectCollection<CastingPoolRecord>;
  catalog: VoiceCatalog;
  projects: ProjectService;
  auditions: AuditionService;
}

export const MAX_POOL_VOICES = 500;
const DEFAULT_STYLE_DEGREE = 0.6;

export function castingPoolId(projectId: string): string {
  return `${projectId}.castingPool`;
}

export class CastingService {
  constructor(private readonly deps: CastingServiceDeps) {}

  async getPool(principal: Principal | undefined, projectId: string): Promise<CastingPool> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.read');
    return this.poolOf(user.tenantId, projectId, project.metadata.language);
  }

  async setPool(principal: Principal | undefined, projectId: string, voiceNames: string[]): Promise<CastingPool> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.update');
    const canonical: string[] = [];
    for (const [index, name] of voiceNames.entries()) {
      const voice = await this.deps.catalog.find(name);
      if (!voice) {
        throw new ValidationError(`Voice "${name}" is not in the catalog`, [
          { field: `voiceNames.${index}`, message: 'unknown voice' },
        ]);
      }
      if (!canonical.includes(voice.name)) canonical.push(voice.name);
    }
    await this.deps.pools.upsert({
      id: castingPoolId(projectId),
      type: 'castingPool',
      tenantId: user.tenantId,
      projectId,
      voiceNames: canonical,
      updatedAt: this.deps.store.now(),
      updatedBy: user.userId,
    });
    return { voiceNames: canonical, isDefault: false, bookLocale: project.metadata.language };
  }

  /** Casts every character from the pool; the same characters, pool and overrides always give the same cast. */
  async autoCast(principal: Principal | undefined, projectId: string): Promise<CastingSummary> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.update');
    const { tenantId } = user;
    const bookLocale = project.metadata.language;
    await this.deps.store.ensureNarrator(tenantId, projectId);
    const records = await this.deps.store.listAll(tenantId, projectId);
    const pool = await this.poolOf(tenantId, projectId, bookLocale);
    const overrides: Record<string, CastingOverride> = {};
    const voices = new Map<string, VoiceDescriptor>();
    for (const name of pool.voiceNames) {
      const voice = await this.deps.catalog.find(name);
      if (voice) voices.set(voice.name, voice);
    }
    for (const record of records) {
      if (!record.override) continue;
      overrides[record.characterId] = record.override;
      const chosen = record.override.voiceName ? await this.deps.catalog.find(record.override.voiceName) : undefined;
      if (chosen) voices.set(chosen.name, chosen);
    }
    if (voices.size === 0) throw new ConflictError('The voice pool is empty: no catalog voice can be cast');
    const assignments = castVoices({
      characters: records.map(toCharacter),
      voices: [...voices.values()],
      bookLocale,
      overrides,
    });
    for (const assignment of assignments) {
      await this.deps.store.modify(tenantId, projectId, assignment.characterId, (current) => ({
        ...current,
        voice: assignment,
      }));
    }
    await this.deps.store.refreshFacts(tenantId, projectId);
    return this.summaryFor(tenantId, projectId, bookLocale);
  }

  /**
   * A manual choice of voice and prosody for one character; auto-cast keeps it. With `ifMatch` it is stored only over
   * the version of the character it was chosen on (the unstored narrator's version stores it create-only), so of two
   * people choosing at once one wins and the other gets 412 with the character as it is now; without it, the last
   * choice wins.
   */
  async setVoice(
    principal: Principal | undefined,
    projectId: string,
    characterId: string,
    override: CastingOverride & { voiceName: string },
    ifMatch?: string,
  ): Promise<CharacterRecord> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.update');
    const voice = await this.deps.catalog.find(override.voiceName);
    if (!voice) {
      throw new ValidationError(`Voice "${override.voiceName}" is not in the catalog`, [
        { field: 'voiceName', message: 'unknown voice' },
      ]);
    }
    if (override.style && !voice.styles.includes(override.style)) {
      throw new ValidationError(`Voice "${voice.name}" does not offer style "${override.style}"`, [
        { field: 'style', message: `not offered by ${voice.name}` },
      ]);
    }
    const stored: CastingOverride = { ...override, voiceName: voice.name };
    const withVoice = (current: CharacterRecord): CharacterRecord => ({
      ...current,
      override: stored,
      voice: assignmentFor(characterId, voice, stored),
    });
    let updated: CharacterRecord;
    if (ifMatch === undefined) {
      if (characterId === NARRATOR_ID) await this.deps.store.ensureNarrator(user.tenantId, projectId);
      updated = await this.deps.store.modify(user.tenantId, projectId, characterId, withVoice);
    } else {
      const current =
        characterId === NARRATOR_ID
          ? await this.deps.store.narratorOrDefault(user.tenantId, projectId)
          : await this.deps.store.get(user.tenantId, projectId, characterId);
      if (!current) throw new NotFoundError('Character');
      if (current.etag !== ifMatch)
        throw new PreconditionFailedError('The character changed since you loaded it', current);
      const next = { ...withVoice(current), updatedAt: this.deps.store.now() };
      updated =
        ifMatch === UNSTORED_NARRATOR_ETAG
          ? await this.deps.store.createNarrator(next)
          : await this.deps.store.replace(next, ifMatch);
    }
    await this.deps.store.refreshFacts(user.tenantId, projectId);
    return updated;
  }

  /** The character's cast voice reading one of their lines (or the locale's default sample). */
  async auditionCharacter(principal: Principal | undefined, projectId: string, characterId: string): Promise<Audition> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    const character =
      characterId === NARRATOR_ID
        ? await this.deps.store.narratorOrDefault(user.tenantId, projectId)
        : await this.deps.store.get(user.tenantId, projectId, characterId);
    if (!character) throw new NotFoundError('Character');
    if (!character.voice) throw new ConflictError('This character has no voice yet: cast one first');
    const line = await this.deps.store.sampleLine(user.tenantId, projectId, character);
    return this.deps.auditions.audition(user.tenantId, {
      voiceName: character.voice.voiceName,
      text: line,
      locale: character.voice.locale,
      style: character.voice.style ?? undefined,
    });
  }

  async summary(principal: Principal | undefined, projectId: string): Promise<CastingSummary> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.read');
    return this.summaryFor(user.tenantId, projectId, project.metadata.language);
  }

  private async summaryFor(tenantId: string, projectId: string, bookLocale: string): Promise<CastingSummary> {
    const [pool, characters] = await Promise.all([
      this.poolOf(tenantId, projectId, bookLocale),
      this.deps.store.listAll(tenantId, projectId),
    ]);
    return {
      pool,
      characters,
      characterCount: characters.length,
      charactersWithVoice: characters.filter((c) => c.voice !== null).length,
    };
  }

  private async poolOf(tenantId: string, projectId: string, bookLocale: string): Promise<CastingPool> {
    const stored = await this.deps.pools.get(tenantId, projectId, castingPoolId(projectId));
    if (stored) return { voiceNames: stored.voiceNames, isDefault: false, bookLocale };
    const sameLanguage = await this.deps.catalog.list({ language: languageOf(bookLocale) });
    const voices = sameLanguage.length > 0 ? sameLanguage : await this.deps.catalog.list();
    return { voiceNames: voices.slice(0, MAX_POOL_VOICES).map((v) => v.name), isDefault: true, bookLocale };
  }
}

export function assignmentFor(characterId: string, voice: VoiceDescriptor, override: CastingOverride): VoiceAssignment {
  const style = override.style ?? null;
  return {
    characterId,
    voiceName: voice.name,
    locale: voice.locale,
    style,
    styleDegree:
      style === null ? null : clampStyleDegree(override.styleDegree ?? DEFAULT_STYLE_DEGREE, override.allowExtremes),
    ratePercent: clampRate(override.ratePercent ?? 0, override.allowExtremes),
    pitchPercent: clampPitch(override.pitchPercent ?? 0, override.allowExtremes),
    overridden: true,
  };
}
