import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client';
import { bookKeys, projectPath, projectScope } from './keys';
import type { Character, Job, ProjectFacts } from './types';

const charactersPath = (projectId: string) => `${projectPath(projectId)}/characters`;
const characterPath = (projectId: string, characterId: string) =>
  `${charactersPath(projectId)}/${encodeURIComponent(characterId)}`;

export function useCharacters(projectId: string) {
  return useQuery({
    queryKey: bookKeys.characters(projectId),
    queryFn: async ({ signal }) => (await apiJson<{ items: Character[] }>(charactersPath(projectId), { signal })).items,
  });
}

/** Characters, casting, segments' speakers and the step counts all move together. */
function useRefreshCast(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      (['characters', 'casting', 'segments', 'facts', 'flagged'] as const).map((part) =>
        queryClient.invalidateQueries({ queryKey: [...projectScope(projectId), part] }),
      ),
    );
}

export function useStartJob(projectId: string, path: 'characters/detect' | 'plan') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object = {}) =>
      apiJson<{ job: Job }>(`${projectPath(projectId)}/${path}`, { method: 'POST', json: body }),
    onSuccess: ({ job }) => {
      queryClient.setQueryData(bookKeys.job(projectId, job.id), job);
      // The job is the project's running one from its start (its step says "Running", the banner shows): facts read
      // again right after the start may not name it yet, and the next read of them may be a minute away.
      queryClient.setQueryData<ProjectFacts>(bookKeys.facts(projectId), (facts) =>
        facts ? { ...facts, activeJobId: job.id } : facts,
      );
    },
  });
}

export type CharacterInput = Partial<
  Pick<Character, 'name' | 'aliases' | 'gender' | 'ageBand' | 'description' | 'speakingStyle' | 'importance'>
>;

export function useSaveCharacter(projectId: string) {
  const refresh = useRefreshCast(projectId);
  return useMutation({
    mutationFn: ({ characterId, etag, input }: { characterId?: string; etag?: string; input: CharacterInput }) =>
      characterId
        ? apiJson<Character>(characterPath(projectId, characterId), {
            method: 'PATCH',
            json: input,
            headers: etag ? { 'If-Match': etag } : {},
          })
        : apiJson<Character>(charactersPath(projectId), { method: 'POST', json: input }),
    onSettled: refresh,
  });
}

export function useDeleteCharacter(projectId: string) {
  const refresh = useRefreshCast(projectId);
  return useMutation({
    mutationFn: ({ characterId }: { characterId: string }) =>
      apiJson<{ segmentsFlagged: number }>(characterPath(projectId, characterId), { method: 'DELETE' }),
    onSettled: refresh,
  });
}

export function useMergeCharacter(projectId: string) {
  const refresh = useRefreshCast(projectId);
  return useMutation({
    mutationFn: ({ characterId, intoCharacterId }: { characterId: string; intoCharacterId: string }) =>
      apiJson<{ character: Character; segmentsMoved: number }>(`${characterPath(projectId, characterId)}/merge`, {
        method: 'POST',
        json: { intoCharacterId },
      }),
    onSettled: refresh,
  });
}

export function useSplitAlias(projectId: string) {
  const refresh = useRefreshCast(projectId);
  return useMutation({
    mutationFn: ({ characterId, alias }: { characterId: string; alias: string }) =>
      apiJson<{ from: Character; created: Character }>(`${characterPath(projectId, characterId)}/split-alias`, {
        method: 'POST',
        json: { alias },
      }),
    onSettled: refresh,
  });
}
