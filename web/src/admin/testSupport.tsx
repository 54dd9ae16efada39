import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { ToastProvider } from '../ui/Toasts';

export interface SentRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Route = (request: SentRequest) => { status?: number; body?: unknown } | undefined;

/**
 * A stand-in for the API in component tests: `routes` answer by method and path (first match wins), every request is
 * recorded with its headers and JSON body, and anything unanswered is a 404 the test will notice.
 */
export function fakeApi(routes: Record<string, Route | { status?: number; body?: unknown }>) {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const request: SentRequest = {
        method: init?.method ?? 'GET',
        path: `${url.pathname.replace(/^\/api/, '')}${url.search}`,
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      sent.push(request);
      for (const [pattern, answer] of Object.entries(routes)) {
        const [method, path] = pattern.split(' ');
        const pathOnly = request.path.split('?')[0];
        if (method !== request.method || !(path === request.path || path === pathOnly)) continue;
        const reply = typeof answer === 'function' ? answer(request) : answer;
        if (!reply) continue;
        return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
          status: reply.status ?? 200,
          headers: { 'content-type': 'application/json' },
        });
      }
      return new Response(JSON.stringify({ error: { code: 'not_found', message: `${pattern(request)} not faked` } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return sent;
}

const pattern = (request: SentRequest) => `${request.method} ${request.path}`;

/** The native <dialog> modal methods, which jsdom lacks. */
export function supportDialogs() {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
}

export function renderPage(ui: ReactNode, path = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

export const ME_ADMIN = {
  principal: { kind: 'tenant-user', userId: 'u-admin', tenantId: 't1', role: 'admin', email: 'admin@t1.test' },
  tenant: { id: 't1', name: 'Andes Audio', plan: 'standard', status: 'active' },
  permissions: ['users.manage', 'projects.create', 'projects.update'],
};

export function user(id: string, role: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    tenantId: 't1',
    email: `${id}@t1.test`,
    displayName: `Name ${id}`,
    role,
    status: 'active',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    etag: `"${id}-v1"`,
    ...extra,
  };
}
