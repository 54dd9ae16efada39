import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TenantSummary } from '../api/operator';
import i18n from '../i18n';
import { OperatorPage } from './OperatorPage';

const tenant = (id: string, name: string, overrides: Partial<TenantSummary> = {}): TenantSummary => ({
  id,
  name,
  plan: 'standard',
  status: 'active',
  quotas: { monthlyCharacters: 1_000_000, concurrentJobs: 2, storageBytes: 10 * 1024 ** 3 },
  deletion: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  etag: `"${id}"`,
  ...overrides,
});

const closing = { requestedAt: '2026-12-01T10:00:00.000Z', purgeAfter: '2026-12-31T10:00:00.000Z' };

/** The operator API as the page calls it: the tenant list, and cancelling a deletion reopens the tenant. */
function fakeApi(tenants: TenantSummary[]) {
  const calls: { method: string; path: string }[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const path = url.replace(/^\/api/, '');
      const method = init.method ?? 'GET';
      calls.push({ method, path });
      if (method === 'GET' && path.startsWith('/v1/operator/tenants?')) {
        return json({ items: tenants, continuationToken: null });
      }
      const cancel = /^\/v1\/operator\/tenants\/([^/]+)\/deletion$/.exec(path);
      if (method === 'DELETE' && cancel) {
        tenants = tenants.map((t) => (t.id === decodeURIComponent(cancel[1]) ? { ...t, deletion: null } : t));
        return new Response(null, { status: 204 });
      }
      return json({ error: { code: 'not_found', message: 'no', requestId: 'r' } }, 404);
    }),
  );
  return calls;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <OperatorPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name: new RegExp(name) })).closest('tr')!;

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en-US');
});

describe('the operator’s tenant list', () => {
  it('shows when a closed organization will be deleted, and cancelling the deletion reopens it', async () => {
    const calls = fakeApi([
      tenant('t-open', 'Open Books'),
      tenant('t-closing', 'Closing Books', { deletion: closing }),
    ]);
    renderPage();

    const closingRow = await rowOf('Closing Books');
    expect(closingRow.textContent).toContain('Closed, deletion scheduled');
    // Dates keep each half together with no-break spaces: compare them as plain spaces.
    expect(closingRow.textContent?.replace(/\s/g, ' ')).toContain('Its data will be deleted on Dec 31, 2026');
    const openRow = await rowOf('Open Books');
    expect(openRow.textContent).not.toContain('deletion scheduled');
    expect(within(openRow).queryByRole('button', { name: /Cancel deletion of/ })).toBeNull();

    await userEvent.click(within(closingRow).getByRole('button', { name: 'Cancel deletion of Closing Books' }));
    expect(calls).toContainEqual({ method: 'DELETE', path: '/v1/operator/tenants/t-closing/deletion' });
    await vi.waitFor(async () => expect((await rowOf('Closing Books')).textContent).not.toContain('scheduled'));
    expect(within(await rowOf('Closing Books')).queryByRole('button', { name: /Cancel deletion of/ })).toBeNull();
  });

  it('says it in Spanish and Portuguese', async () => {
    fakeApi([tenant('t-closing', 'Closing Books', { deletion: closing })]);
    await i18n.changeLanguage('es-PE');
    renderPage();
    const row = await rowOf('Closing Books');
    expect(row.textContent).toContain('Cerrada, eliminación programada');
    expect(within(row).getByRole('button', { name: 'Cancelar eliminación de Closing Books' })).toBeTruthy();
    await i18n.changeLanguage('pt-BR');
    expect((await rowOf('Closing Books')).textContent).toContain('Encerrada, exclusão agendada');
  });
});
