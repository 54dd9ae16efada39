import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderPage } from '../admin/testSupport';
import { AccountGate } from './AccountGate';

describe('the account gate', () => {
  it("tells a member of a suspended organization so, in the reader's language, instead of the page", async () => {
    fakeApi({
      'GET /v1/me': {
        status: 403,
        body: { error: { code: 'tenant_suspended', message: 'Your organization is suspended' } },
      },
    });
    renderPage(
      <AccountGate>
        <p>Projects</p>
      </AccountGate>,
    );
    await screen.findByText("Your organization's account is suspended.");
    expect(screen.getByText(/until the platform operator reinstates it/)).toBeTruthy();
    expect(screen.queryByText('Projects')).toBeNull();
  });

  it('lets a member of an active organization through', async () => {
    fakeApi({
      'GET /v1/me': {
        body: { principal: { kind: 'tenant-user', userId: 'u1', role: 'creator' }, tenant: null, permissions: [] },
      },
    });
    renderPage(
      <AccountGate>
        <p>Projects</p>
      </AccountGate>,
    );
    await screen.findByText('Projects');
  });
});
