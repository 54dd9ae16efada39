/**
 * Forms of address among sisters (docs/characters.md): in a family of daughters the eldest is called by the family
 * name ("Miss Bennet") and each younger one by her given name ("Miss Elizabeth", "Miss Lydia"). So where several
 * women's full names share the surname of a "Miss <surname>", the one sister the book never calls "Miss <given
 * name>" is her; with none or several such sisters nothing tells, and the forms stay apart.
 */
import type { NameNodes } from './nameNodes';

/** The title class whose surname form names the eldest daughter. */
const MISS = 'miss';

/**
 * Pairs of node keys to join: each family's "Miss <surname>" and its eldest daughter's full name. `givenWithMiss`
 * holds the given names the book writes after Miss alone ("Miss Cecily").
 */
export function eldestDaughterLinks(graph: NameNodes, givenWithMiss: ReadonlySet<string>): [string, string][] {
  const links: [string, string][] = [];
  for (const [surname, family] of graph.familyOf) {
    const missKey = `${MISS}|${surname}`;
    if (!graph.has(missKey)) continue;
    const missRoot = graph.root(missKey);
    const sisters = new Map<string, string[]>();
    for (const key of family) {
      if (!key.startsWith('full|')) continue;
      const root = graph.root(key);
      if (!sisters.has(root)) sisters.set(root, graph.members(root));
    }
    for (const [root, members] of sisters) if (!isWoman(graph, members)) sisters.delete(root);
    // Already one of the sisters, or a daughter with no sister to be told from: nothing to decide here.
    if (sisters.has(missRoot) || sisters.size < 2) continue;
    const eldest = [...sisters.entries()].filter(
      ([, members]) => !members.some((key) => givenWithMiss.has(graph.get(key)?.given ?? '')),
    );
    if (eldest.length === 1) links.push([missKey, eldest[0][0]]);
  }
  return links;
}

/** A person whose titles say woman and never man, and who is no married woman ("Mrs."): a daughter. */
function isWoman(graph: NameNodes, members: string[]): boolean {
  let female = 0;
  let male = 0;
  for (const key of members) {
    if (key.startsWith('mrs|')) return false;
    female += graph.get(key)!.titleVotes.female;
    male += graph.get(key)!.titleVotes.male;
  }
  return female > 0 && male === 0;
}
