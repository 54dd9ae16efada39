import type { Character } from '../../api/types';

/** Titles and articles say nothing about who a name belongs to ("Mr. Bingley" is "Bingley"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'miss',
  'ms',
  'dr',
  'sir',
  'lady',
  'lord',
  'the',
  'a',
  'an',
  'd',
  'o',
  'os',
  'as',
  'dona',
  'dom',
  'don',
  'senhor',
  'senhora',
  'señor',
  'señora',
]);

function words(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !TITLES.has(word));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** 1 for the same name (titles, accents and case aside), towards 0 as the names share fewer letters. */
function nameLikeness(a: string, b: string): number {
  const left = words(a).join(' ');
  const right = words(b).join(' ');
  if (!left || !right) return 0;
  const distance = editDistance(left, right);
  const whole = 1 - distance / Math.max(left.length, right.length);
  const shared = words(a).some((word) => word.length > 2 && words(b).includes(word)) ? 0.5 : 0;
  return Math.max(whole, shared);
}

function likeness(character: Character, other: Character): number {
  let best = 0;
  for (const name of [character.name, ...character.aliases])
    for (const otherName of [other.name, ...other.aliases]) best = Math.max(best, nameLikeness(name, otherName));
  return best;
}

/**
 * The characters one could be merged into, the likeliest first: detection splits one person into near-identical
 * names ("Quincas Borbas" beside "Quincas Borba"), so the closest name is the usual choice; ties go to who speaks more.
 */
export function rankMergeTargets(character: Character, others: Character[]): Character[] {
  const scored = others.map((other) => ({ other, score: likeness(character, other) }));
  scored.sort((a, b) => b.score - a.score || b.other.dialogueLineCount - a.other.dialogueLineCount);
  return scored.map(({ other }) => other);
}

/** Whether a search finds the character: every word typed begins a word of its name or of another name. */
export function matchesName(character: Character, query: string): boolean {
  const typed = words(query);
  if (typed.length === 0) return true;
  return [character.name, ...character.aliases].some((name) => {
    const named = words(name);
    return typed.every((word) => named.some((candidate) => candidate.startsWith(word)));
  });
}
