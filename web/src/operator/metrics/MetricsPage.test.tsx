import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricsReport, MetricsSummary } from '@core/api/metrics';
import { MetricsPage } from './MetricsPage';

const latency = (p50: number | null, p95: number | null, p99: number | null) => ({
  count: p50 === null ? 0 : 10,
  mean: p50,
  p50,
  p95,
  p99,
  max: p99,
});

const summary = (overrides: Partial<MetricsSummary> = {}): MetricsSummary => ({
  httpRequests: 0,
  serverErrors: 0,
  errorRate: null,
  httpP95Ms: null,
  speechRequests: 0,
  throttled: 0,
  billableCharacters: 0,
  synthesisP95Ms: null,
  cacheHitRatio: null,
  llmTokens: 0,
  jobsSucceeded: 0,
  jobsFailed: 0,
  activeUsers: 0,
  projectsCreated: 0,
  projectsCompleted: 0,
  ...overrides,
});

function report(tenantId: string | null, characters: number): MetricsReport {
  return {
    tenantId,
    from: '2031-03-08',
    to: '2031-03-14',
    figures: {
      speech: {
        requests: 120,
        throttled: 3,
        failed: 0,
        cancelled: 0,
        billableCharacters: characters,
        latencyMs: latency(410, 1250, 2400),
      },
      segments: { cacheHits: 90, synthesized: 30, cacheHitRatio: 0.75 },
      llm: {
        calls: 4,
        failed: 1,
        modelCalls: 9,
        promptTokens: 12_000,
        completionTokens: 800,
        latencyMs: latency(900, 3100, 3100),
      },
      jobs: [
        { kind: 'produce', succeeded: 5, failed: 1, cancelled: 0, durationSeconds: latency(95, 600, 610) },
        { kind: 'import', succeeded: 7, failed: 0, cancelled: 0, durationSeconds: latency(4, 9, 9) },
      ],
      http: {
        requests: 2000,
        clientErrors: 40,
        serverErrors: 10,
        errorRate: 0.005,
        latencyMs: latency(35, 180, 950),
        operations: [
          {
            operation: 'listProjects',
            requests: 1500,
            clientErrors: 0,
            serverErrors: 10,
            errorRate: 0.0067,
            latencyMs: latency(30, 120, 400),
          },
        ],
      },
      activeUsers: { peakDay: 12, averagePerDay: 8.4 },
      projects: { created: 10, completed: 4, completionRate: 0.4 },
    },
    daily: [
      { day: '2031-03-13', ...summary() },
      { day: '2031-03-14', ...summary({ httpRequests: 2000, billableCharacters: characters, cacheHitRatio: 0.75 }) },
    ],
  };
}

const requests: string[] = [];

beforeEach(() => {
  requests.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      requests.push(`${url.pathname}${url.search}`);
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/api/v1/operator/tenants') {
        return json({
          items: [{ id: 't-andes', name: 'Andes Audio', status: 'active', plan: 'standard', etag: '"1"' }],
          continuationToken: null,
        });
      }
      if (url.pathname === '/api/v1/operator/metrics/tenants') {
        return json({
          from: '2031-03-08',
          to: '2031-03-14',
          items: [
            {
              tenantId: 't-andes',
              name: 'Andes Audio',
              status: 'active',
              summary: summary({ httpRequests: 1800, billableCharacters: 52_000, cacheHitRatio: 1 }),
            },
          ],
          continuationToken: null,
        });
      }
      if (url.pathname === '/api/v1/operator/metrics') {
        const tenantId = url.searchParams.get('tenantId');
        return json(report(tenantId, tenantId ? 52_000 : 61_234));
      }
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'nothing here' } }), { status: 404 });
    }),
  );
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <MetricsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the operator’s metrics page', () => {
  it('shows the headline figures, jobs per kind, operations and days of the whole platform', async () => {
    renderPage();
    const headline = await screen.findByRole('region', { name: 'Headline figures' });
    const figure = (label: string) => within(headline).getByText(label).parentElement!.textContent;
    expect(figure('Billable characters')).toContain('61,234');
    expect(figure('Segments reused from stored audio')).toMatch(/75%.*90 reused, 30 synthesized/);
    expect(figure('API error rate (5xx)')).toContain('0.5%');
    expect(figure('Synthesis latency p50 / p95 / p99')).toContain('410 ms / 1,250 ms / 2,400 ms');
    expect(figure('Projects completed')).toMatch(/40%.*4 of 10 created/);
    expect(figure('Daily active users (peak / average)')).toContain('12 / 8.4');

    const jobs = screen.getByRole('region', { name: 'Jobs' });
    const production = within(jobs).getByRole('row', { name: /Production/ });
    expect(
      within(production)
        .getAllByRole('cell')
        .map((cell) => cell.textContent?.replace(/\s/g, ' ')), // a number and its unit are held by no-break spaces
    ).toEqual(['5', '1', '0', '1 min 35 sec', '10 min']);
    expect(within(screen.getByRole('region', { name: 'API operations' })).getByText('listProjects')).toBeTruthy();
    // Newest day first; days with nothing measured say so with dashes, not zeros dressed as ratios.
    const days = within(screen.getByRole('region', { name: 'Day by day' }))
      .getAllByRole('row')
      .slice(1);
    expect(days).toHaveLength(2);
    expect(days[1]!.textContent).toContain('—');
    expect(requests).toContain('/api/v1/operator/metrics?days=7');
  });

  it('narrows to one tenant from the tenants table and follows the period chosen', async () => {
    renderPage();
    const tenants = await screen.findByRole('region', { name: 'Per tenant' });
    await userEvent.click(await within(tenants).findByRole('button', { name: 'Show the figures of Andes Audio' }));
    const headline = await screen.findByRole('region', { name: 'Headline figures' });
    await within(headline).findByText('52,000');
    expect(requests).toContain('/api/v1/operator/metrics?days=7&tenantId=t-andes');
    // One tenant's figures: the per-tenant table is for the whole platform only.
    expect(screen.queryByRole('region', { name: 'Per tenant' })).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Period'), 'Last 90 days');
    await within(await screen.findByRole('region', { name: 'Headline figures' })).findByText('52,000');
    expect(requests).toContain('/api/v1/operator/metrics?days=90&tenantId=t-andes');
    await userEvent.selectOptions(screen.getByLabelText('Tenant'), 'All tenants');
    await screen.findByRole('region', { name: 'Per tenant' });
    // The tenants table asks for at most the 31 days its API allows.
    expect(requests).toContain('/api/v1/operator/metrics/tenants?days=31&pageSize=20');
  });
});
