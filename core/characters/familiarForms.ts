/**
 * Which familiar forms and full given names the text itself keeps apart. The built-in familiar forms (vocabulary.ts)
 * join a full given name and its familiar form written in one chapter ("Elizabeth", "Lizzy"), which the text has not
 * stated; they are not joined where both are the subjects of speech tags in one chapter ("—dijo Francisco", "—dijo
 * Paco"): two speakers of one scene are two people. Both written in the narration of one paragraph is no such
 * evidence: a narration may call one girl "Catherine" and "Kitty" in one sentence, or slip into a character's way of
 * speaking ("an apology for troubling him also with Lizzy").
 */
import { honorificOf } from './honorifics';
import type { NameForm } from './mentions';
import { DIMINUTIVES } from './vocabulary';

/** The key of a pair of given names, the same whichever comes first. */
export function pairKey(one: string, other: string): string {
  return one < other ? `${one}|${other}` : `${other}|${one}`;
}

/** The given name a form writes alone or after a title of given names ("Paco", "tío Francisco", "Don Julián"). */
function givenNameOf(form: NameForm): string | undefined {
  if (form.tokens.length !== 1) return undefined;
  if (form.honorific === null) return form.tokens[0];
  return honorificOf(form.honorific)?.naming === 'given' ? form.tokens[0] : undefined;
}

/** Every name that is a full given name or a familiar form of one in the built-in list. */
const FAMILIAR_NAMES = new Set(Object.entries(DIMINUTIVES).flatMap(([full, shorts]) => [full, ...shorts]));

/** What this reads of a scanned chapter (namedPeople.ts's ChapterScan). */
interface ChapterNames {
  attributions: readonly { form: NameForm }[];
}

/** The pairs (by `pairKey`) of a full given name and its familiar form that the book shows to be two people. */
export function familiarFormsKeptApart(scans: readonly ChapterNames[]): Set<string> {
  const apart = new Set<string>();
  const recordPairs = (names: Set<string>) => {
    for (const [full, shorts] of Object.entries(DIMINUTIVES)) {
      if (!names.has(full)) continue;
      for (const short of shorts) if (names.has(short)) apart.add(pairKey(full, short));
    }
  };
  for (const scan of scans) {
    const speakers = new Set(
      scan.attributions
        .map((tag) => givenNameOf(tag.form))
        .filter((given): given is string => given !== undefined && FAMILIAR_NAMES.has(given)),
    );
    if (speakers.size > 1) recordPairs(speakers);
  }
  return apart;
}
