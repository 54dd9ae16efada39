import { AuditionRequest, ListVoicesQuery, VoiceList, VoiceNameParams, toVoiceView } from '../core/api/voices';
import { requireTenantPrincipal } from '../core/auth/permissions';
import { endpoint } from './http/endpoint';
import type { Reply } from './http/endpoint';
import type { Audition } from '../core/voices/auditionService';

/**
 * The voice catalog of the configured TTS engine, and auditions (docs/domain.md §Casting). Any signed-in tenant user.
 */

endpoint({
  operationId: 'listVoices',
  method: 'GET',
  route: 'v1/voices',
  summary: 'Voices of the configured engine; filter by language, locale, gender and style',
  tags: ['voices'],
  access: 'tenant',
  query: ListVoicesQuery,
  responses: { 200: { description: 'The voices', schema: VoiceList } },
  async handle({ principal, query, services }) {
    requireTenantPrincipal(principal);
    const voices = await services.voices.list(query);
    return { status: 200, json: { engine: services.voices.engine, items: voices.map(toVoiceView) } };
  },
});

endpoint({
  operationId: 'auditionVoice',
  method: 'POST',
  route: 'v1/voices/{voiceName}/audition',
  summary: 'A short WAV sample of a catalog voice (text capped at 300 characters; cached by content)',
  tags: ['voices'],
  access: 'tenant',
  params: VoiceNameParams,
  body: { kind: 'json', schema: AuditionRequest },
  responses: { 200: { description: 'WAV audio (24 kHz, 16-bit mono)', contentType: 'audio/wav' } },
  async handle({ principal, params, body, services }) {
    const user = requireTenantPrincipal(principal);
    const audition = await services.auditions.audition(user.tenantId, { voiceName: params.voiceName, ...body });
    return wavReply(audition);
  },
});

/** An audition as an HTTP reply: WAV bytes, private caching, and whether it came from the cache. */
export function wavReply(audition: Audition): Reply {
  return {
    status: 200,
    bytes: audition.wav,
    headers: {
      'content-type': 'audio/wav',
      'content-length': String(audition.wav.length),
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      'x-khipu-audition-cache': audition.cached ? 'hit' : 'miss',
    },
  };
}
