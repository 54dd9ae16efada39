import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Character } from '../../api/types';
import { renderInStudio } from '../../test/render';
import { CharacterVoices } from './CharacterVoices';

function character(id: string, name: string, lines: number, overrides: Partial<Character> = {}): Character {
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

describe('the voices of the characters', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says beside each name who the character is and how much they speak, so a voice can be chosen there', async () => {
    const voices = [{ name: 'en-GB-EspeakFemale1', locale: 'en-GB', gender: 'female', styles: [], displayName: 'F1' }];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ engine: 'espeak', items: voices }), { status: 200 })),
    );
    renderInStudio(
      <CharacterVoices
        bookLocale="en-GB"
        canEdit
        characters={[
          character('c-tom', 'A Watchman', 1, { gender: 'male' }),
          character('narrator', 'Narrator', 0),
          character('c-margery', 'Margery', 114, { gender: 'female', ageBand: 'young_adult' }),
        ]}
      />,
    );
    expect(screen.getByRole('rowheader', { name: /^Margery/ }).textContent).toBe(
      'MargeryFemale · Young adult · 114 lines',
    );
    expect(screen.getByRole('rowheader', { name: /^A Watchman/ }).textContent).toBe('A WatchmanMale · Adult · 1 line');
    expect(screen.getByRole('rowheader', { name: /^Narrator/ }).textContent).toBe('NarratorReads the narration');
    await waitFor(() => expect(screen.getAllByRole('option', { name: /en-GB-EspeakFemale1/ })).toHaveLength(3));
  });
});
