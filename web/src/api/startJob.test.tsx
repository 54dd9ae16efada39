import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noFacts } from '../test/render';
import { useStartJob } from './characters';
import { bookKeys } from './keys';
import type { ProjectFacts } from './types';

afterEach(() => vi.unstubAllGlobals());

describe('starting a plan or a character detection', () => {
  it('makes the started job the project’s running one at once, not at the next read of the facts', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ job: { id: 'plan-1', kind: 'plan', status: 'queued' } }), {
            status: 202,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData<ProjectFacts>(bookKeys.facts('p1'), { ...noFacts, segmentCount: 0 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useStartJob('p1', 'plan'), { wrapper });
    await act(() => result.current.mutateAsync({}));
    expect(queryClient.getQueryData<ProjectFacts>(bookKeys.facts('p1'))?.activeJobId).toBe('plan-1');
  });
});
