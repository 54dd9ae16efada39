/**
 * The person the narration beside a line says it is spoken to: "said the doctor to Anne", "Tom turned to the
 * banker:", "dijo el alcalde a Pedro", "díjole ella al cura", "dirigiéndose a la criada", "voltando-se para o
 * padre". Like a name the line calls out, that person is not its speaker and usually answers next; unlike a name
 * called out, the narration says so in scenes of three people or more as clearly as in those of two.
 */
import type { Cast } from './cast';
import type { ChapterSegment, ChapterStructure } from './structure';
import type { HeuristicLanguage } from '../vocabulary';
import { listenersIn } from './listeners';
import { sentencesOf, speechVerbsIn } from './speechTags';

/**
 * Verbs of turning towards or addressing someone, which take the person after a preposition ("turning to", "se
 * dirigió a", "voltou-se para"); a clitic may be glued to them ("dirigiéndose", "volviéndose", "virando-se").
 */
const TURNING_VERB =
  /(?<![\p{L}\p{N}])(?:turn(?:s|ed|ing)?(?:\s+round)?|address(?:es|ed|ing)|dirig\p{L}*|volv(?:ió|iéndo|iendo)\p{L}*|volt(?:ou|ando|ava)(?:-se)?|vir(?:ou|ando|ava)(?:-se)?)(?![\p{L}\p{N}])/giu;
/**
 * The prepositions before the person spoken or turned to: "to the banker", "a la criada", "al cura", "hacia
 * su marido", "para o padre", "à irmã". Portuguese "a" after a verb is most often the article of its subject
 * ("disse a irmã": the sister said), so only Spanish reads a bare "a" as "to". Spanish "a" also opens phrases of
 * time and manner ("a media voz", "al cabo"), which name nobody of the cast.
 */
const PREPOSITIONS: Record<HeuristicLanguage | 'any', string> = {
  en: 'to|towards|unto',
  es: 'a|al|hacia|para',
  pt: 'ao|aos|à|às|á|para|pra',
  any: 'to|towards|unto|al|hacia|ao|aos|à|às|á|para|pra',
};
/** An article or a possessive between the preposition and the person ("to the banker", "a su marido", "para o padre"). */
const ARTICLE = '(?:the|his|her|their|la|el|los|las|su|sus|o|os|as|a|seu|sua)';
/** From the verb to the person: the verb's subject, a clitic, a short adverb ("said the doctor to", "díjole ella al"). */
const VERB_TO_PERSON_CHARS = 40;

const towardsByLanguage = new Map<HeuristicLanguage | 'any', RegExp>();
function towards(language?: HeuristicLanguage): RegExp {
  const key = language ?? 'any';
  let pattern = towardsByLanguage.get(key);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${PREPOSITIONS[key]})\\s+(?:${ARTICLE}\\s+)?$`, 'iu');
    towardsByLanguage.set(key, pattern);
  }
  return pattern;
}

/** The people a narration says a line is spoken to, in the order it names them. */
function addresseesIn(narration: string, cast: Cast): string[] {
  const verbEnds = [
    ...speechVerbsIn(narration, cast.language).map(({ offset, verb }) => offset + verb.length),
    ...[...narration.matchAll(TURNING_VERB)].map((match) => match.index + match[0].length),
  ];
  if (verbEnds.length === 0) return [];
  const found: string[] = [];
  for (const mention of cast.mentions(narration)) {
    if (mention.possessive) continue;
    const spokenTo = verbEnds.some((end) => {
      if (end > mention.offset || mention.offset - end > VERB_TO_PERSON_CHARS) return false;
      const between = narration.slice(end, mention.offset);
      // The preposition stands right before the person; the verb's subject may come between ("said the doctor to").
      return !/[,.;:!?—–()]/u.test(between) && towards(cast.language).test(between);
    });
    if (spokenTo && !found.includes(mention.id)) found.push(mention.id);
  }
  return found;
}

/** Narration ending with a colon introduces the line after it. */
const INTRODUCES = /:\s*$/u;

/**
 * The people the narration beside turn `t` says it is spoken to: the narration after each of its pieces in its
 * paragraph (not the narration closing the paragraph with a colon, which introduces the next line: "…and said to
 * the host:"), and the last sentence of the narration before it, in its paragraph, introducing it, or a narrated
 * paragraph just before it; and the people that last sentence says are listening (listeners.ts).
 */
export function addresseesBeside(
  ordered: readonly ChapterSegment[],
  structure: ChapterStructure,
  t: number,
  cast: Cast,
): string[] {
  const turn = structure.turns[t];
  const paragraphOf = (position: number) => structure.paragraphOf[position] as number | undefined;
  const first = turn.positions[0];
  const last = turn.positions.at(-1)!;
  const beside: string[] = [];
  const listening: string[] = [];
  for (const at of turn.positions) {
    const next = ordered[at + 1];
    if (next?.kind !== 'narration' || paragraphOf(at + 1) !== turn.paragraph) continue;
    if (at === last && paragraphOf(at + 2) !== turn.paragraph && INTRODUCES.test(next.text)) continue;
    beside.push(next.text);
  }
  const before = ordered[first - 1];
  if (
    before?.kind === 'narration' &&
    (paragraphOf(first - 1) === turn.paragraph ||
      INTRODUCES.test(before.text) ||
      (turn.opensParagraph && !structure.paragraphs[turn.paragraph - 1].hasDialogue))
  ) {
    const introducing = sentencesOf(before.text.trimEnd()).at(-1)?.text ?? before.text;
    beside.push(introducing);
    // "…and we listened in silence to the story which our visitor told us.": the listeners are spoken to.
    listening.push(...listenersIn(introducing, cast));
  }
  return [...new Set([...beside.flatMap((narration) => addresseesIn(narration, cast)), ...listening])];
}
