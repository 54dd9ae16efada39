import { z } from 'zod';
import {
  CharacterList,
  CharacterParams,
  CharacterView,
  CreateCharacterRequest,
  DeleteCharacterResult,
  DetectCharactersAccepted,
  MergeCharacterRequest,
  MergeCharacterResult,
  SplitAliasRequest,
  SplitAliasResult,
  UpdateCharacterRequest,
  toCharacterView,
} from '../core/api/characters';
import { ErrorBody, Id } from '../core/api/common';
import { toJobView } from '../core/api/jobs';
import { endpoint } from './http/endpoint';

/** A project's cast of characters (docs/characters.md): detection job, list, read, add, edit, delete, merge, split. */
const ProjectParams = z.strictObject({ projectId: Id });

endpoint({
  operationId: 'startCharacterDetection',
  method: 'POST',
  route: 'v1/projects/{projectId}/characters/detect',
  summary: 'Start a job that finds the characters of the whole book (user-edited characters are kept)',
  tags: ['characters'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  orchestrates: true,
  responses: {
    202: { description: 'Detection started; poll the job', schema: DetectCharactersAccepted },
    409: { description: 'Another job is running for this project', schema: ErrorBody },
  },
  async handle({ principal, params, services, orchestrations }) {
    const job = await services.jobs.start(
      principal,
      params.projectId,
      { kind: 'characters', input: {}, action: 'project.update' },
      orchestrations,
    );
    return {
      status: 202,
      json: { job: toJobView(job) },
      headers: { Location: `/api/v1/projects/${params.projectId}/jobs/${job.id}` },
    };
  },
});

endpoint({
  operationId: 'listCharacters',
  method: 'GET',
  route: 'v1/projects/{projectId}/characters',
  summary: 'All characters of the project (narrator first), by importance then dialogue line count',
  tags: ['characters'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The characters', schema: CharacterList } },
  async handle({ principal, params, services }) {
    const items = await services.characters.list(principal, params.projectId);
    return { status: 200, json: { items: items.map(toCharacterView) } };
  },
});

endpoint({
  operationId: 'createCharacter',
  method: 'POST',
  route: 'v1/projects/{projectId}/characters',
  summary: 'Add a character by hand (its id derives from the name)',
  tags: ['characters'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: CreateCharacterRequest },
  objects: { projectId: 'project' },
  responses: {
    201: { description: 'Created', schema: CharacterView },
    409: { description: 'A character with this id exists', schema: ErrorBody },
  },
  async handle({ principal, params, body, services }) {
    const created = await services.characters.add(principal, params.projectId, body);
    return {
      status: 201,
      json: toCharacterView(created),
      headers: { Location: `/api/v1/projects/${params.projectId}/characters/${created.characterId}` },
    };
  },
});

endpoint({
  operationId: 'getCharacter',
  method: 'GET',
  route: 'v1/projects/{projectId}/characters/{characterId}',
  summary: 'One character (ETag for later edits)',
  tags: ['characters'],
  access: 'tenant',
  params: CharacterParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The character', schema: CharacterView } },
  async handle({ principal, params, services }) {
    return {
      status: 200,
      json: toCharacterView(await services.characters.get(principal, params.projectId, params.characterId)),
    };
  },
});

endpoint({
  operationId: 'updateCharacter',
  method: 'PATCH',
  route: 'v1/projects/{projectId}/characters/{characterId}',
  summary: 'Edit name, aliases, gender, age band, description, traits, speaking style, importance; needs If-Match',
  tags: ['characters'],
  access: 'tenant',
  params: CharacterParams,
  body: { kind: 'json', schema: UpdateCharacterRequest },
  objects: { projectId: 'project' },
  ifMatch: 'required',
  responses: {
    200: { description: 'Updated', schema: CharacterView },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    const updated = await services.characters.update(principal, params.projectId, params.characterId, ifMatch, body);
    return { status: 200, json: toCharacterView(updated) };
  },
});

endpoint({
  operationId: 'deleteCharacter',
  method: 'DELETE',
  route: 'v1/projects/{projectId}/characters/{characterId}',
  summary: 'Delete a character (not the narrator); the lines it spoke become `unknown` and are flagged',
  tags: ['characters'],
  access: 'tenant',
  params: CharacterParams,
  objects: { projectId: 'project' },
  // Asks the runtime whether a plan that holds the project still runs (segmentEditGuard).
  orchestrates: true,
  responses: {
    200: { description: 'Deleted', schema: DeleteCharacterResult },
    409: {
      description:
        'The narrator cannot be deleted, a plan job is running (`job_in_progress`), or another merge or delete of this character, or a merge into it, is in progress (`conflict`: try again)',
      schema: ErrorBody,
    },
  },
  async handle({ principal, params, services, orchestrations }) {
    return {
      status: 200,
      json: await services.characters.remove(principal, params.projectId, params.characterId, orchestrations),
    };
  },
});

endpoint({
  operationId: 'mergeCharacter',
  method: 'POST',
  route: 'v1/projects/{projectId}/characters/{characterId}/merge',
  summary: 'Merge this character into another: names become aliases, lines move to the survivor',
  tags: ['characters'],
  access: 'tenant',
  params: CharacterParams,
  body: { kind: 'json', schema: MergeCharacterRequest },
  objects: { projectId: 'project' },
  // Asks the runtime whether a plan that holds the project still runs (segmentEditGuard).
  orchestrates: true,
  responses: {
    200: {
      description:
        'Merged. When the character named in `intoCharacterId` was itself merged away, the merge goes into the one character that absorbed it, which `character` is',
      schema: MergeCharacterResult,
    },
    404: {
      description:
        'No such character, or the one to merge into no longer exists and nothing absorbed it (`field`: `intoCharacterId`)',
      schema: ErrorBody,
    },
    409: {
      description:
        'A plan job is running for this project (`job_in_progress`), one of the two characters is being merged or deleted by another request (`conflict`: try again), or the one to merge into was merged away into this character or into several (`character_merged`, `field`: `intoCharacterId`, `mergedInto`: where it went)',
      schema: ErrorBody,
    },
  },
  async handle({ principal, params, body, services, orchestrations }) {
    const { character, segmentsMoved } = await services.characters.merge(
      principal,
      params.projectId,
      params.characterId,
      body.intoCharacterId,
      orchestrations,
    );
    return { status: 200, json: { character: toCharacterView(character), segmentsMoved } };
  },
});

endpoint({
  operationId: 'splitCharacterAlias',
  method: 'POST',
  route: 'v1/projects/{projectId}/characters/{characterId}/split-alias',
  summary: 'Make a new character from one of this character’s aliases',
  tags: ['characters'],
  access: 'tenant',
  params: CharacterParams,
  body: { kind: 'json', schema: SplitAliasRequest },
  objects: { projectId: 'project' },
  // Asks the runtime whether a plan that holds the project still runs (segmentEditGuard).
  orchestrates: true,
  responses: {
    201: { description: 'Split', schema: SplitAliasResult },
    409: {
      description: 'A character with the alias’s id exists, or a plan job is running (`job_in_progress`)',
      schema: ErrorBody,
    },
  },
  async handle({ principal, params, body, services, orchestrations }) {
    const { from, created } = await services.characters.splitAlias(
      principal,
      params.projectId,
      params.characterId,
      body.alias,
      orchestrations,
    );
    return { status: 201, json: { from: toCharacterView(from), created: toCharacterView(created) } };
  },
});
