import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../admin/testSupport';
import type { Job, ProjectFacts } from '../../api/types';
import { builtPackage } from '../../test/builtPackage';
import { renderInStudio } from '../../test/render';
import { DeliveryPage } from './DeliveryPage';

const failing = builtPackage({
  readiness: {
    platform: 'apple',
    passed: false,
    rules: [{ id: 'cover', description: 'Cover art', passed: false, measured: 'missing', expected: 'square' }],
  },
});

describe('the delivery page', () => {
  it('lists the packages to download before each retailer’s rules', async () => {
    fakeApi({ 'GET /v1/projects/p1/packages': { body: { items: [failing] } } });
    renderInStudio(<DeliveryPage />);
    await screen.findByRole('heading', { name: 'Packages' });
    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings.indexOf('Packages')).toBeLessThan(headings.indexOf('Apple Books'));
  });

  it('says the packages of a partial production end early, and leads to producing the rest', async () => {
    fakeApi({ 'GET /v1/projects/p1/packages': { body: { items: [failing] } } });
    const facts: ProjectFacts = {
      manuscriptStatus: 'ready',
      chapterCount: 5,
      characterCount: 2,
      charactersWithVoice: 2,
      segmentCount: 27,
      segmentsWithSpeaker: 27,
      segmentsRendered: 13,
      chaptersMastered: 2,
      chaptersWithNothingToSpeak: 0,
      packagesReady: 0,
      activeJobId: null,
    };
    renderInStudio(<DeliveryPage />, {}, undefined, { facts });
    const notice = await screen.findByText(/^The packages hold 2 of 5 chapters: the other 3 have no audio yet/);
    expect(within(notice).getByRole('link', { name: 'Produce the other chapters' }).getAttribute('href')).toBe(
      '/projects/p1/production',
    );
  });

  it('says that the production running builds the packages, rather than that none has been built', async () => {
    fakeApi({ 'GET /v1/projects/p1/packages': { body: { items: [] } } });
    const production: Job = {
      id: 'j1',
      projectId: 'p1',
      kind: 'produce',
      status: 'running',
      progress: {
        phase: 'synthesizing',
        chaptersDone: 1,
        chaptersTotal: 3,
        segmentsDone: 0,
        segmentsTotal: 614,
        etaSeconds: null,
        costSoFarUsd: 0,
        message: null,
      },
      input: {},
      result: null,
      error: null,
      cancelRequested: false,
      attempt: 1,
      createdBy: 'u-creator',
      createdAt: '2026-12-07T15:46:47.535Z',
      startedAt: '2026-12-07T15:46:48.535Z',
      finishedAt: null,
      updatedAt: '2026-12-07T15:47:47.535Z',
    };
    renderInStudio(<DeliveryPage />, {}, undefined, { activeJob: production });
    const notice = await screen.findByText(/^The production running now builds the packages/, {}, { timeout: 10_000 });
    expect(within(notice).getByRole('link', { name: 'Follow it on the production page' }).getAttribute('href')).toBe(
      '/projects/p1/production',
    );
    expect(screen.queryByText(/No package has been built yet/)).toBeNull();
  });
});
