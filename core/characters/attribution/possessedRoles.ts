/**
 * A bare role ("The nephew", "O sobrinho") and the one record the cast names by someone's role of the same noun
 * ("Scrooge's nephew", "o sobrinho de Cubas", "el sobrino de Juan") are one person when no other record holds that
 * noun: detection keeps the two apart, and turn-taking then splits that person's lines between two records, each
 * too doubtful to be heard without review, or lets a third person take them. The attribution cast folds the bare
 * role into the possessed one.
 */
import type { Character } from '../character';
import { foldInto } from './coreference';

/** "Scrooge's nephew", "Mr. Fezziwig's daughter": a name, a possessive, a lower-case noun. */
const POSSESSIVE_ENGLISH = /^\p{Lu}[\p{L}.\s]*?['’]s\s+(\p{Ll}[\p{L}-]*)$/u;
/** "o sobrinho de Cubas", "la hija del Corregidor": an article, a lower-case noun, "de" and a name. */
const POSSESSED_ROMANCE = /^(?:o|a|el|la)\s+(\p{Ll}[\p{L}-]*)\s+(?:de|do|da|del)\s+\p{Lu}/iu;
/** "The nephew", "o sobrinho", "la criada": an article and a lower-case noun, nothing else. */
const BARE_ROLE = /^(?:the|o|a|el|la)\s+(\p{Ll}[\p{L}-]*)$/iu;

function possessedNoun(character: Character): string | null {
  for (const form of [character.name, ...character.aliases]) {
    const trimmed = form.trim();
    const noun = POSSESSIVE_ENGLISH.exec(trimmed)?.[1] ?? POSSESSED_ROMANCE.exec(trimmed)?.[1];
    if (noun) return noun.toLowerCase();
  }
  return null;
}

function bareNoun(character: Character): string | null {
  const noun = BARE_ROLE.exec(character.name.trim())?.[1];
  return noun && noun === noun.toLowerCase() ? noun : null;
}

/** The characters with each bare role folded into the one record of someone's role of the same noun. */
export function foldBareRolesIntoPossessed(characters: Character[]): Character[] {
  const possessed = new Map<string, Character[]>();
  const bare = new Map<string, Character[]>();
  for (const character of characters) {
    const own = possessedNoun(character);
    if (own) possessed.set(own, [...(possessed.get(own) ?? []), character]);
    const noun = own ? null : bareNoun(character);
    if (noun) bare.set(noun, [...(bare.get(noun) ?? []), character]);
  }
  const foldedInto = new Map<string, string>();
  for (const [noun, roles] of bare) {
    const owners = possessed.get(noun) ?? [];
    if (roles.length !== 1 || owners.length !== 1) continue;
    const [role, owner] = [roles[0], owners[0]];
    if (role.gender !== 'unknown' && owner.gender !== 'unknown' && role.gender !== owner.gender) continue;
    foldedInto.set(role.id, owner.id);
  }
  return foldInto(characters, foldedInto);
}
