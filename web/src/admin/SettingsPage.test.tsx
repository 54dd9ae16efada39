import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsPage } from './SettingsPage';
import { fakeApi, renderPage, type SentRequest } from './testSupport';

const tenant = {
  id: 't1',
  name: 'Andes Audio',
  plan: 'standard',
  status: 'active',
  quotas: { monthlyCharacters: 5_000_000, concurrentJobs: 3, storageBytes: 100 * 1024 ** 3 },
  createdAt: '2024-05-01T00:00:00.000Z',
  updatedAt: '2024-05-01T00:00:00.000Z',
  etag: '"t1-v1"',
};

let sent: SentRequest[];
let stale = false;
beforeEach(() => {
  stale = false;
  sent = fakeApi({
    'GET /v1/tenant': { body: tenant },
    'PATCH /v1/tenant': (request) =>
      stale
        ? {
            status: 412,
            body: { error: { code: 'precondition_failed', message: 'stale', details: { current: tenant } } },
          }
        : { body: { ...tenant, ...(request.body as object), etag: '"t1-v2"' } },
  });
});

describe('the organization settings', () => {
  it('shows plan, status and quotas read-only, saying who changes them', async () => {
    renderPage(<SettingsPage />);
    await screen.findByDisplayValue('Andes Audio');
    expect(screen.getByText('Standard')).toBeTruthy();
    expect(screen.getByText('5,000,000')).toBeTruthy();
    expect(screen.getByText(/set by the platform operator/)).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('renames the organization with the version it saw', async () => {
    renderPage(<SettingsPage />);
    const name = await screen.findByLabelText(/^Name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Andes Audio Editions');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await screen.findByText('Name saved.');
    const patch = sent.find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ name: 'Andes Audio Editions' });
    expect(patch.headers.get('If-Match')).toBe('"t1-v1"');
  });

  it('refuses a one-letter name before asking the API, and explains a conflicting edit', async () => {
    renderPage(<SettingsPage />);
    const name = await screen.findByLabelText(/^Name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'A');
    expect(screen.getByText('Use at least 2 characters.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save name' })).toHaveProperty('disabled', true);
    stale = true;
    await userEvent.type(name, 'ndes Two');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await screen.findByText(/Someone else changed the organization meanwhile/);
    await waitFor(() => expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(1));
  });
});
