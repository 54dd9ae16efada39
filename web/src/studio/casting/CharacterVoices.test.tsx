import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { character } from '../../test/character';
import { renderInStudio } from '../../test/render';
import { CharacterVoices } from './CharacterVoices';

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

  it('offers a character the voices of their gender first, and the others after', async () => {
    const voice = (name: string, gender: string) => ({ name, locale: 'en-GB', gender, styles: [], displayName: name });
    const voices = [voice('en-GB-Male1', 'male'), voice('en-GB-Female1', 'female'), voice('en-GB-Male2', 'male')];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ engine: 'espeak', items: voices }), { status: 200 })),
    );
    renderInStudio(
      <CharacterVoices
        bookLocale="en-GB"
        canEdit
        characters={[character('c-margery', 'Margery', 3, { gender: 'female' }), character('c-tobias', 'Tobias', 3)]}
      />,
    );
    await waitFor(() => expect(screen.getAllByRole('option', { name: /en-GB-Female1/ })).toHaveLength(2));
    const offered = (label: string) =>
      Array.from((screen.getByLabelText(label) as HTMLSelectElement).options).map((option) => option.value);
    expect(offered('Voice for Margery')).toEqual(['', 'en-GB-Female1', 'en-GB-Male1', 'en-GB-Male2']);
    // Gender unknown: the catalogue's order.
    expect(offered('Voice for Tobias')).toEqual(['', 'en-GB-Male1', 'en-GB-Female1', 'en-GB-Male2']);
  });
});
