import type { Character } from '../api/types';

/**
 * A character as the characters API answers it: found by detection, of unknown gender, an adult, without a voice,
 * unless the test says otherwise. One builder, so a field the API gains is added here once rather than in every
 * test's fixture. The id `narrator` makes the narrator.
 */
export function character(id: string, name: string, lines: number, overrides: Partial<Character> = {}): Character {
  return {
    id,
    name,
    aliases: [],
    gender: 'unknown',
    ageBand: 'adult',
    description: '',
    traits: [],
    speakingStyle: '',
    dialogueLineCount: lines,
    firstAppearance: null,
    importance: id === 'narrator' ? 'narrator' : 'minor',
    voice: null,
    override: null,
    source: 'heuristic',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    etag: `"${id}"`,
    ...overrides,
  };
}
