/**
 * A child calling a parent by kinship ("Papae!", "--Mamãe, olhe…", "¡Padre!", "Sí, madre mía."): the cast knows
 * that parent by the same relation ("O pae", "su madre"), so the line addresses that person, who is not its speaker
 * and usually answers it. Only Spanish and Portuguese are read: there a parent is called so and the cast holds the
 * parent as a determiner and the kinship noun.
 */
import type { Cast } from './cast';
import { ownWords } from './vocatives';

type Parent = 'father' | 'mother';

/** The words a child calls a parent by. */
const CALLED: Record<Parent, string> = {
  father: 'papae|papai|papá|pae|pai|padre',
  mother: 'mamãe|mamãi|mamã|mamá|mãe|madre',
};
/** The nouns a cast names a parent by. */
const KNOWN_AS: Record<Parent, RegExp> = {
  father: /^(?:o|a|el|la|su|seu|sua|meu|minha|mi)\s+(?:pae|pai|padre)$/iu,
  mother: /^(?:o|a|el|la|su|seu|sua|meu|minha|mi)\s+(?:mãe|mae|madre)$/iu,
};

/**
 * The kinship word in a vocative's place: the line's start or after a pause, and a pause or the line's end after it
 * ("Papae!", "O que, mamãe? Isto?", "madre mía,"); "Mamãe quer que eu seja padre" talks about her.
 */
function vocative(parent: Parent): RegExp {
  return new RegExp(
    `(?:^|[,!?;:…]\\s*)(?:oh\\s+|ó\\s+|ay\\s+|ah\\s+)?(?:${CALLED[parent]})(?:\\s+(?:mío|mía|meu|minha|querido|querida))?\\s*(?:[,!?.;:…]|$)`,
    'iu',
  );
}
const NARRATORS_OWN = /^(?:meu|minha|mi)\s/iu;
const VOCATIVES: Record<Parent, RegExp> = { father: vocative('father'), mother: vocative('mother') };

/** The one person the cast knows by the relation a line calls, when only one is. */
export function kinAddressedIn(line: string, cast: Cast): string[] {
  if (cast.language !== 'es' && cast.language !== 'pt') return [];
  const inner = ownWords(line).replace(/^[\s"'“”‘’«»—―–¡¿-]+|[\s"'“”‘’«»—―–-]+$/gu, '');
  const addressed: string[] = [];
  for (const parent of ['father', 'mother'] as const) {
    if (!VOCATIVES[parent].test(inner)) continue;
    const known = cast.ids.filter((id) => cast.formsOf(id).some((form) => KNOWN_AS[parent].test(form.trim())));
    // A first-person narrator's "minha mãe" is his own mother: another child calls theirs by the same word.
    const narratorsOwn = known.some((id) => cast.formsOf(id).some((form) => NARRATORS_OWN.test(form.trim())));
    if (cast.firstPersonNarrator && narratorsOwn) continue;
    // Two people known as a mother ("Minha mãe", "A mãe"): whose mother the line calls depends on who speaks it.
    if (known.length === 1) addressed.push(known[0]);
  }
  return addressed;
}
