import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { Segment } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { character } from '../../test/character';
import { segment, testProject } from '../../test/render';
import { ToastProvider } from '../../ui/Toasts';
import type { StudioContextValue } from '../StudioContext';
import { PlanPage } from './PlanPage';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const CHAPTERS = [chapterSummary('c1', { title: 'The Ball' }), chapterSummary('c2', { title: 'The Letter' })];

/**
 * Two chapters as the API holds them. Saves are answered only when the test lets them; new words for a line of the
 * first chapter write its plan again (every line a new id), and someone else's words for its third line arrive with
 * them, so an edit of that line made meanwhile cannot be placed.
 */
function bookServer() {
  let generation = 1;
  const named = (list: Segment[]) =>
    list.map((line, index) => ({ ...line, id: `g${generation}-${index}`, etag: `"g${generation}-${index}"` }));
  let first = named(
    [0, 1, 2].map((index) => segment(index, { text: `Words of line ${index + 1}. `, flagged: index === 1 })),
  );
  const second = [0, 1].map((index) =>
    segment(index, { id: `c2-${index}`, chapterId: 'c2', text: `A line of the letter ${index + 1}. ` }),
  );
  const saves: string[] = [];
  const answers: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      if (init.method !== 'PATCH') {
        if (url.includes('/segments?'))
          return Promise.resolve(
            jsonResponse(200, { items: url.includes('chapterId=c2') ? second : first, continuationToken: null }),
          );
        if (url.includes('/chapters')) return Promise.resolve(jsonResponse(200, { items: CHAPTERS }));
        return Promise.resolve(jsonResponse(200, { items: [] }));
      }
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      saves.push(url);
      return new Promise<Response>((resolve) => {
        answers.push(() => {
          const at = first.findIndex((line) => url.endsWith(`/segments/${line.id}`));
          if (at < 0) {
            resolve(jsonResponse(404, { error: { code: 'not_found', message: 'No such segment', requestId: 'r' } }));
            return;
          }
          const edited = first.map((line, index) => (index === at ? { ...line, ...body } : line));
          if (body.text === undefined) {
            first = edited.map((line, index) => (index === at ? { ...line, etag: `"${line.id}-saved"` } : line));
            resolve(jsonResponse(200, first[at]));
            return;
          }
          generation++;
          first = named(
            edited.map((line, index) => (index === 2 ? { ...line, text: 'Their words for line 3. ' } : line)),
          );
          resolve(jsonResponse(200, first[at]));
        });
      });
    }),
  );
  return { saves, answerNext: () => answers.shift()!() };
}

/** The plan page at `/projects/p1/plan/c1` (or `at`), with the chapter in its route as the studio has it. */
function openBook(at = '/projects/p1/plan/c1') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), CHAPTERS);
  queryClient.setQueryData(bookKeys.characters('p1'), [
    character('narrator', 'Narrator', 0),
    character('c1', 'Elizabeth', 3),
  ]);
  queryClient.setQueryData(bookKeys.threads('p1'), []);
  const project = testProject();
  const context: StudioContextValue = {
    project,
    versioned: { project, etag: project.etag },
    me: undefined,
    access: { canEdit: true, canComment: true, canApprove: false },
    status: { project, facts: undefined, activeJob: undefined, review: undefined, flagged: undefined },
  };
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[at]}>
          <Routes>
            <Route path="/projects/:projectId" element={<Outlet context={context} />}>
              <Route path="plan/:chapterId?" element={<PlanPage />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const lines = () => within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getAllByRole('option');
const openChapter = (id: string) => fireEvent.change(screen.getByLabelText('Chapter'), { target: { value: id } });

/** New words for line 1 (not answered yet), then a speaker for line 3, which waits for them. */
async function editLineThreeWhileLineOneIsRenamed(server: ReturnType<typeof bookServer>) {
  await waitFor(() => expect(lines()).toHaveLength(3));
  fireEvent.click(lines()[0]);
  fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'New words of line 1. ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save text' }));
  await waitFor(() => expect(server.saves).toHaveLength(1));
  fireEvent.click(lines()[2]);
  fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
}

describe('notices and undo about a line say which chapter it is in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('the “not sent” notice goes when the producer opens another chapter, where line 3 is some other line', async () => {
    const server = bookServer();
    openBook();
    await editLineThreeWhileLineOneIsRenamed(server);
    server.answerNext();
    await screen.findByText(/Your change to line 3 was not sent/);

    openChapter('c2');
    await waitFor(() => expect(lines()[0].textContent).toContain('A line of the letter 1.'));
    expect(screen.queryByText('A change could not be saved')).toBeNull();
    expect(screen.queryByText(/was not sent/)).toBeNull();
  });

  it('a change found unsendable after the producer moved on names the chapter it was made in', async () => {
    const server = bookServer();
    openBook();
    await editLineThreeWhileLineOneIsRenamed(server);

    openChapter('c2');
    await waitFor(() => expect(lines()[0].textContent).toContain('A line of the letter 1.'));
    server.answerNext();

    await screen.findByText(/Your change to line 3 of “The Ball” was not sent/);
    expect(server.saves).toHaveLength(1);
  });

  it('undo, on another chapter, names the line of the change it reverses', async () => {
    const server = bookServer();
    openBook();
    await waitFor(() => expect(lines()).toHaveLength(3));
    fireEvent.click(lines()[1]);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
    await waitFor(() => expect(server.saves).toHaveLength(1));
    server.answerNext();
    await screen.findByRole('button', { name: 'Undo the last change' });

    openChapter('c2');
    await waitFor(() => expect(lines()[0].textContent).toContain('A line of the letter 1.'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo your change to line 2 of “The Ball”' }));
    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toBe('/api/v1/projects/p1/segments/g1-1');
    server.answerNext();
    await screen.findByText('Change to line 2 of “The Ball” undone.');
  });
});

describe('a link into the plan', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('to a chapter’s flagged lines opens on them, not on every line of the chapter', async () => {
    bookServer();
    openBook('/projects/p1/plan/c1?show=flagged');
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lines()[0].textContent).toContain('Words of line 2.');
    expect(screen.getByLabelText<HTMLSelectElement>('Show').value).toBe('flagged');
    expect(screen.getByText('Showing 1 of 3 lines')).toBeTruthy();
  });
});
