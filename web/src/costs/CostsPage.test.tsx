import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderPage, type SentRequest } from '../admin/testSupport';
import { CostsPage } from './CostsPage';

const CREATOR = {
  principal: { kind: 'tenant-user', userId: 'u-me', tenantId: 't1', role: 'creator' },
  tenant: { id: 't1', name: 'Andes Audio', plan: 'standard', status: 'active' },
  permissions: ['projects.create'],
};
const kinds = (tts: number, compute: number) => ({
  tts_characters: { quantity: tts * 62_500, amountUsd: tts },
  llm_tokens: { quantity: 0, amountUsd: 0 },
  compute_seconds: { quantity: 600, amountUsd: compute },
  storage_bytes: { quantity: 0, amountUsd: 0 },
});
const report = (groupBy: string, groups: [string, number, number][]) => ({
  groupBy,
  from: '2025-03-01',
  to: '2025-03-31',
  currency: 'USD',
  totalUsd: groups.reduce((sum, [, a, b]) => sum + a + b, 0),
  byKind: kinds(
    groups.reduce((sum, [, a]) => sum + a, 0),
    groups.reduce((sum, [, , b]) => sum + b, 0),
  ),
  groups: groups.map(([key, a, b]) => ({ key, amountUsd: a + b, byKind: kinds(a, b) })),
});
const today = new Date().toISOString().slice(0, 10);

let sent: SentRequest[];
beforeEach(() => {
  sent = fakeApi({
    'GET /v1/me': { body: CREATOR },
    'GET /v1/tenant/usage': {
      body: {
        month: today.slice(0, 7),
        monthlyCharacters: { limit: 1_000_000, used: 850_000, remaining: 150_000, resetsAt: '2031-01-01T00:00:00Z' },
        concurrentJobs: { limit: 2, running: 1 },
        storageBytes: { limit: 10 * 1024 ** 3, used: 1024 ** 3, measuredAt: '2026-03-01T03:30:00.000Z' },
      },
    },
    'GET /v1/projects': {
      body: { items: [{ id: 'p-moon', metadata: { title: 'The Moon Book' } }], continuationToken: null },
    },
    'GET /v1/costs': (request) => {
      const groupBy = new URLSearchParams(request.path.split('?')[1]).get('groupBy');
      if (groupBy === 'day') return { body: report('day', [[today, 8, 0.02]]) };
      if (groupBy === 'project') return { body: report('project', [['p-moon', 8, 0.02]]) };
      return {
        body: report('user', [
          ['u-me', 6, 0.02],
          ['u-admin', 2, 0],
        ]),
      };
    },
    'GET /v1/projects/p-moon/costs': {
      status: 404,
      body: { error: { code: 'not_found', message: 'No such project' } },
    },
    'GET /v1/projects/p-moon/jobs': { body: { items: [] } },
  });
});

describe('the costs page', () => {
  it("says what the creator sees and sets the month against the organization's quota", async () => {
    renderPage(<CostsPage />);
    await screen.findByText('Spend on your projects.');
    const quota = await screen.findByRole('region', { name: "This month against your organization's quota" });
    expect(
      within(quota).getByRole('progressbar', { name: 'Characters synthesized' }).getAttribute('aria-valuenow'),
    ).toBe('85');
    expect(quota.textContent).toMatch('850,000 of 1,000,000');
    expect(quota.textContent).toMatch('Your organization has used 85% of this month');
    // The storage figure is a measurement: the card says when it was taken.
    expect(quota.textContent).toMatch(/Storage as measured on .*2026/);
    // The quota comes from the organization's usage, not from the creator's own (partial) costs.
    expect(sent.some((r) => r.path === '/v1/tenant/usage')).toBe(true);
  });

  it('names projects and people, the viewer as "You", others without exposing who they are', async () => {
    renderPage(<CostsPage />);
    expect((await screen.findByTestId('costs-total')).textContent).toBe('$8.02');
    const byProject = await screen.findByRole('region', { name: 'Spend by project' });
    expect(within(byProject).getByRole('rowheader', { name: 'The Moon Book' })).toBeTruthy();
    const byUser = screen.getByRole('region', { name: 'Spend by person' });
    expect(
      within(byUser)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['You', 'Another member']);
    // Fractions of a dollar keep their digits instead of reading $0.00.
    expect(within(byUser).getAllByRole('row')[1].textContent).toMatch('$0.02');
    expect(sent.some((r) => r.path.startsWith('/v1/users'))).toBe(false);
  });

  it("translates a refusal of one project's costs", async () => {
    renderPage(<CostsPage />);
    await screen.findByRole('option', { name: 'The Moon Book' });
    await userEvent.selectOptions(screen.getByLabelText('Project'), 'p-moon');
    await screen.findByText("This project's costs are not available to you.");
    await waitFor(() =>
      expect(sent.some((r) => r.path.startsWith('/v1/projects/p-moon/costs?groupBy=day'))).toBe(true),
    );
  });

  it('reads another period', async () => {
    renderPage(<CostsPage />);
    await screen.findByTestId('costs-total');
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'lastMonth');
    const now = new Date();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    await waitFor(() => expect(sent.some((r) => r.path.includes(`from=${first}`))).toBe(true));
  });
});
