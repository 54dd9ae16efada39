import { focusManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type SentRequest } from '../admin/testSupport';
import { idleFactsDelay, useActiveJob } from './jobs';
import { jobHistoryKey } from './production';
import type { Job, ProjectFacts } from './types';

const facts = (activeJobId: string | null): ProjectFacts => ({
  manuscriptStatus: 'ready',
  chapterCount: 2,
  characterCount: 1,
  charactersWithVoice: 1,
  segmentCount: 0,
  segmentsWithSpeaker: 0,
  segmentsRendered: 0,
  chaptersMastered: 0,
  chaptersWithNothingToSpeak: 0,
  packagesReady: 0,
  activeJobId,
});

const planJob = (status: Job['status']) =>
  ({
    id: 'j9',
    projectId: 'p1',
    kind: 'plan',
    status,
    progress: { phase: status, chaptersDone: 1, chaptersTotal: 2, segmentsDone: 0, segmentsTotal: 0 },
  }) as Job;

/** Lets every timer due within `ms` fire, then a moment more for the answers they asked for to be read and shown. */
const pass = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
    await vi.advanceTimersByTimeAsync(100);
  });

let serverFacts: ProjectFacts;
let serverJob: Job;
let sent: SentRequest[];
const factReads = () => sent.filter((request) => request.path === '/v1/projects/p1/facts').length;

beforeEach(() => {
  vi.useFakeTimers();
  serverFacts = facts(null);
  serverJob = planJob('running');
  sent = fakeApi({
    'GET /v1/projects/p1/facts': () => ({ body: serverFacts }),
    'GET /v1/projects/p1/jobs/j9': () => ({ body: serverJob }),
  });
});

afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function watch() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, ...renderHook(() => useActiveJob('p1'), { wrapper }) };
}

describe('an open project page', () => {
  it('learns of a job started elsewhere and follows it until it ends', async () => {
    const { result, queryClient } = watch();
    queryClient.setQueryData(jobHistoryKey('p1'), []);
    await pass(0);
    expect(result.current.job).toBeUndefined();
    serverFacts = facts('j9');
    await pass(idleFactsDelay(0));
    expect(result.current.job?.status).toBe('running');
    serverJob = planJob('succeeded');
    serverFacts = facts(null);
    await pass(5_000);
    expect(result.current.job).toBeUndefined();
    expect(result.current.jobId).toBeNull();
    // The production page lists the job from the history once it is no longer the running one.
    expect(queryClient.getQueryState(jobHistoryKey('p1'))?.isInvalidated).toBe(true);
  });

  it('reads the facts less often while nothing changes, and not at all while a job runs', async () => {
    watch();
    await pass(0);
    expect(factReads()).toBe(1);
    await pass(idleFactsDelay(0));
    expect(factReads()).toBe(2);
    // The second read changed nothing: the next one waits longer.
    await pass(idleFactsDelay(0));
    expect(factReads()).toBe(2);
    await pass(idleFactsDelay(1) - idleFactsDelay(0));
    expect(factReads()).toBe(3);
    serverFacts = facts('j9');
    await pass(idleFactsDelay(2));
    expect(factReads()).toBe(4);
    await pass(120_000);
    expect(factReads()).toBe(4);
  });

  it('does not read the facts while its tab is hidden', async () => {
    watch();
    await pass(0);
    act(() => focusManager.setFocused(false));
    await pass(120_000);
    expect(factReads()).toBe(1);
  });
});

describe('the wait between reads while nothing runs', () => {
  it('starts at five seconds and grows to a minute at most', () => {
    expect([0, 1, 2, 20].map(idleFactsDelay)).toEqual([5_000, 7_500, 11_250, 60_000]);
  });
});
