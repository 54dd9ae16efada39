import { z } from 'zod';
import {
  CastingPoolView,
  CastingSummaryView,
  SetCastingPoolRequest,
  SetVoiceRequest,
  toCastingPoolView,
  toCastingSummaryView,
} from '../core/api/casting';
import { CharacterParams, CharacterView, toCharacterView } from '../core/api/characters';
import { ErrorBody, Id } from '../core/api/common';
import { endpoint } from './http/endpoint';
import { wavReply } from './voices';

/**
 * Casting (docs/domain.md §Casting): the project's voice pool, automatic casting, manual overrides, character
 * auditions.
 */
const ProjectParams = z.strictObject({ projectId: Id });

endpoint({
  operationId: 'getCastingPool',
  method: 'GET',
  route: 'v1/projects/{projectId}/casting/pool',
  summary: 'The voices casting may use (default: the catalog’s voices in the book’s language)',
  tags: ['casting'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The pool', schema: CastingPoolView } },
  async handle({ principal, params, services }) {
    return { status: 200, json: toCastingPoolView(await services.casting.getPool(principal, params.projectId)) };
  },
});

endpoint({
  operationId: 'setCastingPool',
  method: 'PUT',
  route: 'v1/projects/{projectId}/casting/pool',
  summary: 'Choose the voices casting may use (every name must be in the catalog)',
  tags: ['casting'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: SetCastingPoolRequest },
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The pool', schema: CastingPoolView } },
  async handle({ principal, params, body, services }) {
    const pool = await services.casting.setPool(principal, params.projectId, body.voiceNames);
    return { status: 200, json: toCastingPoolView(pool) };
  },
});

endpoint({
  operationId: 'autoCast',
  method: 'POST',
  route: 'v1/projects/{projectId}/casting/auto',
  summary: 'Cast every character from the pool, deterministically, keeping manual overrides',
  tags: ['casting'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'The cast', schema: CastingSummaryView },
    409: { description: 'The pool has no usable voice', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    return { status: 200, json: toCastingSummaryView(await services.casting.autoCast(principal, params.projectId)) };
  },
});

endpoint({
  operationId: 'getCasting',
  method: 'GET',
  route: 'v1/projects/{projectId}/casting',
  summary: 'Who speaks with which voice: the pool and every character’s assignment',
  tags: ['casting'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The cast', schema: CastingSummaryView } },
  async handle({ principal, params, services }) {
    return { status: 200, json: toCastingSummaryView(await services.casting.summary(principal, params.projectId)) };
  },
});

endpoint({
  operationId: 'setCharacterVoice',
  method: 'PUT',
  route: 'v1/projects/{projectId}/characters/{characterId}/voice',
  summary:
    'Choose a character’s voice, style and prosody by hand (clamped unless allowExtremes). With If-Match (the character’s ETag) it applies only to that version; without it the last choice wins',
  tags: ['casting'],
  access: 'tenant',
  params: CharacterParams,
  body: { kind: 'json', schema: SetVoiceRequest },
  objects: { projectId: 'project' },
  ifMatch: 'optional',
  responses: { 200: { description: 'The character with its voice', schema: CharacterView } },
  async handle({ principal, params, body, ifMatch, services }) {
    const updated = await services.casting.setVoice(principal, params.projectId, params.characterId, body, ifMatch);
    return { status: 200, json: toCharacterView(updated) };
  },
});

endpoint({
  operationId: 'auditionCharacter',
  method: 'GET',
  route: 'v1/projects/{projectId}/characters/{characterId}/audition',
  summary: 'The character’s voice reading one of their lines (or a default sample), as WAV',
  tags: ['casting'],
  access: 'tenant',
  params: CharacterParams,
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'WAV audio (24 kHz, 16-bit mono)', contentType: 'audio/wav' },
    409: { description: 'The character has no voice yet', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    return wavReply(await services.casting.auditionCharacter(principal, params.projectId, params.characterId));
  },
});
