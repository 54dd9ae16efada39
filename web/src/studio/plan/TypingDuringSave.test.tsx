import { QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { Segment } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { character } from '../../test/character';
import { renderInStudio, segment } from '../../test/render';
import { PlanPage } from './PlanPage';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * The API as the plan page reads it, for a chapter of one line. Saves of the line check If-Match as the API does and
 * are answered only when the test lets them (a slow answer); new words answer the line under a new id, as the API's
 * new plan generation does. `othersEdit` changes the line as another producer would.
 */
function slowServer(line: Segment) {
  let stored = line;
  let version = 1;
  const saves: { url: string; ifMatch: string | null; body: Record<string, unknown> }[] = [];
  const answers: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      if (init.method !== 'PATCH') {
        if (url.includes('/segments?'))
          return Promise.resolve(jsonResponse(200, { items: [stored], continuationToken: null }));
        if (url.includes('/chapters')) return Promise.resolve(jsonResponse(200, { items: [chapterSummary('c1')] }));
        return Promise.resolve(jsonResponse(200, { items: [] }));
      }
      const ifMatch = new Headers(init.headers).get('If-Match');
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      saves.push({ url, ifMatch, body });
      return new Promise<Response>((resolve) => {
        answers.push(() => {
          if (ifMatch !== stored.etag || !url.endsWith(`/segments/${stored.id}`)) {
            const error = { code: 'precondition_failed', message: 'changed', details: { current: stored } };
            resolve(jsonResponse(412, { error: { ...error, requestId: 'r' } }));
            return;
          }
          version++;
          const id = body.text === undefined ? stored.id : `s4-g${version}`;
          // As the API does, new words without trailing whitespace keep the line's own (a paragraph's end).
          const text =
            typeof body.text === 'string'
              ? body.text.trimEnd() + stored.text.slice(stored.text.trimEnd().length)
              : stored.text;
          stored = { ...stored, ...body, text, id, etag: `"v${version}"` };
          resolve(jsonResponse(200, stored));
        });
      });
    }),
  );
  return {
    saves,
    answerNext: () => answers.shift()!(),
    othersEdit: (patch: Partial<Segment>) => (stored = { ...stored, ...patch, etag: '"theirs"' }),
    stored: () => stored,
  };
}

/** The plan page on a chapter already loaded, with the line selected in the reading view. */
function openLine(line: Segment) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), [chapterSummary('c1')]);
  queryClient.setQueryData(bookKeys.characters('p1'), [
    character('narrator', 'Narrator', 0),
    character('c1', 'Elizabeth', 3),
  ]);
  queryClient.setQueryData(bookKeys.threads('p1'), []);
  queryClient.setQueryData(bookKeys.segments('p1', 'c1'), [line]);
  const rendered = renderInStudio(<PlanPage />, {}, queryClient);
  fireEvent.click(within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getByRole('option'));
  return rendered;
}

const textBox = () => screen.getByLabelText<HTMLTextAreaElement>('Text');
const cached = (queryClient: QueryClient) => queryClient.getQueryData<Segment[]>(bookKeys.segments('p1', 'c1'))![0];

describe('typing a line’s words while a save of the same line is answered', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the words typed when a flag or speaker save comes back, and saves them next with its ETag', async () => {
    const server = slowServer(segment(4, { text: 'Old words.', speakerId: 'narrator' }));
    const { queryClient } = openLine(server.stored());

    fireEvent.change(textBox(), { target: { value: 'Old words, and' } });
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
    await waitFor(() => expect(server.saves).toHaveLength(1));
    fireEvent.change(textBox(), { target: { value: 'Old words, and new ones.' } });
    fireEvent.click(screen.getByLabelText('Flag for review'));

    server.answerNext();
    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toEqual({
      url: '/api/v1/projects/p1/segments/s4',
      ifMatch: '"v2"',
      body: { flagged: true },
    });
    await waitFor(() => expect(cached(queryClient).etag).toBe('"v2"'));
    expect(textBox().value).toBe('Old words, and new ones.');
    server.answerNext();
    await waitFor(() => expect(cached(queryClient)).toMatchObject({ etag: '"v3"', speakerId: 'c1', flagged: true }));
    expect(textBox().value).toBe('Old words, and new ones.');

    fireEvent.click(screen.getByRole('button', { name: 'Save text' }));
    await waitFor(() => expect(server.saves).toHaveLength(3));
    expect(server.saves[2]).toMatchObject({ ifMatch: '"v3"', body: { text: 'Old words, and new ones.' } });
    server.answerNext();
    await waitFor(() => expect(server.stored().text).toBe('Old words, and new ones.'));
    expect(screen.queryByText('Someone else changed this line')).toBeNull();
  });

  it('keeps typing on top of words being saved, on the line under its new id', async () => {
    const server = slowServer(segment(4, { text: 'Old words.\n\n' }));
    const { queryClient } = openLine(server.stored());

    fireEvent.change(textBox(), { target: { value: 'First words.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save text' }));
    await waitFor(() => expect(server.saves).toHaveLength(1));
    fireEvent.change(textBox(), { target: { value: 'First words. Then more.' } });

    server.answerNext();
    await waitFor(() => expect(cached(queryClient)).toMatchObject({ id: 's4-g2', text: 'First words.\n\n' }));
    expect(textBox().value).toBe('First words. Then more.');
    // Choosing the same line again in the reading view is not choosing another line.
    fireEvent.click(within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getByRole('option'));
    expect(textBox().value).toBe('First words. Then more.');

    fireEvent.click(screen.getByRole('button', { name: 'Save text' }));
    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toMatchObject({
      url: '/api/v1/projects/p1/segments/s4-g2',
      ifMatch: '"v2"',
      body: { text: 'First words. Then more.' },
    });
    server.answerNext();
    await waitFor(() => expect(server.stored().text).toBe('First words. Then more.\n\n'));
    expect(screen.queryByText('Someone else changed this line')).toBeNull();
  });

  it('shows someone else’s new words with the conflict notice, never silently, over words being typed', async () => {
    const server = slowServer(segment(4, { text: 'Old words.' }));
    const { queryClient } = openLine(server.stored());

    fireEvent.change(textBox(), { target: { value: 'Old words, mine.' } });
    server.othersEdit({ text: 'Their words.' });
    await queryClient.invalidateQueries({ queryKey: bookKeys.segments('p1', 'c1') });

    await screen.findByText('Someone else changed this line');
    expect(textBox().value).toBe('Their words.');
  });

  it('takes the server’s new words when nothing is being typed', async () => {
    const server = slowServer(segment(4, { text: 'Old words.' }));
    const { queryClient } = openLine(server.stored());

    server.othersEdit({ text: 'Their words.' });
    await queryClient.invalidateQueries({ queryKey: bookKeys.segments('p1', 'c1') });

    await waitFor(() => expect(textBox().value).toBe('Their words.'));
    expect(screen.queryByText('Someone else changed this line')).toBeNull();
  });
});
