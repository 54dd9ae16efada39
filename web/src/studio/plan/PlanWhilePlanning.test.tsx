import { QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../admin/testSupport';
import { bookKeys } from '../../api/keys';
import type { Job } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { character } from '../../test/character';
import { renderInStudio } from '../../test/render';
import { PlanPage } from './PlanPage';

const planJob = (input: Record<string, unknown>): Job => ({
  id: 'j1',
  projectId: 'p1',
  kind: 'plan',
  status: 'running',
  progress: {
    phase: 'planning',
    chaptersDone: 0,
    chaptersTotal: 2,
    segmentsDone: 0,
    segmentsTotal: 0,
    etaSeconds: null,
    costSoFarUsd: 0,
    message: null,
  },
  input,
  result: null,
  error: null,
  cancelRequested: false,
  attempt: 1,
  createdBy: 'u-creator',
  createdAt: '2026-12-07T15:42:20.329Z',
  startedAt: '2026-12-07T15:42:21.329Z',
  finishedAt: null,
  updatedAt: '2026-12-07T15:43:20.329Z',
});

/** The plan page of a book with two chapters and no plan, while a plan job runs with `input`. */
function openWhilePlanning(input: Record<string, unknown>) {
  const job = planJob(input);
  fakeApi({
    'GET /v1/projects/p1/jobs/j1': { body: job },
    'GET /v1/projects/p1/segments': { body: { items: [], continuationToken: null } },
    'GET /v1/projects/p1/review/threads': { body: { items: [], continuationToken: null } },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), [chapterSummary('c1'), chapterSummary('c2')]);
  queryClient.setQueryData(bookKeys.characters('p1'), [character('narrator', 'Narrator', 0)]);
  queryClient.setQueryData(bookKeys.threads('p1'), []);
  renderInStudio(<PlanPage />, {}, queryClient, { activeJob: job });
}

const pickerOptions = () =>
  within(screen.getByLabelText('Chapter'))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('the plan page while a plan runs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it(
    'says the chapters being planned are being planned, not that they are not planned',
    { timeout: 20_000 },
    async () => {
      openWhilePlanning({});
      expect(await screen.findByText(/This chapter is being planned/, {}, { timeout: 10_000 })).toBeTruthy();
      expect(pickerOptions()).toEqual(['Chapter 1 — being planned', 'Chapter 2 — being planned']);
      expect(screen.queryByText(/not planned/)).toBeNull();
    },
  );

  it('says so from the click on, while the start request is still being answered', { timeout: 20_000 }, async () => {
    fakeApi({
      'GET /v1/projects/p1/segments': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/review/threads': { body: { items: [], continuationToken: null } },
    });
    // The start is never answered within the test: the server is still checking the book.
    const answered = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
      init?.method === 'POST' ? new Promise<Response>(() => undefined) : answered(input, init),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    queryClient.setQueryData(bookKeys.chapters('p1', false), [chapterSummary('c1'), chapterSummary('c2')]);
    queryClient.setQueryData(bookKeys.characters('p1'), [character('narrator', 'Narrator', 0)]);
    queryClient.setQueryData(bookKeys.threads('p1'), []);
    renderInStudio(<PlanPage />, {}, queryClient);
    fireEvent.click(await screen.findByRole('button', { name: 'Plan the book' }, { timeout: 10_000 }));
    expect(await screen.findByText(/This chapter is being planned/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(pickerOptions()).toEqual(['Chapter 1 — being planned', 'Chapter 2 — being planned']);
  });

  it('still says "not planned" of a chapter the running job leaves out', { timeout: 20_000 }, async () => {
    openWhilePlanning({ chapterIds: ['c2'] });
    expect(
      await screen.findByText('This chapter is not planned yet. Use “Plan the book”.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(pickerOptions()).toEqual(['Chapter 1 — not planned', 'Chapter 2 — being planned']);
  });
});
