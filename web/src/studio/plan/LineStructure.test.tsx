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
 * The API as the plan page reads it, for a chapter of three lines. A split or merge writes the chapter's plan again,
 * as the API does: every line of the chapter comes back under a new id (`g2-<position>`). With `holdAnswers`, the
 * plan is written at once but the answer to the split or merge waits until the test calls `answer()`, so the
 * chapter's new lines can reach the page first (a read of the chapter that crossed the answer on the wire).
 */
function server({ holdAnswers = false } = {}) {
  let lines = [0, 1, 2].map((index) => segment(index, { text: `Words of line ${index + 1}. More of them.` }));
  const posts: string[] = [];
  const held: (() => void)[] = [];
  const answered = (response: Response) =>
    holdAnswers ? new Promise<Response>((resolve) => held.push(() => resolve(response))) : response;
  const renumbered = (list: Segment[]) =>
    list.map((line, index) => ({ ...line, id: `g2-${index}`, index, etag: `"g2-${index}"` }));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        posts.push(url);
        const at = lines.findIndex((line) => url.includes(`/segments/${line.id}/`));
        const line = lines[at];
        if (url.endsWith('/split')) {
          const { offset } = JSON.parse(String(init.body)) as { offset: number };
          const parts = [
            { ...line, text: line.text.slice(0, offset) },
            { ...line, text: line.text.slice(offset) },
          ];
          lines = renumbered([...lines.slice(0, at), ...parts, ...lines.slice(at + 1)]);
          return answered(jsonResponse(200, { segments: [lines[at], lines[at + 1]] }));
        }
        const merged = { ...line, text: line.text + lines[at + 1].text };
        lines = renumbered([...lines.slice(0, at), merged, ...lines.slice(at + 2)]);
        return answered(jsonResponse(200, lines[at]));
      }
      if (url.includes('/segments?')) return jsonResponse(200, { items: lines, continuationToken: null });
      if (url.includes('/chapters')) return jsonResponse(200, { items: [chapterSummary('c1')] });
      return jsonResponse(200, { items: [] });
    }),
  );
  return { posts, lines: () => lines, answer: () => held.shift()!() };
}

/** The plan page on the chapter, with its second line chosen in the reading view. */
function openSecondLine(lines: Segment[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), [chapterSummary('c1')]);
  queryClient.setQueryData(bookKeys.characters('p1'), [character('narrator', 'Narrator', 0)]);
  queryClient.setQueryData(bookKeys.threads('p1'), []);
  queryClient.setQueryData(bookKeys.segments('p1', 'c1'), lines);
  renderInStudio(<PlanPage />, {}, queryClient);
  fireEvent.click(within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getAllByRole('option')[1]);
  return queryClient;
}

const textBox = () => screen.getByLabelText<HTMLTextAreaElement>('Text');
const chosenLine = () =>
  within(screen.getByRole('listbox', { name: 'Lines of the chapter' }))
    .getAllByRole('option')
    .findIndex((option) => option.getAttribute('aria-selected') === 'true');

describe('splitting or merging the line being worked on', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the first part of a split open in the side panel', async () => {
    const api = server();
    openSecondLine(api.lines());

    const box = textBox();
    box.setSelectionRange(15, 15);
    fireEvent.select(box);
    fireEvent.click(screen.getByRole('button', { name: 'Split at the cursor' }));

    await waitFor(() => expect(api.lines()).toHaveLength(4));
    await waitFor(() => expect(textBox().value).toBe('Words of line 2'));
    expect(api.posts).toEqual(['/api/v1/projects/p1/segments/s1/split']);
    expect(screen.getByRole('heading', { name: 'Line 2' })).toBeTruthy();
    expect(chosenLine()).toBe(1);
  });

  it('keeps the first part of a split open when the chapter’s new lines arrive before the split’s answer', async () => {
    const api = server({ holdAnswers: true });
    const queryClient = openSecondLine(api.lines());

    const box = textBox();
    box.setSelectionRange(15, 15);
    fireEvent.select(box);
    fireEvent.click(screen.getByRole('button', { name: 'Split at the cursor' }));
    await waitFor(() => expect(api.lines()).toHaveLength(4));
    // The chapter is read again (a job ended, a colleague's edit) while the split's answer is still on its way.
    await queryClient.refetchQueries({ queryKey: bookKeys.segments('p1', 'c1') });
    await waitFor(() =>
      expect(within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getAllByRole('option')).toHaveLength(
        4,
      ),
    );

    api.answer();
    await waitFor(() => expect(textBox().value).toBe('Words of line 2'));
    expect(screen.getByRole('heading', { name: 'Line 2' })).toBeTruthy();
    expect(chosenLine()).toBe(1);
    expect(api.posts).toEqual(['/api/v1/projects/p1/segments/s1/split']);
  });

  it('keeps the merged line open in the side panel', async () => {
    const api = server();
    openSecondLine(api.lines());

    const merge = screen.getByRole('button', { name: 'Merge with the next line' });
    merge.focus();
    fireEvent.click(merge);

    await waitFor(() => expect(api.lines()).toHaveLength(2));
    await waitFor(() => expect(textBox().value).toBe('Words of line 2. More of them.Words of line 3. More of them.'));
    expect(screen.getByRole('heading', { name: 'Line 2' })).toBeTruthy();
    expect(chosenLine()).toBe(1);
    expect(screen.queryByText('Someone else changed this line')).toBeNull();
    // The panel stayed the same one: the keyboard is where it was.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Merge with the next line' }));
  });

  it('cannot merge while words typed in the line are not saved (the merge would lose them)', () => {
    const api = server();
    openSecondLine(api.lines());

    fireEvent.change(textBox(), { target: { value: 'Words being typed' } });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Merge with the next line' }).disabled).toBe(true);
  });
});
