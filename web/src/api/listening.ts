import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChapterTimelineView,
  MediaLinkView,
  SoundChangesView,
  TakeList,
  TakeView,
  TimelineSegmentView,
  WaveformView,
} from '@core/api/takes';
import { apiJson } from './client';
import { projectPath, projectScope } from './keys';
import { showJobStarted } from './production';
import type { Job } from './types';

export type ChapterTimeline = ChapterTimelineView;
export type TimelineSegment = TimelineSegmentView;
export type Take = TakeView;
export type MediaLink = MediaLinkView;
export type ChapterWaveform = WaveformView;
export type PreviewRole = 'retail-sample' | 'opening-credits' | 'closing-credits';

const listeningKeys = {
  timeline: (projectId: string, chapterId: string) => [...projectScope(projectId), 'timeline', chapterId] as const,
  takes: (projectId: string, segmentId: string) => [...projectScope(projectId), 'takes', segmentId] as const,
  previews: (projectId: string, packageId: string) => [...projectScope(projectId), 'previews', packageId] as const,
};

export function useChapterTimeline(projectId: string, chapterId: string | undefined) {
  return useQuery({
    queryKey: listeningKeys.timeline(projectId, chapterId ?? ''),
    enabled: Boolean(chapterId),
    queryFn: ({ signal }) =>
      apiJson<ChapterTimeline>(`${projectPath(projectId)}/chapters/${encodeURIComponent(chapterId!)}/timeline`, {
        signal,
      }),
  });
}

/** The master's waveform; a new master (a new `masteredAt`) has a new one, an unchanged one never changes. */
export function useChapterWaveform(projectId: string, chapterId: string | undefined, masteredAt: string | undefined) {
  return useQuery({
    queryKey: [...projectScope(projectId), 'waveform', chapterId ?? '', masteredAt ?? ''] as const,
    enabled: Boolean(chapterId && masteredAt),
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      apiJson<ChapterWaveform>(`${projectPath(projectId)}/chapters/${encodeURIComponent(chapterId!)}/waveform`, {
        signal,
      }),
  });
}

/**
 * Produced chapters that would sound different if produced now (a voice, a pronunciation, the pauses). The server
 * reads every produced chapter's plan to answer, so only pages about production and delivery ask.
 */
export function useSoundChanges(projectId: string, produced: boolean) {
  return useQuery({
    queryKey: [...projectScope(projectId), 'soundChanges'] as const,
    enabled: produced,
    queryFn: ({ signal }) => apiJson<SoundChangesView>(`${projectPath(projectId)}/sound-changes`, { signal }),
  });
}

export function useTakes(projectId: string, segmentId: string | undefined) {
  return useQuery({
    queryKey: listeningKeys.takes(projectId, segmentId ?? ''),
    enabled: Boolean(segmentId),
    queryFn: ({ signal }) =>
      apiJson<TakeList>(`${projectPath(projectId)}/segments/${encodeURIComponent(segmentId!)}/takes`, { signal }),
  });
}

/** Media links expire after minutes: they are asked for when needed and kept a little less long than they live. */
const LINK_STALE_MS = 10 * 60_000;

export function useChapterAudioLink(projectId: string, chapterId: string | undefined, masteredAt: string | undefined) {
  return useQuery({
    queryKey: [...projectScope(projectId), 'chapterAudio', chapterId ?? '', masteredAt ?? ''] as const,
    enabled: Boolean(chapterId && masteredAt),
    staleTime: LINK_STALE_MS,
    queryFn: ({ signal }) =>
      apiJson<MediaLink>(`${projectPath(projectId)}/chapters/${encodeURIComponent(chapterId!)}/audio-link`, {
        signal,
      }),
  });
}

export function takeAudioLink(projectId: string, segmentId: string, takeId: string) {
  return apiJson<MediaLink>(
    `${projectPath(projectId)}/segments/${encodeURIComponent(segmentId)}/takes/${encodeURIComponent(takeId)}/audio-link`,
  );
}

export function useSelectTake(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ segmentId, takeId }: { segmentId: string; takeId: string }) =>
      apiJson<{ job: Job }>(
        `${projectPath(projectId)}/segments/${encodeURIComponent(segmentId)}/takes/${encodeURIComponent(takeId)}/select`,
        { method: 'POST' },
      ),
    onSuccess: ({ job }) => showJobStarted(queryClient, projectId, job),
  });
}

export function useRegenerateSegment(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (segmentId: string) =>
      apiJson<{ job: Job }>(`${projectPath(projectId)}/segments/${encodeURIComponent(segmentId)}/regenerate`, {
        method: 'POST',
        json: {},
      }),
    onSuccess: ({ job }) => showJobStarted(queryClient, projectId, job),
  });
}

export function usePackagePreviews(projectId: string, packageId: string) {
  return useQuery({
    queryKey: listeningKeys.previews(projectId, packageId),
    queryFn: ({ signal }) =>
      apiJson<{ packageId: string; items: { role: PreviewRole; fileName: string }[] }>(
        `${projectPath(projectId)}/packages/${encodeURIComponent(packageId)}/previews`,
        { signal },
      ),
  });
}

export function previewAudioLink(projectId: string, packageId: string, role: PreviewRole) {
  return apiJson<MediaLink>(
    `${projectPath(projectId)}/packages/${encodeURIComponent(packageId)}/previews/${role}/audio-link`,
  );
}
