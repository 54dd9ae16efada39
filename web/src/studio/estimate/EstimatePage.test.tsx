import fs from 'node:fs';
import path from 'node:path';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../admin/testSupport';
import { renderInStudio } from '../../test/render';
import { EstimatePage } from './EstimatePage';

const STUDIO_CSS = path.resolve(__dirname, '..', '..', 'styles', 'studio.css');

describe('the cost estimate', () => {
  it('lays its six figures out in rows of three, so the sixth never sits alone on a row of its own', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/characters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: {
          estimate: { totalUsd: 0, lines: [] },
          billableCharacters: 5_348,
          estimatedAudioSeconds: 325,
          estimatedSeconds: 22,
          chapters: [{}, {}, {}],
          segmentsTotal: 58,
          problems: [],
        },
      },
    });
    renderInStudio(<EstimatePage />);
    const lines = await screen.findByText('Lines');
    const grid = lines.closest('dl');
    expect(grid?.querySelectorAll('.stat')).toHaveLength(6);
    expect(grid?.classList.contains('stat-grid--rows-of-three')).toBe(true);
    // jsdom lays nothing out: the rule itself must cap a row at three boxes (each at least a third of the row).
    const rule = /\.stat-grid--rows-of-three\s*\{([^}]*)\}/.exec(fs.readFileSync(STUDIO_CSS, 'utf8'))?.[1] ?? '';
    expect(rule).toMatch(/display:\s*grid/);
    expect(rule).toMatch(/minmax\(max\(8\.5rem, calc\(\(100% - 2 \* var\(--space-3\)\) \/ 3\)\), 1fr\)/);
  });

  it('says its audio length is an estimate, and from what', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/characters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: {
          estimate: { totalUsd: 0, lines: [] },
          billableCharacters: 5_348,
          estimatedAudioSeconds: 325,
          estimatedSeconds: 22,
          chapters: [{}],
          segmentsTotal: 58,
          problems: [],
        },
      },
    });
    renderInStudio(<EstimatePage />);
    const label = await screen.findByText('Estimated audio length');
    expect(label.closest('.stat')?.querySelector('dd')?.textContent).toMatch(/^5\smin\s25\ssec$/);
    expect(screen.getByText(/speaking rate of the voices cast/)).toBeTruthy();
  });
});
