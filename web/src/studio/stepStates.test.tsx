import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useEstimateShown } from '../api/estimate';
import { bookKeys } from '../api/keys';
import type { Package } from '../api/production';
import type { ChapterSummary, Job, ProductionEstimate, ProjectFacts } from '../api/types';
import { builtPackage } from '../test/builtPackage';
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
  chaptersWithNothingToSpeak: 0,
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
          facts: { ...planned, segmentsRendered: 40, chaptersMastered: 2 },
        }),
      }),
    }).toEqual({ produced: 'done', inPart: 'done', producing: 'done', withoutLiveCounts: 'done' });
  });

  it('is not shown done before the live counts come because another job of the book (a plan) is running', () => {
    // The workflow says production is "in progress" while any job runs; the counts the project was read with say
    // nothing was produced.
    const planning = testProject({
      workflow: { steps: [{ step: 'production', state: 'in_progress', detail: null }], currentStep: 'planning' },
      facts: { ...planned, activeJobId: 'plan-job' },
    });
    expect(estimateState({ facts: undefined, project: planning })).toBe('todo');
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

/** Built on 10 January, so a chapter changed after that is newer than the package. */
const packageOfJan10 = (overrides: Partial<Package> = {}): Package =>
  builtPackage({ id: 'pkg1', createdAt: '2025-01-10T00:00:00.000Z', ...overrides });

const chapterChangedAt = (id: string, updatedAt: string, planStatus: ChapterSummary['planStatus'] = 'planned') =>
  ({ id, deleted: false, updatedAt, planStatus }) as ChapterSummary;

describe('the steps from what the API says was built', () => {
  // Two chapters of which one has nothing to speak: production never gives it audio, so the book is never "every
  // chapter produced", and a package that fails a rule leaves packagesReady at 0.
  const partly = { ...planned, segmentsRendered: 20, chaptersMastered: 1 };
  const steps = (status: Partial<StudioStatus>) =>
    Object.fromEntries(
      studioSteps({
        project: testProject(),
        facts: partly,
        activeJob: undefined,
        review: undefined,
        flagged: undefined,
        ...status,
      }).map((step) => [step.id, { state: step.state, attention: step.attention?.key }]),
    );
  const before = chapterChangedAt('c1', '2025-01-09T00:00:00.000Z');
  const after = chapterChangedAt('c2', '2025-01-11T00:00:00.000Z');

  it('calls delivery done when its packages are built from the book as it is', () => {
    expect(steps({ packages: [packageOfJan10()], chapters: [before] }).delivery).toEqual({ state: 'done' });
  });

  it('calls delivery to look at when a chapter changed after the packages were built', () => {
    expect(steps({ packages: [packageOfJan10()], chapters: [before, after] }).delivery).toEqual({
      state: 'attention',
      attention: 'packagesStale',
    });
  });

  it('calls delivery to look at when packages were built but none passes its retailer’s rules', () => {
    const failing = packageOfJan10({ readiness: { platform: 'apple', passed: false, rules: [] } });
    const olderPassing = packageOfJan10({ id: 'pkg0', createdAt: '2025-01-05T00:00:00.000Z' });
    expect(steps({ packages: [failing, olderPassing], chapters: [before] }).delivery).toEqual({
      state: 'attention',
      attention: 'packagesNotReady',
    });
  });

  it('leaves delivery to do when no package was built', () => {
    expect(steps({ packages: [], chapters: [before] }).delivery).toEqual({ state: 'todo' });
  });

  it('calls the plan to look at when a chapter’s text changed after it was planned', () => {
    expect({
      current: steps({ chapters: [before] }).plan,
      stale: steps({ chapters: [before, chapterChangedAt('c2', '2025-01-11T00:00:00.000Z', 'stale')] }).plan,
    }).toEqual({ current: { state: 'done' }, stale: { state: 'attention', attention: 'planStale' } });
  });
});
