import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Job } from '../api/types';
import { JobBanner } from './JobBanner';

/** A planning job as the API reports it: lines are counted as chapters are planned, so their total grows with them. */
function planning(chaptersDone: number, segmentsDone: number): Job {
  return {
    id: 'plan-1',
    projectId: 'p1',
    kind: 'plan',
    status: 'running',
    progress: {
      phase: 'planning',
      chaptersDone,
      chaptersTotal: 40,
      segmentsDone,
      segmentsTotal: segmentsDone,
      etaSeconds: null,
      costSoFarUsd: 0,
      message: null,
    },
    input: {},
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

const bar = () => screen.getByRole('progressbar', { name: 'Planning who reads each line' });

describe('the banner of a running plan', () => {
  it('counts chapters planned of the total, with the lines so far, not "1,491 of 1,491 lines"', () => {
    render(<JobBanner job={planning(3, 1491)} />);
    expect(bar().getAttribute('aria-valuetext')).toBe('3 of 40 chapters · 1,491 lines');
    expect(bar().getAttribute('aria-valuenow')).toBe('8');
  });

  it('says the plan is being saved once every chapter is planned and the job has not ended', () => {
    render(<JobBanner job={planning(40, 20_310)} />);
    expect(bar().getAttribute('aria-valuetext')).toBe('Saving the plan (20,310 lines)…');
  });
});
