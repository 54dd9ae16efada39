/**
 * What a cast record says of a person, read from their tally: the name they go by, their aliases, age band and
 * speaking style. Apart from detection, which decides who is cast, because these only describe whoever is.
 */
import type { AgeBand } from './character';
import type { Tally } from './tally';

/** The most used form, preferring any fuller form to a bare surname; a role's name is its phrase, capitalised. */
export function labelOf(tally: Tally): string {
  const ranked = [...tally.forms.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]),
  );
  const best = ranked.find(([label]) => !tally.bareSurnames.has(label)) ?? ranked[0];
  const label = best?.[0] ?? 'Unnamed';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function aliasesOf(tally: Tally, name: string): string[] {
  return [...tally.forms.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([alias]) => alias)
    .filter((alias) => alias !== name);
}

export function ageBandOf(tally: Tally, key: string): AgeBand {
  const votes = [...tally.ages.entries()].sort((a, b) => b[1] - a[1]);
  if (votes.length > 0 && votes[0][1] >= 2 && votes[0][1] >= tally.mentions * 0.2) return votes[0][0];
  if (key.startsWith('miss|')) return 'young_adult';
  return 'adult';
}

export function speakingStyleOf(tally: Tally): string {
  const loud = ['cried', 'exclaimed', 'shouted', 'exclamó', 'gritó', 'exclamou', 'gritou', 'bradou'];
  const soft = [
    'whispered',
    'murmured',
    'muttered',
    'sighed',
    'susurró',
    'murmuró',
    'suspiró',
    'sussurrou',
    'murmurou',
    'suspirou',
  ];
  let loudCount = 0;
  let softCount = 0;
  for (const [verb, count] of tally.verbs) {
    if (loud.includes(verb)) loudCount += count;
    if (soft.includes(verb)) softCount += count;
  }
  if (tally.lines === 0) return 'neutral';
  if (loudCount / tally.lines >= 0.3) return 'exclamatory';
  if (softCount / tally.lines >= 0.3) return 'soft-spoken';
  return 'conversational';
}
