/**
 * Builds the characters, voices and casting services for the composition root from the shared clients, so the root
 * needs one line for the whole area.
 */
import type { Container } from '@azure/cosmos';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../../core/book/records';
import { CastingService, type CastingPoolRecord } from '../../core/casting/castingService';
import { CharacterService } from '../../core/characters/characterService';
import { CharacterStore } from '../../core/characters/characterStore';
import type { BlobStore } from '../../core/ports/blobs';
import type { TypedCollection } from '../../core/ports/typedCollection';
import type { SpeechSynthesizer } from '../../core/ports/speech';
import type { Clock } from '../../core/ports/system';
import type { VoiceCatalog } from '../../core/ports/voices';
import type { PlanJobsView } from '../../core/planning/segmentEditGuard';
import type { ProjectService } from '../../core/projects/projectService';
import { AuditionService } from '../../core/voices/auditionService';
import type { AppEnvironment } from '../config/config';
import { CosmosProjectCollection } from '../cosmos/cosmosCollections';
import { createVoiceServices, type VoiceServiceOptions } from './createVoiceServices';

export interface CharacterServices {
  /** The configured engine's voice catalog: the allowlist for casting and SSML. */
  voices: VoiceCatalog;
  auditions: AuditionService;
  characterStore: CharacterStore;
  characters: CharacterService;
  casting: CastingService;
}

export interface CharacterServiceDeps extends VoiceServiceOptions {
  config: AppEnvironment;
  /** The per-project `characters` container (the casting pool is a `castingPool` document beside the characters). */
  charactersContainer: Container;
  characters: TypedCollection<CharacterRecord>;
  segments: TypedCollection<SegmentRecord>;
  chapters: TypedCollection<ChapterRecord>;
  projects: ProjectService;
  blobs: BlobStore;
  clock: Clock;
  /** Who holds each project: merging or deleting characters waits while a plan job runs. */
  planJobs: Omit<PlanJobsView, 'clock'>;
  speech?: () => SpeechSynthesizer;
}

export function buildCharacterServices(deps: CharacterServiceDeps): CharacterServices {
  const { catalog, samples } = createVoiceServices(deps.config, {
    speech: deps.speech,
    azureVoiceList: deps.azureVoiceList,
  });
  const characterStore = new CharacterStore({
    characters: deps.characters,
    segments: deps.segments,
    chapters: deps.chapters,
    projects: deps.projects,
    clock: deps.clock,
    retirementLeaseMs: deps.config.KHIPU_MODE === 'local' ? deps.config.CHARACTER_RETIREMENT_LEASE_MS : undefined,
  });
  const auditions = new AuditionService({ catalog, synthesizer: samples, blobs: deps.blobs });
  return {
    voices: catalog,
    auditions,
    characterStore,
    characters: new CharacterService(characterStore, deps.projects, { ...deps.planJobs, clock: deps.clock }),
    casting: new CastingService({
      store: characterStore,
      pools: new CosmosProjectCollection<CastingPoolRecord>(deps.charactersContainer),
      catalog,
      projects: deps.projects,
      auditions,
    }),
  };
}
