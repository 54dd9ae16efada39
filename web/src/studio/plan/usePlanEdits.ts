import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { bookKeys } from '../../api/keys';
import { useUpdateSegment, type SegmentPatch } from '../../api/segments';
import type { Segment } from '../../api/types';

interface Change {
  segmentId: string;
  chapterId: string;
  /** What to send to put the segment back as it was. */
  undo: SegmentPatch;
}

export interface Conflict {
  segmentId: string;
  current: Segment | null;
}

/**
 * Segment edits with undo: each saved change remembers how to reverse it; undo sends that reverse with the ETag the
 * segment has now. A refused save (someone else changed the line: 412) becomes a conflict the page shows, and the
 * line is put back to the version the server holds.
 */
export function usePlanEdits(projectId: string) {
  const queryClient = useQueryClient();
  const update = useUpdateSegment(projectId);
  const [history, setHistory] = useState<Change[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const current = useCallback(
    (chapterId: string, segmentId: string) =>
      queryClient.getQueryData<Segment[]>(bookKeys.segments(projectId, chapterId))?.find((s) => s.id === segmentId),
    [projectId, queryClient],
  );

  const apply = useCallback(
    async (segment: Segment, patch: SegmentPatch, remember = true): Promise<boolean> => {
      const undo: SegmentPatch = {};
      if (patch.speakerId !== undefined) undo.speakerId = segment.speakerId;
      if (patch.text !== undefined) undo.text = segment.text;
      if (patch.flagged !== undefined) undo.flagged = segment.flagged;
      try {
        const saved = await update.mutateAsync({ segment, patch });
        setConflict(null);
        // A text edit answers the segment under a new id (the chapter's plan was written again).
        if (remember)
          setHistory((list) => [...list.slice(-49), { segmentId: saved.id, chapterId: segment.chapterId, undo }]);
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          const fresh = (error.details.current as Segment | undefined) ?? null;
          if (fresh)
            queryClient.setQueryData<Segment[]>(bookKeys.segments(projectId, segment.chapterId), (list) =>
              list?.map((item) => (item.id === fresh.id ? fresh : item)),
            );
          setConflict({ segmentId: segment.id, current: fresh });
        }
        return false;
      }
    },
    [projectId, queryClient, update],
  );

  const undoLast = useCallback(async () => {
    const last = history[history.length - 1];
    if (!last) return false;
    const segment = current(last.chapterId, last.segmentId);
    if (!segment) return false;
    const ok = await apply(segment, last.undo, false);
    if (ok) setHistory((list) => list.slice(0, -1));
    return ok;
  }, [apply, current, history]);

  return {
    apply,
    undoLast,
    canUndo: history.length > 0,
    saving: update.isPending,
    error: update.error,
    conflict,
    clearConflict: () => setConflict(null),
  };
}
