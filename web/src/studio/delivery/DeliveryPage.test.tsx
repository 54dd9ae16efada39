import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../admin/testSupport';
import type { Package } from '../../api/production';
import { renderInStudio } from '../../test/render';
import { DeliveryPage } from './DeliveryPage';

const failing: Package = {
  id: 'job1-apple',
  projectId: 'p1',
  platform: 'apple',
  version: 1,
  jobId: 'job1',
  fileName: 'Book.m4b',
  bytes: 1000,
  sha256: '0'.repeat(64),
  contentType: 'audio/mp4',
  totalDurationSec: 100,
  readiness: {
    platform: 'apple',
    passed: false,
    rules: [{ id: 'cover', description: 'Cover art', passed: false, measured: 'missing', expected: 'square' }],
  },
  stats: { encoded: 1, reused: 0 },
  chapterPlanRevisions: {},
  expired: false,
  expiresAt: '2030-01-01T00:00:00.000Z',
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: 'u1',
};

describe('the delivery page', () => {
  it('lists the packages to download before each retailer’s rules', async () => {
    fakeApi({ 'GET /v1/projects/p1/packages': { body: { items: [failing] } } });
    renderInStudio(<DeliveryPage />);
    await screen.findByRole('heading', { name: 'Packages' });
    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings.indexOf('Packages')).toBeLessThan(headings.indexOf('Apple Books'));
  });
});
