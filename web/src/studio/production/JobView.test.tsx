import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../admin/testSupport';
import type { Job } from '../../api/types';
import { renderInStudio } from '../../test/render';
import { JobView } from './JobView';

function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-2',
    projectId: 'p1',
    kind: 'produce',
    status: 'succeeded',
    progress: {
      phase: 'succeeded',
      chaptersDone: 2,
      chaptersTotal: 2,
      segmentsDone: 21,
      segmentsTotal: 21,
      etaSeconds: 0,
      costSoFarUsd: 0.5,
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
    finishedAt: '2025-01-01T10:02:00.000Z',
    updatedAt: '2025-01-01T10:02:00.000Z',
    ...overrides,
  } as Job;
}

const chapter = (id: string, title: string, masteredByJobId: string | null) => ({
  id,
  projectId: 'p1',
  order: Number(id.slice(1)),
  title,
  chapterType: 'chapter',
  headingText: title,
  stats: { words: 100, characters: 500, estimatedMinutes: 1 },
  deleted: false,
  textVersion: 1,
  planStatus: 'planned',
  detection: null,
  hasMaster: masteredByJobId !== null,
  masteredByJobId,
  updatedAt: '2024-12-01T00:00:00.000Z',
  etag: `"${id}"`,
});

beforeEach(() => {
  fakeApi({
    'GET /v1/projects/p1/chapters': {
      body: {
        items: [
          chapter('c1', 'Chapter 1', 'job-2'),
          chapter('c2', 'Chapter 2', 'job-1'),
          chapter('c3', 'Chapter 3', null),
        ],
      },
    },
  });
});

describe('the job view', () => {
  it('tells chapter by chapter what this production did, from the job that mastered each one', async () => {
    renderInStudio(<JobView projectId="p1" job={job()} canEdit />);
    const row = async (title: string) => (await screen.findByRole('rowheader', { name: title })).closest('tr')!;
    expect(within(await row('Chapter 1')).getByText('Mastered')).toBeTruthy();
    expect(within(await row('Chapter 2')).getByText('Unchanged')).toBeTruthy();
    expect(within(await row('Chapter 3')).getByText('Not produced')).toBeTruthy();
  });

  it('says on the card of an ended production which packages are not ready for their retailer, and why', async () => {
    const packages = [
      { packageId: 'job-2-apple', platform: 'apple', version: 1, passed: true, failedRules: [] },
      { packageId: 'job-2-acx', platform: 'acx', version: 1, passed: false, failedRules: ['cover', 'isbn'] },
    ];
    renderInStudio(<JobView projectId="p1" job={job({ result: { packages } })} canEdit />);
    const notice = (await screen.findByText('1 package is not ready for its retailer.')).closest<HTMLElement>(
      '[role="alert"]',
    )!;
    expect(within(notice).getByText('Apple Books: ready.')).toBeTruthy();
    expect(within(notice).getByText('ACX / Audible: fails Cover art and ISBN.')).toBeTruthy();
    expect(
      within(notice).getByRole('link', { name: 'See what to fix on the Delivery page' }).getAttribute('href'),
    ).toBe('/projects/p1/delivery');
  });

  it('says nothing of packages while the production runs, nor for one that recorded none', async () => {
    const packages = [{ platform: 'acx', passed: false, failedRules: ['cover'] }];
    const running = job({ status: 'running', finishedAt: null, result: { packages } });
    const { unmount } = renderInStudio(<JobView projectId="p1" job={running} canEdit />);
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    expect(screen.queryByText(/ready for/)).toBeNull();
    unmount();
    renderInStudio(<JobView projectId="p1" job={job()} canEdit />);
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    expect(screen.queryByText(/ready for/)).toBeNull();
  });

  it('says a finished job is finished once, its bar saying what the production came to', async () => {
    renderInStudio(<JobView projectId="p1" job={job()} canEdit />);
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    expect(screen.getAllByText('Finished')).toHaveLength(1);
    const detail = screen.getByRole('progressbar', { name: 'Production progress' }).getAttribute('aria-valuetext');
    expect(detail).toMatch(/^2 of 2 chapters produced in 1\smin\s59\ssec$/);
    expect(document.querySelector('.progress__detail')?.textContent).toBe(detail);
  });

  it('says a job of one chapter produced it in the singular', async () => {
    const progress = { ...job().progress, chaptersDone: 1, chaptersTotal: 1 };
    renderInStudio(<JobView projectId="p1" job={job({ kind: 'regenerate', progress })} canEdit />);
    const detail = screen.getByRole('progressbar', { name: 'Production progress' }).getAttribute('aria-valuetext');
    expect(detail).toMatch(/^1 of 1 chapter produced in 1\smin\s59\ssec$/);
  });

  it('gives an ended job how long it ran, not a time left', async () => {
    renderInStudio(<JobView projectId="p1" job={job()} canEdit />);
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    expect(screen.queryByText('Time left')).toBeNull();
    expect(screen.getByText('Duration').nextElementSibling?.textContent).toMatch(/^1\smin\s59\ssec$/);
    expect(screen.getByText('Cost')).toBeTruthy();
  });

  it('gives an ended job that never started when it ended', async () => {
    renderInStudio(<JobView projectId="p1" job={job({ status: 'cancelled', startedAt: null })} canEdit />);
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    expect(screen.queryByText('Time left')).toBeNull();
    expect(screen.getByText('Ended').nextElementSibling?.textContent).toMatch(/2025/);
  });

  it('gives a running job its time left and the cost so far', async () => {
    renderInStudio(
      <JobView
        projectId="p1"
        job={job({ status: 'running', finishedAt: null, progress: { ...job().progress, etaSeconds: 90 } })}
        canEdit
      />,
    );
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    expect(screen.getByText('Time left').nextElementSibling?.textContent).toMatch(/^1\smin\s30\ssec$/);
    expect(screen.getByText('Cost so far')).toBeTruthy();
  });

  it('shows no "0 of 0" before the job has counted its work', async () => {
    renderInStudio(
      <JobView
        projectId="p1"
        job={job({
          status: 'running',
          finishedAt: null,
          progress: {
            ...job().progress,
            phase: 'queued',
            chaptersDone: 0,
            chaptersTotal: 0,
            segmentsDone: 0,
            segmentsTotal: 0,
          },
        })}
        canEdit
      />,
    );
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    expect(screen.queryByText('0 of 0')).toBeNull();
    expect(screen.getAllByText('—').length).toBeGreaterThanOrEqual(2);
    expect(
      within(screen.getByRole('rowheader', { name: 'Chapter 3' }).closest('tr')!).getByText('Waiting'),
    ).toBeTruthy();
  });

  it('says a chapter with nothing to read was left out, not that it is missing its audio', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': {
        body: { items: [{ ...chapter('c3', 'Interlude', null), nothingToSpeak: 'no_words' }] },
      },
    });
    renderInStudio(<JobView projectId="p1" job={job()} canEdit />);
    const row = (await screen.findByRole('rowheader', { name: 'Interlude' })).closest('tr')!;
    expect(within(row).getByText('Left out: nothing to read')).toBeTruthy();
    expect(within(row).queryByText('Not produced')).toBeNull();
  });

  it('says why a job failed and what to do about it', async () => {
    renderInStudio(
      <JobView
        projectId="p1"
        job={job({
          status: 'failed',
          error: { code: 'quota_exceeded', message: 'Monthly character quota exceeded' },
        })}
        canEdit
      />,
    );
    const alert = (await screen.findByText('The job failed: Monthly character quota exceeded')).closest(
      '.alert',
    ) as HTMLElement;
    expect(within(alert).getByText('The job failed: Monthly character quota exceeded')).toBeTruthy();
    expect(within(alert).getByText(/Produce fewer chapters, or ask your administrator to raise the plan/)).toBeTruthy();
  });

  it('gives the job id to pass on when a failure has no advice of its own', async () => {
    renderInStudio(
      <JobView
        projectId="p1"
        job={job({ status: 'failed', error: { code: 'production_failed', message: 'ffmpeg exited with code 1' } })}
        canEdit
      />,
    );
    expect(await screen.findByText(/give your administrator this job's id: job-2/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry failed chapters' })).toBeTruthy();
  });

  it('fills the bar of a failed job by the chapters it produced, not by the lines it rendered before failing', async () => {
    const failed = job({
      kind: 'regenerate',
      status: 'failed',
      progress: {
        ...job().progress,
        phase: 'failed',
        chaptersDone: 0,
        chaptersTotal: 1,
        segmentsDone: 8,
        segmentsTotal: 8,
      },
      error: { code: 'production_failed', message: 'Audio 6e8e.wav was not found' },
    });
    renderInStudio(<JobView projectId="p1" job={failed} canEdit />);
    const bar = await screen.findByRole('progressbar', { name: 'Production progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
  });

  it('offers to listen to each chapter it mastered, and to what it produced once it ends', async () => {
    renderInStudio(<JobView projectId="p1" job={job()} canEdit={false} />);
    const row = (await screen.findByRole('rowheader', { name: 'Chapter 1' })).closest('tr')!;
    const listen = within(row).getByRole('link', { name: 'Listen to Chapter 1' });
    expect(listen.getAttribute('href')).toBe('/projects/p1/listen/c1');
    expect(listen.textContent).toContain('Listen');
    // A chapter kept from an earlier production or not produced is not this job's to offer.
    expect(within(screen.getByRole('rowheader', { name: 'Chapter 2' }).closest('tr')!).queryByRole('link')).toBeNull();
    expect(within(screen.getByRole('rowheader', { name: 'Chapter 3' }).closest('tr')!).queryByRole('link')).toBeNull();
    const links = screen.getAllByRole('link', { name: 'Listen to Chapter 1' });
    expect(links).toHaveLength(2);
    expect(links.every((link) => link.getAttribute('href') === '/projects/p1/listen/c1')).toBe(true);
  });

  it('opens the first of several chapters it produced, and offers nothing while none is done', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': {
        body: { items: [chapter('c1', 'Chapter 1', 'job-2'), chapter('c2', 'Chapter 2', 'job-2')] },
      },
    });
    const { unmount } = renderInStudio(<JobView projectId="p1" job={job()} canEdit />);
    const all = await screen.findByRole('link', { name: 'Listen to the 2 chapters produced' });
    expect(all.getAttribute('href')).toBe('/projects/p1/listen/c1');
    unmount();
    fakeApi({
      'GET /v1/projects/p1/chapters': {
        body: { items: [chapter('c1', 'Chapter 1', null), chapter('c2', 'Chapter 2', null)] },
      },
    });
    renderInStudio(
      <JobView
        projectId="p1"
        job={job({ status: 'running', finishedAt: null, progress: { ...job().progress, chaptersDone: 0 } })}
        canEdit
      />,
    );
    await screen.findByRole('rowheader', { name: 'Chapter 2' });
    expect(screen.queryByRole('link', { name: /Listen/ })).toBeNull();
  });

  it('keeps each figure whole: no space in a count, a duration or a cost that a line could break at', async () => {
    renderInStudio(
      <JobView
        projectId="p1"
        job={job({
          status: 'running',
          finishedAt: null,
          progress: { ...job().progress, chaptersDone: 1, segmentsDone: 1234, segmentsTotal: 2814, etaSeconds: 3840 },
        })}
        canEdit
      />,
    );
    await screen.findByRole('rowheader', { name: 'Chapter 1' });
    const figures = Array.from(document.querySelectorAll('.stat dd')).map((value) => value.textContent ?? '');
    expect(figures).toEqual([
      '1\u00a0of\u00a02',
      '1,234\u00a0of\u00a02,814',
      expect.stringMatching(/^1\u00a0hr\u00a04\u00a0min$/),
      '$0.50',
    ]);
  });
});
