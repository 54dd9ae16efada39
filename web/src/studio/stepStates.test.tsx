import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useEstimateShown } from '../api/estimate';
import { bookKeys } from '../api/keys';
import type { Job, ProductionEstimate, ProjectFacts } from '../api/types';
import { testProject } from '../test/render';
import { studioSteps, type StudioStatus } from './steps';

const planned: ProjectFacts = {
  manuscriptStatus: 'ready',
  chapterCount: 2,
  characterCount: 3,
  charactersWithVoice: 3,
  segmentCount: 40,
  segmentsWithSpeaker: 40,
  segmentsRendered: 0,
  chaptersMastered: 0,
  packagesReady: 0,
  activeJobId: null,
};

function estimateState(status: Partial<StudioStatus>): string | undefined {
  const whole: StudioStatus = {
    project: testProject(),
    facts: planned,
    activeJob: undefined,
    review: undefined,
    flagged: undefined,
    ...status,
  };
  return studioSteps(whole).find((step) => step.id === 'estimate')?.state;
}

describe('the estimate step', () => {
  it('is to do on a planned book nobody has estimated or produced', () => {
    expect(estimateState({})).toBe('todo');
  });

  it('is done once the book was produced, wholly or in part, since a production starts from an estimate', () => {
    expect({
      produced: estimateState({ facts: { ...planned, segmentsRendered: 40, chaptersMastered: 2, packagesReady: 1 } }),
      inPart: estimateState({ facts: { ...planned, segmentsRendered: 12, chaptersMastered: 1 } }),
      producing: estimateState({ activeJob: { id: 'j1', kind: 'produce' } as Job }),
      withoutLiveCounts: estimateState({
        facts: undefined,
        project: testProject({
          workflow: {
            steps: [{ step: 'production', state: 'complete', detail: '2/2 chapters mastered' }],
            currentStep: 'packaging',
          },
        }),
      }),
    }).toEqual({ produced: 'done', inPart: 'done', producing: 'done', withoutLiveCounts: 'done' });
  });

  it('is done once an estimate was shown', () => {
    expect(estimateState({ estimated: true })).toBe('done');
  });

  it('knows an estimate was shown from the estimate fetched for the book, whatever the retailers', () => {
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useEstimateShown('p1'), { wrapper });
    expect(result.current).toBe(false);
    act(() => {
      queryClient.setQueryData(bookKeys.estimate('other', 'apple'), {} as ProductionEstimate);
    });
    expect(result.current).toBe(false);
    act(() => {
      queryClient.setQueryData(bookKeys.estimate('p1', 'acx,apple'), {} as ProductionEstimate);
    });
    expect(result.current).toBe(true);
  });
});

describe('the delivery step', () => {
  const produced = { ...planned, segmentsRendered: 40, chaptersMastered: 2 };
  const deliveryState = (facts: ProjectFacts) =>
    studioSteps({ project: testProject(), facts, activeJob: undefined, review: undefined, flagged: undefined }).find(
      (step) => step.id === 'delivery',
    )?.state;

  it('needs attention when every chapter was produced but no package passes its retailer’s rules', () => {
    expect({
      notProduced: deliveryState(planned),
      noPackageReady: deliveryState(produced),
      packageReady: deliveryState({ ...produced, packagesReady: 1 }),
    }).toEqual({ notProduced: 'todo', noPackageReady: 'attention', packageReady: 'done' });
  });
});
