import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInStudio } from '../../test/render';
import { ProductionPage } from './ProductionPage';

/** Answers the start request when the test says so: the server checks the plan and the quota first. */
let answerStart: (response: Response) => void;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init?: RequestInit) => {
      const path = new URL(input, 'http://localhost').pathname.replace(/^\/api/, '');
      if (init?.method === 'POST' && path === '/v1/projects/p1/productions')
        return new Promise<Response>((resolve) => (answerStart = resolve));
      if (path === '/v1/projects/p1/productions/estimate')
        return Promise.resolve(
          json({ estimate: { totalUsd: 0 }, billableCharacters: 900, estimatedAudioSeconds: 61, problems: [] }),
        );
      if (path === '/v1/tenant/usage')
        return Promise.resolve(json({ monthlyCharacters: { used: 0, limit: 2_000, remaining: 2_000 } }));
      return Promise.resolve(json({ items: [], continuationToken: null }));
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('starting a production', () => {
  it('shows the job card as starting from the click, before the start request answers', async () => {
    renderInStudio(<ProductionPage />);
    await screen.findByText('Estimated audio length');
    fireEvent.click(screen.getByRole('button', { name: 'Start production' }));
    const card = await screen.findByRole('region', { name: 'Production' });
    expect(card.textContent).toMatch(/Starting/);
    expect(card.textContent).toContain('For Apple Books and ACX / Audible · every chapter');
    expect(screen.getByRole('button', { name: 'Start production' }).hasAttribute('disabled')).toBe(true);
  });

  it('takes the starting card away when the start is refused, and says why beside the form', async () => {
    renderInStudio(<ProductionPage />);
    await screen.findByText('Estimated audio length');
    fireEvent.click(screen.getByRole('button', { name: 'Start production' }));
    await screen.findByRole('region', { name: 'Production' });
    answerStart(
      json(
        {
          error: {
            code: 'quota_exceeded',
            message: 'no',
            requestId: 'r',
            details: { quota: 'concurrentJobs', limit: 2 },
          },
        },
        429,
      ),
    );
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Production' })).toBeNull());
    expect(screen.getByText(/already runs 2 productions at once/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start production' }).hasAttribute('disabled')).toBe(false);
  });
});
