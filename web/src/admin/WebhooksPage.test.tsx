import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderPage, supportDialogs, type SentRequest } from './testSupport';
import { WebhooksPage } from './WebhooksPage';

const hook = {
  id: 'whk_1',
  tenantId: 't1',
  url: 'https://hooks.example.com/khipu',
  eventTypes: ['khipu.job.completed', 'khipu.package.ready'],
  description: 'Our build system',
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  createdBy: 'u-admin',
  secretRotatedAt: null,
  etag: '"w1"',
};
const attempt = (outcome: string, extra: Record<string, unknown>) => ({
  attempt: 1,
  attemptedAt: '2025-01-02T10:00:00.000Z',
  outcome,
  durationMs: 12,
  ...extra,
});

let sent: SentRequest[];
let hooks: unknown[];
beforeEach(() => {
  supportDialogs();
  hooks = [hook];
  sent = fakeApi({
    'GET /v1/webhooks': () => ({ body: { items: hooks } }),
    'POST /v1/webhooks': (request) => {
      const created = { ...hook, id: 'whk_2', ...(request.body as object) };
      hooks = [...hooks, created];
      return { status: 201, body: { ...created, secret: 'whsec_c2VjcmV0LW9uZS10aW1l' } };
    },
    'POST /v1/webhooks/whk_1/test': { status: 202, body: { eventId: 'evt_1', eventType: 'khipu.webhook.test' } },
    'POST /v1/webhooks/whk_1/rotate-secret': { body: { ...hook, secret: 'whsec_bmV3LXNlY3JldA' } },
    'GET /v1/webhooks/whk_1/deliveries': {
      body: {
        items: [
          {
            id: 'd1',
            subscriptionId: 'whk_1',
            eventId: 'evt_1',
            eventType: 'khipu.webhook.test',
            test: true,
            status: 'succeeded',
            attempts: [attempt('succeeded', { httpStatus: 204 })],
            nextAttemptAt: null,
            deadLetterBlob: null,
            createdAt: '2025-01-02T10:00:00.000Z',
            updatedAt: '2025-01-02T10:00:00.000Z',
          },
          {
            id: 'd2',
            subscriptionId: 'whk_1',
            eventId: 'evt_0',
            eventType: 'khipu.job.completed',
            test: false,
            status: 'pending',
            attempts: [attempt('failed', { errorCode: 'timeout' }), attempt('failed', { httpStatus: 503 })],
            nextAttemptAt: '2025-01-02T10:05:00.000Z',
            deadLetterBlob: null,
            createdAt: '2025-01-02T09:00:00.000Z',
            updatedAt: '2025-01-02T10:00:00.000Z',
          },
        ],
        continuationToken: null,
      },
    },
  });
});

describe('the webhooks page', () => {
  it('shows each webhook with its events in words and its delivery log with status, attempts and answers', async () => {
    renderPage(<WebhooksPage />);
    await screen.findByText('https://hooks.example.com/khipu', { selector: '.webhook__url' });
    expect(screen.getByText('A job finished · A package is ready')).toBeTruthy();
    const log = await screen.findByTestId('delivery-log');
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toMatch(/Test event \(test\)Delivered1HTTP 204/);
    expect(rows[1].textContent).toMatch(/A job finishedRetrying2HTTP 503/);
  });

  it('creates a webhook and shows its secret once, in a dialog', async () => {
    renderPage(<WebhooksPage />);
    await screen.findByText('https://hooks.example.com/khipu', { selector: '.webhook__url' });
    await userEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(screen.getByText('Enter the address that receives the events.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/^Address/), 'https://example.org/in');
    await userEvent.click(screen.getByRole('checkbox', { name: /A job started/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    const dialog = await screen.findByRole('dialog', { name: "The webhook's secret" });
    expect(within(dialog).getByLabelText('Secret')).toHaveProperty('value', 'whsec_c2VjcmV0LW9uZS10aW1l');
    const post = sent.find((r) => r.method === 'POST' && r.path === '/v1/webhooks')!;
    expect((post.body as { url: string }).url).toBe('https://example.org/in');
    expect((post.body as { eventTypes: string[] }).eventTypes).not.toContain('khipu.job.started');
    await userEvent.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByLabelText('Secret')).toBeNull());
  });

  it('sends a test event and, after asking, rotates the secret and shows the new one', async () => {
    renderPage(<WebhooksPage />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Send a test event to https://hooks.example.com/khipu' }),
    );
    await screen.findByText('Test event sent. It appears in the delivery log below.');
    expect(sent.some((r) => r.method === 'POST' && r.path === '/v1/webhooks/whk_1/test')).toBe(true);

    await userEvent.click(
      screen.getByRole('button', { name: 'Make a new secret for https://hooks.example.com/khipu' }),
    );
    const confirm = screen.getByRole('dialog', { name: 'Make a new secret?' });
    expect(sent.some((r) => r.path.endsWith('/rotate-secret'))).toBe(false);
    await userEvent.click(within(confirm).getByRole('button', { name: 'New secret' }));
    const dialog = await screen.findByRole('dialog', { name: "The webhook's secret" });
    expect(within(dialog).getByLabelText('Secret')).toHaveProperty('value', 'whsec_bmV3LXNlY3JldA');
  });
});
