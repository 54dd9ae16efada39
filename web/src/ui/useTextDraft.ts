import { useEffect, useRef, useState } from 'react';

export interface Draft {
  /** What the editor shows: the producer's words. */
  text: string;
  /** The server's words as last taken in: unsaved typing differs from them. */
  base: string;
  /** The words the producer last asked to save, which may come back from the server after more typing. */
  sent: string | null;
  /** How many times the server's words changed to something the producer never saved, over unsaved typing. */
  overruled: number;
}

/**
 * How a field being edited takes the server's new value of it. A save of the same object coming back (another field,
 * or this one saved earlier) never throws away what is being typed. Without unsaved typing the field shows the
 * server's value; over unsaved typing it keeps the typing when the server's value is the one the producer saved, and
 * otherwise (someone else changed it) shows theirs and says so: the same outcome as a save refused by someone else's
 * change.
 */
export function nextDraft(draft: Draft, server: string): Draft {
  if (server === draft.base) return draft;
  if (draft.text === draft.base) return { ...draft, text: server, base: server };
  if (sameWords(server, draft.text) || (draft.sent !== null && sameWords(server, draft.sent)))
    return { ...draft, base: server };
  return { ...draft, text: server, base: server, sent: null, overruled: draft.overruled + 1 };
}

/** The API keeps the whitespace around a line's words when new words come without their own: still what was saved. */
const sameWords = (server: string, saved: string) => server.trim() === saved.trim();

/**
 * `nextDraft` field by field, for a form: the values to show when the server's values change, and whether someone
 * else's value replaced unsaved typing in any field.
 */
export function nextValues<T extends Record<string, string>>(
  typed: T,
  base: T,
  sent: T | null,
  server: T,
): { values: T; overruled: boolean } {
  const values = { ...server };
  let overruled = false;
  for (const field of Object.keys(server) as (keyof T)[]) {
    const draft = nextDraft(
      { text: typed[field], base: base[field], sent: sent?.[field] ?? null, overruled: 0 },
      server[field],
    );
    values[field] = draft.text as T[keyof T];
    overruled ||= draft.overruled > 0;
  }
  return { values, overruled };
}

/**
 * A value being edited, kept across saves and reads of the object it belongs to (a plan line's words; a casting row's
 * values, written as one string). `onTheirs` is told when someone else's value replaced unsaved
 * typing.
 */
/** Tells `onTheirs` each time someone else's value replaced what was being typed (`overruled` counts those times). */
function useTellWhenOverruled(overruled: number, onTheirs: (() => void) | undefined): void {
  const tell = useRef(onTheirs);
  tell.current = onTheirs;
  useEffect(() => {
    if (overruled > 0) tell.current?.();
  }, [overruled]);
}

export function useTextDraft(server: string, onTheirs: (() => void) | undefined) {
  const [draft, setDraft] = useState<Draft>({ text: server, base: server, sent: null, overruled: 0 });
  // Adjusted while rendering, so the editor never shows a frame of words it is about to replace.
  const current = nextDraft(draft, server);
  if (current !== draft) setDraft(current);

  useTellWhenOverruled(draft.overruled, onTheirs);

  return {
    text: current.text,
    edit: (text: string) => setDraft((value) => ({ ...value, text })),
    /** The words are being saved: when the server answers with them, typing since is kept. */
    sent: (text: string) => setDraft((value) => ({ ...value, sent: text })),
  };
}

const sameValues = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((field) => a[field] === b[field]);

interface ValuesDraft<T> {
  typed: T;
  base: T;
  sent: T | null;
  overruled: number;
}

/**
 * `useTextDraft` for a form of several fields, field by field (`nextValues`): a field someone else changed shows their
 * value (and `onTheirs` is told) when it held unsaved typing; every other field keeps what was typed. After a refused
 * save, the form read again keeps the producer's values where nobody else changed them, under the new version, so
 * saving again re-applies them.
 */
export function useValuesDraft<T extends Record<string, string>>(server: T, onTheirs: (() => void) | undefined) {
  const [draft, setDraft] = useState<ValuesDraft<T>>({ typed: server, base: server, sent: null, overruled: 0 });
  let current = draft;
  if (!sameValues(server, draft.base)) {
    const next = nextValues(draft.typed, draft.base, draft.sent, server);
    current = {
      typed: next.values,
      base: server,
      sent: next.overruled ? null : draft.sent,
      overruled: draft.overruled + (next.overruled ? 1 : 0),
    };
    // Adjusted while rendering, as useTextDraft does.
    setDraft(current);
  }

  useTellWhenOverruled(draft.overruled, onTheirs);

  return {
    values: current.typed,
    edit: (typed: T) => setDraft((value) => ({ ...value, typed })),
    /** The values are being saved: when the server answers with them, typing since is kept. */
    sent: (values: T) => setDraft((value) => ({ ...value, sent: values })),
  };
}
