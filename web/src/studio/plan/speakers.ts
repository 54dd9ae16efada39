import type { Character } from '../../api/types';
import { NARRATOR, UNKNOWN_SPEAKER } from '../../api/types';

/**
 * A colour per speaker, stable across pages and sessions (from the speaker id), dark enough for white text and
 * never the only signal: the name is always written beside it.
 */
const PALETTE = [
  '#1f6f8b',
  '#8b3a62',
  '#2e7d32',
  '#6a4c93',
  '#b5462f',
  '#00695c',
  '#7b5e00',
  '#3f51b5',
  '#ad1457',
  '#4e6e1f',
  '#5d4037',
  '#0b6e99',
];
export const NARRATOR_COLOUR = '#4b5563';
export const UNKNOWN_COLOUR = '#b42318';

export function speakerColour(speakerId: string): string {
  if (speakerId === NARRATOR) return NARRATOR_COLOUR;
  if (speakerId === UNKNOWN_SPEAKER) return UNKNOWN_COLOUR;
  let hash = 0;
  for (const char of speakerId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export interface SpeakerOption {
  id: string;
  name: string;
}

/** The narrator first, then characters by how much they speak; "unknown" is not something to assign. */
export function speakerOptions(characters: Character[], narratorName: string): SpeakerOption[] {
  const others = characters
    .filter((character) => character.id !== NARRATOR)
    .sort((a, b) => b.dialogueLineCount - a.dialogueLineCount || a.name.localeCompare(b.name));
  return [
    { id: NARRATOR, name: narratorName },
    ...others.map((character) => ({ id: character.id, name: character.name })),
  ];
}
