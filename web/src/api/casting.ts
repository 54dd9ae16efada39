import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, apiJson } from './client';
import { bookKeys, projectPath, projectScope } from './keys';
import type { CastingPool, CastingSummary, Character, Voice } from './types';

export interface VoiceFilters {
  language?: string;
  locale?: string;
  gender?: Voice['gender'] | '';
  style?: string;
}

export function useVoices(filters: VoiceFilters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return useQuery({
    queryKey: ['voices', params.toString()],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => apiJson<{ engine: string; items: Voice[] }>(`/v1/voices?${params.toString()}`, { signal }),
  });
}

export function useCasting(projectId: string) {
  return useQuery({
    queryKey: bookKeys.casting(projectId),
    queryFn: ({ signal }) => apiJson<CastingSummary>(`${projectPath(projectId)}/casting`, { signal }),
  });
}

function useRefreshCasting(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      (['casting', 'castingPool', 'characters', 'facts'] as const).map((part) =>
        queryClient.invalidateQueries({ queryKey: [...projectScope(projectId), part] }),
      ),
    );
}

export function useSetCastingPool(projectId: string) {
  const refresh = useRefreshCasting(projectId);
  return useMutation({
    mutationFn: (voiceNames: string[]) =>
      apiJson<CastingPool>(`${projectPath(projectId)}/casting/pool`, { method: 'PUT', json: { voiceNames } }),
    onSettled: refresh,
  });
}

export function useAutoCast(projectId: string) {
  const refresh = useRefreshCasting(projectId);
  return useMutation({
    mutationFn: () => apiJson<CastingSummary>(`${projectPath(projectId)}/casting/auto`, { method: 'POST' }),
    onSettled: refresh,
  });
}

export interface VoiceChoice {
  voiceName: string;
  style?: string;
  styleDegree?: number;
  ratePercent?: number;
  pitchPercent?: number;
}

/** The same voice, style and prosody: what a voice choice is about (another field of the character is not). */
function sameVoice(a: Character['voice'], b: Character['voice']): boolean {
  const key = (voice: Character['voice']) =>
    JSON.stringify([
      voice?.voiceName ?? null,
      voice?.style ?? null,
      voice?.styleDegree ?? null,
      voice?.ratePercent ?? 0,
      voice?.pitchPercent ?? 0,
    ]);
  return key(a) === key(b);
}

/**
 * Saves a voice choice over the version of the character it was made on (If-Match). Refused because someone else
 * changed the character (412), it goes again on their version only when its voice is still the one the choice was
 * made over (they edited its description, say); otherwise the refusal stands and their version goes into the cache,
 * so the row shows their voice.
 */
export function useSetVoice(projectId: string) {
  const refresh = useRefreshCasting(projectId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ character, choice }: { character: Character; choice: VoiceChoice }) => {
      const put = (etag: string) =>
        apiJson<Character>(`${projectPath(projectId)}/characters/${encodeURIComponent(character.id)}/voice`, {
          method: 'PUT',
          json: choice,
          headers: { 'If-Match': etag },
        });
      try {
        return await put(character.etag);
      } catch (error) {
        const current = theirVersion(error);
        if (current && sameVoice(current.voice, character.voice)) return put(current.etag);
        throw error;
      }
    },
    onError: (error) => {
      const current = theirVersion(error);
      if (current)
        queryClient.setQueryData<Character[]>(bookKeys.characters(projectId), (list) =>
          list?.map((item) => (item.id === current.id ? current : item)),
        );
    },
    onSettled: refresh,
  });
}

/** The character as someone else left it, from a refused save. */
function theirVersion(error: unknown): Character | undefined {
  return error instanceof ApiError && error.status === 412
    ? (error.details.current as Character | undefined)
    : undefined;
}

/** A catalog voice reading a short text (WAV). */
export async function auditionVoice(
  voiceName: string,
  request: { text?: string; locale?: string; style?: string },
  signal?: AbortSignal,
): Promise<Blob> {
  const response = await apiFetch(`/v1/voices/${encodeURIComponent(voiceName)}/audition`, {
    method: 'POST',
    json: request,
    signal,
  });
  return response.blob();
}

/** A character's own voice reading one of their lines (WAV). */
export async function auditionCharacter(projectId: string, characterId: string, signal?: AbortSignal): Promise<Blob> {
  const response = await apiFetch(`${projectPath(projectId)}/characters/${encodeURIComponent(characterId)}/audition`, {
    signal,
  });
  return response.blob();
}
