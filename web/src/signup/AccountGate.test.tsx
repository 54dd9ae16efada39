import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderPage } from '../admin/testSupport';
import { ConsentGate } from '../privacy/ConsentGate';
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

  it('asks who is signed in once, however many gates wait on the answer', async () => {
    const sent = fakeApi({
      'GET /v1/me': {
        status: 403,
        body: { error: { code: 'tenant_suspended', message: 'Your organization is suspended' } },
      },
    });
    renderPage(
      <ConsentGate>
        <AccountGate>
          <p>Projects</p>
        </AccountGate>
      </ConsentGate>,
    );
    await screen.findByText("Your organization's account is suspended.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent.filter((request) => request.path === '/v1/me')).toHaveLength(1);
    expect(screen.getByText("Your organization's account is suspended.")).toBeTruthy();
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
