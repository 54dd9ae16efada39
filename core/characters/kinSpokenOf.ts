/**
 * A speaker who calls someone his kin by name ("“My brother Walter,” said Mr. Whitcomb", "— O meu irmão Bento… —
 * disse o Sr. Meireles") is not that person: the given name after the kin word is not the speaker's own. Clustering
 * (clusters.ts) reads it to keep a titled surname from the full name of a relative of that name.
 */
import type { NameForm } from './mentions';
import type { HeuristicLanguage } from './vocabulary';

/** The possessive of the first person and a kin word, right before a name. */
const MY_KIN_BEFORE: Record<HeuristicLanguage, RegExp> = {
  en: /(?:^|[^\p{L}])[Mm]y\s+(?:brother|sister|son|daughter|father|mother|husband|wife|cousin|uncle|aunt|nephew|niece)\s+$/u,
  es: /(?:^|[^\p{L}])[Mm]is?\s+(?:hermano|hermana|hijo|hija|padre|madre|marido|esposo|esposa|mujer|primo|prima|tío|tía|sobrino|sobrina)\s+$/u,
  pt: /(?:^|[^\p{L}])(?:[Oo]\s+|[Aa]\s+)?(?:[Mm]eu|[Mm]inha)\s+(?:irmão|irmã|filho|filha|pai|mãe|marido|mulher|esposa|primo|prima|tio|tia|sobrinho|sobrinha)\s+$/u,
};
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/gu;
/** How far before a name its kin phrase is read. */
const KIN_SPAN = 40;

/** A speaker's form and the given name the speaker calls a relative by. */
export interface KinSpokenOf {
  speaker: NameForm;
  given: string;
}

/** A name written in a chapter, at its chapter offset. */
interface Written {
  form: NameForm;
  local: number;
}

/**
 * Each paragraph with one named tag (`tags`) whose line names a relative of the speaker ("my brother Walter") among
 * `mentions`. Read per paragraph, each tag and each mention placed in its paragraph by a binary search over the
 * openings found once: a chapter costs one pass, however its tags and names are spread.
 */
export function kinSpokenIn(
  text: string,
  language: HeuristicLanguage,
  tags: Written[],
  mentions: Written[],
): KinSpokenOf[] {
  const openings = [0, ...[...text.matchAll(PARAGRAPH_BREAK)].map((match) => match.index + match[0].length)];
  const tagsIn = new Map<number, NameForm[]>();
  for (const tag of tags) {
    const paragraph = paragraphOf(openings, tag.local);
    tagsIn.set(paragraph, [...(tagsIn.get(paragraph) ?? []), tag.form].slice(0, 2));
  }
  const found: KinSpokenOf[] = [];
  for (const mention of mentions) {
    if (mention.form.honorific !== null) continue;
    const paragraph = paragraphOf(openings, mention.local);
    const speakers = tagsIn.get(paragraph);
    if (speakers?.length !== 1) continue;
    const before = text.slice(Math.max(openings[paragraph], mention.local - KIN_SPAN), mention.local);
    if (MY_KIN_BEFORE[language].test(before)) found.push({ speaker: speakers[0], given: mention.form.tokens[0] });
  }
  return found;
}

/** The index of the paragraph holding `offset` (the last opening at or before it). */
function paragraphOf(openings: number[], offset: number): number {
  let [low, high] = [0, openings.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (openings[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
