import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { Segment } from '../../api/types';
import { renderInStudio, segment } from '../../test/render';
import { usePlanEdits } from './usePlanEdits';

/** Saves new words for the line, and undoes the last edit. */
function Harness({ line }: { line: Segment }) {
  const edits = usePlanEdits('p1');
  return (
    <>
      <button type="button" onClick={() => void edits.apply(line, { text: 'New words.' })}>
        edit
      </button>
      <button type="button" onClick={() => void edits.undoLast()}>
        undo
      </button>
    </>
  );
}

describe('new words for a line', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are answered under a new segment id: the cache holds it, the chapter is read again, undo targets it', async () => {
    const line = segment(4, { text: 'Old words.' });
    const requests: { url: string; method: string; body: unknown }[] = [];
    let generation = 1;
    // The chapter as stored: read again after new words, it holds the line under its new id.
    let stored = line;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      const method = String(init?.method ?? 'GET');
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : null;
      requests.push({ url, method, body });
      if (method === 'PATCH') {
        generation++;
        const saved = { ...line, ...(body as object), id: `s4-g${generation}`, etag: `"e4-g${generation}"` };
        stored = saved;
        return new Response(JSON.stringify(saved), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return new Response(JSON.stringify({ items: [stored], continuationToken: null }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { queryClient } = renderInStudio(<Harness line={line} />);
    queryClient.setQueryData(bookKeys.segments('p1', 'c1'), [line]);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    fireEvent.click(screen.getByRole('button', { name: 'edit' }));
    await waitFor(() =>
      expect(queryClient.getQueryData<Segment[]>(bookKeys.segments('p1', 'c1'))?.[0]).toMatchObject({
        id: 's4-g2',
        text: 'New words.',
      }),
    );
    expect(invalidate).toHaveBeenCalledWith({ queryKey: bookKeys.segments('p1', 'c1') });

    fireEvent.click(screen.getByRole('button', { name: 'undo' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH')[1]).toMatchObject({
      url: '/api/v1/projects/p1/segments/s4-g2',
      body: { text: 'Old words.' },
    });
  });
});
