import { useQuery } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { Character } from '../../api/types';
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

/** The casting page's wiring in small: the characters as the page's query holds them, read again when it refetches. */
function CachedVoices() {
  const characters = useQuery<Character[]>({ queryKey: bookKeys.characters('p1'), enabled: false });
  return (
    <>
      <p>read as {characters.data?.map((item) => item.etag).join()}</p>
      <CharacterVoices bookLocale="en-GB" canEdit characters={characters.data ?? []} />
    </>
  );
}

describe('a voice being chosen while the character is read again', () => {
  afterEach(() => vi.unstubAllGlobals());
  const voice = (name: string) => ({ name, locale: 'en-GB', gender: 'female', styles: [], displayName: name });
  const margery = character('c-margery', 'Margery', 3, {
    voice: {
      characterId: 'c-margery',
      voiceName: 'en-GB-Female1',
      locale: 'en-GB',
      style: null,
      styleDegree: null,
      ratePercent: 0,
      pitchPercent: 0,
      overridden: true,
    },
  });

  async function renderRow() {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ engine: 'espeak', items: [voice('en-GB-Female1'), voice('en-GB-Female2')] }), {
            status: 200,
          }),
      ),
    );
    const rendered = renderInStudio(<CachedVoices />);
    act(() => rendered.queryClient.setQueryData(bookKeys.characters('p1'), [margery]));
    await waitFor(() => expect(screen.getAllByRole('option', { name: /en-GB-Female2/ })).toHaveLength(1));
    return rendered;
  }

  it('keeps the unsaved choice when the character comes back with a new ETag and the same voice', async () => {
    const { queryClient } = await renderRow();
    fireEvent.change(screen.getByLabelText('Speaking rate for Margery, in percent'), { target: { value: '10' } });

    act(() => queryClient.setQueryData(bookKeys.characters('p1'), [{ ...margery, etag: '"after-a-job"' }]));
    await screen.findByText('read as "after-a-job"');
    expect(screen.getByLabelText<HTMLInputElement>('Speaking rate for Margery, in percent').value).toBe('10');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save voice of Margery' }).disabled).toBe(false);
    expect(screen.queryByText(/Someone else changed the voice/)).toBeNull();
  });

  it('shows someone else’s new voice over the unsaved choice, and says so', async () => {
    const { queryClient } = await renderRow();
    fireEvent.change(screen.getByLabelText('Speaking rate for Margery, in percent'), { target: { value: '10' } });

    const theirs = { ...margery.voice!, voiceName: 'en-GB-Female2' };
    act(() => queryClient.setQueryData(bookKeys.characters('p1'), [{ ...margery, voice: theirs, etag: '"theirs"' }]));
    await screen.findByText('Someone else changed the voice of Margery meanwhile; their choice is shown.');
    expect(screen.getByLabelText<HTMLSelectElement>('Voice for Margery').value).toBe('en-GB-Female2');
    expect(screen.getByLabelText<HTMLInputElement>('Speaking rate for Margery, in percent').value).toBe('0');
  });

  /** The voices API, and PUTs of the voice answered by `answer` (recorded with their If-Match). */
  async function renderWithServer(answer: (ifMatch: string | null, body: unknown) => Response) {
    const puts: { ifMatch: string | null; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        if (init.method === 'PUT') {
          const put = { ifMatch: new Headers(init.headers).get('If-Match'), body: JSON.parse(String(init.body)) };
          puts.push(put);
          return answer(put.ifMatch, put.body);
        }
        if (url.includes('/voices'))
          return new Response(
            JSON.stringify({ engine: 'espeak', items: [voice('en-GB-Female1'), voice('en-GB-Female2')] }),
            { status: 200 },
          );
        return new Response(JSON.stringify({ items: [] }), { status: 200 });
      }),
    );
    const rendered = renderInStudio(<CachedVoices />);
    act(() => rendered.queryClient.setQueryData(bookKeys.characters('p1'), [margery]));
    await waitFor(() => expect(screen.getAllByRole('option', { name: /en-GB-Female2/ })).toHaveLength(1));
    return { ...rendered, puts };
  }
  const refused = (current: Character) =>
    new Response(
      JSON.stringify({
        error: { code: 'precondition_failed', message: 'changed', details: { current }, requestId: 'r' },
      }),
      { status: 412 },
    );

  it('is saved with the character’s ETag; refused by someone else’s voice, shows theirs with the notice', async () => {
    const theirs = { ...margery, voice: { ...margery.voice!, voiceName: 'en-GB-Female2' }, etag: '"theirs"' };
    const { puts } = await renderWithServer(() => refused(theirs));
    fireEvent.change(screen.getByLabelText('Speaking rate for Margery, in percent'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save voice of Margery' }));

    await screen.findByText('Someone else changed the voice of Margery meanwhile; their choice is shown.');
    expect(puts).toEqual([{ ifMatch: '"c-margery"', body: expect.objectContaining({ ratePercent: 10 }) }]);
    expect(screen.getByLabelText<HTMLSelectElement>('Voice for Margery').value).toBe('en-GB-Female2');
    expect(screen.queryByText(/Someone else changed this after you opened it/)).toBeNull();
  });

  it('goes again on the new version when someone else changed the character but not its voice', async () => {
    const edited = { ...margery, description: 'A maid.', etag: '"described"' };
    const { puts } = await renderWithServer((ifMatch, body) =>
      ifMatch === '"described"'
        ? new Response(
            JSON.stringify({ ...edited, etag: '"saved"', voice: { ...margery.voice!, ...(body as object) } }),
            {
              status: 200,
            },
          )
        : refused(edited),
    );
    fireEvent.change(screen.getByLabelText('Speaking rate for Margery, in percent'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save voice of Margery' }));

    await screen.findByText('Voice of Margery saved.');
    expect(puts.map((put) => put.ifMatch)).toEqual(['"c-margery"', '"described"']);
    expect(screen.queryByText(/Someone else changed the voice/)).toBeNull();
  });
});

describe('a character cast in the narrator’s voice', () => {
  afterEach(() => vi.unstubAllGlobals());
  const voices = ['en-GB-Male1', 'en-GB-Male2'].map((name) => ({
    name,
    locale: 'en-GB',
    gender: 'male',
    styles: [],
    displayName: name,
  }));
  const voiced = (characterId: string, voiceName: string) => ({
    characterId,
    voiceName,
    locale: 'en-GB',
    style: null,
    styleDegree: null,
    ratePercent: 0,
    pitchPercent: 0,
    overridden: false,
  });

  it('is told, on its row as it is chosen and on the narrator’s, that its lines will sound like narration', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ engine: 'espeak', items: voices }), { status: 200 })),
    );
    renderInStudio(
      <CharacterVoices
        bookLocale="en-GB"
        canEdit
        characters={[
          character('narrator', 'Narrator', 0, { voice: voiced('narrator', 'en-GB-Male1') }),
          character('c-scrooge', 'Scrooge', 149, { gender: 'male', voice: voiced('c-scrooge', 'en-GB-Male1') }),
          character('c-ghost', 'The Ghost', 35, { gender: 'male', voice: voiced('c-ghost', 'en-GB-Male2') }),
        ]}
      />,
    );
    await waitFor(() => expect(screen.getAllByRole('option', { name: /en-GB-Male2/ })).toHaveLength(3));
    expect(
      screen.getAllByText('Same voice as the narrator: a listener will take these lines for narration.'),
    ).toHaveLength(1);
    expect(
      screen.getByText('Scrooge has this same voice: a listener will take their lines for narration.'),
    ).toBeTruthy();

    // Choosing the narrator's voice for the Ghost says so before it is saved; another pitch sets it apart again.
    fireEvent.change(screen.getByLabelText('Voice for The Ghost'), { target: { value: 'en-GB-Male1' } });
    expect(
      screen.getAllByText('Same voice as the narrator: a listener will take these lines for narration.'),
    ).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Pitch for The Ghost, in percent'), { target: { value: '10' } });
    expect(
      screen.getAllByText('Same voice as the narrator: a listener will take these lines for narration.'),
    ).toHaveLength(1);
  });
});
