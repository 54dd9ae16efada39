import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, ME_ADMIN, renderPage, supportDialogs, user, type SentRequest } from './testSupport';
import { UsersPage } from './UsersPage';

let sent: SentRequest[];
beforeEach(() => {
  supportDialogs();
  sent = fakeApi({
    'GET /v1/me': { body: ME_ADMIN },
    'GET /v1/users': {
      body: {
        items: [user('u-admin', 'admin'), user('u-ana', 'creator'), user('u-val', 'validator', { status: 'invited' })],
        continuationToken: null,
      },
    },
    'PATCH /v1/users/u-ana': (request) => ({ body: { ...user('u-ana', 'creator'), ...(request.body as object) } }),
    'POST /v1/users': (request) => {
      const body = request.body as { email: string };
      return body.email === 'taken@t1.test'
        ? { status: 409, body: { error: { code: 'conflict', message: 'exists', details: { field: 'email' } } } }
        : { status: 201, body: user('u-new', 'validator', { ...(request.body as object), status: 'invited' }) };
    },
  });
});

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('the people page', () => {
  it('lists everyone with role and status in words; your own row cannot be demoted or deactivated', async () => {
    renderPage(<UsersPage />);
    await screen.findByRole('row', { name: /Name u-ana/ });
    expect(within(row('Name u-val')).getByText('Invited')).toBeTruthy();
    expect(within(row('Name u-admin')).getByRole('combobox')).toHaveProperty('disabled', true);
    expect(within(row('Name u-admin')).queryByRole('button', { name: /Deactivate/ })).toBeNull();
  });

  it('changes a role with the version it saw', async () => {
    renderPage(<UsersPage />);
    await userEvent.selectOptions(await screen.findByLabelText('Role of Name u-ana'), 'validator');
    await waitFor(() => expect(sent.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = sent.find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ role: 'validator' });
    expect(patch.headers.get('If-Match')).toBe('"u-ana-v1"');
  });

  it('asks before deactivating someone, saying what it means', async () => {
    renderPage(<UsersPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate Name u-ana' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Name u-ana?' });
    expect(dialog.textContent).toMatch('can no longer sign in');
    expect(sent.some((r) => r.method === 'PATCH')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(sent.find((r) => r.method === 'PATCH')?.body).toEqual({ status: 'deactivated' }));
  });

  it('checks an invitation before sending it, then invites with the chosen role', async () => {
    renderPage(<UsersPage />);
    await screen.findByRole('row', { name: /Name u-ana/ });
    await userEvent.type(screen.getByLabelText(/^Email/), 'not an email');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(screen.getByText('Enter an email address.')).toBeTruthy();
    expect(screen.getByText('Enter a name.')).toBeTruthy();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    await userEvent.clear(screen.getByLabelText(/^Email/));
    await userEvent.type(screen.getByLabelText(/^Email/), 'new@t1.test');
    await userEvent.type(screen.getByLabelText(/^Name/), 'Nina New');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'validator');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    await screen.findByText('Nina New was invited as Validator.');
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ email: 'new@t1.test', displayName: 'Nina New', role: 'validator' });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^web-/);
  });

  it('says when someone with that email is already in the organization', async () => {
    renderPage(<UsersPage />);
    await screen.findByRole('row', { name: /Name u-ana/ });
    await userEvent.type(screen.getByLabelText(/^Email/), 'taken@t1.test');
    await userEvent.type(screen.getByLabelText(/^Name/), 'Taken');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    await screen.findByText('Someone with this email is already in your organization.');
  });
});
