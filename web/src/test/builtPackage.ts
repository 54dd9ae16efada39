import type { Package } from '../api/production';

/**
 * A package as the packages API answers it: an Apple Books audiobook of job `job1` that passed every rule, unless the
 * test says otherwise. One builder, so a field the API gains is added here once rather than in every test's fixture.
 */
export function builtPackage(overrides: Partial<Package> = {}): Package {
  return {
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
    readiness: { platform: 'apple', passed: true, rules: [] },
    stats: { encoded: 1, reused: 0 },
    chapterPlanRevisions: {},
    expired: false,
    expiresAt: '2030-01-01T00:00:00.000Z',
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: 'u1',
    ...overrides,
  };
}
