import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../admin/testSupport';
import { noFacts, renderInStudio } from '../../test/render';
import { ManuscriptPage } from './ManuscriptPage';

const manuscript = {
  id: 'm1',
  projectId: 'p1',
  fileName: 'dubliners.txt',
  contentType: 'text/plain',
  bytes: 405_900,
  sha256: 'x',
  status: 'processing',
  format: null,
  detectedEncoding: null,
  warnings: [],
  notes: [],
  tocEntries: 0,
  chapterReport: null,
  error: null,
  jobId: 'j1',
  uploadedAt: '2026-12-07T15:42:20.329Z',
  uploadedBy: 'u-creator',
  etag: 'e1',
};

const job = (status: 'succeeded' | 'running', result: Record<string, unknown> | null) => ({
  id: 'j1',
  projectId: 'p1',
  kind: 'import',
  status,
  progress: {
    phase: status === 'running' ? 'parsing' : 'done',
    chaptersDone: 0,
    chaptersTotal: 0,
    segmentsDone: 0,
    segmentsTotal: 0,
    etaSeconds: null,
    costSoFarUsd: 0,
    message: null,
  },
  input: {},
  result,
  error: null,
  cancelRequested: false,
  attempt: 1,
  createdBy: 'u-creator',
  createdAt: '2026-12-07T15:42:20.329Z',
  startedAt: '2026-12-07T15:42:21.329Z',
  finishedAt: status === 'running' ? null : '2026-12-07T15:43:20.329Z',
  updatedAt: '2026-12-07T15:43:20.329Z',
});

describe('the manuscript page when its import ends', () => {
  it(
    'counts the chapters the import found and calls the manuscript imported before the project is read again',
    { timeout: 20_000 },
    async () => {
      // The answers the page has at the moment the job is seen to end: the facts and the manuscript as they were.
      fakeApi({
        'GET /v1/projects/p1/manuscript': { body: manuscript },
        'GET /v1/projects/p1/jobs/j1': { body: job('succeeded', { manuscriptId: 'm1', chapterCount: 15 }) },
        'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      });
      renderInStudio(<ManuscriptPage />, {}, undefined, { facts: { ...noFacts, chapterCount: 0 } });
      expect(await screen.findByText('Import finished: 15 chapters found.', {}, { timeout: 10_000 })).toBeTruthy();
      expect(screen.getByText('Imported')).toBeTruthy();
      expect(screen.queryByText('Importing')).toBeNull();
    },
  );

  it(
    'gives the format the import found beside "Imported" before the manuscript is read again',
    { timeout: 20_000 },
    async () => {
      fakeApi({
        'GET /v1/projects/p1/manuscript': { body: manuscript },
        'GET /v1/projects/p1/jobs/j1': {
          body: job('succeeded', { manuscriptId: 'm1', chapterCount: 15, format: 'txt', chapterReport: null }),
        },
        'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      });
      renderInStudio(<ManuscriptPage />, {}, undefined, { facts: { ...noFacts, chapterCount: 0 } });
      expect(await screen.findByText('Imported', {}, { timeout: 10_000 })).toBeTruthy();
      expect(screen.getByText('Plain text')).toBeTruthy();
      expect(screen.queryByText('Not recognised yet')).toBeNull();
    },
  );

  it('shows a running import as importing', { timeout: 20_000 }, async () => {
    fakeApi({
      'GET /v1/projects/p1/manuscript': { body: manuscript },
      'GET /v1/projects/p1/jobs/j1': { body: job('running', null) },
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
    });
    renderInStudio(<ManuscriptPage />, {}, undefined, { facts: { ...noFacts, chapterCount: 0 } });
    expect(await screen.findByText('Importing', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText(/Import finished/)).toBeNull();
  });
});
