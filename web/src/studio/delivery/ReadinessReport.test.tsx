import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Package } from '../../api/production';
import { ReadinessReport } from './ReadinessReport';

function acxPackage(rules: Package['readiness']['rules']): Package {
  return {
    id: 'job1-acx',
    projectId: 'p1',
    platform: 'acx',
    version: 2,
    jobId: 'job1',
    fileName: 'Book - ACX.zip',
    bytes: 1000,
    sha256: '0'.repeat(64),
    contentType: 'application/zip',
    totalDurationSec: 100,
    readiness: { platform: 'acx', passed: rules.every((r) => r.passed), rules },
    stats: { encoded: 3, reused: 0 },
    expired: false,
    expiresAt: '2030-01-01T00:00:00.000Z',
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: 'u1',
  };
}

describe('the readiness report', () => {
  it('shows each rule with its result in words, the measured and expected values, and what to do about a failure', () => {
    render(
      <ReadinessReport
        headingId="r"
        pkg={acxPackage([
          { id: 'rms', description: 'RMS level', passed: true, measured: '-20.1 dB', expected: '-23 to -18 dB' },
          {
            id: 'retail-sample',
            description: 'Retail sample',
            passed: false,
            measured: '0.5 min',
            expected: '1-5 min',
          },
        ])}
      />,
    );
    expect(screen.getByRole('heading', { name: 'ACX / Audible' })).toBeTruthy();
    expect(screen.getByText('1 rule failed')).toBeTruthy();
    const [, passed, failed] = screen.getAllByRole('row');
    expect(within(passed).getByRole('rowheader').textContent).toMatch('RMS level');
    expect(passed.textContent).toMatch('Passed');
    expect(passed.textContent).toMatch('-20.1 dB');
    expect(passed.textContent).toMatch('-23 to -18 dB');
    expect(within(failed).getByRole('rowheader').textContent).toMatch('Retail sample');
    expect(failed.textContent).toMatch('Failed');
    expect(failed.textContent).toMatch('0.5 min');
    expect(failed.textContent).toMatch('1-5 min');
    expect(failed.textContent).toMatch(/retail sample must last 1–5 minutes/);
    // A rule that passed needs no advice.
    expect(passed.textContent).not.toMatch(/produce again/i);
  });

  it('says a package is ready when every rule passes', () => {
    render(
      <ReadinessReport
        headingId="r"
        pkg={acxPackage([
          { id: 'cover', description: 'Cover art', passed: true, measured: '3000x3000', expected: '≥ 2400' },
        ])}
      />,
    );
    expect(screen.getByText('Ready')).toBeTruthy();
  });

  it("shows a rule it does not know by the server's description, with general advice", () => {
    render(
      <ReadinessReport
        headingId="r"
        pkg={acxPackage([
          { id: 'new-rule', description: 'Something new', passed: false, measured: 'a', expected: 'b' },
        ])}
      />,
    );
    expect(screen.getByRole('rowheader').textContent).toMatch('Something new');
    expect(screen.getByRole('rowheader').textContent).toMatch('Fix what the rule measures and produce again.');
  });
});
