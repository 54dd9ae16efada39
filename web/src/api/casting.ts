import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiJson } from './client';
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

export function useSetVoice(projectId: string) {
  const refresh = useRefreshCasting(projectId);
  return useMutation({
    mutationFn: ({ characterId, choice }: { characterId: string; choice: VoiceChoice }) =>
      apiJson<Character>(`${projectPath(projectId)}/characters/${encodeURIComponent(characterId)}/voice`, {
        method: 'PUT',
        json: choice,
      }),
    onSettled: refresh,
  });
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
