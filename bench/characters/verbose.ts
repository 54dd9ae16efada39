/**
 * The detail behind a book's character score, printed when the bench runs with CHARACTERS_VERBOSE=1: each split
 * with the records it came out as, each spurious record, each miss, the records no listed character holds, and (with CHARACTERS_VERBOSE=cast) the whole
 * cast. Producers correct these by hand, so they are what the detector's rules are sorted by.
 */
import type { Character } from '../../core/characters/character';
import type { CharacterScore } from './score';

function record(character: Character): string {
  const aliases = character.aliases.length > 0 ? ` [${character.aliases.slice(0, 6).join(' | ')}]` : '';
  return `"${character.name}"${aliases} ${character.dialogueLineCount} line(s), ${character.gender}`;
}

export function verboseReport(slug: string, score: CharacterScore, cast: Character[], mode: string): string[] {
  const lines = [`${slug}:`];
  for (const { truth, detected } of score.splitRecords)
    lines.push(`  split ${truth}: ${detected.map(record).join('; ')}`);
  for (const character of score.spuriousRecords) lines.push(`  spurious ${record(character)}`);
  for (const name of score.missed) lines.push(`  missed ${name}`);
  if (score.unlisted.length > 0) lines.push(`  unlisted ${score.unlisted.join(', ')}`);
  if (mode === 'cast') for (const character of cast) lines.push(`  cast ${record(character)}`);
  return lines;
}
