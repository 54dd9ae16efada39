import { useEffect, useRef, useState } from 'react';

interface Draft {
  /** What the editor shows: the producer's words. */
  text: string;
  /** The server's words the producer started from (or last saved): typing differs from it. */
  base: string;
  /** The words the producer last asked to save, which may come back from the server after more typing. */
  sent: string | null;
  /** The server's words as last seen, to notice when they change. */
  seen: string;
  /** How many times the server's words changed to something the producer never saved, over unsaved typing. */
  overruled: number;
}

/**
 * How the editor takes the server's new words for a line. A save of the line coming back (a speaker, a flag, earlier
 * words) never throws away what is being typed. Without unsaved typing the editor shows the server's words; over
 * unsaved typing it keeps the typing when the server's words are the ones the producer saved, and otherwise (someone
 * else changed them) shows theirs and says so: the same outcome as a save refused by someone else's change.
 */
export function nextDraft(draft: Draft, server: string): Draft {
  if (server === draft.seen) return draft;
  const seen = { ...draft, seen: server };
  if (draft.text === draft.base) return { ...seen, text: server, base: server };
  if (server === draft.text || server === draft.sent) return { ...seen, base: server };
  return { ...seen, text: server, base: server, sent: null, overruled: draft.overruled + 1 };
}

/**
 * The line's words being edited, kept across saves of the same line. `onTheirs` is told when someone else's words
 * replaced unsaved typing.
 */
export function useTextDraft(server: string, onTheirs: (() => void) | undefined) {
  const [draft, setDraft] = useState<Draft>({ text: server, base: server, sent: null, seen: server, overruled: 0 });
  // Adjusted while rendering, so the editor never shows a frame of words it is about to replace.
  const current = nextDraft(draft, server);
  if (current !== draft) setDraft(current);

  const tell = useRef(onTheirs);
  tell.current = onTheirs;
  useEffect(() => {
    if (draft.overruled > 0) tell.current?.();
  }, [draft.overruled]);

  return {
    text: current.text,
    edit: (text: string) => setDraft((value) => ({ ...value, text })),
    /** The words are being saved: when the server answers with them, typing since is kept. */
    sent: (text: string) => setDraft((value) => ({ ...value, sent: text })),
  };
}
