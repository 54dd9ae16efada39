import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { testProject } from '../../test/render';
import type { StudioContextValue } from '../StudioContext';
import { ToastProvider } from '../../ui/Toasts';
import { ListenPage } from './ListenPage';

/** How many chapters the server has mastered so far. */
let masteredSoFar: number;

function production(chaptersDone: number): Job {
  return {
    id: 'job1',
    projectId: 'p1',
    kind: 'produce',
    status: 'running',
    progress: {
      phase: 'synthesizing',
      chaptersDone,
      chaptersTotal: 3,
      segmentsDone: 10,
      segmentsTotal: 90,
      etaSeconds: null,
      costSoFarUsd: 0,
      message: null,
    },
    input: { platforms: ['apple'], chapterIds: null },
    result: null,
    error: null,
    cancelRequested: false,
    attempt: 1,
    createdBy: 'u1',
    createdAt: '2025-01-01T10:00:00.000Z',
    startedAt: '2025-01-01T10:00:01.000Z',
    finishedAt: null,
    updatedAt: '2025-01-01T10:00:30.000Z',
  };
}

/** The Listen page in the studio frame, with the running job the frame would hand it. */
function page(activeJob: Job | undefined) {
  const project = testProject();
  const context: StudioContextValue = {
    project,
    versioned: { project, etag: project.etag },
    me: undefined,
    access: { canEdit: true, canComment: true, canApprove: false },
    status: { project, facts: undefined, activeJob, review: undefined, flagged: undefined },
  };
  return (
    <ToastProvider>
      <MemoryRouter initialEntries={['/projects/p1/listen']}>
        <Routes>
          <Route path="/projects/:projectId" element={<Outlet context={context} />}>
            <Route path="*" element={<ListenPage />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </ToastProvider>
  );
}

beforeEach(() => {
  masteredSoFar = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      if (input.includes('/chapters?'))
        return json({
          items: ['c1', 'c2', 'c3'].map((id, index) =>
            chapterSummary(id, { title: `The Story ${index + 1}`, hasMaster: index < masteredSoFar }),
          ),
        });
      if (input.endsWith('/timeline'))
        return json({ chapterId: 'c1', title: 'The Story 1', master: null, segments: [] });
      return json({ items: [] });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the Listen page during a first production', () => {
  it('says the production is running, how far it is and links to it, instead of "nothing produced yet"', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<QueryClientProvider client={queryClient}>{page(production(0))}</QueryClientProvider>);
    await screen.findByText(/A production is running: each chapter can be heard here as soon as it is done/);
    expect(screen.queryByText(/No chapter has been produced yet/)).toBeNull();
    expect(screen.getByRole('progressbar', { name: 'Production progress' }).getAttribute('aria-valuetext')).toBe(
      '0 of 3 chapters produced',
    );
    expect(screen.getByRole('link', { name: 'Follow the production' }).getAttribute('href')).toBe(
      '/projects/p1/production',
    );
  });

  it('shows each chapter as soon as the job says it is done, without waiting for the job to end', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(<QueryClientProvider client={queryClient}>{page(production(0))}</QueryClientProvider>);
    await screen.findByText(/each chapter can be heard here as soon as it is done/);
    masteredSoFar = 1;
    view.rerender(<QueryClientProvider client={queryClient}>{page(production(1))}</QueryClientProvider>);
    const chapter = await screen.findByRole('combobox', { name: 'Chapter' });
    expect([...chapter.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['The Story 1']);
    expect(screen.getByText(/more chapters appear here as they are done/)).toBeTruthy();
  });

  it('still says nothing was produced when no production runs', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<QueryClientProvider client={queryClient}>{page(undefined)}</QueryClientProvider>);
    await screen.findByText(/No chapter has been produced yet/);
    expect(screen.queryByText(/A production is running/)).toBeNull();
  });
});
