import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentGate } from './ConsentGate';

const member = {
  principal: { kind: 'tenant-user', userId: 'u1', tenantId: 't1', role: 'creator', email: 'ana@andes.test' },
  tenant: { id: 't1', name: 'Andes Audio', plan: 'standard', status: 'active' },
  permissions: [],
};
const operator = { principal: { kind: 'operator', userId: 'op' }, tenant: null, permissions: [] };

/** A fetch standing in for the API: `/v1/me`, and consent that is required until a PUT accepts it. */
function fakeApi(me: unknown, accepted: { termsVersion: string; acceptedAt: string } | null) {
  const calls: { method: string; path: string; body?: unknown }[] = [];
  let consent = accepted;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const path = url.replace(/^\/api/, '');
      const method = init.method ?? 'GET';
      calls.push({ method, path, body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (path === '/v1/me') return json(me);
      if (path === '/v1/me/consent' && method === 'PUT') {
        consent = { termsVersion: '2026-12', acceptedAt: '2026-12-05T00:00:00.000Z' };
      }
      if (path === '/v1/me/consent') {
        return json({ termsVersion: '2026-12', accepted: consent, required: consent?.termsVersion !== '2026-12' });
      }
      return json({ error: { code: 'not_found', message: 'no', requestId: 'r' } }, 404);
    }),
  );
  return calls;
}

function renderGate() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ConsentGate>
        <p>The studio</p>
      </ConsentGate>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('consent before first use', () => {
  it('shows the terms instead of the pages until the member accepts the version in force', async () => {
    const calls = fakeApi(member, { termsVersion: '2025-01', acceptedAt: '2025-01-02T00:00:00.000Z' });
    renderGate();
    expect(await screen.findByRole('heading', { name: 'Terms of service and privacy notice' })).toBeTruthy();
    expect(screen.getByText('Terms version 2026-12')).toBeTruthy();
    expect(screen.queryByText('The studio')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'I accept' }));
    expect(await screen.findByText('The studio')).toBeTruthy();
    expect(calls).toContainEqual({ method: 'PUT', path: '/v1/me/consent', body: { termsVersion: '2026-12' } });
  });

  it('lets a member who accepted straight through', async () => {
    fakeApi(member, { termsVersion: '2026-12', acceptedAt: '2026-12-01T00:00:00.000Z' });
    renderGate();
    expect(await screen.findByText('The studio')).toBeTruthy();
  });

  it('asks nothing of the platform operator', async () => {
    const calls = fakeApi(operator, null);
    renderGate();
    expect(await screen.findByText('The studio')).toBeTruthy();
    await waitFor(() => expect(calls.some((call) => call.path === '/v1/me/consent')).toBe(false));
  });
});
