import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateUserRequest, UpdateUserRequest, UserView } from '@core/api/users';
import type {
  CreateWebhookRequest,
  WebhookDeliveryView,
  WebhookTestResult,
  WebhookView,
  WebhookWithSecretView,
} from '@core/api/webhooks';
import type { ALL_EVENT_TYPES } from '@core/ports/events';
import { apiFetch, apiJson } from './client';
import type { Project } from './types';
import type { Tenant } from './production';

export type User = z.infer<typeof UserView>;
export type NewUser = z.input<typeof CreateUserRequest>;
export type UserChange = z.input<typeof UpdateUserRequest>;
export type Webhook = z.infer<typeof WebhookView>;
export type WebhookWithSecret = z.infer<typeof WebhookWithSecretView>;
export type NewWebhook = z.input<typeof CreateWebhookRequest>;
export type WebhookDelivery = z.infer<typeof WebhookDeliveryView>;
export type EventType = (typeof ALL_EVENT_TYPES)[number];

const adminKeys = {
  users: ['admin', 'users'] as const,
  webhooks: ['admin', 'webhooks'] as const,
  deliveries: (webhookId: string) => ['admin', 'webhooks', webhookId, 'deliveries'] as const,
};

const requestKey = () => `web-${crypto.randomUUID()}`;

/** Every user of the tenant (a tenant has tens, not thousands: the pages are read through). */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: adminKeys.users,
    enabled,
    queryFn: async ({ signal }) => {
      const users: User[] = [];
      let token: string | null = null;
      do {
        const params = new URLSearchParams({ pageSize: '100' });
        if (token) params.set('continuationToken', token);
        const page: { items: User[]; continuationToken: string | null } = await apiJson(
          `/v1/users?${params.toString()}`,
          { signal },
        );
        users.push(...page.items);
        token = page.continuationToken;
      } while (token);
      return users;
    },
  });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) =>
      apiJson<User>('/v1/users', { method: 'POST', json: user, headers: { 'Idempotency-Key': requestKey() } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, change }: { user: User; change: UserChange }) =>
      apiJson<User>(`/v1/users/${encodeURIComponent(user.id)}`, {
        method: 'PATCH',
        json: change,
        headers: { 'If-Match': user.etag },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useSetMembers(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (members: { memberIds: string[]; validatorIds: string[] }) =>
      apiJson<Project>(`/v1/projects/${encodeURIComponent(projectId)}/members`, { method: 'PUT', json: members }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['projects'] }),
  });
}

export function useWebhooks(enabled = true) {
  return useQuery({
    queryKey: adminKeys.webhooks,
    enabled,
    queryFn: async ({ signal }) => (await apiJson<{ items: Webhook[] }>('/v1/webhooks', { signal })).items,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhook: NewWebhook) =>
      apiJson<WebhookWithSecret>('/v1/webhooks', {
        method: 'POST',
        json: webhook,
        headers: { 'Idempotency-Key': requestKey() },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks }),
  });
}

export function useWebhookAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ webhook, action }: { webhook: Webhook; action: 'rotate' | 'test' | 'toggle' | 'delete' }) => {
      const path = `/v1/webhooks/${encodeURIComponent(webhook.id)}`;
      if (action === 'rotate')
        return { action, result: await apiJson<WebhookWithSecret>(`${path}/rotate-secret`, { method: 'POST' }) };
      if (action === 'test')
        return { action, result: await apiJson<z.infer<typeof WebhookTestResult>>(`${path}/test`, { method: 'POST' }) };
      if (action === 'delete') {
        await apiFetch(path, { method: 'DELETE', headers: { 'If-Match': webhook.etag } });
        return { action, result: null };
      }
      return {
        action,
        result: await apiJson<Webhook>(path, {
          method: 'PATCH',
          json: { active: !webhook.active },
          headers: { 'If-Match': webhook.etag },
        }),
      };
    },
    onSettled: (_data, _error, { webhook }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.webhooks }),
        queryClient.invalidateQueries({ queryKey: adminKeys.deliveries(webhook.id) }),
      ]),
  });
}

/** The delivery log, refreshed while deliveries are still being attempted. */
export function useDeliveries(webhookId: string | undefined) {
  return useQuery({
    queryKey: adminKeys.deliveries(webhookId ?? ''),
    enabled: Boolean(webhookId),
    queryFn: async ({ signal }) =>
      (
        await apiJson<{ items: WebhookDelivery[] }>(
          `/v1/webhooks/${encodeURIComponent(webhookId!)}/deliveries?pageSize=25`,
          { signal },
        )
      ).items,
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending') ? 2_000 : 15_000),
  });
}

/** An admin renames the organization (the one setting it owns); the version seen goes in If-Match. */
export function useRenameTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tenant, name }: { tenant: Tenant; name: string }) =>
      apiJson<Tenant>('/v1/tenant', { method: 'PATCH', json: { name }, headers: { 'If-Match': tenant.etag } }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tenant'] }),
        queryClient.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}
