import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { bookKeys } from '../../api/keys';
import { readChapterSegments, useUpdateSegment, type SegmentPatch } from '../../api/segments';
import type { Segment } from '../../api/types';
import { changedMeanwhile, relocate } from './lineRelocation';

interface Change {
  segmentId: string;
  chapterId: string;
  /** The line as saved, to find it again after its chapter's plan was written anew (every id new). */
  line: Segment;
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

/** The id the edits waiting for a line's save are kept under: it follows the line when the line gets a new id. */
interface QueueKey {
  id: string;
}

function undoOf(segment: Segment, patch: SegmentPatch): SegmentPatch {
  const undo: SegmentPatch = {};
  if (patch.speakerId !== undefined) undo.speakerId = segment.speakerId;
  if (patch.text !== undefined) undo.text = segment.text;
  if (patch.flagged !== undefined) undo.flagged = segment.flagged;
  return undo;
}

/** An edit that could not be sent: its line (position from 1) was no longer found in its chapter. */
export interface UnappliedEdit {
  chapterId: string;
  position: number;
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
 *
 * New words for a line write the chapter's plan again: every line of the chapter gets a new id. An edit of another
 * line of the chapter made while such a save is answered waits for it and for the chapter read again, then goes to
 * its line's new id; one sent with an id the chapter no longer has (a 404: new words, a split or a merge answered
 * meanwhile, here or elsewhere) reads the chapter again and goes once more to its line's new id. The line is found by
 * its words near its position; when it is not found (its own words changed, or it was split or merged), or someone
 * else changed what the edit changes, the edit is not sent and the page says so.
 */
export function usePlanEdits(projectId: string, options: PlanEditOptions = {}) {
  const queryClient = useQueryClient();
  const onLineMoved = useRef(options.onLineMoved);
  onLineMoved.current = options.onLineMoved;
  const update = useUpdateSegment(projectId);
  const [history, setHistory] = useState<Change[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  /** Lines whose edit could not be sent: the line was no longer found. */
  const [unapplied, setUnapplied] = useState<UnappliedEdit[]>([]);
  const leftOut = useCallback(
    (segment: Segment) =>
      setUnapplied((edits) => [
        ...edits.filter((edit) => edit.chapterId !== segment.chapterId || edit.position !== segment.index + 1),
        { chapterId: segment.chapterId, position: segment.index + 1 },
      ]),
    [],
  );
  /** By the id of a line whose save is being answered: what was edited on it meanwhile. */
  const waiting = useRef(new Map<string, Waiting>());
  /** By chapter: new words being saved, which give every line of the chapter a new id; settles once it is read again. */
  const renames = useRef(new Map<string, Promise<void>>());

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

  /** The chapter's lines as the server holds them now (the cache takes them too). */
  const reread = useCallback(
    async (chapterId: string): Promise<Segment[]> => {
      const key = bookKeys.segments(projectId, chapterId);
      try {
        // A read already under way may have started before the plan was written again: read anew.
        await queryClient.cancelQueries({ queryKey: key, exact: true });
        return await queryClient.fetchQuery({
          queryKey: key,
          queryFn: ({ signal }) => readChapterSegments(projectId, chapterId, signal),
          staleTime: 0,
        });
      } catch {
        return queryClient.getQueryData<Segment[]>(key) ?? [];
      }
    },
    [projectId, queryClient],
  );

  /** New words for a line of the chapter are being saved: edits of its other lines wait until `done()`. */
  const holdChapter = useCallback((chapterId: string) => {
    let done!: () => void;
    const held = new Promise<void>((resolve) => (done = resolve));
    renames.current.set(chapterId, held);
    return () => {
      if (renames.current.get(chapterId) === held) renames.current.delete(chapterId);
      done();
    };
  }, []);

  /**
   * The line an edit was made on, after its chapter's plan was written again: `segment` itself while the chapter
   * still has its id, else the line with its words near its position. Null, with the page told, when it is gone or
   * someone else changed what the edit changes.
   */
  const retarget = useCallback(
    (lines: Segment[], segment: Segment, undo: SegmentPatch, queue: QueueKey): Segment | null => {
      if (lines.some((line) => line.id === segment.id)) return segment;
      const line = relocate(lines, segment);
      if (!line) {
        leftOut(segment);
        return null;
      }
      if (changedMeanwhile(line, undo)) {
        setConflict({ segmentId: line.id, current: line });
        return null;
      }
      // Edits made on the line under its new id wait for this save as edits under its old id did.
      const queued = waiting.current.get(queue.id);
      if (queued && !waiting.current.has(line.id)) {
        waiting.current.delete(queue.id);
        waiting.current.set(line.id, queued);
        queue.id = line.id;
      }
      return line;
    },
    [leftOut],
  );

  /** One save; the saved line, or null when it was refused (a 412 puts the server's version on screen). */
  const save = useCallback(
    async (
      segment: Segment,
      patch: SegmentPatch,
      undo: SegmentPatch,
      remember: boolean,
      queue: QueueKey,
      retargeted = false,
    ): Promise<Segment | null> => {
      const release = patch.text !== undefined ? holdChapter(segment.chapterId) : undefined;
      try {
        const saved = await update.mutateAsync({ segment, patch });
        setConflict(null);
        // A text edit answers the segment under a new id (the chapter's plan was written again).
        if (saved.id !== segment.id) {
          onLineMoved.current?.(segment.id, saved.id);
          await reread(segment.chapterId);
        }
        if (remember)
          setHistory((list) => [
            ...list.slice(-49),
            { segmentId: saved.id, chapterId: segment.chapterId, line: saved, undo },
          ]);
        return saved;
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          const fresh = (error.details.current as Segment | undefined) ?? null;
          if (fresh)
            queryClient.setQueryData<Segment[]>(bookKeys.segments(projectId, segment.chapterId), (list) =>
              list?.map((item) => (item.id === fresh.id ? fresh : item)),
            );
          setConflict({ segmentId: segment.id, current: fresh });
        } else if (error instanceof ApiError && error.status === 404 && !retargeted) {
          // The chapter's plan was written again before this edit arrived: it goes to the line's new id.
          const line = retarget(await reread(segment.chapterId), segment, undo, queue);
          if (line && line.id !== segment.id) return save(line, patch, undo, remember, queue, true);
          if (line) leftOut(segment);
        }
        return null;
      } finally {
        release?.();
      }
    },
    [holdChapter, leftOut, projectId, queryClient, reread, retarget, update],
  );

  /**
   * One save, after the answer to new words for another line of the chapter (they give this line a new id too) and the
   * chapter read again: then to the line's new id, or not at all when it is no longer found.
   */
  const send = useCallback(
    async (
      segment: Segment,
      patch: SegmentPatch,
      undo: SegmentPatch,
      remember: boolean,
      queue: QueueKey,
    ): Promise<Segment | null> => {
      const renaming = renames.current.get(segment.chapterId);
      if (!renaming) return save(segment, patch, undo, remember, queue);
      show(segment.chapterId, segment.id, patch);
      await renaming;
      const lines = queryClient.getQueryData<Segment[]>(bookKeys.segments(projectId, segment.chapterId)) ?? [];
      const line = retarget(lines, segment, undo, queue);
      return line && save(line, patch, undo, remember, queue);
    },
    [projectId, queryClient, retarget, save, show],
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
      const queue: QueueKey = { id: segment.id };
      let saved = await send(segment, patch, undo, remember, queue);
      const ok = saved !== null;
      for (;;) {
        const next = waiting.current.get(queue.id)!;
        waiting.current.delete(queue.id);
        if (!next.patch) break;
        if (!saved) {
          // The line the waiting edits were made on is gone (someone else's version is on screen now): drop them.
          for (const settle of next.settle) settle(false);
          break;
        }
        waiting.current.set(saved.id, { patch: null, undo: {}, remember: false, settle: [] });
        queue.id = saved.id;
        show(saved.chapterId, saved.id, next.patch);
        saved = await send(saved, next.patch, next.undo, next.remember, queue);
        for (const settle of next.settle) settle(saved !== null);
      }
      return ok;
    },
    [send, show],
  );

  const undoLast = useCallback(async () => {
    const last = history[history.length - 1];
    if (!last) return false;
    const lines = queryClient.getQueryData<Segment[]>(bookKeys.segments(projectId, last.chapterId)) ?? [];
    const segment = current(last.chapterId, last.segmentId) ?? relocate(lines, last.line);
    if (!segment) return false;
    const ok = await apply(segment, last.undo, false);
    if (ok) setHistory((list) => list.slice(0, -1));
    return ok;
  }, [apply, current, history, projectId, queryClient]);

  return {
    apply,
    undoLast,
    canUndo: history.length > 0,
    /** Where the change undo would reverse was made: its chapter and line (from 1). */
    lastChange: history.length
      ? { chapterId: history[history.length - 1].chapterId, position: history[history.length - 1].line.index + 1 }
      : null,
    saving: update.isPending,
    error: update.error,
    conflict,
    /** Someone else's version of a line reached the page another way (a refetch) while it was being edited. */
    showConflict: setConflict,
    clearConflict: () => setConflict(null),
    /** Lines whose edit could not be sent, the line no longer being found. */
    unapplied,
    clearUnapplied: () => setUnapplied([]),
  };
}
