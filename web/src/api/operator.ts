import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SignupResponse, TenantView, UpdateTenantRequest } from '@core/api/tenants';
import { apiJson, apiSend } from './client';
import { meKey } from './me';

export type TenantSummary = z.infer<typeof TenantView>;
export type TenantChange = z.input<typeof UpdateTenantRequest>;

const operatorKeys = { tenants: ['operator', 'tenants'] as const };

/** Every tenant of the platform, read through its pages (the operator searches them in the browser). */
export function useTenants() {
  return useQuery({
    queryKey: operatorKeys.tenants,
    queryFn: async ({ signal }) => {
      const tenants: TenantSummary[] = [];
      let token: string | null = null;
      do {
        const params = new URLSearchParams({ pageSize: '100' });
        if (token) params.set('continuationToken', token);
        const page: { items: TenantSummary[]; continuationToken: string | null } = await apiJson(
          `/v1/operator/tenants?${params.toString()}`,
          { signal },
        );
        tenants.push(...page.items);
        token = page.continuationToken;
      } while (token);
      return tenants;
    },
  });
}

export function useUpdateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tenant, change }: { tenant: TenantSummary; change: TenantChange }) =>
      apiJson<TenantSummary>(`/v1/operator/tenants/${encodeURIComponent(tenant.id)}`, {
        method: 'PATCH',
        json: change,
        headers: { 'If-Match': tenant.etag },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: operatorKeys.tenants }),
  });
}

/** Reopens an organization its admin closed, while its deletion is still only scheduled. */
export function useCancelTenantDeletion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tenant: TenantSummary) =>
      apiSend(`/v1/operator/tenants/${encodeURIComponent(tenant.id)}/deletion`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: operatorKeys.tenants }),
  });
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { tenantName: string; displayName?: string }) =>
      apiJson<z.infer<typeof SignupResponse>>('/v1/tenants/signup', {
        method: 'POST',
        json: request,
        headers: { 'Idempotency-Key': `web-${crypto.randomUUID()}` },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
