import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useToast } from '../../ui/Toasts';

type Tone = 'success' | 'info' | 'error';

export interface ChapterToast {
  /** The chapter whose lines the toast is about. */
  chapterId: string;
  message: string;
  tone?: Tone;
  /** Said instead, naming the chapter, when the answer comes after the producer opened another chapter (or left). */
  elsewhere?: string;
}

export interface ChapterToasts {
  show(toast: ChapterToast): void;
}

/**
 * Toasts about the lines of a chapter belong to it, as the line's notices do: one is shown only while its chapter is
 * open and goes when another opens. An answer that arrives after the producer moved on (a save answered late) would
 * otherwise say "Now read by Bob." over some other chapter's lines; it says its `elsewhere` words, which name the
 * chapter, or nothing.
 */
export function useChapterToasts(openChapterId: string | undefined): ChapterToasts {
  const { show: showToast, dismiss } = useToast();
  const open = useRef(openChapterId);
  const shown = useRef<number[]>([]);
  useEffect(() => {
    open.current = openChapterId;
    return () => {
      open.current = undefined;
      for (const id of shown.current.splice(0)) dismiss(id);
    };
  }, [openChapterId, dismiss]);
  const show = useCallback(
    ({ chapterId, message, tone, elsewhere }: ChapterToast) => {
      if (chapterId === open.current) shown.current.push(showToast(message, tone));
      else if (elsewhere) showToast(elsewhere, tone);
    },
    [showToast],
  );
  return useMemo(() => ({ show }), [show]);
}
