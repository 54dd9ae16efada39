/**
 * The people the narration just before a line says are listening ("Holmes sat in his armchair, and we listened in
 * silence to the story which our visitor told us.", "Holmes composed himself to listen."): the line is spoken to
 * them, so none of them says it — the one who speaks is whoever they listen to, often someone the narration has not
 * named yet (a client about to tell a long story).
 */
import { NARRATOR_ID } from '../character';
import type { Cast } from './cast';

/**
 * A verb of listening: "listened", "to listen", "escuchaba", "escutava"; never after "had", "having", "había",
 * "tinha": one who had listened has heard the speech out and is the one who now answers ("Lord Ward had listened with
 * a frowning brow to this long narrative.").
 */
const LISTENING =
  /(?<![\p{L}\p{N}])(?<!(?:had|having|había|habían|tinha|tinham|havia)\s+(?:\p{L}+\s+)?)(?:listen(?:s|ed|ing)?|escuch(?:a|aba|aban|ó|aron|ando|ar)|escut(?:a|ava|avam|ou|aram|ando|ar))(?![\p{L}\p{N}])/iu;
/** The narrator among the listeners: "we listened", "I sat listening", "nós escutávamos". */
const NARRATOR_SUBJECT = /(?<![\p{L}\p{N}])(?:I|[Ww]e|[Nn]ós|[Nn]osotros|[Ee]u|[Yy]o)(?![\p{L}\p{N}])/u;

/**
 * The listeners a narrated sentence names before its verb of listening: the people of the cast it names (not a
 * possessor: "Holmes's client listened"), and the narrator when "I" or "we" listens. People named after the verb
 * ("listened to Mr. Grey") are who is listened to, not listeners.
 */
export function listenersIn(sentence: string, cast: Cast): string[] {
  const verb = LISTENING.exec(sentence);
  if (!verb) return [];
  const before = sentence.slice(0, verb.index);
  const named = cast
    .mentions(before)
    .filter((mention) => !mention.possessive)
    .map((mention) => mention.id);
  const narrator = cast.firstPersonNarrator && NARRATOR_SUBJECT.test(before) ? [NARRATOR_ID] : [];
  return [...new Set([...named, ...narrator])];
}
