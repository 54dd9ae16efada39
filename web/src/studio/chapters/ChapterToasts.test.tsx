import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router-dom';
import { bookKeys } from '../../api/keys';
import type { Chapter } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { testProject } from '../../test/render';
import { ToastProvider } from '../../ui/Toasts';
import type { StudioContextValue } from '../StudioContext';
import { ChaptersPage } from './ChaptersPage';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const first: Chapter = { ...chapterSummary('c1', { title: 'Chapter 1' }), text: 'It is a truth.' };
const second: Chapter = { ...chapterSummary('c2', { title: 'Chapter 2', order: 1 }), text: 'Mr. Bennet.' };

/** Two chapters; a save is answered only when the test says so. The spoken form never arrives (not looked at here). */
function slowServer() {
  const stored = new Map([first, second].map((chapter) => [chapter.id, chapter]));
  const answers: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const id = /\/chapters\/(c\d)/.exec(url)?.[1];
      if (init.method === 'PATCH' && id) {
        const body = JSON.parse(String(init.body)) as Partial<Chapter>;
        return new Promise<Response>((resolve) =>
          answers.push(() => {
            const saved = { ...stored.get(id)!, ...body, etag: '"v2"' };
            stored.set(id, saved);
            resolve(jsonResponse(200, saved));
          }),
        );
      }
      if (url.includes('/spoken')) return new Promise<Response>(() => undefined);
      if (id) return Promise.resolve(jsonResponse(200, stored.get(id)));
      if (url.includes('/chapters')) return Promise.resolve(jsonResponse(200, { items: [...stored.values()] }));
      return Promise.resolve(jsonResponse(200, {}));
    }),
  );
  return {
    answerNext: async () => {
      await waitFor(() => expect(answers).not.toHaveLength(0));
      answers.shift()!();
    },
  };
}

function openChapters() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), [first, second]);
  queryClient.setQueryData(bookKeys.chapter('p1', 'c1'), first);
  queryClient.setQueryData(bookKeys.chapter('p1', 'c2'), second);
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
        <MemoryRouter initialEntries={['/projects/p1/chapters/c1']}>
          <Routes>
            <Route path="/projects/:projectId" element={<Outlet context={context} />}>
              <Route path="chapters/:chapterId?" element={<ChaptersPage />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const saveTitle = (title: string) => {
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: title } });
  fireEvent.click(screen.getByRole('button', { name: 'Save title and type' }));
};
const openSecond = async () => {
  fireEvent.click(screen.getByRole('link', { name: /Chapter 2/ }));
  await screen.findByRole('heading', { name: 'Chapter 2' });
};

describe('the chapters page’s “Chapter saved.”', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('belongs to the chapter saved: it goes when the producer opens another chapter', async () => {
    const server = slowServer();
    openChapters();
    saveTitle('At Meryton');
    await server.answerNext();
    await screen.findByText('Chapter saved.');

    await openSecond();
    expect(screen.queryByText('Chapter saved.')).toBeNull();
  });

  it('names its chapter when the save is answered after the producer opened another one', async () => {
    const server = slowServer();
    openChapters();
    saveTitle('At Meryton');
    await openSecond();

    await server.answerNext();
    await screen.findByText('“At Meryton” saved.');
    expect(screen.queryByText('Chapter saved.')).toBeNull();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Chapter 2' })).toBeTruthy());
  });
});
