/**
 * In a first-person book, a short narrated paragraph between two lines whose verb has a third-person subject and the
 * narrator as its object ("Fez-me signal que sim.", "Olhou-me calada.", "Me miró sin responder.") is the other
 * person's silent turn: someone other than the narrator answered with a gesture, and the narrator usually speaks next.
 */
const SILENT_BEAT_CHARS = 160;

/** A Portuguese verb with "me" glued after it ("Fez-me", "Olhou-me"), or Spanish "Me" before a verb ("Me miró"). */
const ACTS_ON_NARRATOR =
  /^(?:(?:e|mas|y|pero)\s+)?(?:\p{L}+(?:ou|eu|iu|ez|ôs|oz|ve|sse|xe|quis)-me|me\s+\p{L}+(?:ó|ió))(?![\p{L}\p{N}])/iu;
/** A first-person verb or subject in the beat makes it the narrator's own doing too ("Fez-me signal e eu calei-me."). */
const NARRATOR_ACTS = /(?<![\p{L}\p{N}])(?:eu|yo|I)(?![\p{L}\p{N}])/iu;

export function beatOnNarrator(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length <= SILENT_BEAT_CHARS &&
    !/[:,]$/u.test(trimmed) &&
    ACTS_ON_NARRATOR.test(trimmed) &&
    !NARRATOR_ACTS.test(trimmed)
  );
}
