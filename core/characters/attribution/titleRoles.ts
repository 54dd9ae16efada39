/**
 * The noun a title of calling or rank stands for: narration often calls the one person of the cast who holds the
 * title by that noun alone ("Dr. Ames" … "said the doctor", "o Conselheiro Dutra" … "disse o conselheiro").
 */
import type { Character } from '../character';
import { honorificOf } from '../honorifics';

/**
 * The nouns, per title class (honorifics.ts), that narration uses for the title's holder, in en/es/pt: the title's
 * own noun and the callings it is the title of (a Brazilian "Doutor" is the lawyer as often as the physician, "o
 * Doutor Vasconcelos" … "disse o advogado"; an English "Dr." is a physician or a surgeon). Kinship and courtesy titles
 * are left out: "the father", "el padre", "the uncle" are as often someone's parent or kin.
 */
const ROLE_NOUNS: Record<string, string[]> = {
  dr: ['doctor', 'doutor', 'physician', 'surgeon', 'médico', 'advogado', 'abogado'],
  professor: ['professor', 'profesor'],
  colonel: ['colonel', 'coronel'],
  captain: ['captain', 'capitão', 'capitán'],
  major: ['major'],
  general: ['general'],
  lieutenant: ['lieutenant'],
  sergeant: ['sergeant', 'sargento'],
  inspector: ['inspector'],
  councillor: ['conselheiro'],
};

/**
 * Role forms for the people whose name or alias opens with such a title, each given to its holder when the title is
 * held by one person only (`personOf` folds records of one person together).
 */
export function titleRoles(characters: Character[], personOf: (character: Character) => string): Map<string, string> {
  const holders = new Map<string, Set<string>>();
  for (const character of characters)
    for (const form of [character.name, ...character.aliases]) {
      const title = form.trim().split(/\s+/u)[0] ?? '';
      const cls = honorificOf(title)?.cls;
      if (cls === undefined || !(cls in ROLE_NOUNS) || form.trim() === title) continue;
      if (!holders.has(cls)) holders.set(cls, new Set());
      holders.get(cls)!.add(personOf(character));
    }
  const roles = new Map<string, string>();
  for (const [cls, ids] of holders)
    if (ids.size === 1) for (const noun of ROLE_NOUNS[cls]) roles.set(noun, [...ids][0]);
  return roles;
}
