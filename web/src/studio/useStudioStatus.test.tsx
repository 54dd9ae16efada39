import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../api/keys';
import type { Project, ProjectFacts } from '../api/types';
import { noFacts, segment, testProject } from '../test/render';
import { StepNav } from './StepNav';
import { useStudioStatus } from './useStudioStatus';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A planned book of 3,216 lines; the API pages flagged lines a hundred at a time, with more behind the first page. */
const FACTS: ProjectFacts = {
  ...noFacts,
  manuscriptStatus: 'ready',
  chapterCount: 61,
  characterCount: 33,
  charactersWithVoice: 33,
  segmentCount: 3216,
  segmentsWithSpeaker: 3216,
};

function api(facts: ProjectFacts) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      if (url.endsWith('/facts')) return Promise.resolve(jsonResponse(200, facts));
      if (url.includes('flagged=true'))
        return Promise.resolve(
          jsonResponse(200, {
            items: Array.from({ length: 100 }, (_, index) => segment(index, { flagged: true })),
            continuationToken: 'more',
          }),
        );
      if (url.includes('/review'))
        return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: 'none', requestId: 'r' } }));
      return Promise.resolve(jsonResponse(200, { items: [] }));
    }),
  );
  return urls;
}

function Navigation({ project }: { project: Project }) {
  return <StepNav status={useStudioStatus(project)} />;
}

function renderNavigation(facts: ProjectFacts) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(bookKeys.facts('p1'), facts);
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <Navigation project={testProject()} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the flagged lines the navigation counts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are the book’s count the facts keep, the one its stage badge gives, not the first page of them', async () => {
    const urls = api({ ...FACTS, segmentsFlagged: 687 });
    renderNavigation({ ...FACTS, segmentsFlagged: 687 });

    expect(await screen.findByText('687 flagged lines')).toBeTruthy();
    expect(screen.queryByText('100+ flagged lines')).toBeNull();
    // The count is known: no page of flagged lines is read to guess it.
    expect(urls.some((url) => url.includes('flagged=true'))).toBe(false);
  });

  it('fall back to the first page of flagged lines for facts kept before the count was', async () => {
    const { segmentsFlagged: _notKept, ...older } = { ...FACTS, segmentsFlagged: 687 };
    api(older);
    renderNavigation(older);

    await waitFor(() => expect(screen.getByText('100+ flagged lines')).toBeTruthy());
  });
});
