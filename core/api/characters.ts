import { z } from 'zod';
import type { CharacterRecord } from '../book/records';
import { Id, IsoDateTime, text } from './common';
import { JobView } from './jobs';
import { VoiceAssignmentView, CastingOverrideView } from './casting';

const Gender = z.enum(['female', 'male', 'unknown']);
const AgeBand = z.enum(['child', 'teen', 'young_adult', 'adult', 'elderly']);
const Importance = z.enum(['narrator', 'main', 'supporting', 'minor']);
const EditableImportance = z.enum(['main', 'supporting', 'minor']);
const Name = text(100, 1);

export const CharacterView = z
  .object({
    id: Id,
    name: z.string(),
    aliases: z.array(z.string()),
    gender: Gender,
    ageBand: AgeBand,
    description: z.string(),
    traits: z.array(z.string()),
    speakingStyle: z.string(),
    dialogueLineCount: z.number().int(),
    firstAppearance: z.object({ chapterId: z.string(), offset: z.number().int() }).nullable(),
    importance: Importance,
    voice: VoiceAssignmentView.nullable(),
    override: CastingOverrideView.nullable(),
    source: z.enum(['heuristic', 'llm', 'user']),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    etag: z.string(),
  })
  .meta({ id: 'Character' });
export type CharacterView = z.infer<typeof CharacterView>;

export const CharacterList = z.object({ items: z.array(CharacterView) }).meta({ id: 'CharacterList' });

const editableFields = {
  name: Name,
  aliases: z.array(Name).max(50),
  gender: Gender,
  ageBand: AgeBand,
  description: text(2000),
  traits: z.array(text(100, 1)).max(30),
  speakingStyle: text(500),
  importance: EditableImportance,
};

export const CreateCharacterRequest = z
  .strictObject({ ...editableFields, name: Name })
  .partial()
  .required({ name: true })
  .meta({ id: 'CreateCharacterRequest' });

export const UpdateCharacterRequest = z
  .strictObject({ ...editableFields, importance: Importance })
  .partial()
  .meta({ id: 'UpdateCharacterRequest' });

export const MergeCharacterRequest = z.strictObject({ intoCharacterId: Id }).meta({ id: 'MergeCharacterRequest' });
export const SplitAliasRequest = z.strictObject({ alias: Name }).meta({ id: 'SplitAliasRequest' });

export const MergeCharacterResult = z
  .object({ character: CharacterView, segmentsMoved: z.number().int() })
  .meta({ id: 'MergeCharacterResult' });
export const SplitAliasResult = z
  .object({ from: CharacterView, created: CharacterView })
  .meta({ id: 'SplitAliasResult' });
export const DeleteCharacterResult = z
  .object({ segmentsFlagged: z.number().int() })
  .meta({ id: 'DeleteCharacterResult' });

export const DetectCharactersAccepted = z.object({ job: JobView }).meta({ id: 'DetectCharactersAccepted' });

export const CharacterParams = z.strictObject({ projectId: Id, characterId: Id });

export function toCharacterView(record: CharacterRecord): CharacterView {
  return {
    id: record.characterId,
    name: record.name,
    aliases: record.aliases,
    gender: record.gender,
    ageBand: record.ageBand,
    description: record.description,
    traits: record.traits,
    speakingStyle: record.speakingStyle,
    dialogueLineCount: record.dialogueLineCount,
    firstAppearance: record.firstAppearance,
    importance: record.importance,
    voice: record.voice,
    override: record.override,
    source: record.source,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    etag: record.etag ?? '',
  };
}
