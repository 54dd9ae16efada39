import { useCallback, useRef, useState } from 'react';
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

/** The edits of one line made while a save of it was still being answered, waiting for that answer's ETag. */
interface Waiting {
  /** Merged: a field edited twice keeps its latest value, so only the last choice is sent. */
  patch: SegmentPatch | null;
  /** Merged the other way: a field keeps the value it had before the first of these edits. */
  undo: SegmentPatch;
  remember: boolean;
  settle: ((ok: boolean) => void)[];
}

function undoOf(segment: Segment, patch: SegmentPatch): SegmentPatch {
  const undo: SegmentPatch = {};
  if (patch.speakerId !== undefined) undo.speakerId = segment.speakerId;
  if (patch.text !== undefined) undo.text = segment.text;
  if (patch.flagged !== undefined) undo.flagged = segment.flagged;
  return undo;
}

export interface PlanEditOptions {
  /** A save answered the line under a new id (new words write the chapter's plan again): the page follows it. */
  onLineMoved?(fromId: string, toId: string): void;
}

/**
 * Segment edits with undo: each saved change remembers how to reverse it; undo sends that reverse with the ETag the
 * segment has now. A refused save (someone else changed the line: 412) becomes a conflict the page shows, and the
 * line is put back to the version the server holds.
 *
 * A line is saved one edit at a time: an edit made while the line's previous save is still being answered waits for
 * that answer and goes with the ETag it brings (sent at once, it would carry the ETag the first save replaces and be
 * refused as a conflict nobody caused). Edits that wait together are sent as one, each field at its latest value.
 */
export function usePlanEdits(projectId: string, options: PlanEditOptions = {}) {
  const queryClient = useQueryClient();
  const onLineMoved = useRef(options.onLineMoved);
  onLineMoved.current = options.onLineMoved;
  const update = useUpdateSegment(projectId);
  const [history, setHistory] = useState<Change[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  /** By the id of a line whose save is being answered: what was edited on it meanwhile. */
  const waiting = useRef(new Map<string, Waiting>());

  const current = useCallback(
    (chapterId: string, segmentId: string) =>
      queryClient.getQueryData<Segment[]>(bookKeys.segments(projectId, chapterId))?.find((s) => s.id === segmentId),
    [projectId, queryClient],
  );

  const show = useCallback(
    (chapterId: string, segmentId: string, patch: SegmentPatch) =>
      queryClient.setQueryData<Segment[]>(bookKeys.segments(projectId, chapterId), (list) =>
        list?.map((item) => (item.id === segmentId ? { ...item, ...patch } : item)),
      ),
    [projectId, queryClient],
  );

  /** One save; the saved line, or null when it was refused (a 412 puts the server's version on screen). */
  const save = useCallback(
    async (segment: Segment, patch: SegmentPatch, undo: SegmentPatch, remember: boolean): Promise<Segment | null> => {
      try {
        const saved = await update.mutateAsync({ segment, patch });
        setConflict(null);
        // A text edit answers the segment under a new id (the chapter's plan was written again).
        if (saved.id !== segment.id) onLineMoved.current?.(segment.id, saved.id);
        if (remember)
          setHistory((list) => [...list.slice(-49), { segmentId: saved.id, chapterId: segment.chapterId, undo }]);
        return saved;
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          const fresh = (error.details.current as Segment | undefined) ?? null;
          if (fresh)
            queryClient.setQueryData<Segment[]>(bookKeys.segments(projectId, segment.chapterId), (list) =>
              list?.map((item) => (item.id === fresh.id ? fresh : item)),
            );
          setConflict({ segmentId: segment.id, current: fresh });
        }
        return null;
      }
    },
    [projectId, queryClient, update],
  );

  const apply = useCallback(
    async (segment: Segment, patch: SegmentPatch, remember = true): Promise<boolean> => {
      const undo = undoOf(segment, patch);
      const queued = waiting.current.get(segment.id);
      if (queued) {
        queued.patch = { ...queued.patch, ...patch };
        queued.undo = { ...undo, ...queued.undo };
        queued.remember ||= remember;
        show(segment.chapterId, segment.id, patch);
        return new Promise<boolean>((resolve) => queued.settle.push(resolve));
      }

      waiting.current.set(segment.id, { patch: null, undo: {}, remember: false, settle: [] });
      let lineId = segment.id;
      let saved = await save(segment, patch, undo, remember);
      const ok = saved !== null;
      for (;;) {
        const next = waiting.current.get(lineId)!;
        waiting.current.delete(lineId);
        if (!next.patch) break;
        if (!saved) {
          // The line the waiting edits were made on is gone (someone else's version is on screen now): drop them.
          for (const settle of next.settle) settle(false);
          break;
        }
        waiting.current.set(saved.id, { patch: null, undo: {}, remember: false, settle: [] });
        lineId = saved.id;
        show(saved.chapterId, saved.id, next.patch);
        saved = await save(saved, next.patch, next.undo, next.remember);
        for (const settle of next.settle) settle(saved !== null);
      }
      return ok;
    },
    [save, show],
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
    /** Someone else's version of a line reached the page another way (a refetch) while it was being edited. */
    showConflict: setConflict,
    clearConflict: () => setConflict(null),
  };
}
